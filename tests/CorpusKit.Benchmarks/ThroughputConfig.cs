using System;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;

namespace CorpusKit.Benchmarks;

/// <summary>
/// The configuration of every benchmark here: allocated bytes (memory diagnoser), throughput in
/// MB/s and allocated bytes per input byte. It sets no job: BenchmarkDotNet's default one, or
/// the one given on the command line (<c>--job dry</c>), runs.
/// </summary>
/// <remarks>
/// The reports (GitHub markdown, CSV, HTML) land under <c>BenchmarkDotNet.Artifacts/results</c>
/// from BenchmarkDotNet's default configuration, which <c>BenchmarkSwitcher</c> joins to this
/// one; adding <c>MarkdownExporter.GitHub</c> here as well would only draw an "already present"
/// warning on every run.
/// </remarks>
public class ThroughputConfig : ManualConfig
{
    /// <summary>Builds the configuration.</summary>
    public ThroughputConfig()
    {
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(new MegabytesPerSecondColumn(), new AllocatedPerInputByteColumn());

        // BenchmarkDotNet builds its own copy of this project, and with it the NewsDesk schema and the
        // 200,000-form gazetteer through CorpusKit's generator: on a 2-core machine that took longer
        // than the default two minutes (2026-12-07), and every benchmark failed to build.
        WithBuildTimeout(TimeSpan.FromMinutes(10));
    }
}
