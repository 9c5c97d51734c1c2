using System.Text.RegularExpressions;
using CorpusKit.CompilerServices;

namespace CorpusKit.Tests;

/// <summary>
/// The boilerplate rules of a document type on their own: a line is tried only with the rules its
/// first char can begin (and those whose first char is not known), in the schema's order, each
/// reach apart.
/// </summary>
public sealed class LineRuleSetTests
{
    private static LineRule Rule(string id, string pattern, PatternPrefilter? prefilter, LineRuleReach reach = LineRuleReach.Line)
        => new(id, Pattern.OnRegex(pattern, RegexOptions.CultureInvariant, prefilter, []), reach);

    private static PatternPrefilter Starts(string chars, bool digits = false) => new(literal: null, chars, digits, PrefilterAnchor.TextStart);

    // Two rules that begin with ش (the first listed wins where both match), one with ت or ش, one
    // with a digit of any script, one of another reach, and one whose first char is not known.
    private static readonly LineRuleSet s_rules = new(
    [
        Rule("share", "^شارك$", new PatternPrefilter("شارك", null, digits: false, PrefilterAnchor.TextStart)),
        Rule("share-any", "^ش\\S*$", Starts("ش")),
        Rule("follow", "^(?:تابعونا|شاهد)$", Starts("تش")),
        Rule("counter", "^\\d+ خبر$", Starts("0123456789", digits: true)),
        Rule("comments", "^شارك$", Starts("ش"), LineRuleReach.Rest),
        Rule("copyright", "جميع الحقوق محفوظة", prefilter: null),
    ]);

    [Theory]
    [InlineData("شارك", "share")]                          // both ش rules match: the first listed
    [InlineData("شاهد", "share-any")]                      // the second ش rule, before follow
    [InlineData("تابعونا", "follow")]                      // ت: follow alone
    [InlineData("12 خبر", "counter")]
    [InlineData("© 2025 جميع الحقوق محفوظة", "copyright")] // a first char no rule begins with
    [InlineData("جميع الحقوق محفوظة للموقع", "copyright")] // ج: only the rule whose first char is not known
    [InlineData("قال الوزير", null)]
    [InlineData("", null)]
    public void A_line_is_tried_with_the_rules_its_first_char_can_begin_in_order(string line, string? rule)
    {
        var context = new ExtractionContext(line);

        Assert.Equal(rule, s_rules.Match(line, LineRuleReach.Line, otherDigits: false, context, "Article")?.Id);
    }

    /// <summary>A rule of another reach is not tried for a line of this one, though the first char fits it.</summary>
    [Fact]
    public void The_reaches_are_kept_apart()
    {
        var context = new ExtractionContext("شارك");
        Assert.Equal("comments", s_rules.Match("شارك", LineRuleReach.Rest, otherDigits: false, context, "Article")?.Id);
        Assert.Null(s_rules.Match("شارك", LineRuleReach.Block, otherDigits: false, context, "Article"));
    }

    /// <summary>
    /// A digit of another script begins a match of a rule that begins with a digit only where the
    /// text has such digits.
    /// </summary>
    [Fact]
    public void Digits_of_another_script_count_only_in_a_text_that_has_them()
    {
        const string Line = "١٢ خبر";
        var context = new ExtractionContext(Line);
        Assert.Null(s_rules.Match(Line, LineRuleReach.Line, otherDigits: false, context, "Article"));
        Assert.Equal("counter", s_rules.Match(Line, LineRuleReach.Line, otherDigits: true, context, "Article")?.Id);
    }
}
