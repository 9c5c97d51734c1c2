using System;
using System.Buffers;
using System.Collections.Generic;
using System.ComponentModel;

namespace CorpusKit.CompilerServices;

/// <summary>The mentions of a document, every entity type together, in document order.</summary>
/// <remarks>For generated code: CorpusKit's generator emits the calls to this type; it is not meant to be called by hand and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class MentionOrder
{
    /// <summary>
    /// The entities of <paramref name="lists"/> (one list per entity type) ordered by position: by
    /// start, the longer first; entities at the same position keep the order of their lists, and
    /// within a list their order.
    /// </summary>
    public static IReadOnlyList<IEntity> Merge(params ReadOnlySpan<IReadOnlyList<IEntity>> lists)
    {
        int count = 0;
        foreach (IReadOnlyList<IEntity> list in lists)
        {
            ArgumentNullException.ThrowIfNull(list);
            count += list.Count;
        }

        // Each type's list is in document order already (an extractor's results are): merged in
        // one pass. A list that is not is found on the way, and the whole is sorted instead.
        if (lists.Length <= MostMergedLists && MergeSorted(lists, count) is { } merged)
        {
            return merged;
        }

        // The work arrays are rented; only the result is allocated.
        IEntity[] entities = ArrayPool<IEntity>.Shared.Rent(count);
        TextSpan[] spans = ArrayPool<TextSpan>.Shared.Rent(count);
        int[] order = ArrayPool<int>.Shared.Rent(count);
        try
        {
            int at = 0;
            foreach (IReadOnlyList<IEntity> list in lists)
            {
                for (int i = 0; i < list.Count; i++, at++)
                {
                    entities[at] = list[i];
                    spans[at] = list[i].Span;
                }
            }

            // A stable sort: the index breaks ties, so equal positions keep list order.
            for (int i = 0; i < count; i++)
            {
                order[i] = i;
            }

            CompilerServices.IndexSort.Sort(order.AsSpan(0, count), new ByPosition(spans));
            var result = new IEntity[count];
            for (int i = 0; i < count; i++)
            {
                result[i] = entities[order[i]];
            }

            return result;
        }
        finally
        {
            ArrayPool<IEntity>.Shared.Return(entities, clearArray: true);
            ArrayPool<TextSpan>.Shared.Return(spans);
            ArrayPool<int>.Shared.Return(order);
        }
    }

    /// <summary>Up to this many lists, a merge keeps each one's place on the stack.</summary>
    private const int MostMergedLists = 32;

    /// <summary>
    /// The entities of <paramref name="lists"/>, each already in document order, merged: at each
    /// step the first list whose next entity stands first takes its turn (so ties keep the order of
    /// the lists); null as soon as a list is found out of order.
    /// </summary>
    private static IEntity[]? MergeSorted(ReadOnlySpan<IReadOnlyList<IEntity>> lists, int count)
    {
        int k = lists.Length;
        Span<int> next = stackalloc int[k];
        Span<int> counts = stackalloc int[k];
        Span<TextSpan> heads = stackalloc TextSpan[k];
        for (int j = 0; j < k; j++)
        {
            counts[j] = lists[j].Count;
            if (counts[j] > 0)
            {
                heads[j] = lists[j][0].Span;
            }
        }

        var result = new IEntity[count];
        for (int r = 0; r < count; r++)
        {
            int first = -1;
            for (int j = 0; j < k; j++)
            {
                if (next[j] < counts[j] && (first < 0 || heads[j].CompareTo(heads[first]) < 0))
                {
                    first = j;
                }
            }

            IReadOnlyList<IEntity> list = lists[first];
            result[r] = list[next[first]];
            if (++next[first] < counts[first])
            {
                TextSpan following = list[next[first]].Span;
                if (following.CompareTo(heads[first]) < 0)
                {
                    return null;
                }

                heads[first] = following;
            }
        }

        return result;
    }

    private readonly struct ByPosition(TextSpan[] spans) : IComparer<int>
    {
        public int Compare(int a, int b)
        {
            int byPosition = spans[a].CompareTo(spans[b]);
            return byPosition != 0 ? byPosition : a.CompareTo(b);
        }
    }
}
