using System;
using System.Diagnostics;
using System.Linq;
using CorpusKit.Profiling;
using NewsDesk;

namespace CorpusKit.Benchmarks;

/// <summary>
/// <c>-- --profile</c>: where a pass over the seed corpus goes, in time and allocated bytes:
/// the whole extraction, then each stage on its own. Public API only: the stages run one after
/// another on a fresh <see cref="ExtractionContext"/> per document, in dependency order (each
/// reuses what the stages before it found), with no boilerplate hidden, so they see a little
/// more text than <see cref="NewsDeskCorpus.Extract(string, string?)"/> does. Last, rule by rule
/// (<see cref="RuleProfile"/>): where the whole extraction's time goes inside each stage.
/// </summary>
internal static class Profile
{
    private const int Rounds = 60;

    /// <summary>Runs <see cref="Rounds"/> rounds and prints one line per round (the first rounds include JIT compilation), then the fastest of each.</summary>
    public static void Run()
    {
        string[] documents = SeedCorpus.Copies(SeedCorpus.BenchmarkCopies);

        // First-document latency: this process has run nothing yet, so the first document pays for
        // loading the generated data and compiling the code it runs; the second one is warm for its part.
        (double first, _) = Measure(() => NewsDeskCorpus.Instance.Extract(documents[0]));
        (double second, _) = Measure(() => NewsDeskCorpus.Instance.Extract(documents[1]));
        Console.WriteLine($"first document: {first:0.0} ms; second: {second:0.0} ms");
        var stages = new (string Name, Func<ExtractionContext, int> Run)[]
        {
            ("normalize", context => context.GetText(TextNormalization.Arabic).Length),
            ("Organization", context => OrganizationExtractor.Instance.Extract(context).Count),
            ("Source", context => SourceExtractor.Instance.Extract(context).Count),
            ("Person", context => PersonExtractor.Instance.Extract(context).Count),
            ("Place", context => PlaceExtractor.Instance.Extract(context).Count),
            ("Date", context => DateExtractor.Instance.Extract(context).Count),
            ("Quote", context => QuoteExtractor.Instance.Extract(context).Count),
        };
        Console.WriteLine($"{documents.Length} documents, {Utf8Size.Megabytes(Utf8Size.Of(documents))} MB of UTF-8; time and allocated MB per pass");
        (double Milliseconds, long Bytes) bestWhole = (double.MaxValue, 0);
        var bestStages = new (double Milliseconds, long Bytes)[stages.Length];
        bestStages.AsSpan().Fill((double.MaxValue, 0));
        for (int round = 0; round < Rounds; round++)
        {
            (double Milliseconds, long Bytes) whole = Measure(() =>
            {
                foreach (string document in documents)
                {
                    _ = NewsDeskCorpus.Instance.Extract(document);
                }
            });
            var perStage = new (double Milliseconds, long Bytes)[stages.Length];
            foreach (string document in documents)
            {
                var context = new ExtractionContext(document);
                for (int i = 0; i < stages.Length; i++)
                {
                    (double milliseconds, long bytes) = Measure(() => stages[i].Run(context));
                    perStage[i] = (perStage[i].Milliseconds + milliseconds, perStage[i].Bytes + bytes);
                }
            }

            Console.WriteLine($"round {round}: Extract {Format(whole)} | " + string.Join(", ", stages.Select((stage, i) => $"{stage.Name} {Format(perStage[i])}")));
            bestWhole = whole.Milliseconds < bestWhole.Milliseconds ? whole : bestWhole;
            for (int i = 0; i < stages.Length; i++)
            {
                bestStages[i] = perStage[i].Milliseconds < bestStages[i].Milliseconds ? perStage[i] : bestStages[i];
            }
        }

        // The fastest round of each: the rounds after the first are warm, and on a shared machine
        // the least disturbed one says most about the code.
        Console.WriteLine($"best:    Extract {Format(bestWhole)} | " + string.Join(", ", stages.Select((stage, i) => $"{stage.Name} {Format(bestStages[i])}")));

        // Then rule by rule, the whole extraction timed by the generated code (ExtractionContext.Profile),
        // over the last rounds, warm: the rules that take longest first.
        var profile = new RuleProfile();
        for (int round = 0; round < RuleRounds; round++)
        {
            foreach (string document in documents)
            {
                var context = new ExtractionContext(document) { Profile = profile };
                _ = NewsDeskCorpus.Instance.Extract(context);
                context.EndExtraction(); // its borrowed lists go back to the thread, as Extract(string)'s do
            }
        }

        Console.WriteLine($"rules and steps, {RuleRounds} passes (ms for all {RuleRounds}; candidates before overlaps):");
        Console.Write(profile.ToText(top: 25));
    }

    /// <summary>How many passes the rule-by-rule profile adds up.</summary>
    private const int RuleRounds = 10;

    private static (double Milliseconds, long Bytes) Measure(Action action)
    {
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        long start = Stopwatch.GetTimestamp();
        action();
        return (Stopwatch.GetElapsedTime(start).TotalMilliseconds, GC.GetAllocatedBytesForCurrentThread() - allocated);
    }

    private static string Format((double Milliseconds, long Bytes) cost) => $"{cost.Milliseconds:0.0} ms {Utf8Size.Megabytes(cost.Bytes)} MB";
}
