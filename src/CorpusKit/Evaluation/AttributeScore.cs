using System.Collections.Generic;

namespace CorpusKit.Evaluation;

/// <summary>
/// How often one attribute of one entity type is right in one document, over the mentions found
/// with exactly the gold span (a quote's speaker per article), and the ones that are wrong.
/// </summary>
/// <param name="Type">The entity type.</param>
/// <param name="Attribute">The attribute, as the gold file names it (<c>speaker</c>).</param>
/// <param name="Doc">The document.</param>
/// <param name="Right">Of <paramref name="Compared"/>, those whose predicted value equals the gold one (a reference by its key).</param>
/// <param name="Compared">The exact matches whose gold mention has the attribute.</param>
/// <param name="Wrong">The exact matches whose predicted value is another, or none: each gold mention and the one found, in text order.</param>
public sealed record AttributeScore(string Type, string Attribute, string Doc, int Right, int Compared, IReadOnlyList<(Mention Gold, Mention Found)> Wrong)
{
    /// <summary>A wrong value as <c>Type.attribute doc [start..end) text: gold …, found …</c>.</summary>
    public string Describe((Mention Gold, Mention Found) wrong)
        => $"{Type}.{Attribute} {Doc} [{wrong.Gold.Start}..{wrong.Gold.End}) {wrong.Gold.Text}: gold {wrong.Gold.Attributes[Attribute]}, found {(wrong.Found.Attributes.TryGetValue(Attribute, out string? found) ? found : "none")}";
}
