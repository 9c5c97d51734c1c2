using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using CorpusKit.CompilerServices;

namespace CorpusKit.Tests;

/// <summary>
/// The matches of an extraction's rules are made from the thread's objects and buffers, and made
/// again into the next rule's and the next extraction's: each match reads its own captures and
/// steps, whatever was made before or after it, and a spent match holds on to no text.
/// </summary>
public sealed class MatchArenaTests
{
    private static readonly string[] s_groups = ["word"];

    [Fact]
    public void Matches_past_a_full_buffer_keep_their_own_captures_and_steps()
        => Threads.OnThreadOfItsOwn(() =>
        {
            MatchArena arena = MatchArena.Take();
            ReadOnlyMemory<char> text = "abcdefghij".AsMemory();

            // 300 matches of two captures (six ints) each: the first buffer of 256 ints is replaced several times.
            PatternMatch[] matches = [.. Enumerable.Range(0, 300).Select(i => arena.PatternMatch(text, i % 10, 1, s_groups, [0, i % 10, (i % 10) + 1, 0, 0, i % 10]))];
            SequenceMatch[] sequences = [.. Enumerable.Range(0, 100).Select(i => arena.SequenceMatch(i, i + 3, [new StepMatch(i, i + 1, i, null), new StepMatch(i + 1, i + 3, -i, matches[i])]))];

            Assert.Equal(300, matches.Distinct().Count());
            for (int i = 0; i < matches.Length; i++)
            {
                PatternGroup word = matches[i].Group("word");
                Assert.Equal(2, word.CaptureCount);
                Assert.Equal((i % 10, 1), word.Capture(0));
                Assert.Equal((0, i % 10), (word.Index, word.Length)); // the last capture
            }

            for (int i = 0; i < sequences.Length; i++)
            {
                Assert.Equal((i, i + 3), (sequences[i].Start, sequences[i].End));
                Assert.Equal([new StepMatch(i, i + 1, i, null), new StepMatch(i + 1, i + 3, -i, matches[i])], sequences[i].Steps.ToArray());
            }

            arena.Give();
        });

    [Fact]
    public void The_next_extraction_makes_the_same_objects_again_and_a_spent_match_holds_no_text()
        => Threads.OnThreadOfItsOwn(() =>
        {
            MatchArena arena = MatchArena.Take();
            PatternMatch first = arena.PatternMatch("first text".AsMemory(), 0, 5, s_groups, [0, 0, 5]);
            SequenceMatch sequence = arena.SequenceMatch(0, 5, [new StepMatch(0, 5, 0, first)]);
            arena.Give();

            Assert.True(first.Input.IsEmpty);
            Assert.True(sequence.Steps.IsEmpty);

            MatchArena again = MatchArena.Take();
            Assert.Same(arena, again);
            PatternMatch second = again.PatternMatch("second".AsMemory(), 1, 2, s_groups, [0, 1, 4]);
            Assert.Same(first, second);
            Assert.Equal(("ec", "eco"), (second.Value, second.Group("word").Value));
            Assert.Same(sequence, again.SequenceMatch(1, 3, [new StepMatch(1, 3, 7, second)]));
            again.Give();
        });

