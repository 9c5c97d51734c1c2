using System;
using System.Collections.Generic;
using CorpusKit.Text;

namespace CorpusKit;

/// <summary>
/// A text as rules see it, with the map back to the original: every span found in
/// <see cref="Text"/> becomes a span of <see cref="Original"/>.
/// </summary>
/// <remarks>
/// The chars of a document's text under extraction live in a pooled buffer, read through
/// <see cref="Span"/>: a document's normalized text is never copied into a string unless
/// <see cref="Text"/> is asked for. The buffer goes back to the pool when the extraction that made
/// it ends (<see cref="ExtractionContext.EndExtraction"/>); the text cannot be read after that.
/// </remarks>
public sealed class NormalizedText
{
    // Not readonly: a pooled context fills its text again for its next document (see Reset).
    private OffsetMap? _map;
    private int _length;
    private int _otherDigits; // 0: not known yet, 1: none, 2: some

    // The chars: a string, or the first _length chars of a buffer (from NormalizerCore.RentBuffer).
    private string? _text;
    private char[]? _buffer;

    // Where the decimal digits stand, found on first use (the first _digitCount of a pooled array).
    private int[]? _digitPlaces;
    private int _digitCount;

    /// <summary>Normalizes <paramref name="text"/> once, as rules of that normalization see it; the result maps every span back.</summary>
    /// <param name="text">The original text.</param>
    /// <param name="normalization">How rules see text (a schema's <c>normalization:</c>).</param>
    public static NormalizedText Normalize(string text, TextNormalization normalization)
    {
        ArgumentNullException.ThrowIfNull(text);
        switch (normalization)
        {
            case TextNormalization.None:
                return new NormalizedText(text, text, normalization, null, null);
            case TextNormalization.Arabic:
                string normalized = NormalizerCore.NormalizeArabic(text, out OffsetMap? map, out bool otherDigits);
                return new NormalizedText(text, normalized, TextNormalization.Arabic, map, otherDigits);
            default:
                throw new ArgumentOutOfRangeException(nameof(normalization), normalization, "Unknown normalization.");
        }
    }

    /// <summary>Normalizes a single form (a lexicon entry, a query) as text is normalized.</summary>
    /// <param name="form">The form.</param>
    /// <param name="normalization">How rules see text.</param>
    public static string NormalizeForm(string form, TextNormalization normalization)
    {
        ArgumentNullException.ThrowIfNull(form);
        return normalization == TextNormalization.Arabic ? NormalizerCore.NormalizeArabic(form) : form;
    }

    /// <summary>
    /// The number of words (runs of letters and digits) <paramref name="form"/> has once normalized,
    /// without making the normalized string.
    /// </summary>
    /// <param name="form">The form.</param>
    /// <param name="normalization">How rules see text.</param>
    public static int CountWords(string form, TextNormalization normalization)
    {
        ArgumentNullException.ThrowIfNull(form);
        return normalization == TextNormalization.Arabic ? NormalizerCore.CountWordsArabic(form) : NormalizerCore.CountWords(form);
    }

    internal NormalizedText(string original, string text, TextNormalization normalization, OffsetMap? map, bool? otherDigits)
        : this(original, normalization, map, otherDigits, text.Length)
    {
        _text = text;
    }

    /// <summary>A text whose chars are the first <paramref name="length"/> of <paramref name="buffer"/>, which it now owns (see <see cref="Release"/>).</summary>
    internal NormalizedText(string original, char[] buffer, int length, TextNormalization normalization, OffsetMap? map, bool? otherDigits)
        : this(original, normalization, map, otherDigits, length)
    {
        _buffer = buffer;
    }

    private NormalizedText(string original, TextNormalization normalization, OffsetMap? map, bool? otherDigits, int length)
    {
        Original = original;
        Normalization = normalization;
        _map = map;
        _length = length;
        _otherDigits = otherDigits switch { null => 0, false => 1, true => 2 };
    }

