using System;
using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace CorpusKit;

/// <summary>
/// Work arrays of an extraction (sort keys, spans, offsets): from the shared pool up to
/// <see cref="MaxPooledLength"/> items (1 MiB of them), else allocated to size and left to the collector.
/// </summary>
/// <remarks>
/// The shared pool keeps what it is given back, in buckets by size, until memory runs short. A
/// corpus of news articles asks it for the same few small sizes document after document, which
/// is what it is for; a document of 64 MB asked it for arrays of megabytes that no later document
/// wanted (the overlap resolver's keys, a sequence's spans, the mention order), and the pool held
/// about 40 MB of them while the rest of the extraction ran.
/// </remarks>
/// <typeparam name="T">The item type.</typeparam>
internal static class WorkArrays<T>
{
    /// <summary>The longest array asked of the shared pool: as many items as 1 MiB holds, rounded down to a power of two (the pool's own sizes).</summary>
    internal static readonly int MaxPooledLength = 1 << BitOperations.Log2((uint)Math.Max(1, (1 << 20) / Unsafe.SizeOf<T>()));

    /// <summary>An array of at least <paramref name="minimumLength"/> items: the pool's when it is short enough, else a new one of that length.</summary>
    public static T[] Rent(int minimumLength)
        => minimumLength <= MaxPooledLength ? ArrayPool<T>.Shared.Rent(minimumLength) : GC.AllocateUninitializedArray<T>(minimumLength);

    /// <summary>Gives back an array from <see cref="Rent"/>: to the pool if it came from there (cleared first when <paramref name="clearArray"/>).</summary>
    public static void Return(T[] array, bool clearArray = false)
    {
        if (array.Length <= MaxPooledLength)
        {
            ArrayPool<T>.Shared.Return(array, clearArray);
        }
    }
}
