using System;
using System.Collections.Generic;

namespace CorpusKit.CompilerServices;

/// <summary>
/// The spans of the entities that a type's entities must stay outside of (<c>outside:</c>), sorted,
/// with the furthest end reached so far at each: whether a span overlaps one of them is one binary
/// search, however many there are.
/// </summary>
/// <remarks>
/// The others may overlap each other (a type under <c>overlap: all</c>), which is why the furthest
/// end so far is kept and not the end of the last span before. Spans overlap as
/// <see cref="TextSpan.Overlaps"/> says: touching spans do not, and an empty span overlaps only
/// a span it stands strictly inside.
/// </remarks>
internal sealed class OutsideSpans
{
    private TextSpan[] _spans = [];
    private int[] _furthest = [];
    private int _count;
    private bool _ready = true;

    /// <summary>Whether no span is listed.</summary>
    public bool IsEmpty => _count == 0;

    /// <summary>Lists the spans of <paramref name="others"/> beside those listed before.</summary>
    public void Add(IReadOnlyList<IEntity> others)
    {
        ArgumentNullException.ThrowIfNull(others);
        if (others.Count == 0)
        {
            return;
        }

        if (_spans.Length < _count + others.Count)
        {
            int size = Math.Max(_count + others.Count, 2 * _spans.Length);
            Array.Resize(ref _spans, size);
            _furthest = new int[size];
        }

        for (int i = 0; i < others.Count; i++)
        {
            _spans[_count++] = others[i].Span;
        }

        _ready = false;
    }

    /// <summary>Whether <paramref name="span"/> overlaps a span listed.</summary>
    public bool Overlaps(TextSpan span)
    {
        if (_count == 0)
        {
            return false;
        }

        if (!_ready)
        {
            Prepare(_spans.AsSpan(0, _count), _furthest);
            _ready = true;
        }

        return Overlaps(_spans.AsSpan(0, _count), _furthest, span);
    }

    /// <summary>Forgets the spans listed, keeping the arrays unless they grew past <paramref name="keptLength"/>.</summary>
    public void Clear(int keptLength)
    {
        _count = 0;
        _ready = true;
        if (_spans.Length > keptLength)
        {
            _spans = [];
            _furthest = [];
        }
    }

    /// <summary>Sorts <paramref name="spans"/> and writes the furthest end reached up to each into <paramref name="furthest"/>.</summary>
    public static void Prepare(Span<TextSpan> spans, Span<int> furthest)
    {
        spans.Sort();
        for (int i = 0; i < spans.Length; i++)
        {
            furthest[i] = Math.Max(spans[i].End, i > 0 ? furthest[i - 1] : 0);
        }
    }

    /// <summary>Whether <paramref name="span"/> overlaps one of <paramref name="spans"/>, made ready by <see cref="Prepare"/>.</summary>
    public static bool Overlaps(ReadOnlySpan<TextSpan> spans, ReadOnlySpan<int> furthest, TextSpan span)
    {
        // The spans that start before this one ends are those before the first that starts at or
        // after its end; one of them overlaps it if the furthest of their ends lies past its start.
        int before = SortedSearch.FirstAtOrAfter(spans, span.End, static s => s.Start);
        return before > 0 && furthest[before - 1] > span.Start;
    }
}
