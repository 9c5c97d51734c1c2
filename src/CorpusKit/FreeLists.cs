using System;
using System.Collections.Generic;

namespace CorpusKit;

/// <summary>
/// This thread's free lists of one item type: lists an extraction borrows for its work (term hits,
/// candidates) and gives back when the document is done (<see cref="ExtractionContext.EndExtraction"/>),
/// so a corpus run allocates them once per thread instead of once per document.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
internal static class FreeLists<T>
{
    /// <summary>How many lists a thread keeps, at the most.</summary>
    private const int Kept = 64;

    /// <summary>A list grown past this many items (a huge document's) is left to the collector rather than kept.</summary>
    private const int MaxKeptCapacity = 1 << 16;

    [ThreadStatic]
    private static Stack<List<T>>? t_free;

    /// <summary>Gives back a list taken with <see cref="Take"/> (as an object, for a context's mixed record of them).</summary>
    public static readonly Action<object> GiveBack = list => Give((List<T>)list);

    /// <summary>An empty list: a free one of this thread's, or a new one.</summary>
    public static List<T> Take() => t_free is { Count: > 0 } free ? free.Pop() : [];

    /// <summary>Empties <paramref name="list"/> and keeps it for this thread's next <see cref="Take"/>.</summary>
    public static void Give(List<T> list)
    {
        if (list.Capacity > MaxKeptCapacity)
        {
            return;
        }

        Stack<List<T>> free = t_free ??= new Stack<List<T>>();
        if (free.Count < Kept)
        {
            list.Clear();
            free.Push(list);
        }
    }
}
