using System;
using System.Collections.Generic;

namespace CorpusKit.CompilerServices;

/// <summary>
/// Sorts indexes by a struct comparer that orders them totally (ties broken by index): by
/// insertion up to <see cref="InsertionLimit"/> of them, else with the library's sort.
/// </summary>
/// <remarks>
/// A document's lists are short (a few dozen mentions per type), and a library sort given a
/// comparer calls it through a delegate it allocates for the call; an insertion sort over a few
/// dozen indexes takes fewer steps and calls the comparer directly. Past the limit the library's
/// O(n log n) sort takes over. With a total order both give the same result.
/// </remarks>
internal static class IndexSort
{
    /// <summary>The most indexes sorted by insertion.</summary>
    internal const int InsertionLimit = 32;

    /// <summary>Sorts <paramref name="order"/> by <paramref name="comparer"/>, which must break ties by index.</summary>
    public static void Sort<TComparer>(Span<int> order, TComparer comparer)
        where TComparer : struct, IComparer<int>
    {
        if (order.Length > InsertionLimit)
        {
            order.Sort(comparer);
            return;
        }

        for (int i = 1; i < order.Length; i++)
        {
            int moving = order[i];
            int j = i - 1;
            while (j >= 0 && comparer.Compare(order[j], moving) > 0)
            {
                order[j + 1] = order[j];
                j--;
            }

            order[j + 1] = moving;
        }
    }
}
