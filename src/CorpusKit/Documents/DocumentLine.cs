namespace CorpusKit.Documents;

/// <summary>One line of a document.</summary>
/// <param name="Number">The 1-based line number (lines split at <c>\n</c>).</param>
/// <param name="Span">The line without its line break, in the original text.</param>
/// <param name="Kind">What the line is.</param>
/// <param name="Rule">The boilerplate rule that dropped it; for a duplicate, the number of the line it repeats, as text.</param>
public readonly record struct DocumentLine(int Number, TextSpan Span, LineKind Kind, string? Rule);