    /// <summary>
    /// Makes this text, released, the text of another document, as the constructor over a buffer
    /// makes one: for a context of the thread's pool (<see cref="ExtractionContext.Start"/>), whose
    /// released text nothing else refers to.
    /// </summary>
    private void Reset(string original, char[] buffer, int length, TextNormalization normalization, OffsetMap? map, bool? otherDigits)
    {
        Original = original;
        Normalization = normalization;
        _map = map;
        _length = length;
        _otherDigits = otherDigits switch { null => 0, false => 1, true => 2 };
        _text = null;
        _buffer = buffer;
        _digitPlaces = null;
        _digitCount = 0;
    }

    /// <summary>The text as given.</summary>
    public string Original { get; private set; }

    /// <summary>The text rules match against, as a string: made on first use when the chars are in a buffer (see <see cref="Span"/>).</summary>
    public string Text => _text ??= new string(Span);

    /// <summary>The chars of the text rules match against, without making a string of them.</summary>
    /// <exception cref="ObjectDisposedException">The extraction this text belonged to is over.</exception>
    public ReadOnlySpan<char> Span => _text is not null ? _text.AsSpan() : Buffer.AsSpan(0, _length);

    /// <summary>How many chars the text rules match against has.</summary>
    public int Length => _length;

    /// <summary>The chars, for code that keeps them beyond a call (a match refers to them).</summary>
    internal ReadOnlyMemory<char> Memory => _text is not null ? _text.AsMemory() : Buffer.AsMemory(0, _length);

    /// <summary>How <see cref="Text"/> was made from <see cref="Original"/>.</summary>
    public TextNormalization Normalization { get; private set; }

