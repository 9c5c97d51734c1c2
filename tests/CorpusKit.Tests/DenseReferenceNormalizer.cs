using System;
using System.Globalization;

using CorpusKit.Text;

namespace CorpusKit.Tests;

/// <summary>
/// The normalizer as it was before the offset map became sparse: every normalized char with its
/// own original range, computed one cluster at a time with no table. Tests compare the runtime's
/// fast path and sparse map with it, char for char.
/// </summary>
internal static class DenseReferenceNormalizer
{
    /// <summary>Normalizes <paramref name="text"/> for <c>normalize: arabic</c>.</summary>
    /// <param name="text">The original text.</param>
    /// <param name="starts">For each normalized char, the original index where its source begins (the array may run past the text's length).</param>
    /// <param name="ends">For each normalized char, the original index just past its source (likewise).</param>
    /// <returns>The normalized text.</returns>
    /// <remarks>
    /// The original is cut into clusters: a whitespace run, or one code point with the combining
    /// marks and tatweels that follow it. Every char a cluster produces maps to the whole cluster, so a span
    /// mapped back never splits a surrogate pair and keeps the diacritics of its last letter.
    /// </remarks>
    internal static string NormalizeArabic(string text, out int[] starts, out int[] ends)
    {
        var output = new Buffer(text.Length);
        int length = text.Length;
        int i = 0;
        while (i < length)
        {
            char c = text[i];
            if (IsWhiteSpace(c))
            {
                int j = i;
                bool newline = false;
                while (j < length && IsWhiteSpace(text[j]))
                {
                    newline |= IsNewline(text[j]);
                    j++;
                }

                output.AppendSpace(newline, i, j);
                i = j;
                continue;
            }

            int clusterEnd = i + 1;
            if (char.IsHighSurrogate(c) && clusterEnd < length && char.IsLowSurrogate(text[clusterEnd]))
            {
                clusterEnd++;
            }

            while (clusterEnd < length && (text[clusterEnd] == '\u0640' || IsCombiningMark(text[clusterEnd])))
            {
                clusterEnd++;
            }

            for (int k = i; k < clusterEnd; k++)
            {
                char ch = text[k];
                if (k + 1 < clusterEnd && Compose(ch, text[k + 1]) is char composed)
                {
                    // Canonical composition (NFC) of hamza and madda marks: و + ٔ is ؤ, as typed.
                    ch = composed;
                    k++;
                }

                if (char.IsSurrogate(ch))
                {
                    // Astral code points (emoji, historic scripts) pass through unchanged.
                    output.Append(ch, i, clusterEnd);
                    continue;
                }

                string? compatibility = CompatibilityTable.Lookup(ch);
                if (compatibility is null)
                {
                    AppendMapped(ref output, ch, i, clusterEnd);
                }
                else
                {
                    foreach (char expanded in compatibility)
                    {
                        AppendMapped(ref output, expanded, i, clusterEnd);
                    }
                }
            }

            i = clusterEnd;
        }

        return output.ToString(out starts, out ends);
    }

    /// <summary>Whether <paramref name="c"/> is removed by <c>normalize: arabic</c>.</summary>
    internal static bool IsRemoved(char c) => c switch
    {
        >= '\u0610' and <= '\u061A' => true, // Arabic signs and small high marks
        >= '\u064B' and <= '\u065F' => true, // harakat: tanween, fatha, damma, kasra, shadda, sukun, hamza marks
        '\u0670' => true,                    // superscript (dagger) alef
        >= '\u06D6' and <= '\u06DC' => true, // Quranic annotation marks
        >= '\u06DF' and <= '\u06E4' => true,
        '\u06E7' or '\u06E8' => true,
        >= '\u06EA' and <= '\u06ED' => true,
        '\u0640' => true,                    // tatweel
        '\u00AD' => true,                    // soft hyphen
        '\u061C' => true,                    // Arabic letter mark
        >= '\u200B' and <= '\u200F' => true, // zero-width space, ZWNJ, ZWJ, LRM, RLM
        >= '\u202A' and <= '\u202E' => true, // bidi embeddings and overrides
        >= '\u2060' and <= '\u2064' => true, // word joiner, invisible operators
        >= '\u2066' and <= '\u2069' => true, // bidi isolates
        '\uFEFF' => true,                    // byte-order mark, zero-width no-break space
        _ => false,
    };

