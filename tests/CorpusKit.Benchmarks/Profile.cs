using System;
using System.Diagnostics;
using System.Linq;
using NewsDesk;

namespace CorpusKit.Benchmarks;

/// <summary><c>-- --profile</c>: time spent per stage of the NewsDesk corpus, to see where a pass goes.</summary>
internal static class Profile
{
    public static void Run()
    {
        AppContext.SetSwitch(global::CorpusKit.Matching.PatternRunner.CompiledPatternsSwitch, Environment.GetEnvironmentVariable("CORPUSKIT_COMPILED") == "1");
        string[] documents = NewsDeskThroughput.Corpus(40);
        var stages = new (string Name, Func<ExtractionContext, int> Run)[]
        {
            ("normalize", c => c.GetText(TextNormalization.Arabic).Text.Length),
            ("Organization", c => OrganizationExtractor.Instance.Extract(c).Count),
            ("Source", c => SourceExtractor.Instance.Extract(c).Count),
            ("Person", c => PersonExtractor.Instance.Extract(c).Count),
            ("Place", c => PlaceExtractor.Instance.Extract(c).Count),
            ("Date", c => DateExtractor.Instance.Extract(c).Count),
            ("Quote", c => QuoteExtractor.Instance.Extract(c).Count),
        };
        for (int round = 0; round < 8; round++)
        {
            var times = new double[stages.Length];
            var bytes = new long[stages.Length + 1];
            var layout = Stopwatch.StartNew();
            foreach (string document in documents)
            {
                _ = NewsDeskCorpus.Instance.Extract(document);
            }

            layout.Stop();
            foreach (string document in documents)
            {
                var context = new ExtractionContext(document);
                for (int i = 0; i < stages.Length; i++)
                {
                    long start = Stopwatch.GetTimestamp();
                    long allocated = GC.GetAllocatedBytesForCurrentThread();
                    stages[i].Run(context);
                    times[i] += Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                    bytes[i] += GC.GetAllocatedBytesForCurrentThread() - allocated;
                }
            }

            if (round == 7)
            {
                var patterns = typeof(DateExtractor).GetNestedType("Patterns", System.Reflection.BindingFlags.NonPublic)!;
                string[] normalized = documents.Select(d => Normalizer.Normalize(d, TextNormalization.Arabic).Text).ToArray();
                foreach (var field in patterns.GetFields(System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static))
                {
                    var regex = (System.Text.RegularExpressions.Regex)field.GetValue(null)!;
                    long start = Stopwatch.GetTimestamp();
                    int count = 0;
                    foreach (string text in normalized)
                    {
                        count += regex.Count(text);
                    }

                    Console.WriteLine($"  Date pattern {field.Name}: {Stopwatch.GetElapsedTime(start).TotalMilliseconds:0.0} ms, {count} matches");
                }
            }

            Console.WriteLine($"round {round}: whole corpus {layout.Elapsed.TotalMilliseconds:0} ms; " + string.Join(", ", stages.Select((s, i) => $"{s.Name} {times[i]:0} ms {bytes[i] / 1048576.0:0.0} MB")));
        }
    }
}
