namespace CorpusKit.Documents;

/// <summary>What a line of a document is, as the document's rules see it.</summary>
public enum LineKind
{
    /// <summary>A line of the article's body.</summary>
    Body,

    /// <summary>A line with nothing but white space.</summary>
    Blank,

    /// <summary>The headline: the first body line.</summary>
    Headline,

    /// <summary>A line a boilerplate rule dropped: rules do not see it.</summary>
    Boilerplate,

    /// <summary>A body line that repeats an earlier one, or is repeated in it (a truncated copy).</summary>
    Duplicate,
}

/// <summary>One line of a document.</summary>
/// <param name="Number">The 1-based line number (lines split at <c>\n</c>).</param>
/// <param name="Span">The line without its line break, in the original text.</param>
/// <param name="Kind">What the line is.</param>
/// <param name="Rule">The boilerplate rule that dropped it; for a duplicate, the number of the line it repeats, as text.</param>
public readonly record struct DocumentLine(int Number, TextSpan Span, LineKind Kind, string? Rule);
