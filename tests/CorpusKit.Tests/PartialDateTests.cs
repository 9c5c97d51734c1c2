using System.Linq;

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

/// <summary>Hijri dates read as their Gregorian day (<c>hijri(year, month, day)</c> in a schema).</summary>
public sealed class HijriDateTests
{
    [Theory]
    [InlineData(1447, 5, 27, "2025-11-18")] // the Omani header of 18 November 2025
    [InlineData(1446, 9, 10, "2025-03-10")] // 10 Ramadan 1446
    [InlineData(1447, 3, 23, "2025-09-15")]
    [InlineData(1447, 6, 18, "2025-12-09")]
    [InlineData(1447, 1, 1, "2025-06-26")]  // a new year
    public void A_hijri_date_is_its_gregorian_day_by_umm_al_qura(int year, int month, int day, string expected)
        => Assert.Equal(expected, CorpusKit.CompilerServices.Captures.HijriDate(year, month, day)?.ToString());

    [Theory]
    [InlineData(1447, 13, 1)]    // no thirteenth month
    [InlineData(1447, 0, 1)]
    [InlineData(1447, 5, 0)]
    [InlineData(1447, 5, 31)]    // no month has 31 days
    [InlineData(1317, 1, 1)]     // before the calendar's range (1318 AH)
    [InlineData(1501, 1, 1)]     // after it (1500 AH)
    [InlineData(null, 5, 27)]    // a day and month without the year name no Gregorian day
    [InlineData(1447, null, 27)]
    [InlineData(1447, 5, null)]
    public void A_hijri_date_that_is_not_one_or_lacks_a_part_has_no_value(int? year, int? month, int? day)
        => Assert.Null(CorpusKit.CompilerServices.Captures.HijriDate(year, month, day));

    [Fact]
    public void A_day_past_a_month_of_29_days_has_no_value_where_the_30th_of_a_month_of_30_does()
    {
        var calendar = new System.Globalization.UmAlQuraCalendar();
        int shortMonth = Enumerable.Range(1, 12).First(m => calendar.GetDaysInMonth(1447, m) == 29);
        int longMonth = Enumerable.Range(1, 12).First(m => calendar.GetDaysInMonth(1447, m) == 30);

        Assert.Null(CorpusKit.CompilerServices.Captures.HijriDate(1447, shortMonth, 30));
        Assert.NotNull(CorpusKit.CompilerServices.Captures.HijriDate(1447, shortMonth, 29));
        Assert.NotNull(CorpusKit.CompilerServices.Captures.HijriDate(1447, longMonth, 30));
    }
}

/// <summary>Solar Hijri (Shamsi) dates read as their Gregorian day (<c>shamsi(year, month, day)</c> in a schema).</summary>
public sealed class ShamsiDateTests
{
    [Theory]
    [InlineData(1404, 1, 1, "2025-03-21")]   // Nowruz 1404
    [InlineData(1404, 8, 25, "2025-11-16")]  // 25 Aban
    [InlineData(1404, 9, 4, "2025-11-25")]   // 4 Azar
    [InlineData(1404, 2, 25, "2025-05-15")]  // 25 Ordibehesht
    [InlineData(1404, 6, 31, "2025-09-22")]  // the last of the six months of 31 days
    [InlineData(1403, 12, 30, "2025-03-20")] // 30 Esfand of a leap year, the eve of 1404
    public void A_shamsi_date_is_its_gregorian_day(int year, int month, int day, string expected)
        => Assert.Equal(expected, CorpusKit.CompilerServices.Captures.ShamsiDate(year, month, day)?.ToString());

    [Theory]
    [InlineData(1404, 7, 31)]   // Mehr has 30 days
    [InlineData(1404, 12, 30)]  // 1404 is a common year: Esfand has 29
    [InlineData(1404, 13, 1)]
    [InlineData(1404, 0, 1)]
    [InlineData(1404, 1, 0)]
    [InlineData(0, 1, 1)]
    [InlineData(null, 8, 25)]
    [InlineData(1404, null, 25)]
    [InlineData(1404, 8, null)]
    public void A_shamsi_date_that_is_not_one_or_lacks_a_part_has_no_value(int? year, int? month, int? day)
        => Assert.Null(CorpusKit.CompilerServices.Captures.ShamsiDate(year, month, day));
}
