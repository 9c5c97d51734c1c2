using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

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
    /// <summary>The id of the rule that found it, when the file says (a run's export does; gold files do not).</summary>
    public string? Rule { get; init; }

    /// <summary>
    /// Reads every mention of a mention file (JSON Lines, one mention a line, as the mention export
    /// and the gold files write them). A line that is not a mention is reported in
    /// <paramref name="problems"/> with its number and left out; the other lines still count.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="problems">Where the lines left out are reported, as <c>path(line): why</c>.</param>
    public static List<Mention> ReadFile(string path, List<string> problems) => MentionFile.Read(path, problems);

    /// <summary>Parses one line of a mention file; false with the reason when it is not a mention.</summary>
    /// <param name="line">One JSON object.</param>
    /// <param name="mention">The mention, when the line is one.</param>
    /// <param name="error">Why the line is not a mention, when it is not.</param>
    public static bool TryParse(string line, [NotNullWhen(true)] out Mention? mention, [NotNullWhen(false)] out string? error)
        => MentionFile.Parse(line, out mention, out error);

    /// <summary>Whether the two mentions' spans share a char (or are the same empty span).</summary>
    public bool Overlaps(Mention other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return (Start < other.End && other.Start < End) || (Start == other.Start && End == other.End);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Doc} {Type} [{Start}..{End}) {Text}";
}
