using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using NewsDesk;

namespace CorpusKit.Benchmarks;

/// <summary>
/// The NewsDesk corpus extractor over a corpus made in memory from the seeds, against what a
/// .NET developer writes by hand without CorpusKit: one Regex per regex rule, an IndexOf loop
/// per lexicon form. Both run over the same documents in the same process; the MB/s column is
/// UTF-8 input per second.
/// </summary>
[Config(typeof(ThroughputConfig))]
[MemoryDiagnoser]
public class NewsDeskThroughput
{
    private string[] _documents = [];

    /// <summary>How many copies of the five seeds make the corpus.</summary>
    [Params(40)]
    public int Copies { get; set; }

    /// <summary>Whether CorpusKit's patterns are compiled to IL (the baseline's always are); each case runs in a process of its own.</summary>
    [Params(false, true)]
    public bool CompiledPatterns { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        AppContext.SetSwitch(global::CorpusKit.Matching.PatternRunner.CompiledPatternsSwitch, CompiledPatterns);
        _documents = Corpus(Copies);
        HandWrittenExtractor.Prepare();
    }

    /// <summary>The corpus: <paramref name="copies"/> copies of the seeds, each copy with its own number appended, as articles of one site differ.</summary>
    internal static string[] Corpus(int copies)
    {
        string seeds = CorpusFiles.FindSeeds() ?? throw new InvalidOperationException("seeds/ not found; run from the repository.");
        string[] texts = Directory.GetFiles(seeds, "*.txt").OrderBy(f => f, StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
        return Enumerable.Range(0, copies).SelectMany(i => texts.Select(t => t + "\n" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray();
    }

    [Benchmark(Baseline = true, Description = "hand-written: Regex per rule, IndexOf per term")]
    public int HandWritten()
    {
        int found = 0;
        foreach (string document in _documents)
        {
            found += HandWrittenExtractor.Count(document);
        }

        return found;
    }

    [Benchmark(Description = "CorpusKit: NewsDeskCorpus.Extract")]
    public int CorpusKit()
    {
        int found = 0;
        foreach (string document in _documents)
        {
            found += NewsDeskCorpus.Instance.Extract(document).Mentions().Count;
        }

        return found;
    }

    private sealed class ThroughputConfig : ManualConfig
    {
        public ThroughputConfig() => AddColumn(new MegabytesPerSecondColumn());
    }

    /// <summary>UTF-8 megabytes of input per second, from the mean time of one pass over the corpus.</summary>
    private sealed class MegabytesPerSecondColumn : IColumn
    {
        public string Id => "MBps";

        public string ColumnName => "MB/s";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "UTF-8 input megabytes (2^20 bytes) per second";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
        {
            var statistics = summary[benchmarkCase]?.ResultStatistics;
            if (statistics is null || benchmarkCase.Parameters["Copies"] is not int copies)
            {
                return "-";
            }

            // The benchmark ran in a process of its own: measure the same corpus here.
            long bytes = Corpus(copies).Sum(d => (long)Encoding.UTF8.GetByteCount(d));
            return (bytes / 1048576.0 / (statistics.Mean / 1e9)).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
        }

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }
}
