using BenchmarkDotNet.Attributes;
using NewsDesk;

namespace CorpusKit.Benchmarks;

/// <summary>
/// CorpusKit alone over one document of 8, 16, 32 and 64 MB, varied documents joined on one line
/// (see <see cref="VariedCorpus.OneLine"/>): whether time and allocation grow in proportion to
/// the input. A pass over the largest may take minutes, so its job measures three passes (see
/// <see cref="DocumentScalingConfig"/>).
/// </summary>
[Config(typeof(DocumentScalingConfig))]
public class DocumentScaling : ICorpusBenchmark
{
    private string _document = "";

    /// <summary>The document's least UTF-8 size, in megabytes of 2^20 bytes.</summary>
    [Params(8, 16, 32, 64)]
    public int Megabytes { get; set; }

    /// <summary>Makes the document.</summary>
    [GlobalSetup]
    public void Setup() => _document = CreateDocument();

    /// <inheritdoc/>
    public long InputBytes() => Utf8Size.Of(CreateDocument());

    /// <summary>CorpusKit extracts the one document and goes through its mentions in order; their count is returned.</summary>
    [Benchmark(Description = "CorpusKit: NewsDeskCorpus.Extract, one document")]
    public int CorpusKit()
    {
        int found = 0;
        foreach (IEntity mention in NewsDeskCorpus.Instance.Extract(_document).Mentions())
        {
            found++;
        }

        return found;
    }

    private string CreateDocument() => VariedCorpus.FromSeeds().OneLine(Megabytes * Utf8Size.Megabyte);
}