    [Fact]
    public void A_rewind_keeps_the_matches_before_its_mark_and_makes_those_after_it_again()
        => Threads.OnThreadOfItsOwn(() =>
        {
            MatchArena arena = MatchArena.Take();
            ReadOnlyMemory<char> text = "abcdefghij".AsMemory();

            // Before the mark: 40 matches of six ints (240 of the first buffer's 256) and a sequence of each.
            PatternMatch[] before = [.. Enumerable.Range(0, 40).Select(i => arena.PatternMatch(text, i % 10, 1, s_groups, [0, i % 10, (i % 10) + 1, 0, 0, i % 10]))];
            SequenceMatch[] beforeSequences = [.. Enumerable.Range(0, 40).Select(i => arena.SequenceMatch(i, i + 2, [new StepMatch(i, i + 2, i, before[i])]))];
            MatchArena.Mark mark = arena.Here;

            // After it: enough to replace both buffers (captures and steps) with larger ones.
            PatternMatch firstAfter = arena.PatternMatch(text, 3, 2, s_groups, [0, 3, 5]);
            for (int i = 0; i < 300; i++)
            {
                PatternMatch match = arena.PatternMatch(text, 0, 1, s_groups, [0, 9, 10, 0, 0, 9]);
                arena.SequenceMatch(0, 1, [new StepMatch(0, 1, -1, match), new StepMatch(1, 1, -2, null)]);
            }

            arena.Rewind(mark);
            PatternMatch again = arena.PatternMatch(text, 5, 3, s_groups, [0, 6, 8]);
            SequenceMatch sequenceAgain = arena.SequenceMatch(7, 9, [new StepMatch(7, 9, 70, again)]);

            Assert.Same(firstAfter, again);

            // A mark in the buffer still in use: a rewind to it keeps what lies below it there.
            MatchArena.Mark inBuffer = arena.Here;
            arena.PatternMatch(text, 0, 1, s_groups, [0, 0, 1]);
            arena.Rewind(inBuffer);
            PatternMatch overIt = arena.PatternMatch(text, 1, 1, s_groups, [0, 1, 2]);
            Assert.Equal((1, 1), overIt.Group("word").Capture(0));
            Assert.Equal(("fgh", (6, 2)), (again.Value, again.Group("word").Capture(0)));
            Assert.Equal([new StepMatch(7, 9, 70, again)], sequenceAgain.Steps.ToArray());
            Assert.DoesNotContain(sequenceAgain, beforeSequences);
            for (int i = 0; i < before.Length; i++)
            {
                PatternGroup word = before[i].Group("word");
                Assert.Equal([(i % 10, 1), (0, i % 10)], [word.Capture(0), word.Capture(1)]);
                Assert.Equal([new StepMatch(i, i + 2, i, before[i])], beforeSequences[i].Steps.ToArray());
            }

            arena.Give();
        });

    [Fact]
    public void Matches_made_again_after_a_rewind_are_spent_when_the_extraction_ends()
        => Threads.OnThreadOfItsOwn(() =>
        {
            MatchArena arena = MatchArena.Take();
            MatchArena.Mark mark = arena.Here;
            PatternMatch spent = arena.PatternMatch("a long text".AsMemory(), 0, 1, s_groups, []);
            SequenceMatch spentSequence = arena.SequenceMatch(0, 1, [new StepMatch(0, 1, 0, spent)]);
            arena.Rewind(mark);
            arena.Give();

            Assert.True(spent.Input.IsEmpty);
            Assert.True(spentSequence.Steps.IsEmpty);
        });

    [Fact]
    public void A_types_rules_run_inside_another_rule_let_go_of_their_own_matches_only()
        => Threads.OnThreadOfItsOwn(() =>
        {
            var context = new ExtractionContext("نص");
            ReadOnlyMemory<char> text = "abcdefghij".AsMemory();

            RuleClock outer = context.StartRule(0);
            PatternMatch outerMatch = context.Matches.PatternMatch(text, 1, 2, s_groups, [0, 1, 3]);

            // As context.Require(…) runs another type's Extract inside the rule: two rules, each let go of.
            RuleClock inner = context.StartRule(0);
            PatternMatch innerFirst = context.Matches.PatternMatch(text, 0, 1, s_groups, [0, 0, 1]);
            for (int i = 0; i < 100; i++)
            {
                context.Matches.PatternMatch(text, 0, 1, s_groups, [0, 4, 5, 0, 0, 4]);
            }

            inner = context.NextRule(inner, "Place", "known", 0);
            Assert.Same(innerFirst, context.Matches.PatternMatch(text, 2, 1, s_groups, [0, 2, 3]));
            _ = context.NextRule(inner, "Place", "(overlaps)", 0);

            Assert.Equal(("bc", (1, 2)), (outerMatch.Value, outerMatch.Group("word").Capture(0)));
            PatternMatch next = context.Matches.PatternMatch(text, 8, 1, s_groups, [0, 8, 9]);
            Assert.Same(innerFirst, next);
            Assert.Equal("bc", outerMatch.Value);

            // The outer rule's end lets go of its match too: the next rule makes it again.
            _ = context.NextRule(outer, "Person", "titled", 0);
            Assert.Same(outerMatch, context.Matches.PatternMatch(text, 9, 1, s_groups, [0, 9, 10]));
            context.EndExtraction();
        });

