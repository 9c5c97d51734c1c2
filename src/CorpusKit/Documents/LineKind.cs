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
