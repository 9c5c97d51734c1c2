using System;

namespace CorpusKit.Text;

/// <summary>
/// The map from normalized chars back to the original text, kept only where offsets shift.
/// </summary>
/// <remarks>
/// <para>
/// Every normalized char comes from a range <c>[Start, End)</c> of the original. Most chars come
/// from the one original char right after the previous char's source (a letter copied or mapped
/// one to one: أ to ا, ٣ to 3); those are <em>regular</em> and cost nothing here. The others, the
/// <em>anchors</em>, are stored: a letter that carries removed diacritics, a collapsed run of white
/// space, the char after a removed one, the second char of an expansion. A regular char after
/// anchor <c>a</c> comes from <c>End(a) + (i - a - 1)</c>; before the first anchor, char <c>i</c>
/// comes from original char <c>i</c>.
/// </para>
/// <para>
/// Arabic news text shifts offsets at a few chars in a hundred, so the map is a few percent of the
/// text's size instead of two ints per char, and lookups are a binary search over the anchors.
/// </para>
/// </remarks>
internal sealed class OffsetMap
{
    private int[] _indexes;
    private int[] _starts;
    private int[] _ends;
    private int _count;
    private bool _rented;

    /// <summary>A map of the first <paramref name="count"/> anchors of the arrays; <paramref name="rented"/> ones go back to the pool on <see cref="Release"/>.</summary>
    internal OffsetMap(int[] indexes, int[] starts, int[] ends, int count, bool rented = false)
    {
        _indexes = indexes;
        _starts = starts;
        _ends = ends;
        _count = count;
        _rented = rented;
    }

    /// <summary>
    /// Makes this map, released, the map of rented arrays again, as the constructor makes one: for a
    /// context of the thread's pool (<see cref="ExtractionContext.Start"/>), whose released map
    /// nothing else refers to.
    /// </summary>
    internal OffsetMap Reset(int[] indexes, int[] starts, int[] ends, int count)
    {
        _indexes = indexes;
        _starts = starts;
        _ends = ends;
        _count = count;
        _rented = true;
        return this;
    }

    /// <summary>
    /// Gives rented arrays back to the pool, once however often it is called (texts masked from one
    /// another share their map); nothing may read the map after.
    /// </summary>
    internal void Release()
    {
#if NET
        if (_rented)
        {
            _rented = false;
            WorkArrays<int>.Return(_indexes);
            WorkArrays<int>.Return(_starts);
            WorkArrays<int>.Return(_ends);
            _indexes = _starts = _ends = [];
        }
#endif
    }

    /// <summary>The number of anchors: chars whose source is not the one original char after the previous char's.</summary>
    internal int AnchorCount => _count;

    /// <summary>Where the source of normalized char <paramref name="index"/> begins in the original.</summary>
    internal int Start(int index)
    {
        int anchor = LastAnchorAtOrBefore(index);
        if (anchor < 0)
        {
            return index;
        }

        return _indexes[anchor] == index ? _starts[anchor] : _ends[anchor] + (index - _indexes[anchor] - 1);
    }

    /// <summary>Where the source of normalized char <paramref name="index"/> ends in the original.</summary>
    internal int End(int index)
    {
        int anchor = LastAnchorAtOrBefore(index);
        if (anchor < 0)
        {
            return index + 1;
        }

        return _ends[anchor] + (index - _indexes[anchor]);
    }

    /// <summary>
    /// The first normalized char whose source ends after <paramref name="originalIndex"/>, or
    /// <paramref name="length"/> (the normalized length) when there is none.
    /// </summary>
    internal int FirstEndingAfter(int originalIndex, int length) => FirstEndingAfter(originalIndex, length, EndedAtOrBefore(originalIndex));

    /// <summary>How many anchors end at or before <paramref name="originalIndex"/> (ends never decrease along the text: a binary search).</summary>
    private int EndedAtOrBefore(int originalIndex)
    {
        int low = 0;
        int high = _count;
        while (low < high)
        {
            int middle = low + ((high - low) >> 1);
            if (_ends[middle] <= originalIndex)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>
    /// <see cref="FirstEndingAfter(int, int)"/> for indexes looked up in order (a document's lines):
    /// <paramref name="ended"/> is how many anchors end at or before the index, as the previous call
    /// left it (0 at first), and the search goes on from there, so a pass over the text costs one
    /// step per anchor in all. An index before the previous one is found by a binary search.
    /// </summary>
    internal int FirstEndingAfter(int originalIndex, int length, ref int ended)
    {
        int low = ended;
        if (low < 0 || low > _count || (low > 0 && _ends[low - 1] > originalIndex))
        {
            low = EndedAtOrBefore(originalIndex);
        }
        else
        {
            while (low < _count && _ends[low] <= originalIndex)
            {
                low++;
            }
        }

        ended = low;
        return FirstEndingAfter(originalIndex, length, low);
    }

    /// <summary>The first char ending after <paramref name="originalIndex"/>, given that the first <paramref name="ended"/> anchors end at or before it and the others after.</summary>
    private int FirstEndingAfter(int originalIndex, int length, int ended)
    {
        int anchor = ended - 1;
        long candidate = anchor < 0
            ? originalIndex
            : _indexes[anchor] + ((long)originalIndex - _ends[anchor]) + 1;
        if (anchor + 1 < _count && candidate > _indexes[anchor + 1])
        {
            // The regular run ends at the next anchor, whose source ends after the index.
            candidate = _indexes[anchor + 1];
        }

        return (int)Math.Min(candidate, length);
    }

    private int LastAnchorAtOrBefore(int index)
    {
        int low = 0;
        int high = _count;
        while (low < high)
        {
            int middle = low + ((high - low) >> 1);
            if (_indexes[middle] <= index)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low - 1;
    }
}
