using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;

namespace CorpusKit.Tests;

/// <summary>
/// The normalizer's table path and sparse offset map against the dense reference (every char with
/// its own range, one cluster at a time): same text, same range for every char, same answers
/// from <see cref="NormalizedText.ToNormalized"/> for every original index; and masking.
/// </summary>
public sealed class OffsetMapTests
{
    private static readonly string[] s_pieces =
    [
        "ل", "ا", "ف", "ر", "و", "ب", "س", "ي", "ة", "م", "ن", "ع", "ال",
        "أ", "إ", "آ", "ٱ", "ى", "ی", "ک", "ؤ", "ئ", "ا\u0654", "و\u0654",
        "\u064B", "\u064E", "\u0651", "\u0670", "\u0654", "\u0653", "ـ", "\u0610",
        "١", "٢", "۱", "٫", "३", "߃", "3", "A", "Z", "z", "É", "e\u0301", "\u0301",
        "ﻻ", "ﷲ", "ﺍ", "\u00A8", "\u2026", "\uFF21",
        " ", "  ", "\u00A0", "\n", "\r\n", "\t", " \n ", "\u200F", "\u200C", "\uFEFF", "\u0000",
        "«", "»", "“", "”", "\"", ".", "،", "؟", ":",
        "😀", "𝐀", "\uD800", "\uDC00",
    ];

    private static readonly Gen<string> s_texts =
        Gen.OneOf(s_pieces).Array[0, 80].Select(pieces => string.Concat(pieces));

    /// <summary>
    /// Long texts made mostly of what the normalizer maps eight chars at a time (every Arabic letter
    /// from ء to ي, printable ASCII, lone spaces), broken now and then by a piece that is not (a
    /// double space, a mark, a line break, tatweel): blocks end, fail and resume at every offset.
    /// </summary>
    private static readonly Gen<string> s_blockTexts =
        Gen.Frequency(
            (24, Gen.Char['\u0621', '\u064A'].Select(c => c.ToString())),
            (8, Gen.Char['!', '~'].Select(c => c.ToString())),
            (6, Gen.Const(" ")),
            (3, Gen.OneOf(s_pieces.Select(Gen.Const).ToArray())))
        .Array[0, 240].Select(pieces => string.Concat(pieces));

    [Fact]
    public void The_sparse_map_gives_every_char_the_range_of_the_dense_reference()
        => s_texts.Sample(original => AssertSameAsReference(original), iter: 5000);

    [Fact]
    public void Long_runs_of_letters_ascii_and_lone_spaces_map_as_the_dense_reference_does()
        => s_blockTexts.Sample(original => AssertSameAsReference(original), iter: 3000);

    [Fact]
    public void The_seeds_map_as_the_dense_reference_does_and_need_few_anchors()
    {
        foreach (string seed in Seeds.Names)
        {
            string original = Seeds.Read(seed);
            AssertSameAsReference(original);
            int anchors = NormalizedText.Normalize(original, TextNormalization.Arabic).AnchorCount;
            Assert.True(anchors * 20 < original.Length, $"{seed}: {anchors} anchors for {original.Length} chars");
        }
    }

    [Fact]
    public void Lookups_in_order_that_carry_their_place_answer_as_a_lookup_from_scratch()
    {
        // Indexes that mostly rise (as a document's lines do), now and then fall back or repeat.
        Gen<(string Text, int[] Steps)> cases = s_texts.SelectMany(text => Gen.Int[-6, 9].Array[1, 40].Select(steps => (text, steps)));
        cases.Sample(c =>
        {
            NormalizedText text = NormalizedText.Normalize(c.Text, TextNormalization.Arabic);
            int ended = 0;
            int index = 0;
            foreach (int step in c.Steps)
            {
                index = Math.Clamp(index + step, 0, c.Text.Length);
                Assert.Equal(text.ToNormalized(index), NormalizedText.ToNormalized(text.Map, index, text.Length, ref ended));
            }
        }, iter: 5000);
    }

    [Fact]
    public void A_text_that_needs_no_change_has_no_map()
    {
        NormalizedText text = NormalizedText.Normalize("قال وزير الخارجية 12 مرة", TextNormalization.Arabic);

        Assert.Equal(0, text.AnchorCount);
        Assert.Equal(new TextSpan(4, 4), text.ToOriginal(4, 8));
        Assert.Equal(7, text.ToNormalized(7));
    }

    [Theory]
    [InlineData("أحمد  وعلي", 0)] // a letter mapped in place shifts nothing; the double space does
    [InlineData("\uFEFFروسيا", 1)] // a removed first char
    [InlineData("أيضاً قال", 1)] // tanween on the last letter of a word
    [InlineData("ﻻ", 1)] // an expansion: the second char repeats the source of the first
    public void Anchors_stand_where_offsets_shift(string original, int expectedBeforeSpaces)
    {
        NormalizedText text = NormalizedText.Normalize(original, TextNormalization.Arabic);
        int spaces = original.Contains("  ", StringComparison.Ordinal) ? 1 : 0;

        Assert.Equal(expectedBeforeSpaces + spaces, text.AnchorCount);
        AssertSameAsReference(original);
    }

    [Fact]
    public void Words_are_counted_as_in_the_normalized_text_without_making_it()
        => s_texts.Sample(original =>
        {
            Assert.Equal(CountRuns(NormalizedText.Normalize(original, TextNormalization.Arabic).Text), NormalizedText.CountWords(original, TextNormalization.Arabic));
            Assert.Equal(CountRuns(original), NormalizedText.CountWords(original, TextNormalization.None));
        }, iter: 5000);

