using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Globalization;

namespace CorpusKit.Recognizers;

/// <summary>A number found in a text: where it stands, its value, and whether it is an ordinal.</summary>
public sealed class NumberMention
{
    internal NumberMention(TextSpan span, string text, decimal value, bool isOrdinal)
    {
        Span = span;
        Text = text;
        Value = value;
        IsOrdinal = isOrdinal;
    }

    /// <summary>Where the number stands in the original text; a proclitic before it is left out (<c>وخمسة</c> gives <c>خمسة</c>).</summary>
    public TextSpan Span { get; }

    /// <summary>The original text of <see cref="Span"/>.</summary>
    public string Text { get; }

    /// <summary>The value: <c>1978</c> for <c>ألف وتسعمائة وثمانية وسبعون</c>, <c>0.77</c> for <c>٠٫٧٧</c>, <c>3</c> for <c>الثالث</c>.</summary>
    public decimal Value { get; }

    /// <summary>Whether the number is an ordinal (<c>الحادي والعشرين</c>, <c>third</c>).</summary>
    public bool IsOrdinal { get; }

    /// <summary>The mention as <c>[start..end) text = value</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Span} {Text} = {Value}{(IsOrdinal ? " (ordinal)" : "")}");
}

/// <summary>
/// Finds numbers in Arabic text: digits of either set, with thousands separators (<c>١٠٠٬٠٠٠</c>,
/// <c>1,000,000</c>), decimals (<c>٠٫٧٧</c>, <c>1.1</c>, <c>1 فاصلة 1</c>), fractions (<c>٧٧/١٠٠</c>),
/// a sign, and a scale word (<c>100 ألف</c>, <c>3 ملايين</c>); cardinals in words
/// (<c>خمسمائة وخمسة وعشرون</c>, <c>مليونان</c>) and ordinals (<c>الثالثة عشرة</c>), in Arabic and in
/// English. Spans point into the original text.
/// </summary>
public static class NumberRecognizer
{
    /// <summary>True once this class's tables are built; read by <see cref="Vocabulary"/> to have them registered before it is sealed.</summary>
    internal static readonly bool TablesBuilt = true;

    private static readonly FrozenSet<string> s_point = Reader.Set("فاصلة", "فاصله", "point");
    private static readonly FrozenDictionary<string, long> s_scales = Reader.Table(new[]
    {
        ("ألف", 1_000L), ("آلاف", 1_000L), ("الف", 1_000L), ("مليون", 1_000_000L), ("ملايين", 1_000_000L),
        ("مليار", 1_000_000_000L), ("مليارات", 1_000_000_000L), ("بليون", 1_000_000_000L),
        ("thousand", 1_000L), ("million", 1_000_000L), ("billion", 1_000_000_000L),
    });

