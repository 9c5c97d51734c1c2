using System;
using System.Numerics;

namespace CorpusKit.CompilerServices;

/// <summary>
/// A set of ranks <c>0 .. count-1</c> that only grows, with the nearest member below or at or
/// above a rank in O(log₆₄ count): one bit per rank, and above them one bit per word that is not
/// empty, level on level up to a single word.
/// </summary>
internal sealed class RankSet
{
    // _levels[0] holds a bit per rank; _levels[k + 1] a bit per word of _levels[k] that has one set.
    private readonly ulong[][] _levels;

    /// <summary>An empty set of ranks below <paramref name="count"/>.</summary>
    internal RankSet(int count)
    {
        int levels = 1;
        for (int words = Words(count); words > 1; words = Words(words))
        {
            levels++;
        }

        _levels = new ulong[levels][];
        int bits = count;
        for (int level = 0; level < levels; level++)
        {
            _levels[level] = new ulong[Words(bits)];
            bits = _levels[level].Length;
        }
    }

    /// <summary>Adds <paramref name="rank"/>; false when it was there already.</summary>
    internal bool Add(int rank)
    {
        if ((_levels[0][rank >> 6] & (1UL << (rank & 63))) != 0)
        {
            return false;
        }

        // Set its bit, then the bit of its word one level up if the word was empty, and so on.
        int position = rank;
        for (int level = 0; level < _levels.Length; level++)
        {
            ref ulong word = ref _levels[level][position >> 6];
            bool wasEmpty = word == 0;
            word |= 1UL << (position & 63);
            if (!wasEmpty)
            {
                break;
            }

            position >>= 6;
        }

        return true;
    }

    /// <summary>The greatest member below <paramref name="rank"/>, or -1.</summary>
    internal int Below(int rank)
    {
        int level = 0;
        int position = rank - 1;
        while (true)
        {
            if (position < 0 || level == _levels.Length)
            {
                return -1;
            }

            // The bits of this word at or below position; none: look in the words before it.
            ulong bits = _levels[level][position >> 6] & (ulong.MaxValue >> (63 - (position & 63)));
            if (bits != 0)
            {
                position = (position & ~63) + 63 - BitOperations.LeadingZeroCount(bits);
                break;
            }

            position = (position >> 6) - 1;
            level++;
        }

        while (level > 0)
        {
            level--;
            position = (position << 6) + 63 - BitOperations.LeadingZeroCount(_levels[level][position]);
        }

        return position;
    }

    /// <summary>The least member at or above <paramref name="rank"/>, or -1.</summary>
    internal int AtOrAbove(int rank)
    {
        int level = 0;
        int position = rank;
        while (true)
        {
            if (level == _levels.Length || (position >> 6) >= _levels[level].Length)
            {
                return -1;
            }

            // The bits of this word at or above position; none: look in the words after it.
            ulong bits = _levels[level][position >> 6] & (ulong.MaxValue << (position & 63));
            if (bits != 0)
            {
                position = (position & ~63) + BitOperations.TrailingZeroCount(bits);
                break;
            }

            position = (position >> 6) + 1;
            level++;
        }

        while (level > 0)
        {
            level--;
            position = (position << 6) + BitOperations.TrailingZeroCount(_levels[level][position]);
        }

        return position;
    }

    private static int Words(int bits) => Math.Max(1, (bits + 63) >> 6);
}
