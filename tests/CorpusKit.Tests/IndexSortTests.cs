using System;
using System.Collections.Generic;
using System.Linq;
using CorpusKit.CompilerServices;
using CsCheck;

namespace CorpusKit.Tests;

/// <summary>The index sort behind the document's short lists: insertion up to 32 indexes, the library's sort past that, one result.</summary>
public sealed class IndexSortTests
{
    [Fact]
    public void Sorts_as_a_stable_sort_by_key_does_below_and_above_the_insertion_limit()
        => Gen.Int[0, 5].Array[0, 80].Sample(keys =>
        {
            int[] order = [.. Enumerable.Range(0, keys.Length)];

            IndexSort.Sort(order.AsSpan(), new ByKey(keys));

            Assert.Equal(Enumerable.Range(0, keys.Length).OrderBy(i => keys[i]), order);
        }, iter: 2000);

    [Theory]
    [InlineData(32)]
    [InlineData(33)]
    public void At_the_limit_and_past_it_equal_keys_keep_index_order(int count)
    {
        // Keys descending in pairs: every index moves, and each pair ties.
        int[] keys = [.. Enumerable.Range(0, count).Select(i => (count - i) / 2)];
        int[] order = [.. Enumerable.Range(0, count)];

        IndexSort.Sort(order.AsSpan(), new ByKey(keys));

        Assert.Equal(Enumerable.Range(0, count).OrderBy(i => keys[i]), order);
        Assert.Equal(count - 1, order[0]);
    }

    private readonly struct ByKey(int[] keys) : IComparer<int>
    {
        public int Compare(int a, int b)
        {
            int result = keys[a].CompareTo(keys[b]);
            return result != 0 ? result : a.CompareTo(b);
        }
    }
}
