using System;
using System.Linq;
using System.Text.RegularExpressions;
using CorpusKit.CompilerServices;
using CorpusKit.Tests.Fallback;

namespace CorpusKit.Tests;

/// <summary>
/// A rule's <c>unless:</c> is tried where each of its matches begins: anchored there, reading what
/// stands before through a lookbehind; where it matches, the match makes no entity. On CorpusKit's
/// pattern machine and on Regex alike.
/// </summary>
public sealed class UnlessTests
{
    [Fact]
    public void A_form_after_a_definite_noun_is_refused_and_the_same_form_elsewhere_kept()
    {
        Country[] found = [.. CountryExtractor.Instance.Extract("ارتفعت السوق السعودية ثم زار الوفد مصر والسعودية وقطر. السعودية")];

        // The second السعودية stands after و (a proclitic, outside the hit): nothing but و is right before it.
        Assert.Equal(["EG", "SA", "SA"], found.Select(c => c.Code));
        Assert.Equal(["مصر", "السعودية", "السعودية"], found.Select(c => c.Text));
        Assert.Equal(40, found[1].Span.Start);
    }

    [Fact]
    public void A_pattern_on_regex_refuses_as_the_machine_does()
    {
        Official[] found = [.. OfficialExtractor.Instance.Extract("قال الوزير الوزير إن السفير وصل")];

        // الوزير الوزير: the first is refused (a word written twice begins there), the second kept.
        Assert.Equal(["الوزير", "السفير"], found.Select(o => o.Title));
        Assert.Equal(11, found[0].Span.Start);
    }

    [Fact]
    public void MatchesAt_is_anchored_where_it_is_tried_and_looks_behind_it()
    {
        NormalizedText text = NormalizedText.Normalize("السوق السعودية والسعودية", TextNormalization.Arabic);
        var context = new ExtractionContext("السوق السعودية والسعودية");
        Pattern adjective = Pattern.OnRegex(@"\G(?:(?<=\bال\p{L}+\s)السعودي[ةه])", RegexOptions.CultureInvariant, null, []);
        bool At(int start) => adjective.MatchesAt(text, start, context, "Place", "known");

        Assert.True(At(6));
        Assert.False(At(0));   // what comes later does not count
        Assert.False(At(16));  // after و, not after the noun
        Assert.False(At(text.Length));
        Assert.Throws<ArgumentOutOfRangeException>(() => At(text.Length + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => At(-1));
        Assert.Empty(context.Problems);
    }

    [Fact]
    public void An_unless_that_runs_out_of_time_is_reported_and_refuses_nothing()
    {
        // Nested loops over words that do not end as the pattern wants: the backtracking runs past the timeout.
        string words = string.Concat(Enumerable.Repeat("كلمة ", 40)) + "!";
        NormalizedText text = NormalizedText.Normalize(words, TextNormalization.Arabic);
        var context = new ExtractionContext(words);
        Pattern runaway = Pattern.OnRegex(@"\G(?:(\w+\s?)*$)", RegexOptions.CultureInvariant, null, []);

        Assert.False(runaway.MatchesAt(text, 0, context, "Place", "known"));
        ExtractionProblem problem = Assert.Single(context.Problems);
        Assert.Equal(("Place", "known"), (problem.Entity, problem.Rule));
        Assert.Contains("the match was kept", problem.Message, StringComparison.Ordinal);
    }
}
