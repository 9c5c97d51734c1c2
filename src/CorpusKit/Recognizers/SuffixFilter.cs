using System;
using System.Collections.Generic;

namespace CorpusKit.Recognizers;

/// <summary>
/// A quick no for most words before a set look-up: the last three letters of every word of a set
/// (folded as <see cref="Tokens.Fold(ReadOnlySpan{char})"/> folds them), hashed into a table of
/// 65,536 bits. A word whose ending is not there is in none of the set's forms.
/// </summary>
/// <remarks>
/// The date recognizer asks of every word of a text whether a time expression may start there,
/// and a set look-up folds the word and hashes it up to four times (the word, then without its
/// proclitics). Proclitics only ever change a word's start, so its ending decides for all its
/// forms at once. Words of four chars or fewer are not filtered: after a proclitic or two their
/// forms are short enough to have lost or changed a letter of the ending (a fused لل read as ال).
/// </remarks>
internal sealed class SuffixFilter
{
    private const int Bits = 1 << 16;
    private const int ShortestFiltered = 5;
    private readonly ulong[] _bits = new ulong[Bits / 64];

    /// <summary>A filter for the folded words <paramref name="words"/>.</summary>
    public SuffixFilter(IEnumerable<string> words)
    {
        foreach (string word in words)
        {
            if (word.Length >= 3)
            {
                int hash = Hash(word[^3], word[^2], word[^1]);
                _bits[hash >> 6] |= 1UL << hash;
            }
        }
    }

    /// <summary>
    /// False when neither <paramref name="word"/> (as it stands in the normalized text) nor any
    /// of its forms without proclitics can be one of the words; true when it may be.
    /// </summary>
    public bool MayHold(ReadOnlySpan<char> word)
    {
        if (word.Length < ShortestFiltered)
        {
            return true;
        }

        char a = Tokens.FoldChar(word[^3]);
        char b = Tokens.FoldChar(word[^2]);
        char c = Tokens.FoldChar(word[^1]);
        if (a == '\0' || b == '\0' || c == '\0')
        {
            return true; // a mark in the ending: the folded ending is further back
        }

        int hash = Hash(a, b, c);
        return (_bits[hash >> 6] & (1UL << hash)) != 0;
    }

    private static int Hash(char a, char b, char c)
    {
        uint h = ((uint)a * 0x9E3779B1u) ^ ((uint)b * 0x85EBCA77u) ^ ((uint)c * 0xC2B2AE3Du);
        return (int)((h ^ (h >> 16)) & (Bits - 1));
    }
}
