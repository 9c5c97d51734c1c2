using System;
using CorpusKit.Matching;

namespace CorpusKit.Documents;

/// <summary>How far a boilerplate rule reaches from a line it matches.</summary>
public enum LineRuleReach
{
    /// <summary>The matching line only.</summary>
    Line,

    /// <summary>The matching line and every line after it (a related-articles list, a comment section).</summary>
    Rest,
}

/// <summary>A boilerplate rule of a document: a pattern tried on each line's normalized text.</summary>
/// <param name="Id">The rule's id, as the schema names it.</param>
/// <param name="Pattern">The pattern, checked at build time.</param>
/// <param name="Reach">Whether a match drops the line alone or the rest of the document.</param>
public sealed record LineRule(string Id, Pattern Pattern, LineRuleReach Reach)
{
    /// <summary>The pattern, which must not be null.</summary>
    public Pattern Pattern { get; } = Pattern ?? throw new ArgumentNullException(nameof(Pattern));
}
