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
        => Merge(new MergedMentions.ListArray(lists.ToArray()));

    /// <summary>
    /// The mentions of <paramref name="document"/>, every type's list together, ordered as
    /// <see cref="Merge(ReadOnlySpan{IReadOnlyList{IEntity}})"/> orders them. When each list is in
    /// document order (an extractor's results are), they are merged as they are read, reading the
    /// lists from the document: nothing is copied until a mention is read by index.
    /// </summary>
    public static IReadOnlyList<IEntity> Merge(IMentionLists document)
    {
        ArgumentNullException.ThrowIfNull(document);
        int listCount = document.MentionListCount;
        int count = 0;
        int nonEmpty = -1;
        bool inOrder = true;
        for (int j = 0; j < listCount; j++)
        {
            IReadOnlyList<IEntity> list = document.MentionList(j);
            ArgumentNullException.ThrowIfNull(list);
            count += list.Count;
            if (list.Count > 0)
            {
                nonEmpty = nonEmpty == -1 ? j : -2;
                inOrder = inOrder && InOrder(list);
            }
        }

        if (count == 0)
        {
            return [];
        }

        // One list is the mentions as they are, and more are merged as they are read, without an
        // array of them all until one is read by index (MergedMentions). Lists not each in order
        // are sorted.
        if (inOrder)
        {
            return nonEmpty >= 0 ? document.MentionList(nonEmpty)
                : listCount <= MergedMentions.MostLists ? new MergedMentions(document, count)
                : MergedMentions.Materialize(document, count);
        }

        // The work arrays are rented; only the result is allocated.
        IEntity[] entities = WorkArrays<IEntity>.Rent(count);
        TextSpan[] spans = WorkArrays<TextSpan>.Rent(count);
        int[] order = WorkArrays<int>.Rent(count);
        try
        {
            int at = 0;
            for (int j = 0; j < listCount; j++)
            {
                IReadOnlyList<IEntity> list = document.MentionList(j);
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
            WorkArrays<IEntity>.Return(entities, clearArray: true);
            WorkArrays<TextSpan>.Return(spans);
            WorkArrays<int>.Return(order);
        }
    }

    /// <summary>Whether the entities of <paramref name="list"/> come in document order.</summary>
    private static bool InOrder(IReadOnlyList<IEntity> list)
    {
        TextSpan previous = list[0].Span;
        for (int i = 1; i < list.Count; i++)
        {
            TextSpan span = list[i].Span;
            if (span.CompareTo(previous) < 0)
            {
                return false;
            }

            previous = span;
        }

        return true;
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
