using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace CorpusKit.Evaluation;

/// <summary>The result of comparing predicted mentions with gold ones.</summary>
public sealed record EvaluationReport(IReadOnlyList<TypeScore> Types, Score Exact, Score Overlap)
{
    /// <summary>
    /// Scores predicted mentions against gold ones, per type: exact (same document, type and span)
    /// and overlapping (same document and type, spans overlap, matched one to one, exact pairs first).
    /// </summary>
    /// <param name="gold">The mentions that should be found.</param>
    /// <param name="predicted">The mentions that were found.</param>
    public static EvaluationReport Compare(IReadOnlyList<Mention> gold, IReadOnlyList<Mention> predicted) => Scorer.Score(gold, predicted);

    /// <summary>Each attribute of each type, per document: how often it is right over the exact matches.</summary>
    public IReadOnlyList<AttributeScore> Attributes { get; init; } = [];

    /// <summary>The scores of <c>Type.attribute</c> (<c>Quote.speaker</c>) per document, in document order.</summary>
    public IReadOnlyList<AttributeScore> AttributeScores(string typeAndAttribute)
    {
        ArgumentNullException.ThrowIfNull(typeAndAttribute);
        int dot = typeAndAttribute.IndexOf('.', StringComparison.Ordinal);
        return dot <= 0
            ? throw new ArgumentException($"'{typeAndAttribute}' names no attribute: write Type.attribute, such as Quote.speaker.", nameof(typeAndAttribute))
            : Attributes.Where(a => a.Type == typeAndAttribute[..dot] && a.Attribute == typeAndAttribute[(dot + 1)..]).ToList();
    }

    /// <summary>The score of <paramref name="type"/>, or null when neither side has it.</summary>
    public TypeScore? For(string type) => Types.FirstOrDefault(t => t.Type == type);

    /// <summary>
    /// The report as text: a table per type; for each <c>Type.attribute</c> of
    /// <paramref name="perDocument"/> (<c>Quote.speaker</c>), how often it is right in each
    /// document; then, with <paramref name="details"/>, the misses, the false hits and the wrong
    /// values of those attributes.
    /// </summary>
    public string ToText(bool details = true, params string[] perDocument)
    {
        ArgumentNullException.ThrowIfNull(perDocument);
        var text = new StringBuilder();
        text.AppendLine("type          exact P   R     F1      overlap P   R     F1      attrs   gold  pred");
        foreach (TypeScore type in Types)
        {
            int gold = type.Exact.TruePositives + type.Exact.FalseNegatives;
            int predicted = type.Exact.TruePositives + type.Exact.FalsePositives;
            text.AppendLine(Row(type.Type, type.Exact, type.Overlap, $"{type.AttributesRight}/{type.Exact.TruePositives}", gold, predicted));
        }

        text.AppendLine(Row("all", Exact, Overlap, string.Empty, Exact.TruePositives + Exact.FalseNegatives, Exact.TruePositives + Exact.FalsePositives));
        foreach (string attribute in perDocument)
        {
            IReadOnlyList<AttributeScore> scores = AttributeScores(attribute);
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"{attribute} per document: right / compared");
            foreach (AttributeScore score in scores)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {score.Doc,-40} {score.Right}/{score.Compared}");
            }

            int right = scores.Sum(s => s.Right);
            int compared = scores.Sum(s => s.Compared);
            text.AppendLine(CultureInfo.InvariantCulture, $"  {"all",-40} {right}/{compared} ({(compared == 0 ? 1.0 : (double)right / compared):0.000})");
        }

        if (details)
        {
            if (perDocument.Length > 0)
            {
                text.AppendLine();
            }

            foreach (TypeScore type in Types)
            {
                foreach (Mention miss in type.Misses)
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"miss      {miss}");
                }

                foreach (Mention hit in type.FalseHits)
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"false hit {hit}");
                }
            }

            foreach (AttributeScore score in perDocument.SelectMany(AttributeScores))
            {
                foreach ((Mention Gold, Mention Found) wrong in score.Wrong)
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"wrong     {score.Describe(wrong)}");
                }
            }
        }

        return text.ToString();
    }

    private static string Row(string name, Score exact, Score overlap, string attributes, int gold, int predicted)
        => string.Create(
            CultureInfo.InvariantCulture,
            $"{name,-13} {exact.Precision,-7:0.000} {exact.Recall,-5:0.000} {exact.F1,-7:0.000} {overlap.Precision,-11:0.000} {overlap.Recall,-5:0.000} {overlap.F1,-7:0.000} {attributes,-7} {gold,-5} {predicted}");
}
