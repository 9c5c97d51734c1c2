using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading;

namespace CorpusKit.CompilerServices;

/// <summary>
/// A char class of a compiled pattern, as .NET defines it: ranges, Unicode categories (and groups
/// of them negated), white space, the whole negated, minus a subtracted class. Chars below U+0800
/// are answered from a bitmap made when the pattern is first used.
/// </summary>
internal sealed class CharClassSet
{
    private const int BitmapSize = 0x800;

    /// <summary>The categories of a word char for <c>\b</c>: letters, non-spacing marks, decimal digits, connector punctuation.</summary>
    private const int WordCategories =
        (1 << (int)UnicodeCategory.UppercaseLetter) | (1 << (int)UnicodeCategory.LowercaseLetter)
        | (1 << (int)UnicodeCategory.TitlecaseLetter) | (1 << (int)UnicodeCategory.ModifierLetter)
        | (1 << (int)UnicodeCategory.OtherLetter) | (1 << (int)UnicodeCategory.NonSpacingMark)
        | (1 << (int)UnicodeCategory.DecimalDigitNumber) | (1 << (int)UnicodeCategory.ConnectorPunctuation);

    private static readonly ulong[] s_boundaryWordChars = BuildBoundaryBitmap();

    private readonly bool _negated;
    private readonly (char First, char Last)[] _ranges;
    private readonly int _categories;
    private readonly int[] _negatedCategories;
    private readonly bool _space;
    private readonly bool _notSpace;
    private readonly CharClassSet? _subtraction;
    // Chars below U+0800, 64 to a word, each word worked out the first time a char of it is asked about.
    private readonly ulong[] _bitmap = new ulong[BitmapSize / 64];
    private int _known;

    private CharClassSet(bool negated, (char First, char Last)[] ranges, int categories, int[] negatedCategories, bool space, bool notSpace, CharClassSet? subtraction)
    {
        _negated = negated;
        _ranges = ranges;
        _categories = categories;
        _negatedCategories = negatedCategories;
        _space = space;
        _notSpace = notSpace;
        _subtraction = subtraction;
        if (categories == 0 && negatedCategories.Length == 0 && !notSpace && subtraction is null && (ranges.Length > 0 || space))
        {
            int size = space ? WhiteSpace.Length : 0;
            foreach ((char first, char last) in ranges)
            {
                size += last - first + 1;
            }

            if (size <= MaxListedChars)
            {
                // Ranges and \s (a char listed twice does no harm to a search).
                var chars = new char[size];
                int at = 0;
                foreach ((char first, char last) in ranges)
                {
                    for (int c = first; c <= last; c++)
                    {
                        chars[at++] = (char)c;
                    }
                }

                if (space)
                {
                    WhiteSpace.CopyTo(chars.AsSpan(at));
                }

                Listed = SearchValues.Create(chars);
            }
        }
    }

    /// <summary>The chars of <c>\s</c>: those <see cref="char.IsWhiteSpace(char)"/> accepts (a test holds the two to each other).</summary>
    internal const string WhiteSpace = "\t\n\v\f\r \u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000";

    /// <summary>The most chars a class made of ranges (and <c>\s</c>) may list for <see cref="Listed"/>.</summary>
    private const int MaxListedChars = 256;

    /// <summary>
    /// For a class made of ranges and <c>\s</c> only (at most <see cref="MaxListedChars"/> chars), the
    /// chars it lists, for vectorized searches: the class is these chars, or every other char when
    /// <see cref="IsNegated"/>. Null for any other class. (A loop over <c>\s</c> in a text whose
    /// boilerplate is blanked may run over thousands of spaces.)
    /// </summary>
    public SearchValues<char>? Listed { get; }

    /// <summary>Whether the class is every char but those its ranges list (<c>[^…]</c>).</summary>
    public bool IsNegated => _negated;

