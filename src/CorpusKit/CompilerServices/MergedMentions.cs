using System;
using System.Collections;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;

namespace CorpusKit.CompilerServices;

/// <summary>
/// A document's mentions of every entity type in document order (<see cref="MentionOrder.Merge"/>),
/// from lists each in document order already, merged as they are read: enumerating them takes the
/// next of the lists' heads at each step, and no array of them all is made until one is read by
/// index (then once, and kept).
/// </summary>
/// <remarks>
/// Most callers of <c>Mentions()</c> count them or go through them once (a writer, a table sink):
/// those pay for no copy of the document's mentions. Of two mentions at one position, the one of
/// the earlier list comes first, and within a list their order holds.
/// </remarks>
internal sealed class MergedMentions : IReadOnlyList<IEntity>
{
    /// <summary>The most lists merged as they are read; more are merged into an array at once.</summary>
    public const int MostLists = Heads.Length;

    private readonly IReadOnlyList<IEntity>[] _lists;
    private IEntity[]? _merged;

    /// <summary>The mentions of <paramref name="lists"/> (at most <see cref="MostLists"/>, each in document order), <paramref name="count"/> in all.</summary>
    public MergedMentions(IReadOnlyList<IEntity>[] lists, int count)
    {
        if (lists.Length > MostLists)
        {
            throw new ArgumentOutOfRangeException(nameof(lists), lists.Length, $"At most {MostLists} lists are merged as they are read.");
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
        => Volatile.Read(ref _merged) is { } merged ? ((IEnumerable<IEntity>)merged).GetEnumerator() : new Enumerator(_lists);

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The mentions of <paramref name="lists"/> (each in document order), <paramref name="count"/> in all, merged into an array.</summary>
    public static IEntity[] Materialize(ReadOnlySpan<IReadOnlyList<IEntity>> lists, int count)
    {
        var result = new IEntity[count];
        int at = 0;

        // More lists than a cursor holds are merged two at a time, each pass over an array.
        if (lists.Length > MostLists)
        {
            IReadOnlyList<IEntity> first = Materialize(lists[..MostLists], Total(lists[..MostLists]));
            IReadOnlyList<IEntity> rest = Materialize(lists[MostLists..], Total(lists[MostLists..]));
            lists = new[] { first, rest };
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

    private static int Total(ReadOnlySpan<IReadOnlyList<IEntity>> lists)
    {
        int total = 0;
        foreach (IReadOnlyList<IEntity> list in lists)
        {
            total += list.Count;
        }

        return total;
    }

    /// <summary>Where a merge is in each list, and the span of each list's next mention, for up to <see cref="MostLists"/> lists.</summary>
    private struct Cursor
    {
        private Positions _next;
        private Positions _counts;
        private Heads _heads;

        public Cursor(ReadOnlySpan<IReadOnlyList<IEntity>> lists)
        {
            // The counts and the heads are read once: a list is an array behind an interface,
            // and each call through it costs more than the comparison it feeds.
            for (int j = 0; j < lists.Length; j++)
            {
                _next[j] = 0;
                _counts[j] = lists[j].Count;
                if (_counts[j] > 0)
                {
                    _heads[j] = lists[j][0].Span;
                }
            }
        }

        /// <summary>
        /// Takes the next mention in document order, false when every list is done: of the lists'
        /// next mentions, the first by position, the earlier list's on a tie.
        /// </summary>
        public bool Next(ReadOnlySpan<IReadOnlyList<IEntity>> lists, out IEntity entity)
        {
            int first = -1;
            for (int j = 0; j < lists.Length; j++)
            {
                if (_next[j] < _counts[j] && (first < 0 || _heads[j].CompareTo(_heads[first]) < 0))
                {
                    first = j;
                }
            }

            if (first < 0)
            {
                entity = null!;
                return false;
            }

            IReadOnlyList<IEntity> list = lists[first];
            entity = list[_next[first]];
            if (++_next[first] < _counts[first])
            {
                _heads[first] = list[_next[first]].Span;
            }

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

    /// <summary>The mentions merged one at a time.</summary>
    private sealed class Enumerator(IReadOnlyList<IEntity>[] lists) : IEnumerator<IEntity>
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
