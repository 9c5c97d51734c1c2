using System;
using System.Collections.Generic;
using System.Linq;
using CorpusKit.CompilerServices;
using CsCheck;

namespace CorpusKit.Tests;

/// <summary>
/// Overlap resolution on its own: the resolver against the list-based one it replaces
/// (<see cref="ReferenceOverlapResolver"/>) on generated candidates that touch, nest, repeat and
/// have no length, the edges by hand, its set of ranks, and 200,000 candidates at once.
/// </summary>
public sealed class OverlapResolverTests
{
    private static readonly OverlapMode[] s_modes = [OverlapMode.Longest, OverlapMode.First, OverlapMode.All];

    /// <summary>
    /// Candidates (their value: their place in the list) each made from the one before: anywhere,
    /// touching it, empty at its start or end, the same span again, or one of another length at its start.
    /// </summary>
    private static readonly Gen<List<Candidate<int>>> s_candidates =
        Gen.Select(Gen.Int[0, 5], Gen.Int[0, 40], Gen.Int[0, 6], Gen.Int[0, 2], (kind, a, b, rule) => (kind, a, b, rule))
            .Array[0, 40]
            .Select(steps =>
            {
                var candidates = new List<Candidate<int>>();
                foreach ((int kind, int a, int b, int rule) in steps)
                {
                    TextSpan previous = candidates.Count > 0 ? candidates[^1].Span : new TextSpan(a, b);
                    TextSpan span = kind switch
                    {
                        1 => new TextSpan(previous.End, b),
                        2 => new TextSpan(previous.Start, 0),
                        3 => new TextSpan(previous.End, 0),
                        4 => previous,
                        5 => new TextSpan(previous.Start, b),
                        _ => new TextSpan(a, b),
                    };
                    candidates.Add(new Candidate<int>(span, rule, candidates.Count));
                }

                return candidates;
            });

    /// <summary>
    /// Candidates mostly in text order and apart (what one lexicon's hits are: each at or past the
    /// end of the one before), with now and then one that starts where the one before starts (after
    /// an empty one), ends one char into it, or comes before it: the resolver's shortcut for lists
    /// in order and apart, and the lists just off it.
    /// </summary>
    private static readonly Gen<List<Candidate<int>>> s_ordered =
        Gen.Select(Gen.Int[0, 12], Gen.Int[0, 3], Gen.Int[0, 5], Gen.Int[0, 2], (kind, gap, length, rule) => (kind, gap, length, rule))
            .Array[0, 40]
            .Select(steps =>
            {
                var candidates = new List<Candidate<int>>();
                foreach ((int kind, int gap, int length, int rule) in steps)
                {
                    TextSpan previous = candidates.Count > 0 ? candidates[^1].Span : new TextSpan(0, 0);
                    int start = kind switch
                    {
                        0 => previous.Start,
                        1 => Math.Max(previous.Start, previous.End - 1),
                        2 => Math.Max(0, previous.Start - 1),
                        _ => previous.End + gap,
                    };
                    candidates.Add(new Candidate<int>(new TextSpan(start, length), rule, candidates.Count));
                }

                return candidates;
            });

    [Fact]
    public void Candidates_in_text_order_and_apart_and_those_just_off_it_keep_what_the_reference_keeps()
        => s_ordered.Sample(candidates =>
        {
            foreach (OverlapMode mode in s_modes)
            {
                List<int> expected = ReferenceOverlapResolver.Resolve(candidates, mode);
                List<int> actual = OverlapResolver.Resolve(candidates, mode);
                Assert.True(expected.SequenceEqual(actual), $"{mode}: expected [{string.Join(", ", expected)}], got [{string.Join(", ", actual)}] of {Describe(candidates)}");
            }
        }, iter: 5000);

