using CorpusKit.Json;
using CorpusKit.Testing;
using MyCorpus;

namespace MyCorpus.Tests;

/// <summary>The schema's examples, and the sample document's result as a reviewed snapshot.</summary>
public sealed class ExtractionTests
{
    /// <summary>Every <c>examples:</c> entry of every rule: the span and fields it expects, or none.</summary>
    [Fact]
    public void Every_rule_example_holds()
    {
        Assert.NotEmpty(NewsCorpus.Examples);
        Assert.All(NewsCorpus.Examples, example => Assert.Null(example.Check()));
    }

    /// <summary>
    /// The sample's whole result. When a rule or the text changes, the test fails with a diff and
    /// writes ExtractionTests.The_sample_document.received.json: read it, then rename it to .verified.json
    /// to accept it.
    /// </summary>
    [Fact]
    public void The_sample_document()
    {
        string text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "corpus", "sample.txt"));
        Snapshot.Verify(CorpusJson.Serialize(NewsCorpus.Instance.Extract(text, "sample.txt")) + "\n", "json");
    }
}
