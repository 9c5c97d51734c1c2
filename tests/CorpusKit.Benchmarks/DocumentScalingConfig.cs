using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;

namespace CorpusKit.Benchmarks;

/// <summary>
/// <see cref="ThroughputConfig"/> for <see cref="DocumentScaling"/>, where one pass over the
/// largest document may take minutes: each pass timed as it runs (monitoring, no pilot), in one
/// process, one warm-up pass and three measured ones (BenchmarkDotNet adds one to compile the
/// code and one for the memory diagnoser). A job given on the command line replaces it.
/// </summary>
public sealed class DocumentScalingConfig : ThroughputConfig
{
    /// <summary>Builds the configuration.</summary>
    public DocumentScalingConfig()
        => AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(3).WithId("ThreePasses").AsDefault());
}
