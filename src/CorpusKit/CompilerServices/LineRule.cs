using System;
using System.ComponentModel;

namespace CorpusKit.CompilerServices;

/// <summary>A boilerplate rule of a document: a pattern tried on each line's normalized text.</summary>
/// <param name="Id">The rule's id, as the schema names it.</param>
/// <param name="Pattern">The pattern, checked at build time.</param>
/// <param name="Reach">Whether a match drops the line alone, the lines up to the next blank one, or the rest of the document.</param>
/// <remarks>For generated code: CorpusKit's generator emits the calls to this type; it is not meant to be called by hand and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed record LineRule(string Id, Pattern Pattern, LineRuleReach Reach)
{
    /// <summary>The pattern, which must not be null.</summary>
    public Pattern Pattern { get; } = Pattern ?? throw new ArgumentNullException(nameof(Pattern));
}