    /// <summary>
    /// The canonical compositions of Arabic letters with madda (U+0653), hamza above (U+0654)
    /// and hamza below (U+0655), as NFC makes them; null when the pair does not compose.
    /// </summary>
    private static char? Compose(char letter, char mark) => (letter, mark) switch
    {
        ('\u0627', '\u0653') => '\u0622', // ا + madda -> آ
        ('\u0627', '\u0654') => '\u0623', // ا + hamza above -> أ
        ('\u0627', '\u0655') => '\u0625', // ا + hamza below -> إ
        ('\u0648', '\u0654') => '\u0624', // و + hamza above -> ؤ
        ('\u064A', '\u0654') => '\u0626', // ي + hamza above -> ئ
        ('\u06D5', '\u0654') => '\u06C0', // ە + hamza above -> ۀ
        ('\u06C1', '\u0654') => '\u06C2', // ہ + hamza above -> ۂ
        ('\u06D2', '\u0654') => '\u06D3', // ے + hamza above -> ۓ
        _ => null,
    };

    private static void AppendMapped(ref Buffer output, char c, int start, int end)
    {
        if (c < '\u0080')
        {
            if (c is >= 'A' and <= 'Z')
            {
                c = (char)(c + ('a' - 'A'));
            }
            else if (IsWhiteSpace(c))
            {
                output.AppendSpace(IsNewline(c), start, end);
                return;
            }

            output.Append(c, start, end);
            return;
        }

        if (IsRemoved(c))
        {
            return;
        }

        if (IsWhiteSpace(c))
        {
            output.AppendSpace(IsNewline(c), start, end);
            return;
        }

        char mapped = c switch
        {
            '\u0622' or '\u0623' or '\u0625' or '\u0671' => '\u0627', // آ أ إ ٱ -> ا
            '\u0649' or '\u06CC' => '\u064A',                         // ى and Persian ی -> ي
            '\u06A9' => '\u0643',                                     // Persian ک -> ك
            >= '\u0660' and <= '\u0669' => (char)('0' + (c - '\u0660')), // Arabic-Indic digits
            >= '\u06F0' and <= '\u06F9' => (char)('0' + (c - '\u06F0')), // Persian digits
            >= '\u0600' and <= '\u06FF' => c,
            _ => char.ToLowerInvariant(c),
        };
        output.Append(mapped, start, end);
    }

    private static bool IsWhiteSpace(char c) => char.IsWhiteSpace(c);

    private static bool IsNewline(char c) => c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029';

    private static bool IsCombiningMark(char c)
    {
        if (c < '\u0300')
        {
            return false;
        }

        UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(c);
        return category is UnicodeCategory.NonSpacingMark
            or UnicodeCategory.SpacingCombiningMark
            or UnicodeCategory.EnclosingMark;
    }

    /// <summary>A growable char buffer with the two offset arrays beside it.</summary>
    private struct Buffer
    {
        private char[] _chars;
        private int[] _starts;
        private int[] _ends;
        private int _count;

        public Buffer(int capacity)
        {
            capacity = Math.Max(capacity, 4);
            _chars = new char[capacity];
            _starts = new int[capacity];
            _ends = new int[capacity];
            _count = 0;
        }

        public void Append(char c, int start, int end)
        {
            if (_count == _chars.Length)
            {
                Grow();
            }

            _chars[_count] = c;
            _starts[_count] = start;
            _ends[_count] = end;
            _count++;
        }

        /// <summary>Appends one space, or widens the previous one: runs of white space become one char.</summary>
        public void AppendSpace(bool newline, int start, int end)
        {
            if (_count > 0 && _chars[_count - 1] is ' ' or '\n')
            {
                if (newline)
                {
                    _chars[_count - 1] = '\n';
                }

                _ends[_count - 1] = end;
                return;
            }

            Append(newline ? '\n' : ' ', start, end);
        }

        /// <summary>The text; the offset arrays may be longer than it (only its length counts), which spares a copy.</summary>
        public string ToString(out int[] starts, out int[] ends)
        {
            starts = _starts;
            ends = _ends;
            return new string(_chars, 0, _count);
        }

        private void Grow()
        {
            int capacity = _chars.Length * 2;
            Array.Resize(ref _chars, capacity);
            Array.Resize(ref _starts, capacity);
            Array.Resize(ref _ends, capacity);
        }
    }
}
