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
/// One token of the normalized text: its range there and its kind. Its look-up key (a word's
/// <see cref="Tokens.Fold(ReadOnlySpan{char})"/>, the digits or the symbol) and a number's value are filled by
/// <see cref="Reader"/> the first time a grammar reads them, so a token no rule looks at costs
/// no string.
/// </summary>
internal readonly record struct Token(int Start, int End, TokenKind Kind, bool SpaceBefore)
{
    public int Length => End - Start;

    /// <summary>The look-up key; null until <see cref="Reader"/> fills it.</summary>
    public string Key { get; init; } = null!;

    /// <summary>For digits, their value (−1 past 15 digits).</summary>
    public long Number { get; init; }

    /// <summary>For a word, which of its forms some recognizer table holds (<see cref="Vocabulary.KnownForms"/>); zero for none.</summary>
    public byte Known { get; init; }
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
        var tokens = new List<Token>(text.Length / 5 + 1);
        int at = 0;
        while (Next(text, ref at, out Token token))
        {
            tokens.Add(token);
        }

        return tokens.ToArray();
    }

    /// <summary>The token at or after <paramref name="at"/>, which moves past it; false at the text's end.</summary>
    public static bool Next(ReadOnlySpan<char> text, ref int at, out Token token)
    {
        int i = at;
        bool space = i == 0 || text[i - 1] == '\n';
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            if (text[i] == '\n' && i > 0)
            {
                // A line break ends every expression: it is a token of its own, which no rule reads
                // through (a headline's month and the dateline's day below it are not one date).
                token = new Token(i, i + 1, TokenKind.Symbol, space);
                at = i + 1;
                return true;
            }

            space = true;
            i++;
        }

        if (i >= text.Length)
        {
            at = i;
            token = default;
            return false;
        }

        int start = i;
        char c = text[i];
        TokenKind kind;
        if (IsAsciiDigit(c))
        {
            kind = TokenKind.Digits;
            while (i < text.Length && IsAsciiDigit(text[i]))
            {
                i++;
            }
        }
        else if (char.IsLetter(c) || IsArabicMark(c))
        {
            kind = TokenKind.Word;
            while (i < text.Length && (char.IsLetter(text[i]) || IsArabicMark(text[i])))
            {
                i++;
            }
        }
        else
        {
            kind = TokenKind.Symbol;
            i++;
        }

        token = new Token(start, i, kind, space);
        at = i;
        return true;
    }

    /// <summary>The token with its key and value filled from the text it stands in.</summary>
    public static Token Filled(Token token, ReadOnlySpan<char> text)
    {
        ReadOnlySpan<char> chars = text[token.Start..token.End];
        return token.Kind switch
        {
            TokenKind.Digits => token with
            {
                Key = SharedStrings.Of(chars),
                Number = chars.Length <= 15 ? long.Parse(chars, NumberStyles.None, CultureInfo.InvariantCulture) : -1,
            },
            TokenKind.Word => Word(token, Fold(chars)),
            _ => token with { Key = SharedStrings.Of(chars) },
        };
    }

    private static Token Word(Token token, string key) => token with { Key = key, Known = Vocabulary.KnownForms(key) };

    /// <summary>
    /// A word's look-up key: beyond the text's normalization, teh marbuta is heh and a final yeh
    /// is alef maqsura's, so <c>الجمعة</c> and <c>الجمعه</c>, <c>الأولى</c> and <c>الاولي</c> are one key.
    /// </summary>
    public static string Fold(ReadOnlySpan<char> word)
    {
        Span<char> buffer = word.Length <= 64 ? stackalloc char[word.Length] : new char[word.Length];
        return SharedStrings.Of(buffer[..Fold(word, buffer)]);
    }

    /// <summary>Folds <paramref name="word"/> into <paramref name="buffer"/> (at least as long); returns the folded length.</summary>
    public static int Fold(ReadOnlySpan<char> word, Span<char> buffer)
    {
        int n = 0;
        foreach (char c in word)
        {
            char folded = FoldChar(c);
            if (folded != '\0')
            {
                buffer[n++] = folded;
            }
        }

        return n;
    }

    /// <summary>One char as <see cref="Fold(ReadOnlySpan{char})"/> folds it; <c>\0</c> for a mark, which folding drops.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static char FoldChar(char c) => IsArabicMark(c)
        ? '\0'
        : c switch
        {
            '\u0629' => '\u0647',            // ة → ه
            '\u0649' => '\u064A',            // ى → ي
            '\u0622' or '\u0623' or '\u0625' or '\u0671' => '\u0627', // آ أ إ ٱ → ا
            >= 'A' and <= 'Z' => (char)(c | 0x20),
            < '\u00C0' or >= '\u0250' => c,
            _ => char.ToLowerInvariant(c), // Latin with diacritics
        };

    private static bool IsAsciiDigit(char c) => (uint)(c - '0') <= 9;

    /// <summary>Tashkeel and tatweel, which the normalization removes; kept here for texts it did not see.</summary>
    private static bool IsArabicMark(char c) => c is >= '\u064B' and <= '\u065F' or '\u0670' or '\u0640';
}