    /// <summary>The numbers of <paramref name="text"/>, in text order, none overlapping (the longest at each word).</summary>
    public static IReadOnlyList<NumberMention> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Find(NormalizedText.Normalize(text, TextNormalization.Arabic));
    }

    /// <summary>The numbers of a text under Arabic normalization (a document's, whose excluded lines read as spaces).</summary>
    internal static IReadOnlyList<NumberMention> Find(NormalizedText normalized)
    {
        string text = normalized.Original;
        Token[] tokens = Tokens.Of(normalized.Span);
        var r = new Reader(tokens, normalized);
        var found = new List<NumberMention>();
        for (int i = 0; i < tokens.Length;)
        {
            if (!Number(r, i, out decimal value, out int end, out int skip, out bool ordinal))
            {
                i++;
                continue;
            }

            TextSpan span = normalized.ToOriginal(tokens[i].Start + skip, tokens[end - 1].End);
            found.Add(new NumberMention(span, text.Substring(span.Start, span.Length), value, ordinal));
            i = end;
        }

        return found;
    }

    private static bool Number(Reader r, int i, out decimal value, out int end, out int skip, out bool ordinal)
    {
        ordinal = false;
        skip = 0;
        if (Digits(r, i, out value, out end))
        {
            return true;
        }

        // A number word with the article is an ordinal where it reads as one (التسعين, الواحد والعشرون).
        if (NumberWords.Ordinal(r, i, out int nth, out end, out skip) && IsDefinite(r[i].Key, skip))
        {
            value = nth;
            ordinal = true;
            return true;
        }

        if (NumberWords.Cardinal(r, i, out long cardinal, out end, out skip))
        {
            value = cardinal;

            // واحد فاصلة واحد.
            if (r.IsAny(end, s_point) && NumberWords.Cardinal(r, end + 1, out long fraction, out int fractionEnd, out int fractionSkip) && fractionSkip == 0)
            {
                value = Decimal(cardinal, fraction.ToString(CultureInfo.InvariantCulture));
                end = fractionEnd;
            }

            return true;
        }

        if (NumberWords.Ordinal(r, i, out nth, out end, out skip))
        {
            value = nth;
            ordinal = true;
            return true;
        }

        return false;
    }

    /// <summary>A number in digits, with its sign, separators, decimals, fraction bar and scale word.</summary>
    private static bool Digits(Reader r, int i, out decimal value, out int end)
    {
        value = 0;
        end = i;
        int j = i;
        bool negative = false;
        if (r.IsSymbol(j, "-−") && r.Touches(j) && r.IsDigits(j + 1) && (j == 0 || r[j].SpaceBefore))
        {
            negative = true;
            j++;
        }

        string whole;
        if (r.IsDigits(j))
        {
            whole = r[j].Key;
            j++;

            // Thousands groups: 1,000,000 and ١٬٠٠٠٬٠٠٠.
            while (r.IsSymbol(j, ",٬") && r.Touches(j - 1) && r.Touches(j) && r.IsDigits(j + 1) && r[j + 1].Length == 3)
            {
                whole += r[j + 1].Key;
                j += 2;
            }
        }
        else if (r.IsSymbol(j, ".٫") && r.Touches(j) && r.IsDigits(j + 1) && (j == 0 || r[j].SpaceBefore))
        {
            // .77 and ٫٧٧.
            whole = "0";
        }
        else
        {
            return false;
        }

        string? fractionDigits = null;
        if (r.IsSymbol(j, ".٫") && r.Touches(j - 1 < i ? i : j - 1) && r.Touches(j) && r.IsDigits(j + 1))
        {
            fractionDigits = r[j + 1].Key;
            j += 2;
        }
        else if (r.IsSymbol(j, "/") && r.Touches(j - 1) && r.Touches(j) && r.IsDigits(j + 1) && r[j + 1].Number > 0 && !r.IsSymbol(j + 2, "/"))
        {
            // A fraction: ٧٧/١٠٠.
            decimal numerator = decimal.Parse(whole, CultureInfo.InvariantCulture);
            value = numerator / r[j + 1].Number;
            end = j + 2;
            value = negative ? -value : value;
            return true;
        }
        else if (r.IsAny(j, s_point) && r.IsDigits(j + 1))
        {
            fractionDigits = r[j + 1].Key;
            j += 2;
        }

        if (whole.Length > 20)
        {
            return false;
        }

        value = fractionDigits is null ? decimal.Parse(whole, CultureInfo.InvariantCulture) : Decimal(long.Parse(whole, CultureInfo.InvariantCulture), fractionDigits);
        if (r.Lookup(j, s_scales, out long scale, out _, clitics: false))
        {
            value *= scale;
            j++;
        }
        else if (NumberWords.Cardinal(r, j, out long worded, out int wordedEnd, out int wordedSkip) && wordedSkip == 0 && worded is 1_000 or 1_000_000 or 1_000_000_000 && wordedEnd == j + 1)
        {
            value *= worded;
            j++;
        }

        value = negative ? -value : value;
        end = j;
        return true;
    }

    private static bool IsDefinite(string key, int skip)
        => key.AsSpan(skip).StartsWith("ال", StringComparison.Ordinal) || key.AsSpan(skip).StartsWith("لل", StringComparison.Ordinal);

    private static decimal Decimal(long whole, string fraction)
        => decimal.Parse(string.Concat(whole.ToString(CultureInfo.InvariantCulture), ".", fraction), CultureInfo.InvariantCulture);
}
