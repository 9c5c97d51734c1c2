using System.Linq;
using System.Text.RegularExpressions;
using CorpusKit.CompilerServices;
using CorpusKit.Documents;

namespace CorpusKit.Tests;

/// <summary>The layout on its own: boilerplate rules, repeated lines and what it reports.</summary>
public sealed class DocumentLayoutTests
{
    private static readonly LineRuleSet s_menu = new([new LineRule("menu", Pattern.OnRegex("^الرئيسية$", RegexOptions.CultureInvariant, null, []), LineRuleReach.Line)]);

    /// <summary>
    /// A repeated line names the line it repeats, by number: the first thousand or so numbers are
    /// made once and shared, the rest as they come (lines 1,023, 1,024 and 1,025 around the bound).
    /// </summary>
    [Theory]
    [InlineData(3)]
    [InlineData(1023)]
    [InlineData(1024)]
    [InlineData(1025)]
    public void A_repeated_line_names_the_line_it_repeats(int original)
    {
        const string Repeated = "قال الوزير لافروف إن التعاون مستمر مع الشركاء";
        string[] lines = [.. Enumerable.Range(1, original - 1).Select(n => n == 1 ? "عنوان" : "سطر رقم " + n), Repeated, "سطر آخر", Repeated];
        var context = new ExtractionContext(string.Join('\n', lines));

        DocumentLayout layout = DocumentLayout.Apply(context, TextNormalization.Arabic, s_menu, "Article");

        DocumentLine duplicate = layout.Lines[^1];
        Assert.Equal((LineKind.Duplicate, original.ToString(System.Globalization.CultureInfo.InvariantCulture)), (duplicate.Kind, duplicate.Rule));
        Assert.Equal(LineKind.Body, layout.Lines[original - 1].Kind);
    }

    /// <summary>A boilerplate pattern that runs out of time is reported on the document, and the line is kept.</summary>
    [Fact]
    public void A_boilerplate_pattern_that_runs_out_of_time_is_reported_and_the_line_is_kept()
    {
        // Nested loops over a line that does not end as the pattern wants: the backtracking runs past the timeout.
        var runaway = new LineRuleSet([new LineRule("runaway", Pattern.OnRegex(@"^(\w+\s?)*$", RegexOptions.CultureInvariant, null, []), LineRuleReach.Line)]);
        string line = string.Concat(Enumerable.Repeat("كلمة ", 40)) + "!";
        var context = new ExtractionContext("عنوان الخبر؟\n" + line); // a short headline fails at once

        DocumentLayout layout = DocumentLayout.Apply(context, TextNormalization.Arabic, runaway, "Article");

        Assert.Equal([LineKind.Headline, LineKind.Body], layout.Lines.Select(l => l.Kind));
        ExtractionProblem problem = Assert.Single(context.Problems);
        Assert.Equal(("Article", "runaway"), (problem.Entity, problem.Rule));
        Assert.Contains("the line was kept", problem.Message, System.StringComparison.Ordinal);
    }
}
