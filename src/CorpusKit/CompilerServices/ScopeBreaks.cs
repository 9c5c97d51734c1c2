using System;
using System.Buffers;
using System.Collections.Generic;

namespace CorpusKit.CompilerServices;

/// <summary>
/// The chars that end a sentence or a paragraph for <c>nearest(…)</c>, found with vectorized
/// searches: a line break (<c>\n \r U+2029</c>) ends both; <c>. ! ? ؟ … ۔</c> end a sentence, the
/// full stop only outside a decimal, after no initial and before no letter. The document has no break.
/// </summary>
internal static class ScopeBreaks
{
    private static readonly SearchValues<char> s_paragraph = SearchValues.Create("\n\r\u2029");
    private static readonly SearchValues<char> s_sentence = SearchValues.Create("\n\r\u2029.!?\u061F\u2026\u06D4");

    /// <summary>The last break of <paramref name="scope"/> before <paramref name="index"/>, or -1.</summary>
    internal static int LastBefore(string text, int index, TextScope scope)
    {
        if (scope == TextScope.Document)
        {
            return -1;
        }

        SearchValues<char> values = scope == TextScope.Paragraph ? s_paragraph : s_sentence;
        int end = Math.Min(index, text.Length);
        while (end > 0)
        {
            int at = text.AsSpan(0, end).LastIndexOfAny(values);
            if (at < 0 || Ends(text, at))
            {
                return at;
            }

            end = at;
        }

        return -1;
    }

    /// <summary>The first break of <paramref name="scope"/> at or after <paramref name="index"/>, or -1.</summary>
    internal static int FirstAtOrAfter(string text, int index, TextScope scope)
    {
        if (scope == TextScope.Document)
        {
            return -1;
        }

        SearchValues<char> values = scope == TextScope.Paragraph ? s_paragraph : s_sentence;
        int from = Math.Max(index, 0);
        while (from < text.Length)
        {
            int at = text.AsSpan(from).IndexOfAny(values);
            if (at < 0)
            {
                return -1;
            }

            if (Ends(text, from + at))
            {
                return from + at;
            }

            from += at + 1;
        }

        return -1;
    }

    /// <summary>
    /// Every break of <paramref name="scope"/> in <paramref name="text"/>, in text order: the first
    /// <paramref name="count"/> of an array from <see cref="WorkArrays{T}.Rent"/>, which the caller
    /// gives back with <see cref="WorkArrays{T}.Return"/>.
    /// </summary>
    internal static int[] All(string text, TextScope scope, out int count)
    {
        int[] breaks = WorkArrays<int>.Rent(64);
        count = 0;
        int from = 0;
        while ((from = FirstAtOrAfter(text, from, scope)) >= 0)
        {
            if (count == breaks.Length)
            {
                int[] larger = WorkArrays<int>.Rent(2 * count);
                breaks.AsSpan().CopyTo(larger);
                WorkArrays<int>.Return(breaks);
                breaks = larger;
            }

            breaks[count++] = from;
            from++;
        }

        return breaks;
    }

    /// <summary>
    /// Whether the char at <paramref name="i"/>, one the search found, is a break: every one is,
    /// except a full stop between digits, after a single letter (1.5, ا. ا. غورتشاكوف) or right
    /// before a letter, inside an abbreviation (هـ.ش for the Solar Hijri year, U.S).
    /// </summary>
    private static bool Ends(string text, int i)
    {
        if (text[i] != '.')
        {
            return true;
        }

        bool digits = i > 0 && i + 1 < text.Length && char.IsDigit(text[i - 1]) && char.IsDigit(text[i + 1]);
        bool initial = i > 0 && char.IsLetter(text[i - 1]) && (i == 1 || !char.IsLetter(text[i - 2]));
        bool abbreviation = i + 1 < text.Length && char.IsLetter(text[i + 1]);
        return !digits && !initial && !abbreviation;
    }
}
