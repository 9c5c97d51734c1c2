using System.ComponentModel;

namespace CorpusKit.CompilerServices;

/// <summary>A form found in normalized text: where it stands and the value of the form.</summary>
/// <param name="Start">Index of the first normalized char of the span (after any proclitic).</param>
/// <param name="End">Index just past the span, in normalized text.</param>
/// <param name="Value">The value the form was added with.</param>
/// <remarks>For generated code: CorpusKit's generator emits the calls to this type; it is not meant to be called by hand and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly record struct TermHit(int Start, int End, int Value);
