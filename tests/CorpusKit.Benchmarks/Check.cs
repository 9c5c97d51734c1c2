using System;
using System.Collections.Generic;
using System.Linq;
using NewsDesk;

namespace CorpusKit.Benchmarks;

/// <summary>
/// <c>-- --check</c>, not a benchmark: what each contender finds in the seed corpus and in the
/// first megabytes of the varied corpus, so a reader sees that they do comparable work. The
/// baselines' counts are split into lexicon forms (terms) and rule by rule, CorpusKit's into
/// entity types. The baselines count more: every occurrence of every lexicon form counts
/// (titles, credits, outlets and speech cues too, which CorpusKit uses only as context), and the
/// naive one also counts forms inside longer forms and words, and overlapping matches of the
/// rules.
/// </summary>
internal static class Check
{
    private const int VariedSampleMegabytes = 2;

    /// <summary>Prints the counts.</summary>
    public static void Run()
    {
        var naive = new NaiveExtractor(NewsDeskSchema.Instance);
        var expert = new ExpertExtractor(NewsDeskSchema.Instance);
        string[] rules = [.. BaselineRules.For(NewsDeskSchema.Instance).Select(rule => rule.Name)];
        Report("seed corpus (SeedCorpusThroughput)", SeedCorpus.Copies(SeedCorpus.BenchmarkCopies), naive, expert, rules);
        Report(
            $"varied corpus, first {VariedSampleMegabytes} MB (VariedCorpusThroughput runs {VariedCorpusThroughput.CorpusMegabytes} MB of it)",
            [.. VariedCorpus.FromSeeds().Documents(VariedSampleMegabytes * Utf8Size.Megabyte)],
            naive,
            expert,
            rules);
    }

    private static void Report(string title, string[] documents, NaiveExtractor naive, ExpertExtractor expert, string[] rules)
    {
        double megabytes = Utf8Size.Of(documents) / (double)Utf8Size.Megabyte;
        Console.WriteLine($"{title}: {documents.Length} documents ({documents.Distinct(StringComparer.Ordinal).Count()} distinct), {megabytes:0.00} MB of UTF-8");

        var naiveCounts = new int[rules.Length];
        var expertCounts = new int[rules.Length];
        int naiveTerms = 0;
        int expertTerms = 0;
        var entities = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (string document in documents)
        {
            naiveTerms += naive.CountTerms(document);
            naive.CountPatterns(document, naiveCounts);
            expertTerms += expert.CountTerms(document);
            expert.CountPatterns(document, expertCounts);
            foreach (IEntity entity in NewsDeskCorpus.Instance.Extract(document).Mentions())
            {
                entities[entity.EntityType] = entities.GetValueOrDefault(entity.EntityType) + 1;
            }
        }

        Line("naive", naiveTerms + naiveCounts.Sum(), megabytes, [("terms", naiveTerms), .. rules.Zip(naiveCounts)]);
        Line("expert", expertTerms + expertCounts.Sum(), megabytes, [("terms", expertTerms), .. rules.Zip(expertCounts)]);
        Line("CorpusKit", entities.Values.Sum(), megabytes, [.. entities.Select(entity => (entity.Key, entity.Value))]);
        Console.WriteLine();
    }

    private static void Line(string contender, int total, double megabytes, (string Name, int Count)[] parts)
        => Console.WriteLine($"  {contender,-9} {total,7} found, {total / megabytes,6:0}/MB: " + string.Join(", ", parts.Select(part => $"{part.Name} {part.Count}")));
}
