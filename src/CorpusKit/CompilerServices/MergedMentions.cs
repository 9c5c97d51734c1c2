using System;
using System.Collections;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;

namespace CorpusKit.CompilerServices;

/// <summary>
/// A document's mentions of every entity type in document order (<see cref="MentionOrder.Merge(IMentionLists)"/>),
/// from lists each in document order already, merged as they are read: enumerating them takes the
/// next of the lists' heads at each step, and no array of them all is made until one is read by
/// index (then once, and kept). The lists are read from the document, not copied.
/// </summary>
/// <remarks>
/// Most callers of <c>Mentions()</c> count them or go through them once (a writer, a table sink):
/// those pay for no copy of the document's mentions. Of two mentions at one position, the one of
/// the earlier list comes first, and within a list their order holds.
/// </remarks>
internal sealed class MergedMentions : IReadOnlyList<IEntity>, IEnumerator<IEntity>
{
    /// <summary>The most lists merged as they are read; more are merged into an array at once.</summary>
    public const int MostLists = Positions.Length;

    private readonly IMentionLists _lists;
    private IEntity[]? _merged;

    // The list is its own first enumerator, as the runtime's iterators are: 1 while one goes
    // through it, 0 when none does (a foreach disposes it), so going through the mentions again
    // makes nothing either. Another enumeration at the same time gets an enumerator of its own.
    private int _enumerating;
    private Cursor _cursor;
    private IEntity? _current;

    /// <summary>The mentions of <paramref name="lists"/> (at most <see cref="MostLists"/>, each in document order), <paramref name="count"/> in all.</summary>
    public MergedMentions(IMentionLists lists, int count)
    {
        if (lists.MentionListCount > MostLists)
        {
            throw new ArgumentOutOfRangeException(nameof(lists), lists.MentionListCount, $"At most {MostLists} lists are merged as they are read.");
        }

        _lists = lists;
        Count = count;
    }

    /// <summary>Whether the merged array has been made (for tests: a document whose mentions were only counted or enumerated has not).</summary>
    internal bool IsMaterialized => Volatile.Read(ref _merged) is not null;

    /// <inheritdoc />
    public int Count { get; }

    /// <inheritdoc />
    public IEntity this[int index] => (Volatile.Read(ref _merged) ?? Materialize())[index];

    /// <inheritdoc />
    public IEnumerator<IEntity> GetEnumerator()
    {
        if (Volatile.Read(ref _merged) is { } merged)
        {
            return ((IEnumerable<IEntity>)merged).GetEnumerator();
        }

        if (Interlocked.CompareExchange(ref _enumerating, 1, 0) == 0)
        {
            ((IEnumerator)this).Reset();
            return this;
        }

        return new Enumerator(_lists);
    }

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    IEntity IEnumerator<IEntity>.Current => _current ?? throw new InvalidOperationException("The enumeration has not started, or it is over.");

    /// <inheritdoc />
    object IEnumerator.Current => ((IEnumerator<IEntity>)this).Current;

    /// <inheritdoc />
    bool IEnumerator.MoveNext()
    {
        bool moved = _cursor.Next(_lists, out IEntity entity);
        _current = moved ? entity : null;
        return moved;
    }

    /// <inheritdoc />
    void IEnumerator.Reset()
    {
        _cursor = new Cursor(_lists);
        _current = null;
    }

    /// <inheritdoc />
    void IDisposable.Dispose()
    {
        _current = null;
        Volatile.Write(ref _enumerating, 0);
    }

    /// <summary>The mentions of <paramref name="lists"/> (each in document order), <paramref name="count"/> in all, merged into an array.</summary>
    public static IEntity[] Materialize(IMentionLists lists, int count)
    {
        var result = new IEntity[count];
        int at = 0;

        // More lists than a cursor holds are merged two at a time, each pass over an array.
        if (lists.MentionListCount > MostLists)
        {
            var first = new Slice(lists, 0, MostLists);
            var rest = new Slice(lists, MostLists, lists.MentionListCount - MostLists);
            lists = new ListArray([Materialize(first, Total(first)), Materialize(rest, Total(rest))]);
        }

        var cursor = new Cursor(lists);
        while (cursor.Next(lists, out IEntity entity))
        {
            result[at++] = entity;
        }

        return result;
    }

