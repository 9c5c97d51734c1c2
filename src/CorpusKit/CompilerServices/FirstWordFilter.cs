using System;
using System.Collections.Generic;
using System.Numerics;
using System.Runtime.CompilerServices;
using CorpusKit.Text;

namespace CorpusKit.CompilerServices;

/// <summary>
/// Says, from a word's length and five of its chars, whether some form of a trie may begin with
/// that word: most words of a text begin no form, and a walk into the trie that fails a few chars
/// in costs a mispredicted branch where this costs one bit read.
/// </summary>
/// <remarks>
/// <para>
/// A form can only match at a word start whose letters-and-digits run equals the form's first
/// run (its chars up to the first char that is neither, or all of it): inside the form the run
/// ends where the form has that other char, and at the form's end the match needs a word boundary.
/// So the filter holds, for each first run of a form, a bit at the hash of its length, its first
/// three chars and its last two. A word whose bit is clear begins no form; a set bit may be a
/// collision, which the walk then settles. Forms that begin with a char that is neither a letter
/// nor a digit have no first run and are left to the walk (see <see cref="TermMatcher"/>).
/// </para>
/// <para>
/// A Bloom filter with one hash, written here because its key is not a string: the .NET sets
/// (<c>HashSet</c>, <c>SearchValues</c>) take whole strings, and a word would have to be hashed
/// in full, or cut out, at each of its variants (after و, after ال…).
/// </para>
/// </remarks>
internal sealed class FirstWordFilter
{
    /// <summary>Bits per first run: about one word in this many that begins no form still passes.</summary>
    private const int BitsPerKey = 32;

    private const int LeastBits = 1 << 10;
    private const int MostBits = 1 << 26;

    private const char Alef = '\u0627';
    private const char Lam = '\u0644';

    private readonly ulong[] _bits;

    /// <summary>64 minus the number of bits of an index: a key's top bits index the table.</summary>
    private readonly int _shift;

    private FirstWordFilter(int keyCount)
    {
        int size = (int)Math.Min(MostBits, Math.Max(LeastBits, BitOperations.RoundUpToPowerOf2((uint)Math.Min(keyCount, MostBits / BitsPerKey) * BitsPerKey)));
        _bits = new ulong[size / 64];
        _shift = 64 - BitOperations.Log2((uint)size);
    }

    /// <summary>Builds the filter from a trie given as edge lists (see <see cref="TermTrie(string, int[], int[], int[])"/>).</summary>
    public static FirstWordFilter Build(string labels, int[] targets, int[] edgeStarts, int[] values)
    {
        // Every node reached from the root along letters and digits ends a first run when a form
        // ends there or an edge leaves it along another char.
        var runs = new List<ulong>();
        var path = new char[16];
        var stack = new Stack<(int Node, int Depth, char Label)>();
        stack.Push((0, 0, '\0'));
        while (stack.Count > 0)
        {
            // The path is rewritten at each depth as the walk comes back up from a branch.
            (int node, int depth, char label) = stack.Pop();
            if (depth > 0)
            {
                if (depth > path.Length)
                {
                    Array.Resize(ref path, path.Length * 2);
                }

                path[depth - 1] = label;
            }

            bool endsRun = depth > 0 && values[node] >= 0;
            for (int edge = edgeStarts[node]; edge < edgeStarts[node + 1]; edge++)
            {
                char c = labels[edge];
                if (CharKinds.IsLetterOrDigit(c))
                {
                    stack.Push((targets[edge], depth + 1, c));
                }
                else
                {
                    endsRun |= depth > 0;
                }
            }

            if (endsRun)
            {
                runs.Add(Key(path.AsSpan(0, depth)));
            }
        }

        var filter = new FirstWordFilter(runs.Count);
        foreach (ulong key in runs)
        {
            filter.Set(key);
        }

        return filter;
    }

    /// <summary>Whether a form may begin with the word <c>text[from..end)</c> (not empty).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool MayBegin(ReadOnlySpan<char> text, int from, int end)
    {
        ReadOnlySpan<char> word = text[from..end];
        return Has(Key(word));
    }

    /// <summary>Whether a form may begin with the word ال + <c>text[from..end)</c> (a fused لل read as ل + ال).</summary>
    public bool MayBeginAfterArticle(ReadOnlySpan<char> text, int from, int end)
    {
        ReadOnlySpan<char> rest = text[from..end];
        int n = rest.Length + 2;
        return Has(Key(n, Alef, Lam, n > 2 ? rest[0] : '\0', n > 3 ? rest[^2] : n == 3 ? Lam : Alef, n > 2 ? rest[^1] : Lam));
    }

    /// <summary>The hash of a word: its length, its first three chars and its last two, spread over 64 bits (a filter takes its top bits); 0 for none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong Key(ReadOnlySpan<char> word)
    {
        int n = word.Length;
        return n == 0
            ? 0
            : Key(n, word[0], n > 1 ? word[1] : '\0', n > 2 ? word[2] : '\0', n > 1 ? word[n - 2] : '\0', word[n - 1]);
    }

    /// <summary>The hash of a run: its length, its first three chars and its last two (zero where the run is shorter).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Key(int length, char first, char second, char third, char beforeLast, char last)
    {
        ulong head = ((ulong)first << 48) | ((ulong)second << 32) | ((ulong)third << 16) | beforeLast;
        ulong tail = ((ulong)(uint)length << 16) | last;
        return ((head * 0x9E3779B97F4A7C15UL) ^ tail) * 0xC2B2AE3D27D4EB4FUL;
    }

    private void Set(ulong key)
    {
        int index = (int)(key >> _shift);
        _bits[index >> 6] |= 1UL << index;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Has(ulong key)
    {
        int index = (int)(key >> _shift);
        return (_bits[index >> 6] & (1UL << index)) != 0;
    }
}
