using System;
using System.Collections.Generic;
using System.Linq;

namespace CorpusKit.Evaluation;

/// <summary>
/// Scores predicted mentions against gold ones, per type: exact (same doc, type and span) and
/// overlapping (same doc and type, spans overlap, matched one to one, exact pairs first).
/// </summary>
internal static class Scorer
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
