namespace CorpusKit.Tests;

/// <summary>A partial date's ISO form: each shape, the bounds of the year, and the string shared between equal dates.</summary>
public sealed class PartialDateTests
{
    [Theory]
    [InlineData(1991, 12, 8, "1991-12-08")]
    [InlineData(2024, 5, null, "2024-05")]
    [InlineData(null, 2, 10, "--02-10")]
    [InlineData(2025, null, null, "2025")]
    [InlineData(1, 1, 1, "0001-01-01")]
    [InlineData(9999, 12, 31, "9999-12-31")]
    public void Each_shape_writes_its_iso_form_and_reads_back(int? year, int? month, int? day, string expected)
    {
        PartialDate date = PartialDate.Create(year, month, day);

        Assert.Equal(expected, date.ToString());
        Assert.True(PartialDate.TryParse(date.ToString(), out PartialDate read));
        Assert.Equal(date, read);
    }

    [Fact]
    public void The_default_date_writes_nothing_and_equal_dates_share_their_string()
    {
        Assert.Equal(string.Empty, default(PartialDate).ToString());
        Assert.Same(PartialDate.Create(2023, 7, 12).ToString(), PartialDate.Create(2023, 7, 12).ToString());
        Assert.NotEqual(PartialDate.Create(2023, 7, 12).ToString(), PartialDate.Create(2023, 7, null).ToString());
    }
}
