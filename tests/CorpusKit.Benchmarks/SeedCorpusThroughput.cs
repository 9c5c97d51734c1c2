using BenchmarkDotNet.Attributes;

namespace CorpusKit.Benchmarks;

/// <summary>
/// The contenders over the seed corpus, as measured since the first benchmark: 40 copies of the
/// five seed articles, 200 documents, 0.9 MB of UTF-8 (see <see cref="SeedCorpus.Copies"/>).
/// </summary>
[Config(typeof(ThroughputConfig))]
public class SeedCorpusThroughput : ExtractorComparison
{
    /// <summary>How many copies of the seeds make the corpus.</summary>
    [Params(SeedCorpus.BenchmarkCopies)]
    public int Copies { get; set; }

    /// <inheritdoc/>
    protected override string[] CreateCorpus() => SeedCorpus.Copies(Copies);
}
