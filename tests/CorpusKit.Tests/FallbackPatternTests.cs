using System.Linq;
using CorpusKit.Tests.Fallback;

namespace CorpusKit.Tests;

/// <summary>
/// Patterns with a construct the pattern machine does not run (a backreference, an atomic group)
/// compile to patterns that run on Regex, from a schema through generated code, and find what
/// Regex finds.
/// </summary>
public sealed class FallbackPatternTests
{
    [Fact]
    public void A_backreference_runs_on_regex_and_fills_its_group()
    {
        Stutter found = Assert.Single(StutterExtractor.Instance.Extract("قال قال الوزير إن الاتفاق نهائي"));

        Assert.Equal("قال", found.Word);
        Assert.Equal(new TextSpan(0, 3), found.Span); // span: word, a group of a pattern that runs on Regex
        Assert.Empty(StutterExtractor.Instance.Extract("قال قالت الوزيرة"));
    }

    [Fact]
    public void An_atomic_group_runs_on_regex_and_is_tried_only_at_digits()
    {
        var found = DigitsExtractor.Instance.Extract("في عام ٢٠٢٥ و 12 مرة").Select(d => d.Value).ToArray();

        Assert.Equal([2025, 12], found);
    }
}