    [Fact]
    public void A_clock_not_started_by_the_context_lets_go_of_no_match()
        => Threads.OnThreadOfItsOwn(() =>
        {
            var context = new ExtractionContext("نص");
            RuleClock outer = context.StartRule(0);
            PatternMatch running = context.Matches.PatternMatch("text".AsMemory(), 1, 2, s_groups, [0, 1, 3]);

            // default(RuleClock) and a clock made by hand carry no mark: nothing is made again.
            _ = context.NextRule(default, "Place", "known", 0);
            _ = context.NextRule(new RuleClock(0, 0, 0), "Place", "known", 0);
            Assert.NotSame(running, context.Matches.PatternMatch("text".AsMemory(), 0, 1, s_groups, [0, 0, 1]));
            Assert.Equal(("ex", (1, 2)), (running.Value, running.Group("word").Capture(0)));

            _ = context.NextRule(outer, "Place", "known", 0);
            Assert.Same(running, context.Matches.PatternMatch("text".AsMemory(), 0, 1, s_groups, [0, 0, 1]));
            context.EndExtraction();
        });

    [Fact]
    public void A_rules_lists_are_made_again_after_a_rewind_and_emptied_when_the_extraction_ends()
        => Threads.OnThreadOfItsOwn(() =>
        {
            MatchArena arena = MatchArena.Take();
            List<PatternMatch> kept = arena.PatternList();
            kept.Add(arena.PatternMatch("text".AsMemory(), 0, 1, s_groups, []));
            MatchArena.Mark mark = arena.Here;

            List<PatternMatch> patterns = arena.PatternList();
            List<SequenceMatch> sequences = arena.SequenceList();
            patterns.Add(arena.PatternMatch("text".AsMemory(), 1, 1, s_groups, []));
            sequences.Add(arena.SequenceMatch(1, 2, [new StepMatch(1, 2, 0, patterns[0])]));
            Assert.NotSame(kept, patterns);

            arena.Rewind(mark);
            List<PatternMatch> again = arena.PatternList();
            Assert.Same(patterns, again);
            Assert.Empty(again);
            Assert.Same(sequences, arena.SequenceList());
            Assert.Empty(sequences);
            Assert.Single(kept);

            arena.Give();
            Assert.Empty(kept);
            Assert.Same(kept, MatchArena.Take().PatternList());
        });

    [Fact]
    public void An_arena_with_a_list_grown_past_the_bound_is_not_kept()
        => Threads.OnThreadOfItsOwn(() =>
        {
            MatchArena arena = MatchArena.Take();
            List<PatternMatch> list = arena.PatternList();
            PatternMatch match = arena.PatternMatch("text".AsMemory(), 0, 1, s_groups, []);
            for (int i = 0; i <= MatchArena.MostKept; i++)
            {
                list.Add(match);
            }

            arena.Give();
            Assert.Empty(list);
            Assert.NotSame(arena, MatchArena.Take());
        });

    [Theory]
    [InlineData(MatchArena.MostKept, true)]
    [InlineData(MatchArena.MostKept + 1, false)]
    public void An_arena_is_kept_for_the_thread_up_to_its_bound(int matches, bool kept)
        => Threads.OnThreadOfItsOwn(() =>
        {
            MatchArena arena = MatchArena.Take();
            for (int i = 0; i < matches; i++)
            {
                arena.PatternMatch("text".AsMemory(), 0, 1, s_groups, []);
            }

            arena.Give();
            Assert.Equal(kept, ReferenceEquals(arena, MatchArena.Take()));
        });

    /// <summary>Two documents extracted one after the other on a thread find what each finds alone: the second's matches are the first's objects, made again.</summary>
    [Fact]
    public void A_document_after_another_finds_what_it_finds_alone()
    {
        const string First = "وقال بوتين للصحفيين: “بادئ ذي بدء، أود أن أؤكد على التعاون”. في 8 كانون الأول/ديسمبر 1991.";
        const string Second = "وأضاف لافروف، في خطاب طويل: \"إن تطوير التعاون أولوية ثابتة\". وفي 12 يوليو عاد.";
        static string Extracted(string text) => Json.CorpusJson.Serialize(NewsCorpus.Instance.Extract(text, "d"), indented: false);

        string? before = null;
        string? after = null;
        Threads.OnThreadOfItsOwn(() =>
        {
            before = Extracted(First);
            after = Extracted(Second);
        });
        string? alone = null;
        Threads.OnThreadOfItsOwn(() => alone = Extracted(Second));

        Assert.Contains("بادئ ذي بدء", before, StringComparison.Ordinal);
        Assert.Contains("إن تطوير التعاون أولوية ثابتة", after, StringComparison.Ordinal);
        Assert.Contains("--07-12", after, StringComparison.Ordinal);
        Assert.Equal(alone, after);
    }
}
