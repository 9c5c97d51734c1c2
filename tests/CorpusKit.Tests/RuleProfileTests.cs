using System;
using System.Linq;
using System.Diagnostics;
using CorpusKit.CompilerServices;
using CorpusKit.Profiling;

namespace CorpusKit.Tests;

/// <summary><see cref="RuleProfile"/> and the context's clock, on their own: what adds up, what is left alone without a profile.</summary>
public sealed class RuleProfileTests
{
    [Fact]
    public void Without_a_profile_the_clock_stays_at_zero_and_nothing_is_timed()
    {
        var context = new ExtractionContext("نص");
        RuleClock clock = context.StartRule(3);
        Assert.Equal((0L, 0), (clock.Started, clock.Candidates));
        clock = context.NextRule(clock, "Place", "known", 5);
        Assert.Equal((0L, 0), (clock.Started, clock.Candidates));
        Assert.Null(context.Profile);
    }

    [Fact]
    public void Each_rule_adds_its_time_its_run_and_the_candidates_it_added()
    {
        var profile = new RuleProfile();
        var context = new ExtractionContext("نص") { Profile = profile };
        for (int document = 0; document < 2; document++)
        {
            RuleClock clock = context.StartRule(0);
            Assert.True(clock.Started > 0);
            clock = context.NextRule(clock, "Place", "known", 4);
            clock = context.NextRule(clock, "Place", "after-noun", 6);
            _ = context.NextRule(clock, "Place", "(overlaps)", 6);
        }

        Assert.Equal(
            [("Place", "known", 2L, 8L), ("Place", "after-noun", 2L, 4L), ("Place", "(overlaps)", 2L, 0L)],
            profile.Timings.Select(t => (t.EntityType, t.Rule, t.Runs, t.Candidates)));
        Assert.All(profile.Timings, t => Assert.True(t.Ticks >= 0));
    }

    [Fact]
    public void One_rule_of_two_types_is_two_rows()
    {
        var profile = new RuleProfile();
        var context = new ExtractionContext("نص") { Profile = profile };
        RuleClock clock = context.StartRule(0);
        clock = context.NextRule(clock, "Place", "known", 1);
        _ = context.NextRule(context.StartRule(0), "Person", "known", 2);
        Assert.Equal([("Place", 1L), ("Person", 2L)], profile.Timings.Select(t => (t.EntityType, t.Candidates)));
    }

    [Fact]
    public void Profiles_of_two_contexts_add_up_and_clear()
    {
        var first = new RuleProfile();
        var second = new RuleProfile();
        var one = new ExtractionContext("a") { Profile = first };
        var two = new ExtractionContext("b") { Profile = second };
        _ = one.NextRule(one.StartRule(0), "Place", "known", 3);
        _ = two.NextRule(two.StartRule(1), "Place", "known", 2);
        _ = two.NextRule(two.StartRule(0), "Date", "dmy", 5);

        first.Add(second);

        Assert.Equal([("Place", "known", 2L, 4L), ("Date", "dmy", 1L, 5L)], first.Timings.Select(t => (t.EntityType, t.Rule, t.Runs, t.Candidates)));
        first.Clear();
        Assert.Empty(first.Timings);
        Assert.Equal(2, second.Timings.Count); // the other profile is left as it was
    }

    [Fact]
    public void The_table_puts_the_slowest_first_and_keeps_to_its_top()
    {
        var profile = new RuleProfile();
        var context = new ExtractionContext("نص") { Profile = profile };
        RuleClock clock = context.StartRule(0);
        clock = context.NextRule(clock, "Place", "fast", 0);
        Spin(ticks: Stopwatch.Frequency / 20);
        clock = context.NextRule(clock, "Place", "slow", 0);
        Spin(ticks: Stopwatch.Frequency / 50);
        _ = context.NextRule(clock, "Place", "middle", 0);

        string[] lines = profile.ToText(top: 2).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length); // the heading, two rules, the total
        Assert.StartsWith("entity", lines[0], StringComparison.Ordinal);
        Assert.Contains(" slow ", lines[1], StringComparison.Ordinal);
        Assert.Contains(" middle ", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("3 rules and steps, ", lines[3], StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => profile.ToText(top: 0));
    }

    [Fact]
    public void The_lexicon_scan_is_a_row_of_its_own_once_per_document_and_not_the_rules_time()
    {
        var profile = new RuleProfile();
        var context = new ExtractionContext("سيرغي لافروف وبوتين " + string.Concat(Enumerable.Repeat("كلمة أخرى ", 200_000))) { Profile = profile };
        NormalizedText text = context.GetText(TextNormalization.Arabic);
        TermTrie trie = TermTrie.Create([new("لافروف", 0), new("بوتين", 1)]);

        RuleClock clock = context.StartRule(0);
        _ = context.FindTerms(text, trie).Length;
        clock = context.NextRule(clock, "Person", "known", 0);
        _ = context.FindTerms(text, trie).Length; // read again: no second scan
        _ = context.NextRule(clock, "Person", "again", 0);

        RuleTiming scan = Assert.Single(profile.Timings, t => t.Rule == "(lexicons)");
        Assert.Equal(("(lexicons)", 1L), (scan.EntityType, scan.Runs));
        RuleTiming known = Assert.Single(profile.Timings, t => t.Rule == "known");
        Assert.True(known.Ticks < scan.Ticks, $"the rule took {known.Ticks} ticks, the scan of 2.2 million chars {scan.Ticks}");
        Assert.Equal(["(lexicons)", "known", "again"], profile.Timings.Select(t => t.Rule));
    }

    [Fact]
    public void A_rule_that_makes_another_types_rules_run_is_timed_without_them()
    {
        var profile = new RuleProfile();
        var context = new ExtractionContext("نص") { Profile = profile };
        RuleClock outer = context.StartRule(0);
        RuleClock inner = context.StartRule(0); // as context.Require(…) runs another type's Extract inside a rule
        Spin(ticks: Stopwatch.Frequency / 100);
        _ = context.NextRule(inner, "Organization", "known", 3);
        _ = context.NextRule(outer, "Source", "dateline", 1);

        RuleTiming known = Assert.Single(profile.Timings, t => t.Rule == "known");
        RuleTiming dateline = Assert.Single(profile.Timings, t => t.Rule == "dateline");
        Assert.True(known.Elapsed.TotalMilliseconds >= 10, $"{known.Elapsed.TotalMilliseconds} ms");
        Assert.True(dateline.Ticks < known.Ticks / 2, $"the outer rule kept {dateline.Ticks} of the inner's {known.Ticks} ticks");
    }

    [Fact]
    public void A_clock_started_before_the_profile_was_set_records_nothing()
    {
        var context = new ExtractionContext("نص");
        RuleClock before = context.StartRule(0);
        var profile = new RuleProfile();
        context.Profile = profile;
        RuleClock next = context.NextRule(before, "Place", "known", 2);
        Assert.Empty(profile.Timings);
        Assert.True(next.Started > 0);
        _ = context.NextRule(next, "Place", "after-noun", 5);
        Assert.Equal([("after-noun", 3L)], profile.Timings.Select(t => (t.Rule, t.Candidates)));
    }

    /// <summary>Waits <paramref name="ticks"/> of <see cref="Stopwatch"/> without sleeping, so the rule that ends next has taken at least that long.</summary>
    private static void Spin(long ticks)
    {
        long until = Stopwatch.GetTimestamp() + ticks;
        while (Stopwatch.GetTimestamp() < until)
        {
        }
    }
}
