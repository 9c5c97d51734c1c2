using System;
using System.Collections.Generic;
using System.Globalization;
using CorpusKit.Text;

namespace CorpusKit.Recognizers;

/// <summary>What a token of a value expression is.</summary>
internal enum TokenKind : byte
{
    /// <summary>A run of letters.</summary>
    Word,

    /// <summary>A run of ASCII digits (the normalized text has mapped the other digit sets).</summary>
    Digits,

    /// <summary>One char that is neither a letter, a digit nor white space.</summary>
    Symbol,
}

/// <summary>
/// One token of the normalized text: its range there, its kind, and for a word the key it is
/// looked up by (<see cref="Tokens.Fold"/>); for digits, their value.
/// </summary>
internal readonly record struct Token(int Start, int End, TokenKind Kind, string Key, long Number, bool SpaceBefore)
{
    public int Length => End - Start;
}

/// <summary>
/// The tokens of a text under Arabic normalization: the recognizers read words and numbers, not
/// chars. A run of letters directly followed by digits (<c>الـ27</c>, <c>2019م</c>) gives two tokens.
/// </summary>
internal static class Tokens
{
    /// <summary>Tokenizes <paramref name="text"/>, which is already normalized.</summary>
    public static Token[] Of(ReadOnlySpan<char> text)
    {
        var tokens = new List<Token>(text.Length / 4 + 1);
        bool space = true;
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                space = true;
                i++;
                continue;
            }

            int start = i;
            if (IsAsciiDigit(c))
            {
                while (i < text.Length && IsAsciiDigit(text[i]))
                {
                    i++;
                }

                ReadOnlySpan<char> digits = text[start..i];
                long value = digits.Length <= 15 ? long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture) : -1;
                tokens.Add(new Token(start, i, TokenKind.Digits, digits.ToString(), value, space));
            }
            else if (char.IsLetter(c) || IsArabicMark(c))
            {
                while (i < text.Length && (char.IsLetter(text[i]) || IsArabicMark(text[i])))
                {
                    i++;
                }

                tokens.Add(new Token(start, i, TokenKind.Word, Fold(text[start..i]), 0, space));
            }
            else
            {
                i++;
                tokens.Add(new Token(start, i, TokenKind.Symbol, c.ToString(), 0, space));
            }

            space = false;
        }

        return tokens.ToArray();
    }

    /// <summary>
    /// A word's look-up key: beyond the text's normalization, teh marbuta is heh and a final yeh
    /// is alef maqsura's, so <c>الجمعة</c> and <c>الجمعه</c>, <c>الأولى</c> and <c>الاولي</c> are one key.
    /// </summary>
    public static string Fold(ReadOnlySpan<char> word)
    {
        Span<char> buffer = word.Length <= 64 ? stackalloc char[word.Length] : new char[word.Length];
        int n = 0;
        foreach (char c in word)
        {
            if (IsArabicMark(c))
            {
                continue;
            }

            buffer[n++] = c switch
            {
                '\u0629' => '\u0647',            // ة → ه
                '\u0649' => '\u064A',            // ى → ي
                '\u0622' or '\u0623' or '\u0625' or '\u0671' => '\u0627', // آ أ إ ٱ → ا
                _ => char.ToLowerInvariant(c),
            };
        }

        return SharedStrings.Of(buffer[..n]);
    }

    private static bool IsAsciiDigit(char c) => (uint)(c - '0') <= 9;

    /// <summary>Tashkeel and tatweel, which the normalization removes; kept here for texts it did not see.</summary>
    private static bool IsArabicMark(char c) => c is >= '\u064B' and <= '\u065F' or '\u0670' or '\u0640';
}
