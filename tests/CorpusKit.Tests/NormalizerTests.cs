using System.Globalization;
using System.Text;
using CorpusKit.Text;

namespace CorpusKit.Tests;

public sealed class NormalizerTests
{
    [Theory]
    [InlineData("أَحْمَد", "احمد")]                  // harakat removed, hamza alef unified
    [InlineData("إسـلام", "اسلام")]                 // tatweel removed
    [InlineData("مستشفى", "مستشفي")]                // alef maksura -> yeh
    [InlineData("تسنیم کرملین", "تسنيم كرملين")]     // Persian yeh and keheh
    [InlineData("١٢ يوليو ٢٠٢٣", "12 يوليو 2023")]  // Arabic-Indic digits
    [InlineData("۱۴۰۲", "1402")]                     // Persian digits
    [InlineData("NATO\u00A0 Summit", "nato summit")] // NBSP run, case folded
    [InlineData("ﻻ", "لا")]                          // presentation form (NFKC)
    [InlineData("a\u200F \u200F b", "a b")]          // bidi marks inside a space run
    public void Normalizes_like_the_schema_language_says(string input, string expected)
        => Assert.Equal(expected, NormalizedText.Normalize(input, TextNormalization.Arabic).Text);

    [Fact]
    public void Maps_every_normalized_span_back_into_the_original()
    {
        string original = "وزيرُ الخارجيّة  الروسيّ";
        NormalizedText text = NormalizedText.Normalize(original, TextNormalization.Arabic);

        Assert.Equal("وزير الخارجية الروسي", text.Text);
        int start = text.Text.IndexOf("الخارجية", System.StringComparison.Ordinal);
        TextSpan span = text.ToOriginal(start, start + "الخارجية".Length);
        Assert.Equal("الخارجيّة", original.Substring(span.Start, span.Length));
        Assert.Equal(start, text.ToNormalized(span.Start));
    }

    /// <summary>
    /// A tatweel belongs to the letter before it, as its diacritics do: a span that ends at that
    /// letter ends after the tatweel (the era sign of <c>١٤٤٧هـ</c>), and one that begins after it
    /// begins at the next char. A tatweel after a space, drawing out nothing, goes with no char.
    /// </summary>
    [Theory]
    [InlineData("في ١٤٤٧هـ - ١٨", "1447ه", "١٤٤٧هـ")]
    [InlineData("عـــربيّ اليوم", "عربي", "عـــربيّ")]
    [InlineData("تبليسي ـ «القدس»", "القدس", "القدس")]
    [InlineData("هـَـ و", "ه", "هـَـ")]
    public void A_tatweel_goes_with_the_letter_before_it(string original, string normalized, string mapped)
    {
        NormalizedText text = NormalizedText.Normalize(original, TextNormalization.Arabic);
        int start = text.Text.IndexOf(normalized, System.StringComparison.Ordinal);

        TextSpan span = text.ToOriginal(start, start + normalized.Length);

        Assert.Equal(mapped, original.Substring(span.Start, span.Length));
        Assert.Equal(start, text.ToNormalized(span.Start));
    }

    [Fact]
    public void Normalizing_twice_changes_nothing_on_the_seeds()
    {
        foreach (string seed in new[] { "000", "001", "002", "003", "004" })
        {
            string once = NormalizedText.Normalize(Seeds.Read(seed), TextNormalization.Arabic).Text;
            Assert.Equal(once, NormalizedText.Normalize(once, TextNormalization.Arabic).Text);
        }
    }

    [Fact]
    public void The_compatibility_table_agrees_with_icu()
    {
        foreach ((char first, char last) in CompatibilityTable.Ranges)
        {
            for (int c = first; c <= last; c++)
            {
                string single = ((char)c).ToString();
                if (char.IsSurrogate((char)c) || CharUnicodeInfo.GetUnicodeCategory((char)c) == UnicodeCategory.OtherNotAssigned)
                {
                    continue;
                }

                string expected = single.Normalize(NormalizationForm.FormKC);
                Assert.Equal(expected == single ? null : expected, CompatibilityTable.Lookup((char)c));
            }
        }
    }
}
