using System;
using System.Buffers;
using System.Collections.Generic;
using System.ComponentModel;

namespace CorpusKit.CompilerServices;

/// <summary>
/// The candidates of <c>nearest(…)</c> in one text, laid out once so that each look-up takes
/// O(log n): what <see cref="Nearest.Find"/> finds on the same list and text, without reading
/// every candidate for every span. Build one per rule and document, then call
/// <see cref="Find"/> for each match.
/// </summary>
/// <typeparam name="T">The entity looked for.</typeparam>
/// <remarks>
/// <para>For generated code: CorpusKit's generator emits the calls to this type; it is not meant to be called by hand and may change in any release.</para>
/// The list is copied when the index is built, so later changes to it are not seen (an index a
/// context builds reads the type's results, which do not change, as they are). What a
/// direction or scope needs (candidates ordered by end or by start, the sentence or paragraph
/// breaks of the text) is built on its first look-up, in O(n log n) and O(text) once; the
/// document scope needs no search of the text at all. Look-ups may run on several threads at
/// once: each part is built whole before it is published, and at worst built twice. The
/// orders' arrays are rented: an index that an <see cref="ExtractionContext"/> built gives them
/// back when its extraction ends.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class NearestIndex<T> : IReleasable
    where T : class, IEntity
{
    private readonly IReadOnlyList<T> _candidates;
    private readonly string _text;
    private Side? _byEnd;
    private Side? _byStart;
    // Rented arrays, the first counts of each: given back by Release.
    private int[]? _sentenceBreaks;
    private int _sentenceBreakCount;
    private int[]? _paragraphBreaks;
    private int _paragraphBreakCount;

    /// <summary>Indexes <paramref name="candidates"/>, entities found in <paramref name="text"/>.</summary>
    /// <param name="candidates">The entities to look among, in any order; their order breaks ties.</param>
    /// <param name="text">The original text, whose sentence and paragraph breaks bound the scopes.</param>
    public NearestIndex(IReadOnlyList<T> candidates, string text)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(text);
        var copy = new T[candidates.Count];
        for (int i = 0; i < copy.Length; i++)
        {
            copy[i] = candidates[i];
        }

        _candidates = copy;
        _text = text;
    }

    private NearestIndex(string text, IReadOnlyList<T> candidates)
    {
        _candidates = candidates;
        _text = text;
    }

    /// <summary>
    /// Indexes a list that no one changes (a type's results in a context): it is read, not
    /// copied. The context calls <see cref="Release"/> when its extraction ends.
    /// </summary>
    internal static NearestIndex<T> Over(IReadOnlyList<T> candidates, string text) => new(text, candidates);

    /// <summary>
    /// Gives the orders' arrays back to the pool. A look-up after this builds them again: nothing
    /// reads an array that went back.
    /// </summary>
    void IReleasable.Release() => Release();

    /// <inheritdoc cref="IReleasable.Release"/>
    internal void Release()
    {
        Side? byEnd = _byEnd;
        Side? byStart = _byStart;
        _byEnd = null;
        _byStart = null;
        byEnd?.Release();
        byStart?.Release();
        if (_sentenceBreaks is { } sentences)
        {
            _sentenceBreaks = null;
            WorkArrays<int>.Return(sentences);
        }

        if (_paragraphBreaks is { } paragraphs)
        {
            _paragraphBreaks = null;
            WorkArrays<int>.Return(paragraphs);
        }
    }

    /// <summary>
    /// The candidate nearest to <paramref name="span"/> in <paramref name="direction"/>, within
    /// <paramref name="scope"/> of the text; null when there is none. The same as
    /// <see cref="Nearest.Find"/>, ties included: before, the one that ends last (on equal ends the
    /// first in list order); after, the one that starts first (on equal starts the first in list order).
    /// </summary>
    public T? Find(TextSpan span, NearestDirection direction, TextScope scope)
    {
        int at;
        Side side;
        if (direction == NearestDirection.Before)
        {
            // Of those that end at or before the span's start, the last in end order whose start
            // is within the scope.
            side = _byEnd ??= Side.ByEnd(_candidates);
            at = side.Tree.LastAtLeast(SortedSearch.FirstAbove(side.Keys, span.Start), ScopeStart(span.Start, scope));
        }
        else
        {
            // Of those that start at or after the span's end, the first in start order whose end is
            // within the scope; the tree holds ~end, which grows as the end shrinks.
            side = _byStart ??= Side.ByStart(_candidates);
            at = side.Tree.FirstAtLeast(SortedSearch.FirstAtOrAbove(side.Keys, span.End), ~ScopeEnd(span.End, scope));
        }

        return at < 0 ? null : _candidates[side.Order[at]];
    }

    /// <summary>What <see cref="Nearest.ScopeStart"/> gives, from the breaks found once.</summary>
    private int ScopeStart(int index, TextScope scope)
    {
        if (scope == TextScope.Document)
        {
            return 0;
        }

        ReadOnlySpan<int> breaks = Breaks(scope);
        int next = SortedSearch.FirstAtOrAbove(breaks, index);
        return next == 0 ? 0 : breaks[next - 1] + 1;
    }

    /// <summary>What <see cref="Nearest.ScopeEnd"/> gives, from the breaks found once.</summary>
    private int ScopeEnd(int index, TextScope scope)
    {
        if (scope == TextScope.Document)
        {
            return _text.Length;
        }

        ReadOnlySpan<int> breaks = Breaks(scope);
        int next = SortedSearch.FirstAtOrAbove(breaks, index);
        return next < breaks.Length ? breaks[next] : _text.Length;
    }

    /// <summary>The breaks of <paramref name="scope"/> (a sentence or a paragraph) in the text, found on first use.</summary>
    private ReadOnlySpan<int> Breaks(TextScope scope)
    {
        if (scope == TextScope.Paragraph)
        {
            _paragraphBreaks ??= ScopeBreaks.All(_text, TextScope.Paragraph, out _paragraphBreakCount);
            return _paragraphBreaks.AsSpan(0, _paragraphBreakCount);
        }

        _sentenceBreaks ??= ScopeBreaks.All(_text, TextScope.Sentence, out _sentenceBreakCount);
        return _sentenceBreaks.AsSpan(0, _sentenceBreakCount);
    }

    /// <summary>
    /// The candidates in one order (<see cref="Order"/>: candidate indexes) with the key they are
    /// sorted by (<see cref="Keys"/>) and a tree over the value a look-up tests; the three are
    /// rented arrays, given back by <see cref="Release"/>.
    /// </summary>
    private sealed class Side
    {
        private readonly int[] _keys;
        private readonly int[] _order;
        private readonly int _count;

        private Side(int[] keys, int[] order, int count, MaxTree tree)
        {
            _keys = keys;
            _order = order;
            _count = count;
            Tree = tree;
        }

        public ReadOnlySpan<int> Keys => _keys.AsSpan(0, _count);

        public ReadOnlySpan<int> Order => _order.AsSpan(0, _count);

        public MaxTree Tree { get; }

        /// <summary>
        /// By end, and on equal ends the later candidate first, so that the last one a look-up
        /// accepts is the first in list order; the tree holds the starts.
        /// </summary>
        public static Side ByEnd(IReadOnlyList<T> candidates) => Build(candidates, byEnd: true);

        /// <summary>By start, and on equal starts the earlier candidate first; the tree holds ~end.</summary>
        public static Side ByStart(IReadOnlyList<T> candidates) => Build(candidates, byEnd: false);

        /// <summary>
        /// Sorts the candidates by one packed key (the bound in the high half, the tie order in the
        /// low half) and lays out the keys, the order and the tree's values in rented arrays.
        /// </summary>
        private static Side Build(IReadOnlyList<T> candidates, bool byEnd)
        {
            int count = candidates.Count;
            long[] sorted = WorkArrays<long>.Rent(count);
            int[] values = WorkArrays<int>.Rent(count);
            try
            {
                for (int i = 0; i < count; i++)
                {
                    TextSpan span = candidates[i].Span;
                    sorted[i] = byEnd
                        ? ((long)span.End << 32) | (uint)(int.MaxValue - i)
                        : ((long)span.Start << 32) | (uint)i;
                }

                Array.Sort(sorted, 0, count);
                int[] keys = WorkArrays<int>.Rent(count);
                int[] order = WorkArrays<int>.Rent(count);
                for (int p = 0; p < count; p++)
                {
                    keys[p] = (int)(sorted[p] >> 32);
                    int tie = (int)(uint)sorted[p];
                    order[p] = byEnd ? int.MaxValue - tie : tie;
                    TextSpan span = candidates[order[p]].Span;
                    values[p] = byEnd ? span.Start : ~span.End;
                }

                return new Side(keys, order, count, MaxTree.Rented(values.AsSpan(0, count)));
            }
            finally
            {
                WorkArrays<long>.Return(sorted);
                WorkArrays<int>.Return(values);
            }
        }

        /// <summary>Gives the arrays back to the pool; the side is not used after.</summary>
        public void Release()
        {
            WorkArrays<int>.Return(_keys);
            WorkArrays<int>.Return(_order);
            Tree.Release();
        }
    }
}
