using CorpusKit.CompilerServices;

namespace CorpusKit.Tests;

/// <summary>Work arrays come from the shared pool up to as many items as 1 MiB holds, and are made to size past it, never kept.</summary>
public sealed class WorkArraysTests
{
    [Fact]
    public void The_bound_is_as_many_items_as_a_mebibyte_holds_in_the_pools_own_sizes()
    {
        Assert.Equal(1 << 18, WorkArrays<int>.MaxPooledLength);
        Assert.Equal(1 << 16, WorkArrays<TermHit>.MaxPooledLength); // 12 bytes: 87,381 rounded down
        Assert.Equal(1 << 17, WorkArrays<long>.MaxPooledLength);
    }

    [Fact]
    public void An_array_of_the_bound_is_the_pools_and_comes_back()
        => Threads.OnThreadOfItsOwn(() =>
        {
            int[] array = WorkArrays<int>.Rent(WorkArrays<int>.MaxPooledLength);
            Assert.Equal(WorkArrays<int>.MaxPooledLength, array.Length);
            WorkArrays<int>.Return(array);
            Assert.Same(array, WorkArrays<int>.Rent(WorkArrays<int>.MaxPooledLength));
        });

    [Fact]
    public void An_array_past_the_bound_is_made_to_size_and_left_to_the_collector()
        => Threads.OnThreadOfItsOwn(() =>
        {
            int length = WorkArrays<int>.MaxPooledLength + 1;
            int[] array = WorkArrays<int>.Rent(length);
            Assert.Equal(length, array.Length);
            WorkArrays<int>.Return(array, clearArray: true);
            int[] next = WorkArrays<int>.Rent(length);
            Assert.NotSame(array, next);
            Assert.Equal(length, next.Length);
        });

    [Fact]
    public void A_short_array_is_the_pools_rounded_up()
    {
        string?[] array = WorkArrays<string?>.Rent(100);
        Assert.Equal(128, array.Length);
        array[3] = "kept";
        WorkArrays<string?>.Return(array, clearArray: true);
        Assert.Null(array[3]);
    }
}
