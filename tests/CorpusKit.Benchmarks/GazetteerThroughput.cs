using System;
using System.Buffers;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using CorpusKit.Benchmarks.Gazetteer;

namespace CorpusKit.Benchmarks;

/// <summary>
/// A gazetteer at a real size (200,000 forms, <c>Gazetteer/gazetteer.corpus.yaml</c>) over the seed
/// corpus, in one run: what a strong .NET developer writes without CorpusKit (every form in one
/// <see cref="SearchValues{T}"/> of strings, one scan a document; the ratio's 1.00) and the
/// generated extractor (whole words, proclitics and normalization, overlaps resolved, entities
/// made). Whether matching keeps its speed at this size is the question (issue "Gazetteers").
/// </summary>
[Config(typeof(ThroughputConfig))]
public class GazetteerThroughput : ICorpusBenchmark
{
    private string[] _documents = [];
    private SearchValues<string> _forms = null!;

    /// <summary>How many copies of the seeds make the corpus.</summary>
    [Params(SeedCorpus.BenchmarkCopies)]
    public int Copies { get; set; }

    /// <summary>Makes the corpus, the expert's search values, and the generated index (so its first use is not measured).</summary>
    [GlobalSetup]
    public void Setup()
    {
        _documents = SeedCorpus.Copies(Copies);
        string file = Path.Combine(AppContext.BaseDirectory, "places.tsv");
        _forms = SearchValues.Create(File.ReadLines(file).Skip(1).Select(line => line[(line.IndexOf('\t') + 1)..]).ToArray(), StringComparison.Ordinal);
        _ = PlaceExtractor.Instance.Extract(_documents[0]);
    }

    /// <inheritdoc/>
    public long InputBytes() => Utf8Size.Of(SeedCorpus.Copies(Copies));

    /// <summary>Every form in one <see cref="SearchValues{T}"/>: each place of any form, no word bounds, no normalization.</summary>
    [Benchmark(Baseline = true, Description = "expert: SearchValues<string> of 200k forms")]
    public int Expert()
    {
        int found = 0;
        foreach (string document in _documents)
        {
            ReadOnlySpan<char> rest = document;
            for (int at = rest.IndexOfAny(_forms); at >= 0; at = rest.IndexOfAny(_forms))
            {
                found++;
                rest = rest[(at + 1)..];
            }
        }

        return found;
    }

    /// <summary>CorpusKit: the generated extractor over each document.</summary>
    [Benchmark(Description = "CorpusKit: 200k-form gazetteer")]
    public int CorpusKit()
    {
        int found = 0;
        foreach (string document in _documents)
        {
            found += PlaceExtractor.Instance.Extract(document).Count;
        }

        return found;
    }
}
