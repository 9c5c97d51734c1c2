using System.Collections.Generic;
using System.Linq;
using CorpusKit.CompilerServices;

namespace CorpusKit.Tests;

/// <summary>Every <c>examples:</c> entry of every schema in this project, run through its rule.</summary>
public sealed class ExampleTests
{
    /// <summary>The example tables of this project's schemas.</summary>
    private static IEnumerable<RuleExample> All => NewsCorpus.Examples;

    [Fact]
    public void Every_example_of_every_schema_holds()
    {
        Assert.NotEmpty(All);
        string[] failures = All.Select(e => e.Check()).OfType<string>().ToArray();
        Assert.True(failures.Length == 0, "Examples that fail:\n" + string.Join("\n", failures));
    }

    [Fact]
    public void A_failing_example_is_named_by_its_yaml_file_and_line()
    {
        RuleExample real = All.First(e => e.Rule == "attributed" && !e.None);
        var wrongSpeaker = new RuleExample(
            real.File, real.Line, real.Column, real.Entity, real.Rule, real.Text,
            none: false, span: null, expected: [new ExpectedValue("speaker", "سيرغي لافروف")],
            extract: text => NewsCorpus.Instance.Extract(text).QuoteMentions);
        var mustNotMatch = new RuleExample(
            real.File, real.Line, real.Column, real.Entity, real.Rule, real.Text,
            none: true, span: null, expected: [],
            extract: text => NewsCorpus.Instance.Extract(text).QuoteMentions);

        Assert.Equal(
            $"Schemas/news.corpus.yaml({real.Line},19): example of rule 'attributed' of Quote: speaker is \"فلاديمير بوتين\", expected \"سيرغي لافروف\"",
            wrongSpeaker.Check()!.Split("; found")[0]);
        Assert.StartsWith($"Schemas/news.corpus.yaml({real.Line},19): example of rule 'attributed' of Quote: must find nothing", mustNotMatch.Check(), System.StringComparison.Ordinal);
    }
}