    private IEntity[] Materialize()
    {
        IEntity[] merged = Materialize(_lists, Count);

        // Two threads may both merge at first: either array is right.
        return Interlocked.CompareExchange(ref _merged, merged, null) ?? merged;
    }

    private static int Total(IMentionLists lists)
    {
        int total = 0;
        for (int j = 0; j < lists.MentionListCount; j++)
        {
            total += lists.MentionList(j).Count;
        }

        return total;
    }

    /// <summary>Lists given as an array.</summary>
    internal sealed class ListArray(IReadOnlyList<IEntity>[] lists) : IMentionLists
    {
        public int MentionListCount => lists.Length;

        public IReadOnlyList<IEntity> MentionList(int index) => lists[index];
    }

    /// <summary><paramref name="count"/> of a document's lists from <paramref name="start"/>, in order.</summary>
    private sealed class Slice(IMentionLists lists, int start, int count) : IMentionLists
    {
        public int MentionListCount => count;

        public IReadOnlyList<IEntity> MentionList(int index)
            => (uint)index < (uint)count ? lists.MentionList(start + index) : throw new ArgumentOutOfRangeException(nameof(index));
    }

    /// <summary>Where a merge is in each list, and the span of each list's next mention, for up to <see cref="MostLists"/> lists.</summary>
    private struct Cursor
    {
        /// <summary>The head of a list with no mention left: after every span of a text.</summary>
        private static readonly TextSpan s_done = new(int.MaxValue, 0);

        private Positions _next;
        private Heads _heads;
        private int _count;

        public Cursor(IMentionLists lists)
        {
            // The heads are read once per mention: a list is an array behind an interface, and
            // each call through it costs more than the comparison it feeds.
            _count = lists.MentionListCount;
            for (int j = 0; j < _count; j++)
            {
                IReadOnlyList<IEntity> list = lists.MentionList(j);
                _next[j] = 0;
                _heads[j] = list.Count > 0 ? list[0].Span : s_done;
            }
        }

        /// <summary>
        /// Takes the next mention in document order, false when every list is done: of the lists'
        /// next mentions, the first by position, the earlier list's on a tie.
        /// </summary>
        public bool Next(IMentionLists lists, out IEntity entity)
        {
            int first = 0;
            for (int j = 1; j < _count; j++)
            {
                if (_heads[j].CompareTo(_heads[first]) < 0)
                {
                    first = j;
                }
            }

            if (_count == 0 || _heads[first] == s_done)
            {
                entity = null!;
                return false;
            }

            IReadOnlyList<IEntity> list = lists.MentionList(first);
            entity = list[_next[first]];
            _heads[first] = ++_next[first] < list.Count ? list[_next[first]].Span : s_done;
            return true;
        }
    }

    [InlineArray(Length)]
    private struct Positions
    {
        public const int Length = 8;

        private int _first;
    }

    [InlineArray(Length)]
    private struct Heads
    {
        public const int Length = Positions.Length;

        private TextSpan _first;
    }

    /// <summary>The mentions merged one at a time, for an enumeration while the list's own goes on.</summary>
    private sealed class Enumerator(IMentionLists lists) : IEnumerator<IEntity>
    {
        private Cursor _cursor = new(lists);
        private IEntity? _current;

        public IEntity Current => _current ?? throw new InvalidOperationException("The enumeration has not started, or it is over.");

        object IEnumerator.Current => Current;

        public bool MoveNext()
        {
            bool moved = _cursor.Next(lists, out IEntity entity);
            _current = moved ? entity : null;
            return moved;
        }

        public void Reset()
        {
            _cursor = new Cursor(lists);
            _current = null;
        }

        public void Dispose()
        {
        }
    }
}
