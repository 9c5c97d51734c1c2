using System;
using System.Collections;
using System.Collections.Generic;

namespace CorpusKit.Documents;

/// <summary>
/// The mentions of one <see cref="EntityGroup{T}"/>, in document order: a read-only view of a run of
/// an array its document's groups share, as <see cref="ReadOnlySpan{T}"/> is of memory, but one that
/// can be stored and is an <see cref="IReadOnlyList{T}"/>. <c>foreach</c> over it allocates nothing.
/// </summary>
/// <typeparam name="T">The entity type.</typeparam>
public readonly struct MentionList<T> : IReadOnlyList<T>
{
    private readonly T[]? _items;
    private readonly int _start;

    internal MentionList(T[] items, int start, int count)
    {
        _items = items;
        _start = start;
        Count = count;
    }

    /// <summary>The number of mentions.</summary>
    public int Count { get; }

    /// <summary>The mention at <paramref name="index"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative, or not less than <see cref="Count"/>.</exception>
    public T this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            return _items![_start + index];
        }
    }

    /// <summary>The mentions as a span.</summary>
    public ReadOnlySpan<T> AsSpan() => _items is null ? default : new ReadOnlySpan<T>(_items, _start, Count);

    /// <summary>An enumerator of the mentions, in document order.</summary>
    public Enumerator GetEnumerator() => new(this);

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Enumerates a <see cref="MentionList{T}"/> without allocating.</summary>
    public struct Enumerator : IEnumerator<T>
    {
        private readonly MentionList<T> _list;
        private int _index;

        internal Enumerator(MentionList<T> list)
        {
            _list = list;
            _index = -1;
        }

        /// <inheritdoc />
        public readonly T Current => _list._items![_list._start + _index];

        readonly object? IEnumerator.Current => Current;

        /// <inheritdoc />
        public bool MoveNext() => ++_index < _list.Count;

        /// <inheritdoc />
        public void Reset() => _index = -1;

        /// <inheritdoc />
        public readonly void Dispose()
        {
        }
    }
}
