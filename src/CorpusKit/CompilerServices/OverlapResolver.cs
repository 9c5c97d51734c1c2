using System;
using System.Buffers;
using System.Collections.Generic;
using System.ComponentModel;
using System.Runtime.InteropServices;

namespace CorpusKit.CompilerServices;

/// <summary>Chooses among overlapping candidates of one entity type.</summary>
/// <remarks>For generated code: CorpusKit's generator emits the calls to this type; it is not meant to be called by hand and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class OverlapResolver
{
    /// <summary>
    /// Up to this many candidates (what one type finds in a news article), they are ordered by
    /// insertion on the stack and each is checked against a sorted list of the spans taken: no
    /// arrays to rent, no sort through a delegate, no set of ranks.
    /// </summary>
    private const int ListedCandidates = 32;

    /// <summary>
    /// Resolves overlaps by the candidates' mode and returns the winners in document order, in a
    /// list kept with the candidates (the extractor's work list: it may remove and add entities,
    /// then <see cref="ExtractionContext.SetResults{T}(List{T})"/> copies them out).
    /// </summary>
    public static List<T> Resolve<T>(Candidates<T> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        List<T> winners = candidates.Winners;
        winners.Clear();
        Resolve(candidates.Items, candidates.Mode, ListedCandidates, winners);
        return winners;
    }

    /// <summary>Resolves overlaps by <paramref name="mode"/> and returns the winners in document order.</summary>
    /// <remarks>
    /// Only the list of winners is allocated. Of exact duplicates (the same span from the same rule),
    /// the one earlier in <paramref name="candidates"/> comes first: every order here is total.
    /// </remarks>
    internal static List<T> Resolve<T>(List<Candidate<T>> candidates, OverlapMode mode)
        => Resolve(candidates, mode, ListedCandidates);

    /// <summary>
    /// <see cref="Resolve{T}(List{Candidate{T}}, OverlapMode)"/>, with the spans taken listed up to
    /// <paramref name="listedCandidates"/> candidates and filed by rank past that (tests set it to
    /// see both ways keep the same).
    /// </summary>
    internal static List<T> Resolve<T>(List<Candidate<T>> candidates, OverlapMode mode, int listedCandidates)
    {
        var winners = new List<T>();
        Resolve(candidates, mode, listedCandidates, winners);
        return winners;
    }

    /// <summary>The winners of <paramref name="candidates"/>, in document order, added to <paramref name="winners"/>.</summary>
    private static void Resolve<T>(List<Candidate<T>> candidates, OverlapMode mode, int listedCandidates, List<T> winners)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        if (mode is not (OverlapMode.Longest or OverlapMode.First or OverlapMode.All))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown overlap mode.");
        }

        // The choice reads only spans and rules: it works on keys, in code that is not generic (the
        // code shared by every reference type would look up the candidates' type at each comparison).
        ReadOnlySpan<Candidate<T>> items = CollectionsMarshal.AsSpan(candidates);
        int count = items.Length;
        if (InTextOrderApart(items))
        {
            // What one lexicon's hits usually are: every mode takes them all, in the order they came.
            winners.EnsureCapacity(count);
            for (int i = 0; i < count; i++)
            {
                winners.Add(items[i].Value);
            }

            return;
        }

        bool listed = count <= listedCandidates && count <= ListedCandidates;
        Key[] keys = count <= KeptKeys ? (t_keys ??= new Key[KeptKeys]) : WorkArrays<Key>.Rent(count);
        int[]? rented = listed ? null : WorkArrays<int>.Rent(2 * count);
        try
        {
            for (int i = 0; i < count; i++)
            {
                keys[i] = new Key(items[i].Span, items[i].RuleOrder);
            }

            Span<int> work = listed ? stackalloc int[2 * count] : rented.AsSpan(0, 2 * count);
            ReadOnlySpan<int> accepted = Choose(keys, count, mode, listed, work);
            winners.EnsureCapacity(accepted.Length);
            foreach (int i in accepted)
            {
                winners.Add(items[i].Value);
            }
        }
        finally
        {
            if (count > KeptKeys)
            {
                WorkArrays<Key>.Return(keys);
            }

            if (rented is not null)
            {
                WorkArrays<int>.Return(rented);
            }
        }
    }

    /// <summary>
    /// Whether each candidate starts after the one before it and not before its end: then none
    /// overlaps another (each ends by the next one's start), every mode takes them all, and their
    /// text order is the order they came in.
    /// </summary>
    private static bool InTextOrderApart<T>(ReadOnlySpan<Candidate<T>> items)
    {
        for (int i = 1; i < items.Length; i++)
        {
            TextSpan previous = items[i - 1].Span;
            TextSpan span = items[i].Span;
            if (span.Start <= previous.Start || span.Start < previous.End)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Up to this many candidates, the keys are written into an array the thread keeps; past it, into a rented one.</summary>
    private const int KeptKeys = 1024;

    [ThreadStatic]
    private static Key[]? t_keys;

    /// <summary>
    /// Orders the first <paramref name="count"/> keys by <paramref name="mode"/>'s priority (then by
    /// their place), takes each that overlaps no span taken before it (all of them under
    /// <see cref="OverlapMode.All"/>), and returns the indexes of those taken in text order, within
    /// <paramref name="work"/> (two ints per key).
    /// </summary>
    private static ReadOnlySpan<int> Choose(Key[] keys, int count, OverlapMode mode, bool listed, Span<int> work)
    {
        Span<int> order = work[..count];
        for (int i = 0; i < count; i++)
        {
            order[i] = i;
        }

        switch (mode)
        {
            case OverlapMode.Longest:
                IndexSort.Sort(order, new ByKey<LongestFirst>(keys, default));
                break;
            case OverlapMode.First:
                IndexSort.Sort(order, new ByKey<EarliestRuleFirst>(keys, default));
                break;
            default:
                IndexSort.Sort(order, new ByKey<InTextOrder>(keys, default));
                return order;
        }

        Span<int> kept = work[count..];
        ReadOnlySpan<Key> items = keys.AsSpan(0, count);
        int taken = listed ? TakeListed(order, items, kept) : TakeFree(order, items, kept);
        Span<int> accepted = kept[..taken];
        IndexSort.Sort(accepted, new ByKey<InTextOrder>(keys, default));
        return accepted;
    }

    /// <summary>
    /// Takes each of <paramref name="ordered"/> (in priority order) unless it overlaps a span taken
    /// before it, each checked against every span taken: for a few candidates, this costs less than
    /// the ranks of <see cref="TakeFree"/>.
    /// </summary>
    private static int TakeListed(ReadOnlySpan<int> ordered, ReadOnlySpan<Key> items, Span<int> accepted)
    {
        Span<TextSpan> taken = stackalloc TextSpan[ordered.Length];
        int count = 0;
        foreach (int i in ordered)
        {
            TextSpan span = items[i].Span;
            bool overlaps = false;
            foreach (TextSpan other in taken[..count])
            {
                if (other.Overlaps(span))
                {
                    overlaps = true;
                    break;
                }
            }

            if (!overlaps)
            {
                taken[count] = span;
                accepted[count++] = i;
            }
        }

        return count;
    }

    /// <summary>
    /// Takes each of <paramref name="ordered"/> (in priority order) unless it overlaps a span taken
    /// before it, into <paramref name="accepted"/>; returns how many it took; O(n log n) in all.
    /// </summary>
    /// <remarks>
    /// The spans taken never overlap one another, so those with a length, by start, are also in
    /// order of their ends: of them only two can overlap a candidate, the last that starts before it
    /// and the first that starts at or after it. Those of zero length stand apart, since one may
    /// share a start with a longer one (<c>[2,2)</c> beside <c>[2,6)</c>) and one overlaps a
    /// candidate only strictly inside it: the first that starts after the candidate's start is the
    /// one to check. Each kind has a set of ranks (the candidates' distinct starts) that finds these.
    /// </remarks>
    private static int TakeFree(ReadOnlySpan<int> ordered, ReadOnlySpan<Key> items, Span<int> accepted)
    {
        int count = ordered.Length;
        int[] startsArray = WorkArrays<int>.Rent(count);
        TextSpan[] longAt = WorkArrays<TextSpan>.Rent(count);
        try
        {
            // The distinct starts of all candidates, sorted: a taken span is filed under its start's rank.
            Span<int> starts = startsArray.AsSpan(0, count);
            for (int i = 0; i < count; i++)
            {
                starts[i] = items[ordered[i]].Span.Start;
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
            var withLength = new RankSet(distinct); // at most one per start: two would overlap
            var empty = new RankSet(distinct);
            int made = 0;
            foreach (int candidate in ordered)
            {
                TextSpan span = items[candidate].Span;
                int rank = SortedSearch.FirstAtOrAbove(ranks, span.Start);
                int before = withLength.Below(rank);
                int after = withLength.AtOrAbove(rank);
                int inside = span.Length > 0 && rank + 1 < distinct ? empty.AtOrAbove(rank + 1) : -1;
                if ((before >= 0 && longAt[before].Overlaps(span))
                    || (after >= 0 && longAt[after].Overlaps(span))
                    || (inside >= 0 && ranks[inside] < span.End))
                {
                    continue;
                }

                if (span.Length > 0)
                {
                    withLength.Add(rank);
                    longAt[rank] = span;
                }
                else
                {
                    empty.Add(rank);
                }

                accepted[made++] = candidate;
            }

            return made;
        }
        finally
        {
            WorkArrays<int>.Return(startsArray);
            WorkArrays<TextSpan>.Return(longAt);
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
        TextSpan[] spansArray = WorkArrays<TextSpan>.Rent(count);
        int[] furthest = WorkArrays<int>.Rent(count);
        try
        {
            Span<TextSpan> spans = spansArray.AsSpan(0, count);
            for (int i = 0; i < count; i++)
            {
                spans[i] = others[i].Span;
            }

            OutsideSpans.Prepare(spans, furthest);
            int kept = 0;
            for (int e = 0; e < entities.Count; e++)
            {
                T entity = entities[e];
                if (!OutsideSpans.Overlaps(spans, furthest.AsSpan(0, count), entity.Span))
                {
                    entities[kept++] = entity;
                }
            }

            entities.RemoveRange(kept, entities.Count - kept);
        }
        finally
        {
            WorkArrays<TextSpan>.Return(spansArray);
            WorkArrays<int>.Return(furthest);
        }
    }

    /// <summary>What the order and the overlap test read of a candidate: its span and its rule.</summary>
    private readonly record struct Key(TextSpan Span, int RuleOrder);

    /// <summary>Indexes of keys, by a comparer of keys and then by index: a total order, so an unstable sort gives one result.</summary>
    private readonly struct ByKey<TComparer>(Key[] keys, TComparer comparer) : IComparer<int>
        where TComparer : struct, IComparer<Key>
    {
        public int Compare(int a, int b)
        {
            int result = comparer.Compare(keys[a], keys[b]);
            return result != 0 ? result : a.CompareTo(b);
        }
    }

    /// <summary>Longest first; then the earlier rule; then the earlier start.</summary>
    private readonly struct LongestFirst : IComparer<Key>
    {
        public int Compare(Key a, Key b)
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
    private readonly struct EarliestRuleFirst : IComparer<Key>
    {
        public int Compare(Key a, Key b)
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
    private readonly struct InTextOrder : IComparer<Key>
    {
        public int Compare(Key a, Key b)
        {
            int result = a.Span.CompareTo(b.Span);
            return result != 0 ? result : a.RuleOrder.CompareTo(b.RuleOrder);
        }
    }
}
