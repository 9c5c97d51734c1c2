using System;
using System.Collections.Generic;

namespace CorpusKit.Evaluation;

/// <summary>One line of a mention file (<c>{"doc","type","start","end","text","attrs"}</c>): a gold or predicted entity.</summary>
/// <param name="Doc">The document's name.</param>
/// <param name="Type">The entity type.</param>
/// <param name="Start">Start offset in UTF-16 code units of the original text.</param>
/// <param name="End">End offset, exclusive.</param>
/// <param name="Text">The text of the span.</param>
/// <param name="Attributes">The attributes as flat text (<c>name=value</c>, in the file's order).</param>
public sealed record Mention(string Doc, string Type, int Start, int End, string Text, IReadOnlyDictionary<string, string> Attributes)
{
    /// <summary>Whether the two mentions' spans share a char (or are the same empty span).</summary>
    public bool Overlaps(Mention other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return (Start < other.End && other.Start < End) || (Start == other.Start && End == other.End);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Doc} {Type} [{Start}..{End}) {Text}";
}
