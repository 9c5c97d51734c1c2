using BenchmarkDotNet.Reports;

namespace CorpusKit.Benchmarks;

/// <summary>Throughput: UTF-8 input megabytes (2^20 bytes) per second, from the mean time of one operation.</summary>
public sealed class MegabytesPerSecondColumn : InputColumn
{
    /// <inheritdoc/>
    public override string Id => "MBps";

    /// <inheritdoc/>
    public override string ColumnName => "MB/s";

    /// <inheritdoc/>
    public override string Legend => "UTF-8 input megabytes (2^20 bytes) per second, from the mean";

    /// <inheritdoc/>
    protected override double? Compute(BenchmarkReport report, long inputBytes)
        => report.ResultStatistics is { Mean: > 0 } statistics ? inputBytes / (double)Utf8Size.Megabyte / (statistics.Mean / 1e9) : null;
}
