using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace CorpusKit.Evaluation;

/// <summary>Precision, recall and F1 from counts.</summary>
/// <param name="TruePositives">Predicted mentions matched to a gold one.</param>
/// <param name="FalsePositives">Predicted mentions that match none.</param>
/// <param name="FalseNegatives">Gold mentions that no prediction matches.</param>
public readonly record struct Score(int TruePositives, int FalsePositives, int FalseNegatives)
{
    /// <summary>TP / (TP + FP); 1 when nothing was predicted and nothing was expected.</summary>
    public double Precision => TruePositives + FalsePositives == 0 ? (FalseNegatives == 0 ? 1 : 0) : (double)TruePositives / (TruePositives + FalsePositives);

    /// <summary>TP / (TP + FN); 1 when there was nothing to find.</summary>
    public double Recall => TruePositives + FalseNegatives == 0 ? (FalsePositives == 0 ? 1 : 0) : (double)TruePositives / (TruePositives + FalseNegatives);

    /// <summary>The harmonic mean of precision and recall.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>The sum of two scores (micro-averaging).</summary>
    public static Score operator +(Score a, Score b)
        => new(a.TruePositives + b.TruePositives, a.FalsePositives + b.FalsePositives, a.FalseNegatives + b.FalseNegatives);
}

/// <summary>The scores of one entity type, and what went wrong.</summary>
/// <param name="Type">The entity type.</param>
/// <param name="Exact">Matches with the same doc, type and span.</param>
/// <param name="Overlap">Matches with the same doc and type and overlapping spans (one to one).</param>
/// <param name="AttributesRight">Of the exact matches, those whose gold attributes all equal the predicted ones.</param>
/// <param name="Misses">Gold mentions no prediction matches exactly.</param>
/// <param name="FalseHits">Predicted mentions that match no gold one exactly.</param>
public sealed record TypeScore(string Type, Score Exact, Score Overlap, int AttributesRight, IReadOnlyList<Mention> Misses, IReadOnlyList<Mention> FalseHits);

/// <summary>The result of comparing predicted mentions with gold ones.</summary>
public sealed record EvaluationReport(IReadOnlyList<TypeScore> Types, Score Exact, Score Overlap)
{
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

/// <summary>
/// Scores predicted mentions against gold ones, per type: exact (same doc, type and span) and
/// overlapping (same doc and type, spans overlap, matched one to one, exact pairs first).
/// </summary>
public static class Scorer
{
    /// <summary>Compares <paramref name="predicted"/> with <paramref name="gold"/>.</summary>
    public static EvaluationReport Score(IReadOnlyList<Mention> gold, IReadOnlyList<Mention> predicted)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        var types = gold.Select(m => m.Type).Concat(predicted.Select(m => m.Type)).Distinct().OrderBy(t => t, StringComparer.Ordinal).ToList();
        var scores = new List<TypeScore>();
        Score exactTotal = default;
        Score overlapTotal = default;
        foreach (string type in types)
        {
            List<Mention> g = gold.Where(m => m.Type == type).ToList();
            List<Mention> p = predicted.Where(m => m.Type == type).ToList();
            var goldByKey = g.GroupBy(Key).ToDictionary(x => x.Key, x => new Queue<Mention>(x));
            var exactPairs = new List<(Mention Gold, Mention Predicted)>();
            var unmatchedPredicted = new List<Mention>();
            foreach (Mention mention in p)
            {
                if (goldByKey.TryGetValue(Key(mention), out Queue<Mention>? queue) && queue.Count > 0)
                {
                    exactPairs.Add((queue.Dequeue(), mention));
                }
                else
                {
                    unmatchedPredicted.Add(mention);
                }
            }

            List<Mention> unmatchedGold = goldByKey.Values.SelectMany(q => q).OrderBy(m => m.Doc, StringComparer.Ordinal).ThenBy(m => m.Start).ToList();
            var exact = new Score(exactPairs.Count, unmatchedPredicted.Count, unmatchedGold.Count);

            // Overlap: the exact pairs, then each remaining prediction takes the first free gold mention it overlaps.
            var free = new List<Mention>(unmatchedGold);
            int overlapping = exactPairs.Count;
            foreach (Mention mention in unmatchedPredicted)
            {
                int index = free.FindIndex(m => m.Doc == mention.Doc && m.Overlaps(mention));
                if (index >= 0)
                {
                    free.RemoveAt(index);
                    overlapping++;
                }
            }

            var overlap = new Score(overlapping, p.Count - overlapping, g.Count - overlapping);
            int attributesRight = exactPairs.Count(pair => pair.Gold.Attributes.All(a => pair.Predicted.Attributes.TryGetValue(a.Key, out string? value) && value == a.Value));
            scores.Add(new TypeScore(
                type,
                exact,
                overlap,
                attributesRight,
                unmatchedGold,
                unmatchedPredicted.OrderBy(m => m.Doc, StringComparer.Ordinal).ThenBy(m => m.Start).ToList()));
            exactTotal += exact;
            overlapTotal += overlap;
        }

        return new EvaluationReport(scores, exactTotal, overlapTotal);
    }

    private static (string, int, int) Key(Mention mention) => (mention.Doc, mention.Start, mention.End);
}
