using System.Collections.Generic;
using System.Linq;
using CorpusKit.Recognizers;
using Xunit;

namespace CorpusKit.Tests.Recognizers;

/// <summary><see cref="NumberRecognizer"/> part by part: words, digits, separators, ordinals, where one number ends.</summary>
public sealed class NumberRecognizerTests
{
    private static (string Text, decimal Value, bool Ordinal)[] Found(string text)
        => NumberRecognizer.Find(text).Select(m => (m.Text, m.Value, m.IsOrdinal)).ToArray();

    [Theory]
    [InlineData("ألف وتسعمائة وثمانية وسبعون", 1978)]
    [InlineData("ثلاثة عشر", 13)]
    [InlineData("عشرة", 10)]
    [InlineData("إحدى عشرة", 11)]
    [InlineData("خمسمائة و خمسة و عشرون", 525)]
    [InlineData("ثلاث مئة", 300)]
    [InlineData("ثلاثة آلاف", 3000)]
    [InlineData("مليونان", 2000000)]
    [InlineData("ألف وتسعمائة وثمانية وسبعون مليون", 1978000000)]
    [InlineData("مليون ومئة ألف", 1100000)]
    [InlineData("متين تلاتة وستين", 263)]
    [InlineData("twenty-one", 21)]
    public void Cardinals_in_words(string text, int value)
        => Assert.Equal((text, (decimal)value, false), Assert.Single(Found(text)));

    [Theory]
    [InlineData("١٠٠٬٠٠٠٫٥", "100000.5")]
    [InlineData("1,000,000", "1000000")]
    [InlineData("-1.2", "-1.2")]
    [InlineData("٧٧/١٠٠", "0.77")]
    [InlineData(".77", "0.77")]
    [InlineData("3 ملايين", "3000000")]
    [InlineData("100 الف", "100000")]
    [InlineData("1 فاصلة 1", "1.1")]
    public void Digits_with_separators_signs_fractions_and_scales(string text, string value)
        => Assert.Equal(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), Assert.Single(Found(text)).Value);

    [Fact]
    public void Two_units_side_by_side_are_two_numbers()
        => Assert.Equal([("خمسة", 5m, false), ("ستة", 6m, false)], Found("خمسة ستة"));

    [Fact]
    public void A_teen_head_alone_is_not_a_number()
        => Assert.Empty(Found("أحد الوزراء"));

    [Theory]
    [InlineData("الحادي والعشرين", 21)]
    [InlineData("الثالثة عشرة", 13)]
    [InlineData("التسعين", 90)]
    [InlineData("الواحد والثلاثون", 31)]
    [InlineData("third", 3)]
    public void Ordinals(string text, int value)
        => Assert.Equal((text, (decimal)value, true), Assert.Single(Found(text)));

    [Fact]
    public void A_unit_with_the_article_alone_is_a_cardinal()
        => Assert.Equal(("الخمسة", 5m, false), Assert.Single(Found("الخمسة")));

    [Fact]
    public void A_conjunction_stays_out_of_the_span()
        => Assert.Equal([("ثلاثة", 3m, false), ("خمسة", 5m, false)], Found("ثلاثة كتب وخمسة أقلام"));
}