    /// <summary>Whether <paramref name="c"/> is in the class.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Contains(char c)
    {
        // Inlined into the pattern machine's step: a known word of the bitmap answers at once.
        int word = c >> 6;
        return c < BitmapSize && (Volatile.Read(ref _known) & (1 << word)) != 0
            ? (_bitmap[word] & (1UL << (c & 63))) != 0
            : ContainsSlowly(c);
    }

    /// <summary>A char above the bitmap, or the first of its word to be asked about.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool ContainsSlowly(char c)
    {
        if (c >= BitmapSize)
        {
            return Evaluate(c);
        }

        Learn(c >> 6);
        return (_bitmap[c >> 6] & (1UL << (c & 63))) != 0;
    }

    /// <summary>Works out one word of the bitmap; threads that race write the same bits.</summary>
    private void Learn(int word)
    {
        ulong bits = 0;
        for (int i = 0; i < 64; i++)
        {
            if (Evaluate((char)((word << 6) + i)))
            {
                bits |= 1UL << i;
            }
        }

        _bitmap[word] = bits;
        Interlocked.Or(ref _known, 1 << word);
    }

    /// <summary>Whether <paramref name="c"/> is a word char for <c>\b</c> (.NET's rule: the <c>\w</c> categories and the zero-width joiners).</summary>
    public static bool IsBoundaryWordChar(char c)
        => c < BitmapSize
            ? (s_boundaryWordChars[c >> 6] & (1UL << (c & 63))) != 0
            : ((1 << (int)CharUnicodeInfo.GetUnicodeCategory(c)) & WordCategories) != 0 || c is '\u200C' or '\u200D';

    /// <summary>Reads the classes of a pattern's table (the layout the generator writes).</summary>
    public static CharClassSet[] Read(int[] table)
    {
        var classes = new List<CharClassSet>();
        int at = 0;
        while (at < table.Length)
        {
            bool negated = table[at++] != 0;
            var ranges = new (char First, char Last)[table[at++]];
            for (int i = 0; i < ranges.Length; i++)
            {
                ranges[i] = ((char)table[at], (char)table[at + 1]);
                at += 2;
            }

            int categories = table[at++];
            var negatedCategories = new int[table[at++]];
            for (int i = 0; i < negatedCategories.Length; i++)
            {
                negatedCategories[i] = table[at++];
            }

            int space = table[at++];
            int subtraction = table[at++];
            classes.Add(new CharClassSet(negated, ranges, categories, negatedCategories, (space & 1) != 0, (space & 2) != 0, subtraction < 0 ? null : classes[subtraction]));
        }

        return [.. classes];
    }

    private bool Evaluate(char c)
    {
        bool inside = false;
        foreach ((char first, char last) in _ranges)
        {
            if (c >= first && c <= last)
            {
                inside = true;
                break;
            }
        }

        if (!inside && (_categories != 0 || _negatedCategories.Length > 0))
        {
            int bit = 1 << (int)CharUnicodeInfo.GetUnicodeCategory(c);
            inside = (_categories & bit) != 0;
            foreach (int mask in _negatedCategories)
            {
                // A char outside some negated set (\P{…}) is inside the class. (A loop, not a lambda
                // that captures the bit: this runs for every char a class is tested on.)
                inside |= (mask & bit) == 0;
            }
        }

        if (!inside && (_space || _notSpace))
        {
            bool space = char.IsWhiteSpace(c);
            inside = (_space && space) || (_notSpace && !space);
        }

        if (_negated)
        {
            inside = !inside;
        }

        return inside && (_subtraction is null || !_subtraction.Contains(c));
    }

    private static ulong[] BuildBoundaryBitmap()
    {
        var bitmap = new ulong[BitmapSize / 64];
        for (int c = 0; c < BitmapSize; c++)
        {
            if (((1 << (int)CharUnicodeInfo.GetUnicodeCategory((char)c)) & WordCategories) != 0)
            {
                bitmap[c >> 6] |= 1UL << (c & 63);
            }
        }

        return bitmap;
    }
}
