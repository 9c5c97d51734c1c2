using System;

namespace CorpusKit.CompilerServices;

/// <summary>Binary search over items kept sorted by where they start, and over sorted ints.</summary>
internal static class SortedSearch
{
    /// <summary>The index of the first item that starts at or after <paramref name="start"/>; the length when there is none.</summary>
    public static int FirstAtOrAfter<T>(ReadOnlySpan<T> items, int start, Func<T, int> startOf)
        => FirstAtOrAfter<T, int>(items, start, startOf);

    /// <summary>The index of the first item of a span kept sorted by <paramref name="keyOf"/> whose key is at or after <paramref name="key"/>; the length when there is none.</summary>
    public static int FirstAtOrAfter<T, TKey>(ReadOnlySpan<T> items, TKey key, Func<T, TKey> keyOf)
        where TKey : IComparable<TKey>
    {
        int low = 0;
        int high = items.Length;
        while (low < high)
        {
            int middle = low + ((high - low) >> 1);
            if (keyOf(items[middle]).CompareTo(key) < 0)
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
    /// The index of the first item of a span kept sorted by start whose start (as <typeparamref name="TStart"/>
    /// reads it: a struct, so the search is specialized and calls no delegate) is at or after
    /// <paramref name="start"/>; the length when there is none. For hot loops.
    /// </summary>
    public static int FirstAtOrAfter<T, TStart>(ReadOnlySpan<T> items, int start, TStart startOf)
        where TStart : struct, IStartOf<T>
    {
        int low = 0;
        int high = items.Length;
        while (low < high)
        {
            int middle = low + ((high - low) >> 1);
            if (startOf.Of(items[middle]) < start)
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

    /// <summary>The index of the first item of a list kept sorted by <paramref name="keyOf"/> whose key is at or after <paramref name="key"/>; the count when there is none.</summary>
    public static int FirstAtOrAfter<T>(System.Collections.Generic.IReadOnlyList<T> items, int key, Func<T, int> keyOf)
    {
        int low = 0;
        int high = items.Count;
        while (low < high)
        {
            int middle = low + ((high - low) >> 1);
            if (keyOf(items[middle]) < key)
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

    /// <summary>The index of the first of <paramref name="sorted"/> at or above <paramref name="value"/>; its length when there is none.</summary>
    public static int FirstAtOrAbove(ReadOnlySpan<int> sorted, int value)
    {
        int low = 0;
        int high = sorted.Length;
        while (low < high)
        {
            int middle = low + ((high - low) >> 1);
            if (sorted[middle] < value)
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

    /// <summary>The index of the first of <paramref name="sorted"/> above <paramref name="value"/>; its length when there is none.</summary>
    public static int FirstAbove(ReadOnlySpan<int> sorted, int value)
    {
        int low = 0;
        int high = sorted.Length;
        while (low < high)
        {
            int middle = low + ((high - low) >> 1);
            if (sorted[middle] <= value)
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
}

/// <summary>Reads where an item starts, for <see cref="SortedSearch.FirstAtOrAfter{T, TStart}(ReadOnlySpan{T}, int, TStart)"/>.</summary>
/// <typeparam name="T">The items.</typeparam>
internal interface IStartOf<T>
{
    /// <summary>Where <paramref name="item"/> starts.</summary>
    int Of(in T item);
}
