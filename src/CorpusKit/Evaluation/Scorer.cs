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
        var attributes = new List<AttributeScore>();
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
            var tally = new SortedDictionary<(string Attribute, string Doc), (int Right, int Compared, List<(Mention, Mention)> Wrong)>(Comparer<(string, string)>.Create(
                static (a, b) => string.CompareOrdinal(a.Item1, b.Item1) is var byName and not 0 ? byName : string.CompareOrdinal(a.Item2, b.Item2)));
            foreach ((Mention goldMention, Mention predictedMention) in exactPairs.OrderBy(p => p.Gold.Doc, StringComparer.Ordinal).ThenBy(p => p.Gold.Start))
            {
                foreach (KeyValuePair<string, string> attribute in goldMention.Attributes)
                {
                    bool right = predictedMention.Attributes.TryGetValue(attribute.Key, out string? value) && value == attribute.Value;
                    if (!tally.TryGetValue((attribute.Key, goldMention.Doc), out var counts))
                    {
                        counts = (0, 0, []);
                    }

                    if (!right)
                    {
                        counts.Wrong.Add((goldMention, predictedMention));
                    }

                    tally[(attribute.Key, goldMention.Doc)] = (counts.Right + (right ? 1 : 0), counts.Compared + 1, counts.Wrong);
                }
            }

            attributes.AddRange(tally.Select(t => new AttributeScore(type, t.Key.Attribute, t.Key.Doc, t.Value.Right, t.Value.Compared, t.Value.Wrong)));
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

        return new EvaluationReport(scores, exactTotal, overlapTotal) { Attributes = attributes };
    }

    private static (string, int, int) Key(Mention mention) => (mention.Doc, mention.Start, mention.End);
}
