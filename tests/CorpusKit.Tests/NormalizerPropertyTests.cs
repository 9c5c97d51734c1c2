using System;
using CsCheck;

namespace CorpusKit.Tests;

/// <summary>
/// Properties of <c>normalize: arabic</c> on generated text built from the pieces real Arabic
/// news is made of: letters, harakat, tatweel, alef and yeh variants, Persian letters, both
/// digit sets, presentation forms, NBSP and line breaks, bidi marks, and astral chars.
/// </summary>
public sealed class NormalizerPropertyTests
{
    private static readonly string[] s_pieces =
    [
        "ل", "ا", "ف", "ر", "و", "ب", "س", "ي", "ة", "ه", "م", "ن", "ك",
        "أ", "إ", "آ", "ٱ", "ى", "ی", "ک", "ء", "ؤ", "ئ",
        "\u064B", "\u064E", "\u0650", "\u0651", "\u0652", "\u0670", "\u0654", "ـ",
        "١", "٢", "۱", "٫", "3", "A", "z", "é", "e\u0301",
        "ﻻ", "ﷲ", "ﺍ", "\uFDFA",
        " ", "  ", "\u00A0", "\n", "\r\n", "\t", "\u200F", "\u200C", "\uFEFF",
        "«", "»", "“", "”", "\"", ".", "،", "؟",
        "😀", "𝐀", "\U0001F1F7\U0001F1FA",
    ];

    /// <summary>Texts of 0 to 60 pieces.</summary>
    private static readonly Gen<string> s_texts =
        Gen.OneOf(s_pieces).Array[0, 60].Select(pieces => string.Concat(pieces));

    /// <summary>A text and a normalized range [i, j) within it.</summary>
    private static readonly Gen<(string Original, NormalizedText Text, int Start, int End)> s_ranges =
        from original in s_texts
        let text = NormalizedText.Normalize(original, TextNormalization.Arabic)
        from a in Gen.Int[0, text.Text.Length]
        from b in Gen.Int[0, text.Text.Length]
        select (original, text, Math.Min(a, b), Math.Max(a, b));

    [Fact]
    public void The_offset_map_is_monotonic_and_stays_inside_the_original()
        => s_texts.Sample(original =>
        {
            NormalizedText text = NormalizedText.Normalize(original, TextNormalization.Arabic);
            int previousStart = 0;
            int previousEnd = 0;
            for (int i = 0; i < text.Text.Length; i++)
            {
                TextSpan span = text.ToOriginal(i, i + 1);
                Assert.True(span.Start >= previousStart && span.End >= previousEnd, $"map goes back at {i} in {Escape(original)}");
                Assert.True(span.Start >= 0 && span.End <= original.Length && span.Length > 0, $"char {i} maps to {span} in {Escape(original)}");
                previousStart = span.Start;
                previousEnd = span.End;
            }
        }, iter: 3000);

    [Fact]
    public void Every_span_lies_within_the_original_and_splits_no_surrogate_pair()
        => s_ranges.Sample(sample =>
        {
            TextSpan span = sample.Text.ToOriginal(sample.Start, sample.End);
            string original = sample.Original;
            Assert.InRange(span.Start, 0, original.Length);
            Assert.InRange(span.End, span.Start, original.Length);
            Assert.False(SplitsPair(original, span.Start), $"start of {span} splits a pair in {Escape(original)}");
            Assert.False(SplitsPair(original, span.End), $"end of {span} splits a pair in {Escape(original)}");
        }, iter: 5000);

    [Fact]
    public void A_span_mapped_back_normalizes_to_text_that_holds_the_range()
        => s_ranges.Sample(sample =>
        {
            string range = sample.Text.Text.Substring(sample.Start, sample.End - sample.Start);
            string back = sample.Text.OriginalText(sample.Start, sample.End);
            string again = NormalizedText.Normalize(back, TextNormalization.Arabic).Text;
            Assert.True(again.Contains(range.Trim(), StringComparison.Ordinal), $"'{Escape(range)}' not in '{Escape(again)}' (from '{Escape(back)}')");
        }, iter: 5000);

    [Fact]
    public void Normalizing_twice_changes_nothing()
        => s_texts.Sample(original =>
        {
            string once = NormalizedText.Normalize(original, TextNormalization.Arabic).Text;
            Assert.Equal(once, NormalizedText.Normalize(once, TextNormalization.Arabic).Text);
        }, iter: 5000);

    [Fact]
    public void To_normalized_inverts_to_original_at_the_start_of_every_char()
        => s_texts.Sample(original =>
        {
            NormalizedText text = NormalizedText.Normalize(original, TextNormalization.Arabic);
            for (int i = 0; i < text.Text.Length; i++)
            {
                int start = text.ToOriginal(i, i + 1).Start;

                // Chars made from one original cluster (ﻻ -> لا) share a start: the first one answers.
                int first = text.ToNormalized(start);
                Assert.True(first <= i && text.ToOriginal(first, first + 1).Start == start, $"char {i} of {Escape(original)}");
            }
        }, iter: 3000);

    private static bool SplitsPair(string text, int index)
        => index > 0 && index < text.Length && char.IsHighSurrogate(text[index - 1]) && char.IsLowSurrogate(text[index]);

    private static string Escape(string text)
    {
        var builder = new System.Text.StringBuilder();
        foreach (char c in text)
        {
            builder.Append(c is >= ' ' and < '\u007F' ? c.ToString() : $"\\u{(int)c:X4}");
        }

        return builder.ToString();
    }
}
