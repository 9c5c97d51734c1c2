using BenchmarkDotNet.Reports;

namespace CorpusKit.Benchmarks;

/// <summary>Managed bytes allocated per UTF-8 input byte: the memory diagnoser's Allocated divided by the input's size.</summary>
public sealed class AllocatedPerInputByteColumn : InputColumn
{
    /// <inheritdoc/>
    public override string Id => "AllocPerInputByte";

    /// <inheritdoc/>
    public override string ColumnName => "Alloc/byte";

    /// <inheritdoc/>
    public override string Legend => "Managed bytes allocated per UTF-8 input byte (Allocated / input size)";

    /// <inheritdoc/>
    protected override double? Compute(BenchmarkReport report, long inputBytes)
        => report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) is long allocated ? allocated / (double)inputBytes : null;
}
