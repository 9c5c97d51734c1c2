using BenchmarkDotNet.Attributes;
using NewsDesk;

namespace CorpusKit.Benchmarks;

/// <summary>
/// The three contenders over the same documents, in one run: the naive baseline (the ratio's
/// 1.00), the expert baseline and CorpusKit's generated NewsDesk corpus (with and without its
/// groups read). Each operation is one
/// pass over the whole corpus and returns what it found, so no work can be dropped; the
/// corpus, and the configuration, are the subclass's.
/// </summary>
public abstract class ExtractorComparison : ICorpusBenchmark
{
    private string[] _documents = [];
    private NaiveExtractor _naive = null!;
    private ExpertExtractor _expert = null!;

    /// <summary>Makes the corpus and prepares both baselines (their regexes compiled here, not while measured).</summary>
    [GlobalSetup]
    public void Setup()
    {
        _documents = CreateCorpus();
        _naive = new NaiveExtractor(NewsDeskSchema.Instance);
        _expert = new ExpertExtractor(NewsDeskSchema.Instance);
    }

    /// <inheritdoc/>
    public long InputBytes() => Utf8Size.Of(CreateCorpus());

    /// <summary>The naive baseline: an IndexOf loop per lexicon form, a compiled Regex per rule (see <see cref="NaiveExtractor"/>).</summary>
    [Benchmark(Baseline = true, Description = "naive: IndexOf per form, Regex per rule")]
    public int Naive()
    {
        int found = 0;
        foreach (string document in _documents)
        {
            found += _naive.Count(document);
        }

        return found;
    }

    /// <summary>The expert baseline: one SearchValues scan for every form, one combined compiled Regex (see <see cref="ExpertExtractor"/>).</summary>
    [Benchmark(Description = "expert: SearchValues scan, one combined Regex")]
    public int Expert()
    {
        int found = 0;
        foreach (string document in _documents)
        {
            found += _expert.Count(document);
        }

        return found;
    }

    /// <summary>
    /// CorpusKit: the generated corpus extracts each document, and its mentions are gone through in
    /// document order (every type's merged, as a writer reads them); their count is returned.
    /// </summary>
    [Benchmark(Description = "CorpusKit: NewsDeskCorpus.Extract")]
    public int CorpusKit()
    {
        int found = 0;
        foreach (string document in _documents)
        {
            foreach (IEntity mention in NewsDeskCorpus.Instance.Extract(document).Mentions())
            {
                found++;
            }
        }

        return found;
    }

    /// <summary>
    /// CorpusKit, and the document's distinct entities read too: a document forms its groups when
    /// they are first read, which the baselines have no counterpart of; this shows what they cost.
    /// </summary>
    [Benchmark(Description = "CorpusKit: NewsDeskCorpus.Extract, groups read too")]
    public int CorpusKitWithGroups()
    {
        int found = 0;
        foreach (string document in _documents)
        {
            Article article = NewsDeskCorpus.Instance.Extract(document);
            foreach (IEntity mention in article.Mentions())
            {
                found++;
            }

            found += article.Sources.Count + article.People.Count + article.Organizations.Count
                + article.Places.Count + article.Dates.Count + article.Quotes.Count;
        }

        return found;
    }

    /// <summary>The documents every contender runs over, the same on every call for the same parameters.</summary>
    protected abstract string[] CreateCorpus();
}
