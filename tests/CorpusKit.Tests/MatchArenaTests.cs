using System;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using CorpusKit.CompilerServices;

namespace CorpusKit.Tests;

/// <summary>
/// The matches of an extraction's rules are made from the thread's objects and buffers, and made
/// again into the next extraction's: each match reads its own captures and steps, whatever was made
/// before or after it, and a spent match holds on to no text.
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
