using BenchmarkDotNet.Jobs;

namespace CorpusKit.Benchmarks;

/// <summary>
/// <see cref="ThroughputConfig"/> for <see cref="VariedCorpusThroughput"/>, whose one pass takes
/// seconds: one process, two warm-up passes and ten measured ones, instead of BenchmarkDotNet's
/// default of at least six and fifteen. A job given on the command line replaces it.
/// </summary>
public sealed class VariedCorpusConfig : ThroughputConfig
{
    /// <summary>Builds the configuration.</summary>
    public VariedCorpusConfig()
        => AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(10).WithId("TenPasses").AsDefault());
}
