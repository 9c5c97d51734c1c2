using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace CorpusKit.Benchmarks;

/// <summary>A summary column computed from a case's result and the UTF-8 size of its input (see <see cref="InputSize"/>).</summary>
public abstract class InputColumn : IColumn
{
    /// <inheritdoc/>
    public abstract string Id { get; }

    /// <inheritdoc/>
    public abstract string ColumnName { get; }

    /// <inheritdoc/>
    public abstract string Legend { get; }

    /// <inheritdoc/>
    public bool AlwaysShow => true;

    /// <inheritdoc/>
    public ColumnCategory Category => ColumnCategory.Custom;

    /// <inheritdoc/>
    public int PriorityInCategory => 0;

    /// <inheritdoc/>
    public bool IsNumeric => true;

    /// <inheritdoc/>
    public UnitType UnitType => UnitType.Dimensionless;

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
        => summary[benchmarkCase] is { } report && InputSize.Of(benchmarkCase) is long bytes && Compute(report, bytes) is double value
            ? value.ToString("0.00", CultureInfo.InvariantCulture)
            : "-";

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    /// <inheritdoc/>
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    /// <inheritdoc/>
    public bool IsAvailable(Summary summary) => summary.BenchmarksCases.Any(c => typeof(ICorpusBenchmark).IsAssignableFrom(c.Descriptor.Type));

    /// <summary>The column's value for a case whose input was <paramref name="inputBytes"/> long, or null if the report lacks what it needs.</summary>
    protected abstract double? Compute(BenchmarkReport report, long inputBytes);
}
