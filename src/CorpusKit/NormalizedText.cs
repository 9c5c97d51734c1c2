using System;
using System.Collections.Generic;
using CorpusKit.Text;

namespace CorpusKit;

/// <summary>
/// A text as rules see it, with the map back to the original: every span found in
/// <see cref="Text"/> becomes a span of <see cref="Original"/>.
/// </summary>
public sealed class NormalizedText
{
    private readonly OffsetMap? _map;
    private int _otherDigits; // 0: not known yet, 1: none, 2: some

    internal NormalizedText(string original, string text, TextNormalization normalization, OffsetMap? map, bool? otherDigits)
    {
        Original = original;
        Text = text;
        Normalization = normalization;
        _map = map;
        _otherDigits = otherDigits switch { null => 0, false => 1, true => 2 };
    }

    /// <summary>The text as given.</summary>
    public string Original { get; }

    /// <summary>The text rules match against.</summary>
    public string Text { get; }

    /// <summary>How <see cref="Text"/> was made from <see cref="Original"/>.</summary>
    public TextNormalization Normalization { get; }

    /// <summary>
    /// Whether <see cref="Text"/> may hold a decimal digit other than ASCII 0-9 (Devanagari, say; the
    /// Arabic normalization maps Arabic-Indic and Persian digits to ASCII). When it holds none, a
    /// search for <c>\d</c> is a search for 0-9, which is many times faster.
    /// </summary>
    internal bool HasOtherDigits
    {
        get
        {
            if (_otherDigits == 0)
            {
                _otherDigits = ContainsOtherDigit(Text) ? 2 : 1;
            }

            return _otherDigits == 2;
        }
    }

    /// <summary>
    /// This text with every char that comes wholly from inside <paramref name="excluded"/>
    /// (original ranges sorted by start) turned into a space, line breaks kept; the map is
    /// unchanged. Costs one copy of the text and a binary search per range, however the ranges
    /// overlap; masking a masked text again with more ranges gives what masking with all of them gives.
    /// </summary>
    internal NormalizedText Masked(IReadOnlyList<TextSpan> excluded)
    {
        if (excluded.Count == 0)
        {
            return this;
        }

        // Written straight into the new string: no char array beside it on a text of many megabytes.
        string masked = string.Create(Text.Length, (Source: this, Excluded: excluded), static (chars, state) =>
        {
            state.Source.Text.CopyTo(chars);
            Mask(chars, state.Excluded, state.Source._map);
        });
        return new NormalizedText(Original, masked, Normalization, _map, _otherDigits == 0 ? null : _otherDigits == 2);
    }

    /// <summary>
    /// The text normalized into <paramref name="chars"/> (the first <paramref name="length"/>),
    /// masked as <see cref="Masked"/> masks: one string made, from the buffer.
    /// </summary>
    internal static NormalizedText FromMasked(string original, char[] chars, int length, TextNormalization normalization, OffsetMap? map, bool otherDigits, IReadOnlyList<TextSpan> excluded)
    {
        string masked = string.Create(length, (Chars: chars, Excluded: excluded, Map: map), static (destination, state) =>
        {
            state.Chars.AsSpan(0, destination.Length).CopyTo(destination);
            Mask(destination, state.Excluded, state.Map);
        });
        return new NormalizedText(original, masked, normalization, map, otherDigits);
    }

    /// <summary>Blanks in <paramref name="chars"/> (a normalized text, <paramref name="map"/> its offsets) the chars that <see cref="Masked"/> turns into spaces.</summary>
    private static void Mask(Span<char> chars, IReadOnlyList<TextSpan> excluded, OffsetMap? map)
    {
        // The ranges come by start, so the chars they cover begin in order too: every char before
        // `blanked` that a range covers is blank already, and no char is blanked twice.
        int blanked = 0;
        for (int r = 0; r < excluded.Count; r++)
        {
            TextSpan span = excluded[r];

            // The chars whose source lies wholly inside the span: from the first that starts in it
            // to the last that ends in it.
            int first = ToNormalized(map, span.Start, chars.Length);
            int end = ToNormalized(map, span.End, chars.Length);
            while (first < end && (map is null ? first : map.Start(first)) < span.Start)
            {
                first++;
            }

            first = Math.Max(first, blanked);
            if (first < end)
            {
                BlankKeepingLineBreaks(chars[first..end]);
                blanked = end;
            }
        }
    }

    /// <summary>Turns every char of <paramref name="chars"/> but <c>\n</c> into a space, a run between line breaks at a time.</summary>
    private static void BlankKeepingLineBreaks(Span<char> chars)
    {
        int newline;
        while ((newline = chars.IndexOf('\n')) >= 0)
        {
            chars[..newline].Fill(' ');
            chars = chars[(newline + 1)..];
        }

        chars.Fill(' ');
    }

    /// <summary>Maps the normalized range <c>[start, end)</c> to the original text.</summary>
    /// <remarks>
    /// The result covers every original char that produced a char of the range, diacritics on
    /// its last letter included; it never splits a surrogate pair. An empty range maps to an
    /// empty span at the matching original position.
    /// </remarks>
    public TextSpan ToOriginal(int start, int end)
    {
        if ((uint)start > (uint)Text.Length || end < start || end > Text.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(start), $"[{start}, {end}) is not a range of a text of {Text.Length} chars.");
        }

        if (_map is null)
        {
            return TextSpan.FromBounds(start, end);
        }

        if (start == end)
        {
            int position = start < Text.Length ? _map.Start(start) : Original.Length;
            return new TextSpan(position, 0);
        }

        return TextSpan.FromBounds(_map.Start(start), _map.End(end - 1));
    }

    /// <summary>Maps an original index to the first normalized char at or after it.</summary>
    public int ToNormalized(int originalIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(originalIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(originalIndex, Original.Length);
        return ToNormalized(_map, originalIndex, Text.Length);
    }

    /// <summary>The first char at or after original index <paramref name="originalIndex"/> of a normalized text of <paramref name="length"/> chars whose offsets <paramref name="map"/> keeps.</summary>
    internal static int ToNormalized(OffsetMap? map, int originalIndex, int length)
        => map is null ? Math.Min(originalIndex, length) : map.FirstEndingAfter(originalIndex, length);

    /// <summary>The original text of the normalized range <c>[start, end)</c>.</summary>
    public string OriginalText(int start, int end)
    {
        TextSpan span = ToOriginal(start, end);
        return Original.Substring(span.Start, span.Length);
    }

    /// <summary>How many chars the offset map stores (see <see cref="OffsetMap"/>); 0 when no offset shifts.</summary>
    internal int AnchorCount => _map?.AnchorCount ?? 0;

    private static bool ContainsOtherDigit(string text)
    {
        // Every decimal digit outside ASCII is at or above U+0660: a text with none of those chars
        // (Latin text) is settled by one vectorized search.
        ReadOnlySpan<char> span = text;
        int at = span.IndexOfAnyInRange('\u0660', '\uFFFF');
        if (at < 0)
        {
            return false;
        }

        foreach (char c in span[at..])
        {
            if (c >= '\u0660' && char.IsDigit(c))
            {
                return true;
            }
        }

        return false;
    }
}
