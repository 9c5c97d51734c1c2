using BenchmarkDotNet.Attributes;

namespace CorpusKit.Benchmarks;

/// <summary>
/// The contenders over 50 MB of documents varied from the seeds, no two alike (see
/// <see cref="VariedCorpus"/>): about 11,000 documents of 4-5 KB. One pass takes seconds, so
/// its job measures ten passes (see <see cref="VariedCorpusConfig"/>).
/// </summary>
[Config(typeof(VariedCorpusConfig))]
public class VariedCorpusThroughput : ExtractorComparison
{
    /// <summary>The size of the corpus the benchmark runs over, in megabytes.</summary>
    public const int CorpusMegabytes = 50;

    /// <summary>The corpus's least UTF-8 size, in megabytes of 2^20 bytes.</summary>
    [Params(CorpusMegabytes)]
    public int Megabytes { get; set; }

    /// <inheritdoc/>
    protected override string[] CreateCorpus() => [.. VariedCorpus.FromSeeds().Documents(Megabytes * Utf8Size.Megabyte)];
}
