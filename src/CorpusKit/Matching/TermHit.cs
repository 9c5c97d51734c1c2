namespace CorpusKit.Matching;

/// <summary>A form found in normalized text: where it stands and the value of the form.</summary>
/// <param name="Start">Index of the first normalized char of the span (after any proclitic).</param>
/// <param name="End">Index just past the span, in normalized text.</param>
/// <param name="Value">The value the form was added with.</param>
public readonly record struct TermHit(int Start, int End, int Value);
