using System;
using System.Buffers;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace CorpusKit.Matching;

/// <summary>Chooses among overlapping candidates of one entity type.</summary>
public static class OverlapResolver
{
    /// <summary>Resolves overlaps by <paramref name="mode"/> and returns the winners in document order.</summary>
    /// <remarks>The candidates are sorted in rented arrays: only the list of winners is allocated.</remarks>
    public static List<T> Resolve<T>(List<Candidate<T>> candidates, OverlapMode mode)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        int count = candidates.Count;
        Candidate<T>[] orderedArray = ArrayPool<Candidate<T>>.Shared.Rent(count);
        Candidate<T>[]? acceptedArray = null;
        try
        {
            Span<Candidate<T>> byPriority = orderedArray.AsSpan(0, count);
            CollectionsMarshal.AsSpan(candidates).CopyTo(byPriority);

            // The sorts are unstable; the orders are total except for exact duplicates, which are interchangeable.
            switch (mode)
            {
                case OverlapMode.Longest:
                    byPriority.Sort(new LongestFirst<T>());
                    break;
                case OverlapMode.First:
                    byPriority.Sort(new EarliestRuleFirst<T>());
                    break;
                case OverlapMode.All:
                    byPriority.Sort(new InTextOrder<T>());
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown overlap mode.");
            }

            ReadOnlySpan<Candidate<T>> accepted = byPriority;
            if (mode != OverlapMode.All)
            {
                acceptedArray = ArrayPool<Candidate<T>>.Shared.Rent(count);
                int taken = TakeFree(byPriority, acceptedArray);
                acceptedArray.AsSpan(0, taken).Sort(new InTextOrder<T>());
                accepted = acceptedArray.AsSpan(0, taken);
            }

            var result = new List<T>(accepted.Length);
            foreach (Candidate<T> candidate in accepted)
            {
                result.Add(candidate.Value);
            }

            return result;
        }
        finally
        {
            ArrayPool<Candidate<T>>.Shared.Return(orderedArray, RuntimeHelpers.IsReferenceOrContainsReferences<T>());
            if (acceptedArray is not null)
            {
                ArrayPool<Candidate<T>>.Shared.Return(acceptedArray, RuntimeHelpers.IsReferenceOrContainsReferences<T>());
            }
        }
    }

    /// <summary>
    /// Takes each of <paramref name="ordered"/> (in priority order) unless it overlaps a span taken
    /// before it, into <paramref name="accepted"/>; returns how many it took; O(n log n) in all.
    /// </summary>
    /// <remarks>
    /// The test is the one the resolver has always made, kept exactly. The taken spans read as a
    /// list sorted by start in which a span goes before those of equal start, and a candidate is
    /// checked against the two items on either side of its start: the last that starts before it
    /// (of those at the greatest such start, the one taken first) and the first that starts at or
    /// after it (of those at the least such start, the one taken last). Without zero-length spans
    /// the taken spans never overlap, so these two are the only ones that can overlap a candidate;
    /// a zero-length span may share a start with another, and then a candidate can be taken over a
    /// span the two do not show (with [2,2) and [3,5) taken, [2,6) is taken too). Instead of the list,
    /// which costs a shift per insertion, each start keeps the first and the last span taken
    /// there, and a set of ranks finds the taken starts on either side.
    /// A zero-length candidate at s was also refused when the span before it ends after s; it
    /// starts before s, so that is what <see cref="TextSpan.Overlaps"/> finds already.
    /// </remarks>
    private static int TakeFree<T>(ReadOnlySpan<Candidate<T>> ordered, Candidate<T>[] accepted)
    {
        int count = ordered.Length;
        int[] startsArray = ArrayPool<int>.Shared.Rent(count);
        TextSpan[] firstTaken = ArrayPool<TextSpan>.Shared.Rent(count);
        TextSpan[] lastTaken = ArrayPool<TextSpan>.Shared.Rent(count);
        try
        {
            // The distinct starts of all candidates, sorted: a taken span is filed under its start's rank.
            Span<int> starts = startsArray.AsSpan(0, count);
            for (int i = 0; i < count; i++)
            {
                starts[i] = ordered[i].Span.Start;
            }

            starts.Sort();
            int distinct = 0;
            for (int i = 0; i < starts.Length; i++)
            {
                if (distinct == 0 || starts[i] != starts[distinct - 1])
                {
                    starts[distinct++] = starts[i];
                }
            }

            ReadOnlySpan<int> ranks = starts[..distinct];
            var taken = new RankSet(distinct);
            int made = 0;
            foreach (Candidate<T> candidate in ordered)
            {
                TextSpan span = candidate.Span;
                int rank = SortedSearch.FirstAtOrAbove(ranks, span.Start);
                int before = taken.Below(rank);
                int after = taken.AtOrAbove(rank);
                if ((before >= 0 && firstTaken[before].Overlaps(span)) || (after >= 0 && lastTaken[after].Overlaps(span)))
                {
                    continue;
                }

                if (taken.Add(rank))
                {
                    firstTaken[rank] = span;
                }

                lastTaken[rank] = span;
                accepted[made++] = candidate;
            }

            return made;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(startsArray);
            ArrayPool<TextSpan>.Shared.Return(firstTaken);
            ArrayPool<TextSpan>.Shared.Return(lastTaken);
        }
    }

    /// <summary>
    /// Removes from <paramref name="entities"/> every entity that overlaps one of
    /// <paramref name="others"/>: nothing is found inside an entity of a type declared in
    /// <c>outside:</c> (no place inside an organisation's name).
    /// </summary>
    public static void RemoveOverlapping<T>(List<T> entities, IReadOnlyList<IEntity> others)
        where T : IEntity
    {
        ArgumentNullException.ThrowIfNull(entities);
        ArgumentNullException.ThrowIfNull(others);
        if (others.Count == 0 || entities.Count == 0)
        {
            return;
        }

        int count = others.Count;
        TextSpan[] spansArray = ArrayPool<TextSpan>.Shared.Rent(count);
        int[] furthest = ArrayPool<int>.Shared.Rent(count);
        try
        {
            Span<TextSpan> spans = spansArray.AsSpan(0, count);
            for (int i = 0; i < count; i++)
            {
                spans[i] = others[i].Span;
            }

            // The others may overlap each other (overlap: all), so keep the furthest end so far.
            spans.Sort();
            for (int i = 0; i < count; i++)
            {
                furthest[i] = Math.Max(spans[i].End, i > 0 ? furthest[i - 1] : 0);
            }

            int kept = 0;
            for (int e = 0; e < entities.Count; e++)
            {
                T entity = entities[e];
                int before = SortedSearch.FirstAtOrAfter<TextSpan>(spans, entity.Span.End, static s => s.Start);
                if (!(before > 0 && furthest[before - 1] > entity.Span.Start))
                {
                    entities[kept++] = entity;
                }
            }

            entities.RemoveRange(kept, entities.Count - kept);
        }
        finally
        {
            ArrayPool<TextSpan>.Shared.Return(spansArray);
            ArrayPool<int>.Shared.Return(furthest);
        }
    }

    /// <summary>Longest first; then the earlier rule; then the earlier start.</summary>
    private readonly struct LongestFirst<T> : IComparer<Candidate<T>>
    {
        public int Compare(Candidate<T> a, Candidate<T> b)
        {
            int result = b.Span.Length.CompareTo(a.Span.Length);
            if (result == 0)
            {
                result = a.RuleOrder.CompareTo(b.RuleOrder);
            }

            return result != 0 ? result : a.Span.Start.CompareTo(b.Span.Start);
        }
    }

    /// <summary>The earlier rule first; then the earlier start; then the longer.</summary>
    private readonly struct EarliestRuleFirst<T> : IComparer<Candidate<T>>
    {
        public int Compare(Candidate<T> a, Candidate<T> b)
        {
            int result = a.RuleOrder.CompareTo(b.RuleOrder);
            if (result == 0)
            {
                result = a.Span.Start.CompareTo(b.Span.Start);
            }

            return result != 0 ? result : b.Span.Length.CompareTo(a.Span.Length);
        }
    }

    /// <summary>In text order (start, then the longer first); then the earlier rule.</summary>
    private readonly struct InTextOrder<T> : IComparer<Candidate<T>>
    {
        public int Compare(Candidate<T> a, Candidate<T> b)
        {
            int result = a.Span.CompareTo(b.Span);
            return result != 0 ? result : a.RuleOrder.CompareTo(b.RuleOrder);
        }
    }
}