    /// <summary>The default (a list up to 32 candidates), the ranks always, and the ranks past 8 candidates.</summary>
    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(8)]
    public void Every_mode_keeps_what_the_reference_keeps(int listedCandidates)
        => s_candidates.Sample(candidates =>
        {
            foreach (OverlapMode mode in s_modes)
            {
                List<int> expected = ReferenceOverlapResolver.Resolve(candidates, mode);
                List<int> actual = listedCandidates < 0 ? OverlapResolver.Resolve(candidates, mode) : OverlapResolver.Resolve(candidates, mode, listedCandidates);
                Assert.True(expected.SequenceEqual(actual), $"{mode}: expected [{string.Join(", ", expected)}], got [{string.Join(", ", actual)}] of {Describe(candidates)}");
            }
        }, iter: 5000);

    /// <summary>
    /// Rules add their candidates in rule order, and skip one whose span an earlier candidate has
    /// (<see cref="Candidates{T}.Beaten"/>): what is chosen is what all of them would give.
    /// </summary>
    [Fact]
    public void Candidates_beaten_by_an_earlier_one_of_their_span_change_nothing()
        => s_candidates.Sample(generated =>
        {
            List<Candidate<int>> inRuleOrder = [.. generated.OrderBy(c => c.RuleOrder)];
            foreach (OverlapMode mode in s_modes)
            {
                var context = new ExtractionContext("x");
                Candidates<int> kept = context.Candidates<int>(mode, checkSpans: true);
                foreach (Candidate<int> candidate in inRuleOrder)
                {
                    if (!kept.Beaten(candidate.Span))
                    {
                        kept.Add(candidate.Span, candidate.RuleOrder, candidate.Value);
                    }
                }

                List<int> expected = OverlapResolver.Resolve(inRuleOrder, mode);
                List<int> actual = OverlapResolver.Resolve(kept);
                Assert.True(expected.SequenceEqual(actual), $"{mode}: expected [{string.Join(", ", expected)}], got [{string.Join(", ", actual)}] of {Describe(inRuleOrder)}");
                context.EndExtraction();
            }
        }, iter: 5000);

    /// <summary>Only the very span is beaten: not one it contains, touches or shares a start with; nor an empty one, nor any under All or unchecked.</summary>
    [Fact]
    public void Only_the_very_span_of_an_earlier_candidate_is_beaten()
    {
        var context = new ExtractionContext("x");
        Candidates<int> longest = context.Candidates<int>(OverlapMode.Longest, checkSpans: true);
        longest.Add(new TextSpan(10, 5), 0, 0);
        longest.Add(new TextSpan(20, 0), 0, 1);
        Assert.True(longest.Beaten(new TextSpan(10, 5)));
        Assert.False(longest.Beaten(new TextSpan(10, 4)));
        Assert.False(longest.Beaten(new TextSpan(11, 4)));
        Assert.False(longest.Beaten(new TextSpan(15, 5)));
        Assert.False(longest.Beaten(new TextSpan(20, 0)));
        Candidates<int> all = context.Candidates<int>(OverlapMode.All, checkSpans: true);
        all.Add(new TextSpan(10, 5), 0, 0);
        Assert.False(all.Beaten(new TextSpan(10, 5)));
        Candidates<int> unchecked_ = context.Candidates<int>(OverlapMode.First, checkSpans: false);
        unchecked_.Add(new TextSpan(10, 5), 0, 0);
        Assert.False(unchecked_.Beaten(new TextSpan(10, 5)));
        context.EndExtraction();
    }

    /// <summary>
    /// A match that overlaps an entity of a type of <c>outside:</c> is no candidate
    /// (<see cref="Candidates{T}.KeptOut"/>, and nothing added): the winners are what resolving only
    /// the candidates that overlap no entity of the other type gives, in every mode, through the
    /// shortcut for lists in order and apart, the list of spans taken and the ranks (past 32
    /// candidates), with <see cref="Candidates{T}.Beaten"/> asked as the generated rules ask it.
    /// </summary>
    [Fact]
    public void Matches_kept_out_by_another_type_are_no_candidates()
        => Gen.Select(Gen.OneOf(s_candidates, s_ordered), s_candidates, Gen.Bool).Sample((generated, others, split) =>
        {
            List<Candidate<int>> inRuleOrder = [.. generated.OrderBy(c => c.RuleOrder)];
            List<IEntity> outside = [.. others.Select(c => (IEntity)new EntityGroupTests.Mention("o", c.Span, "o"))];
            foreach (OverlapMode mode in s_modes)
            {
                List<int> expected = OverlapResolver.Resolve([.. inRuleOrder.Where(c => !outside.Any(o => o.Span.Overlaps(c.Span)))], mode);

                var context = new ExtractionContext("x");
                Candidates<int> kept = context.Candidates<int>(mode, checkSpans: true);
                kept.KeepOutOf(split ? outside[..(outside.Count / 2)] : outside);
                kept.KeepOutOf(split ? outside[(outside.Count / 2)..] : []);
                foreach (Candidate<int> candidate in inRuleOrder)
                {
                    Assert.Equal(outside.Any(o => o.Span.Overlaps(candidate.Span)), kept.KeptOut(candidate.Span));
                    if (kept.Beaten(candidate.Span) || kept.KeptOut(candidate.Span))
                    {
                        continue;
                    }

                    kept.Add(candidate.Span, candidate.RuleOrder, candidate.Value);
                }

                List<int> actual = OverlapResolver.Resolve(kept);
                Assert.True(expected.SequenceEqual(actual), $"{mode}: expected [{string.Join(", ", expected)}], got [{string.Join(", ", actual)}] of {Describe(inRuleOrder)}");
                context.EndExtraction();
            }
        }, iter: 3000);

    /// <summary>
    /// A match kept out keeps no one out: the longer one that runs into an organisation's name is
    /// dropped, and the shorter one beside the name wins (a person's name after a body in a title).
    /// One that only touches the name is not kept out; one that shares its last char is. The next
    /// list taken from the pool keeps nothing out.
    /// </summary>
    [Fact]
    public void A_match_kept_out_leaves_the_shorter_one_beside_the_name()
    {
        var context = new ExtractionContext("x");
        Candidates<string> people = context.Candidates<string>(OverlapMode.Longest, checkSpans: true);
        people.KeepOutOf([new EntityGroupTests.Mention("organization", new TextSpan(0, 8), "o")]);
        Assert.True(people.KeptOut(new TextSpan(4, 12)));   // across the name's end: no candidate
        Assert.False(people.KeptOut(new TextSpan(9, 7)));   // the name after the body
        people.Add(new TextSpan(9, 7), 1, "beside the name");
        Assert.False(people.KeptOut(new TextSpan(8, 1)));   // touching the name
        Assert.True(people.KeptOut(new TextSpan(7, 1)));    // its last char
        Assert.Equal(["beside the name"], OverlapResolver.Resolve(people));
        context.EndExtraction();

        var next = new ExtractionContext("x");
        Candidates<string> again = next.Candidates<string>(OverlapMode.Longest, checkSpans: true);
        Assert.False(again.KeptOut(new TextSpan(4, 12)));
        again.Add(new TextSpan(4, 12), 0, "kept");
        Assert.Equal(["kept"], OverlapResolver.Resolve(again));
        next.EndExtraction();
    }

    [Theory]
    [InlineData(OverlapMode.Longest)]
    [InlineData(OverlapMode.First)]
    [InlineData(OverlapMode.All)]
    public void Touching_spans_do_not_overlap(OverlapMode mode)
    {
        List<Candidate<string>> candidates =
        [
            new(new TextSpan(3, 2), 0, "[3,5)"),
            new(new TextSpan(0, 3), 1, "[0,3)"),
            new(new TextSpan(5, 0), 0, "[5,5)"),
            new(new TextSpan(0, 0), 1, "[0,0)"),
        ];

        Assert.Equal(["[0,3)", "[0,0)", "[3,5)", "[5,5)"], OverlapResolver.Resolve(candidates, mode));
    }

    /// <summary>
    /// <c>outside:</c> removes the entities that share a char with another type's (which may
    /// overlap one another), and keeps those that only touch one, in order.
    /// </summary>
    [Fact]
    public void Removing_what_overlaps_another_type_keeps_what_a_pairwise_check_keeps()
        => Gen.Select(s_candidates, s_candidates).Sample((mine, others) =>
        {
            List<EntityGroupTests.Mention> entities = [.. mine.Select(c => new EntityGroupTests.Mention("m", c.Span, "m"))];
            List<IEntity> outside = [.. others.Select(c => (IEntity)new EntityGroupTests.Mention("o", c.Span, "o"))];
            List<EntityGroupTests.Mention> expected = [.. entities.Where(e => !outside.Any(o => o.Span.Overlaps(e.Span)))];

            OverlapResolver.RemoveOverlapping(entities, outside);
            Assert.Equal(expected, entities);
        }, iter: 3000);

    [Fact]
    public void An_entity_that_touches_another_type_is_kept_and_one_that_shares_a_char_is_removed()
    {
        var touching = new EntityGroupTests.Mention("touching", new TextSpan(5, 3), "x");
        var sharing = new EntityGroupTests.Mention("sharing", new TextSpan(1, 3), "x");
        var after = new EntityGroupTests.Mention("after", new TextSpan(9, 2), "x");
        List<EntityGroupTests.Mention> entities = [sharing, touching, after];

        OverlapResolver.RemoveOverlapping(entities, [new EntityGroupTests.Mention("o", new TextSpan(3, 2), "o"), new EntityGroupTests.Mention("o", new TextSpan(8, 1), "o")]);

        Assert.Equal([touching, after], entities);
    }

    [Fact]
    public void Of_spans_that_share_a_char_longest_keeps_the_longer_first_the_earlier_rule_and_all_both()
    {
        List<Candidate<string>> candidates =
        [
            new(new TextSpan(3, 2), 0, "[3,5) rule 0"),
            new(new TextSpan(0, 4), 1, "[0,4) rule 1"),
        ];

        Assert.Equal(["[0,4) rule 1"], OverlapResolver.Resolve(candidates, OverlapMode.Longest));
        Assert.Equal(["[3,5) rule 0"], OverlapResolver.Resolve(candidates, OverlapMode.First));
        Assert.Equal(["[0,4) rule 1", "[3,5) rule 0"], OverlapResolver.Resolve(candidates, OverlapMode.All));
    }

    [Fact]
    public void A_zero_length_span_is_refused_strictly_inside_a_taken_span_and_kept_at_its_edges()
    {
        List<Candidate<string>> candidates =
        [
            new(new TextSpan(4, 0), 0, "[4,4)"),
            new(new TextSpan(2, 4), 0, "[2,6)"),
            new(new TextSpan(6, 0), 0, "[6,6)"),
            new(new TextSpan(2, 0), 0, "[2,2)"),
        ];

        Assert.Equal(["[2,6)", "[2,2)", "[6,6)"], OverlapResolver.Resolve(candidates, OverlapMode.Longest));
    }

    /// <summary>
    /// A zero-length span taken at a start hides nothing beyond it: [2,6) overlaps [3,5), taken
    /// first, whatever lies at 2 (the check against the spans on either side of a start alone once let
    /// it through). Both ways of checking: every span taken, and the sets of ranks.
    /// </summary>
    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    public void A_zero_length_span_at_a_start_hides_nothing_beyond_it(int listedCandidates)
    {
        List<Candidate<string>> candidates =
        [
            new(new TextSpan(2, 4), 1, "[2,6)"),
            new(new TextSpan(3, 2), 0, "[3,5)"),
            new(new TextSpan(2, 0), 0, "[2,2)"),
        ];

        string[] kept = ["[2,2)", "[3,5)"];
        Assert.Equal(kept, ReferenceOverlapResolver.Resolve(candidates, OverlapMode.First));
        Assert.Equal(kept, listedCandidates < 0 ? OverlapResolver.Resolve(candidates, OverlapMode.First) : OverlapResolver.Resolve(candidates, OverlapMode.First, listedCandidates));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(5_000)]
    [InlineData(300_000)]
    public void The_set_of_ranks_finds_the_members_on_either_side_as_a_sorted_list_does(int count)
    {
        var random = new Random(count);
        var set = new RankSet(count);
        var members = new List<int>();
        for (int step = 0; step < 20_000; step++)
        {
            int rank = random.Next(count);
            int at = members.BinarySearch(rank);
            Assert.Equal(at < 0, set.Add(rank));
            if (at < 0)
            {
                members.Insert(~at, rank);
            }

            int probe = random.Next(count + 1);
            int above = members.BinarySearch(probe);
            above = above < 0 ? ~above : above;
            Assert.Equal(above < members.Count ? members[above] : -1, set.AtOrAbove(probe));
            Assert.Equal(above > 0 ? members[above - 1] : -1, set.Below(probe));
        }
    }

    [Fact]
    public void Resolve_on_200000_candidates_keeps_the_longest_of_each_nest()
    {
        // 100,000 nests of three, shuffled: a name of 5 to 9 chars, a word inside it, and an empty
        // span at its start; names of different lengths are taken in no order of position.
        const int Nests = 100_000;
        var random = new Random(2026);
        var candidates = new List<Candidate<int>>(3 * Nests);
        var expected = new List<int>(2 * Nests);
        for (int i = 0; i < Nests; i++)
        {
            int start = 12 * i;
            candidates.Add(new Candidate<int>(new TextSpan(start, 5 + random.Next(5)), 1, 3 * i));
            candidates.Add(new Candidate<int>(new TextSpan(start + 1, 2), 0, (3 * i) + 1));
            candidates.Add(new Candidate<int>(new TextSpan(start, 0), 0, (3 * i) + 2));
            expected.Add(3 * i);
            expected.Add((3 * i) + 2);
        }

        List<Candidate<int>> shuffled = [.. candidates.OrderBy(_ => random.Next())];

        Assert.Equal(expected, OverlapResolver.Resolve(shuffled, OverlapMode.Longest));
        Assert.Equal(3 * Nests, OverlapResolver.Resolve(shuffled, OverlapMode.All).Count);
    }

    /// <summary>The last count the list takes (32) and the first the ranks take: nests of a word, an empty span at its start and a duplicate of the word.</summary>
    [Theory]
    [InlineData(32)]
    [InlineData(33)]
    public void At_the_bound_between_the_list_and_the_ranks_every_mode_keeps_what_the_reference_keeps(int count)
    {
        var candidates = new List<Candidate<int>>();
        for (int i = 0; candidates.Count < count; i++)
        {
            int start = 7 * (i % 5);
            TextSpan[] spans = [new(start, 3 + (i % 4)), new(start, 0), new(start, 3 + (i % 4))];
            foreach (TextSpan span in spans.Take(count - candidates.Count))
            {
                candidates.Add(new Candidate<int>(span, i % 3, candidates.Count));
            }
        }

        foreach (OverlapMode mode in s_modes)
        {
            Assert.Equal(ReferenceOverlapResolver.Resolve(candidates, mode), OverlapResolver.Resolve(candidates, mode));
        }
    }

    [Theory]
    [InlineData(3)]
    [InlineData(40)]
    public void Of_exact_duplicates_the_one_earlier_in_the_list_comes_first(int count)
    {
        // The same span from the same rule, again and again, and an empty span at its start, taken
        // too; in text order the longer span comes first.
        var candidates = Enumerable.Range(0, count - 1).Select(i => new Candidate<int>(new TextSpan(4, 2), 0, i)).ToList();
        candidates.Insert(0, new Candidate<int>(new TextSpan(4, 0), 1, -1));

        Assert.Equal([0, -1], OverlapResolver.Resolve(candidates, OverlapMode.Longest));
        Assert.Equal([0, -1], OverlapResolver.Resolve(candidates, OverlapMode.First));
        Assert.Equal([.. Enumerable.Range(0, count - 1), -1], OverlapResolver.Resolve(candidates, OverlapMode.All));
    }

    private static string Describe(List<Candidate<int>> candidates)
        => string.Join(" ", candidates.Select(c => $"{c.Value}:{c.Span}r{c.RuleOrder}"));
}
