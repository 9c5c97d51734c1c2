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

    /// <summary>The score of <paramref name="type"/>, or null when neither side has it.</summary>
    public TypeScore? For(string type) => Types.FirstOrDefault(t => t.Type == type);

    /// <summary>The report as text: a table per type, then the misses and false hits.</summary>
    public string ToText(bool details = true)
    {
        var text = new StringBuilder();
        text.AppendLine("type          exact P   R     F1      overlap P   R     F1      attrs   gold  pred");
        foreach (TypeScore type in Types)
        {
            int gold = type.Exact.TruePositives + type.Exact.FalseNegatives;
            int predicted = type.Exact.TruePositives + type.Exact.FalsePositives;
            text.AppendLine(Row(type.Type, type.Exact, type.Overlap, $"{type.AttributesRight}/{type.Exact.TruePositives}", gold, predicted));
        }

        text.AppendLine(Row("all", Exact, Overlap, string.Empty, Exact.TruePositives + Exact.FalseNegatives, Exact.TruePositives + Exact.FalsePositives));
        if (details)
        {
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
        }

        return text.ToString();
    }

    private static string Row(string name, Score exact, Score overlap, string attributes, int gold, int predicted)
        => string.Create(
            CultureInfo.InvariantCulture,
            $"{name,-13} {exact.Precision,-7:0.000} {exact.Recall,-5:0.000} {exact.F1,-7:0.000} {overlap.Precision,-11:0.000} {overlap.Recall,-5:0.000} {overlap.F1,-7:0.000} {attributes,-7} {gold,-5} {predicted}");
}