    [Fact]
    public void Digits_outside_ascii_are_noticed_and_arabic_indic_ones_are_not_left()
    {
        Assert.False(NormalizedText.Normalize("في ٢٠٢٤ و۱۴۰۳", TextNormalization.Arabic).HasOtherDigits);
        Assert.True(NormalizedText.Normalize("वर्ष २०२४", TextNormalization.Arabic).HasOtherDigits);
        Assert.True(NormalizedText.Normalize("٢٠٢٤", TextNormalization.None).HasOtherDigits);
        Assert.False(NormalizedText.Normalize("year 2024", TextNormalization.None).HasOtherDigits);
    }

    [Fact]
    public void Masking_blanks_exactly_the_chars_whose_source_lies_inside_a_range()
        => (from original in s_texts
            from a in Gen.Int[0, original.Length]
            from b in Gen.Int[0, original.Length]
            from c in Gen.Int[0, original.Length]
            from d in Gen.Int[0, original.Length]
            select (original, Spans(a, b, c, d)))
        .Sample(sample =>
        {
            NormalizedText text = NormalizedText.Normalize(sample.original, TextNormalization.Arabic);
            string masked = text.Masked(sample.Item2).Text;
            Assert.Equal(text.Text.Length, masked.Length);
            for (int i = 0; i < masked.Length; i++)
            {
                TextSpan source = text.ToOriginal(i, i + 1);
                bool inside = sample.Item2.Exists(s => s.Contains(source));
                char expected = inside && text.Text[i] != '\n' ? ' ' : text.Text[i];
                Assert.True(expected == masked[i], $"char {i} of {Escape(sample.original)} masked by {string.Join(", ", sample.Item2)}");
            }
        }, iter: 3000);

    [Fact]
    public void Masking_with_ranges_that_overlap_nest_and_touch_blanks_the_chars_of_each_and_masks_again_as_one()
        => (from original in s_texts
            from cuts in Gen.Int[0, original.Length].Array[0, 10]
            from split in Gen.Int[0, 5]
            select (original, Ranges(cuts), split))
        .Sample(sample =>
        {
            (string original, List<TextSpan> ranges, int split) = sample;
            NormalizedText text = NormalizedText.Normalize(original, TextNormalization.Arabic);
            string masked = text.Masked(ranges).Text;
            for (int i = 0; i < masked.Length; i++)
            {
                TextSpan source = text.ToOriginal(i, i + 1);
                bool inside = ranges.Exists(s => s.Contains(source));
                char expected = inside && text.Text[i] != '\n' ? ' ' : text.Text[i];
                Assert.True(expected == masked[i], $"char {i} of {Escape(original)} masked by {string.Join(", ", ranges)}");
            }

            // Masked with some ranges, then with the others: what ExtractionContext.Exclude does on a second call.
            List<TextSpan> first = ranges.Where((_, i) => i % 5 < split).ToList();
            List<TextSpan> second = ranges.Where((_, i) => i % 5 >= split).ToList();
            Assert.Equal(masked, text.Masked(first).Masked(second).Text);
        }, iter: 3000);

    /// <summary>Ranges between pairs of cut points, sorted by start: they may overlap, nest, touch and repeat.</summary>
    private static List<TextSpan> Ranges(int[] cuts)
    {
        var ranges = new List<TextSpan>();
        for (int i = 0; i + 1 < cuts.Length; i += 2)
        {
            ranges.Add(TextSpan.FromBounds(Math.Min(cuts[i], cuts[i + 1]), Math.Max(cuts[i], cuts[i + 1])));
        }

        ranges.Sort();
        return ranges;
    }

    /// <summary>Two sorted, non-overlapping ranges from four cut points.</summary>
    private static List<TextSpan> Spans(int a, int b, int c, int d)
    {
        int[] cuts = [a, b, c, d];
        Array.Sort(cuts);
        return [TextSpan.FromBounds(cuts[0], cuts[1]), TextSpan.FromBounds(cuts[2], cuts[3])];
    }

    private static void AssertSameAsReference(string original)
    {
        string expected = DenseReferenceNormalizer.NormalizeArabic(original, out int[] starts, out int[] ends);
        NormalizedText text = NormalizedText.Normalize(original, TextNormalization.Arabic);
        Assert.Equal(expected, text.Text);
        for (int i = 0; i < expected.Length; i++)
        {
            TextSpan span = text.ToOriginal(i, i + 1);
            Assert.True(span.Start == starts[i] && span.End == ends[i], $"char {i} of {Escape(original)}: {span}, reference [{starts[i]}..{ends[i]})");
        }

        for (int index = 0; index <= original.Length; index++)
        {
            // The reference: the first normalized char whose source ends after the index.
            int reference = 0;
            while (reference < expected.Length && ends[reference] <= index)
            {
                reference++;
            }

            Assert.True(reference == text.ToNormalized(index), $"original index {index} of {Escape(original)}: {text.ToNormalized(index)}, reference {reference}");
        }
    }

    private static int CountRuns(string text)
    {
        int runs = 0;
        bool inRun = false;
        foreach (char c in text)
        {
            bool letter = char.IsLetterOrDigit(c);
            runs += letter && !inRun ? 1 : 0;
            inRun = letter;
        }

        return runs;
    }

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