    private char[] Buffer => _buffer ?? throw new ObjectDisposedException(nameof(NormalizedText), "The extraction this text belonged to is over: its chars went back to the pool.");

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
                _otherDigits = ContainsOtherDigit(Span) ? 2 : 1;
            }

            return _otherDigits == 2;
        }
    }

    /// <summary>
    /// Gives the buffer back to the pool, when the chars are in one. For the context that made the
    /// text, when its extraction ends: nothing may read the chars after, unless <see cref="Text"/>
    /// was made before (the string stays).
    /// </summary>
    internal void Release()
    {
        if (_buffer is { } buffer)
        {
            _buffer = null;
            NormalizerCore.ReturnBuffer(buffer);
        }

        if (_digitPlaces is { } places)
        {
            _digitPlaces = null;
            WorkArrays<int>.Return(places);
        }

        _map?.Release();
    }

    /// <summary>
    /// Where the text's decimal digits stand, in order: ASCII 0-9, and digits of other scripts when it
    /// holds any (<see cref="HasOtherDigits"/>). Found with one search of the text, on first use,
    /// for every rule whose pattern begins with <c>\d</c> (a news text's dates, years and figures).
    /// </summary>
    internal ReadOnlySpan<int> DigitPlaces
    {
        get
        {
            if (_digitPlaces is null)
            {
                FindDigits();
            }

            return _digitPlaces.AsSpan(0, _digitCount);
        }
    }

    private void FindDigits()
    {
        ReadOnlySpan<char> text = Span;
        System.Buffers.SearchValues<char>? all = HasOtherDigits ? CompilerServices.PatternPrefilter.AllDigits : null;
        int[] places = WorkArrays<int>.Rent(64);
        int count = 0;
        int at = 0;
        while (true)
        {
            ReadOnlySpan<char> rest = text[at..];
            int next = all is null ? rest.IndexOfAnyInRange('0', '9') : rest.IndexOfAny(all);
            if (next < 0)
            {
                break;
            }

            if (count == places.Length)
            {
                int[] larger = WorkArrays<int>.Rent(count * 2);
                places.AsSpan().CopyTo(larger);
                WorkArrays<int>.Return(places);
                places = larger;
            }

            places[count++] = at + next;
            at += next + 1;
        }

        _digitPlaces = places;
        _digitCount = count;
    }

    /// <summary>
    /// This text with every char that comes wholly from inside <paramref name="excluded"/>
    /// (original ranges sorted by start) turned into a space, line breaks kept; the map is
    /// unchanged. Costs one copy of the text (into a pooled buffer) and a binary search per range,
    /// however the ranges overlap; masking a masked text again with more ranges gives what masking
    /// with all of them gives.
    /// </summary>
    internal NormalizedText Masked(IReadOnlyList<TextSpan> excluded)
    {
        if (excluded.Count == 0)
        {
            return this;
        }

        char[] buffer = NormalizerCore.RentBuffer(_length);
        Span.CopyTo(buffer);
        return FromMasked(Original, buffer, _length, Normalization, _map, _otherDigits == 0 ? null : _otherDigits == 2, excluded);
    }

    /// <summary>
    /// The text normalized into <paramref name="chars"/> (the first <paramref name="length"/>, a
    /// buffer from <see cref="NormalizerCore.RentBuffer"/>), masked in place as <see cref="Masked"/>
    /// masks; the text owns the buffer from now on. It is made in <paramref name="reuse"/>, a released
    /// text, when one is given (see <see cref="Reset"/>).
    /// </summary>
    internal static NormalizedText FromMasked(string original, char[] chars, int length, TextNormalization normalization, OffsetMap? map, bool? otherDigits, IReadOnlyList<TextSpan> excluded, NormalizedText? reuse = null)
    {
        Mask(chars.AsSpan(0, length), excluded, map);
        if (reuse is null)
        {
            return new NormalizedText(original, chars, length, normalization, map, otherDigits);
        }

        reuse.Reset(original, chars, length, normalization, map, otherDigits);
        return reuse;
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
        CheckRange(start, end);

        if (_map is null)
        {
            return TextSpan.FromBounds(start, end);
        }

        if (start == end)
        {
            int position = start < _length ? _map.Start(start) : Original.Length;
            return new TextSpan(position, 0);
        }

        return TextSpan.FromBounds(_map.Start(start), _map.End(end - 1));
    }

    /// <summary>Throws unless <c>[start, end)</c> is a range of the text rules match against.</summary>
    private void CheckRange(int start, int end)
    {
        if ((uint)start > (uint)_length || end < start || end > _length)
        {
            throw new ArgumentOutOfRangeException(nameof(start), $"[{start}, {end}) is not a range of a text of {_length} chars.");
        }
    }

    /// <summary>Maps an original index to the first normalized char at or after it.</summary>
    public int ToNormalized(int originalIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(originalIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(originalIndex, Original.Length);
        return ToNormalized(_map, originalIndex, _length);
    }

    /// <summary>The first char at or after original index <paramref name="originalIndex"/> of a normalized text of <paramref name="length"/> chars whose offsets <paramref name="map"/> keeps.</summary>
    internal static int ToNormalized(OffsetMap? map, int originalIndex, int length)
        => map is null ? Math.Min(originalIndex, length) : map.FirstEndingAfter(originalIndex, length);

    /// <summary>
    /// <see cref="ToNormalized(OffsetMap?, int, int)"/> for indexes looked up in order, with the
    /// place the previous look-up reached (<see cref="OffsetMap.FirstEndingAfter(int, int, ref int)"/>).
    /// </summary>
    internal static int ToNormalized(OffsetMap? map, int originalIndex, int length, ref int ended)
        => map is null ? Math.Min(originalIndex, length) : map.FirstEndingAfter(originalIndex, length, ref ended);

    /// <summary>The map, for a draft over this text.</summary>
    internal OffsetMap? Map => _map;

    /// <summary>The normalized text of the range <c>[start, end)</c>, as a string of its own.</summary>
    public string TextOf(int start, int end)
    {
        CheckRange(start, end);

        return SharedStrings.Of(Span[start..end]);
    }

    /// <summary>The original text of the normalized range <c>[start, end)</c>.</summary>
    public string OriginalText(int start, int end)
    {
        TextSpan span = ToOriginal(start, end);
        return SharedStrings.Of(Original.AsSpan(span.Start, span.Length));
    }

    /// <summary>How many chars the offset map stores (see <see cref="OffsetMap"/>); 0 when no offset shifts.</summary>
    internal int AnchorCount => _map?.AnchorCount ?? 0;

    private static bool ContainsOtherDigit(ReadOnlySpan<char> span)
    {
        // Every decimal digit outside ASCII is at or above U+0660: a text with none of those chars
        // (Latin text) is settled by one vectorized search.
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
