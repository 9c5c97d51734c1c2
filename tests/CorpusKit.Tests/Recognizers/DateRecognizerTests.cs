using System;
using System.Collections.Generic;
using System.Linq;
using CorpusKit.Recognizers;
using Xunit;

namespace CorpusKit.Tests.Recognizers;

/// <summary><see cref="DateRecognizer"/> part by part: spans, orders, month names, choices between readings, edges, resolution.</summary>
public sealed class DateRecognizerTests
{
    private static readonly DateTimeOffset Tuesday = new(2013, 2, 12, 4, 30, 0, TimeSpan.FromHours(-2));
    private static readonly DateTimeOffset Friday = new(2017, 9, 1, 0, 0, 0, TimeSpan.Zero);

    private static DateMention One(string text, DateTimeOffset? reference = null)
    {
        IReadOnlyList<DateMention> found = DateRecognizer.Find(text, reference);
        return Assert.Single(found);
    }

    private static string Day(DateMention mention) => mention.Value!.Value.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("عاد بالأمس إلى موسكو", "الأمس")]
    [InlineData("ضمن هيئات التكامل لعام 2025", "عام 2025")]
    [InlineData("عدت للثاني والعشرين", "للثاني والعشرين")]
    [InlineData("وفي 3 آذار/مارس 2024 وقع الاتفاق", "3 آذار/مارس 2024")]
    [InlineData("سأعود يوم الاثنين 12 يناير 2016", "الاثنين 12 يناير 2016")]
    public void A_span_leaves_out_a_proclitic_and_a_preposition_but_keeps_a_fused_lam(string text, string span)
        => Assert.Equal(span, One(text, Tuesday).Text);

    [Theory]
    [InlineData("وقع في 18-10-2023 اتفاق", "2023-10-18")]
    [InlineData("في 2024/5/27 عقدت القمة", "2024-05-27")]
    [InlineData("بتاريخ ٢٠٢٣-٠٤-١١ صدر البيان", "2023-04-11")]
    [InlineData("في ١٢/٣/٢٠٢٤ التقى الوزيران", "2024-03-12")]
    [InlineData("سأعود 9-18-15", "2015-09-18")]
    public void Numeric_dates_read_day_first_unless_the_second_number_cannot_be_a_month(string text, string date)
        => Assert.Equal(date, One(text).Date.ToString());

    [Theory]
    [InlineData("في 5 جوان 2021", "2021-06-05")]
    [InlineData("منذ كانون الثاني 2025", "2025-01")]
    [InlineData("في الخامس من يونيو 2021", "2021-06-05")]
    [InlineData("في 8 كانون الأول/ديسمبر 1991", "1991-12-08")]
    [InlineData("في 12 يولو/تموز 2023", "2023-07-12")]
    [InlineData("في 1 أوت 2019", "2019-08-01")]
    [InlineData("حتى 15 شتنبر 2022", "2022-09-15")]
    [InlineData("الاثنين 15 دجمبر 2025", "2025-12-15")] // Mauritania's December and August
    [InlineData("في تقرير صدر في أغشت 2024", "2024-08")]
    [InlineData("10th, February 2024", "2024-02-10")]
    [InlineData("في سبتمبر الحادي والعشرين من ألف وتسعمائة وثمانية وسبعون", "1978-09-21")]
    public void Month_names_of_every_region_slash_pairs_and_years_in_words(string text, string date)
        => Assert.Equal(date, One(text).Date.ToString());

    [Fact]
    public void The_date_span_leaves_out_the_weekday_before_it()
    {
        const string text = "سأعود يوم الاثنين 12 يناير 2016";
        DateMention mention = One(text);
        Assert.Equal("12 يناير 2016", text.Substring(mention.DateSpan!.Value.Start, mention.DateSpan.Value.Length));
    }

    [Theory]
    [InlineData("قمة تموز\n\n21.05.2024 | 15:42 GMT", "21.05.2024", "2024-05-21")]
    [InlineData("قمة تموز\n21 نيسان 2024", "21 نيسان 2024", "2024-04-21")]
    [InlineData("وفي مايو\r\n15 عضوا", null, null)]
    public void An_expression_ends_at_a_line_break(string text, string? span, string? date)
    {
        // A headline's month and the dateline's day below it are not one date (a month then two
        // digits is a day of it on one line: the test above).
        IReadOnlyList<DateMention> found = DateRecognizer.Find(text);
        if (span is null)
        {
            Assert.DoesNotContain(found, mention => mention.Date is not null);
            return;
        }

        DateMention mention = Assert.Single(found, mention => mention.Date is not null);
        Assert.Equal(span, mention.Text);
        Assert.Equal(date, mention.Date.ToString());
    }

    [Fact]
    public void A_month_then_four_digits_is_a_month_and_year_and_then_two_digits_a_day()
    {
        Assert.Equal("2024-03", One("في مارس 2024 بدأت").Date.ToString());
        Assert.Equal("--05-15", One("في مايو 15 بدأت").Date.ToString());
    }

    [Theory]
    [InlineData("السبت الخامس", "السبت الخامس", "2017-09-30")]
    [InlineData("السبت السادس عشر", "السبت السادس عشر", "2017-09-16")]
    [InlineData("الأحد السادس", "الأحد", "2017-09-03")]
    [InlineData("الأحد العاشر", "الأحد", "2017-09-03")]
    [InlineData("الاثنين الحادي عشر", "الاثنين الحادي عشر", "2017-09-11")]
    public void An_ordinal_after_a_weekday_is_the_nth_up_to_five_a_day_past_ten_and_nothing_between(string text, string span, string day)
    {
        DateMention mention = One("سأعود " + text, Friday);
        Assert.Equal(span, mention.Text);
        Assert.Equal(day, Day(mention));
    }

    [Fact]
    public void A_fifth_weekday_a_month_lacks_has_no_value()
        => Assert.Null(One("سأعود الأحد الخامس", Friday).Value);

    [Theory]
    [InlineData("وهو اللقاء الأول منذ عام 2023.", "عام 2023", "2023")]
    [InlineData("وهو اللقاء الأول منذ عامين.", "منذ عامين", "")]
    public void A_year_word_before_a_year_names_the_year_not_an_amount(string text, string span, string date)
    {
        DateMention mention = One(text);
        Assert.Equal(span, mention.Text);
        Assert.Equal(date, mention.Date?.ToString() ?? "");
    }

    [Theory]
    [InlineData("عدت في 27.", "27")]
    [InlineData("عدت في 31", "31")]
    [InlineData("عدت يوم 21", "يوم 21")]
    public void A_bare_day_stands_only_after_a_preposition_at_a_clause_end(string text, string span)
        => Assert.Equal(span, One(text, Friday).Text);

    [Theory]
    [InlineData("عدت في 32.")]
    [InlineData("شارك في 22 دولة")]
    [InlineData("الجائزة الأولى")]
    [InlineData("سأذهب إلى الطابق الـ27")]
    [InlineData("الذكرى الخامسة والعشرين للعلاقات")]
    [InlineData("التقى رمضان قديروف بالوفد")]
    public void Not_a_date(string text)
        => Assert.Empty(DateRecognizer.Find(text, Friday));

    [Fact]
    public void Ramadan_with_its_year_is_the_month_of_fasting()
    {
        TimeValue value = One("رمضان 2019").Value!.Value;
        Assert.Equal(new DateTime(2019, 5, 6), value.Start);
        Assert.Equal(new DateTime(2019, 6, 4), value.End);
    }

    [Theory]
    [InlineData("الثلاثاء", "2013-02-19")]
    [InlineData("الاثنين", "2013-02-18")]
    [InlineData("الثلاثاء الماضي", "2013-02-05")]
    [InlineData("الاحد الماضي", "2013-02-10")]
    [InlineData("احد الاسبوع الماضي", "2013-02-10")]
    [InlineData("اخر اثنين من شهر اذار", "2013-03-25")]
    [InlineData("اول ثلاثاء من شهر عشرة", "2013-10-01")]
    [InlineData("بعد غد", "2013-02-14")]
    [InlineData("قبل يوم أمس", "2013-02-10")]
    [InlineData("قبل اسبوع", "2013-02-05")]
    public void Relative_days_resolve_against_the_reference(string text, string day)
        => Assert.Equal(day, Day(One(text, Tuesday)));

    [Fact]
    public void The_first_and_last_weeks_of_a_month_are_whole_weeks_from_monday()
    {
        Assert.Equal(new TimeValue(new DateTime(2014, 10, 6), null, TimeGrain.Week), One("الاسبوع الاول من شهر عشرة 2014", Tuesday).Value);
        Assert.Equal(new TimeValue(new DateTime(2014, 9, 22), null, TimeGrain.Week), One("اخر اسبوع في سبتمبر لعام 2014", Tuesday).Value);
    }

    [Theory]
    [InlineData("الساعة 3", 15, 0)]
    [InlineData("الساعة 3 صباحا", 3, 0)]
    [InlineData("الساعة 5", 5, 0)]
    [InlineData("الساعة الثالثة وربع العصر", 15, 15)]
    [InlineData("الساعة 12 الا ربع قبل الظهر", 11, 45)]
    [InlineData("12:30 ظهرا", 12, 30)]
    public void An_hour_without_a_part_of_the_day_is_the_next_one_at_or_after_the_reference(string text, int hour, int minute)
    {
        DateTime start = One(text, Tuesday).Value!.Value.Start;
        Assert.Equal((hour, minute), (start.Hour, start.Minute));
    }

    [Fact]
    public void A_time_zone_moves_the_time_to_the_reference_offset()
        => Assert.Equal(new DateTime(2013, 2, 14, 6, 0, 0), One("الخميس الساعة 8 بتوقيت GMT", Tuesday).Value!.Value.Start);

    [Fact]
    public void Without_a_reference_a_relative_expression_has_no_value_and_an_absolute_date_has_one()
    {
        IReadOnlyList<DateMention> found = DateRecognizer.Find("غدا يبدأ الاجتماع الذي أُعلن في 12 يناير 2016");
        Assert.Equal(2, found.Count);
        Assert.True(found[0].IsRelative);
        Assert.Null(found[0].Value);
        Assert.False(found[1].IsRelative);
        Assert.Equal(new DateTime(2016, 1, 12), found[1].Value!.Value.Start);
    }

    [Fact]
    public void Intervals_of_days_run_to_the_day_after_the_last()
    {
        TimeValue value = One("من 13 الى 15 تموز", Tuesday).Value!.Value;
        Assert.Equal(new DateTime(2013, 7, 13), value.Start);
        Assert.Equal(new DateTime(2013, 7, 16), value.End);
    }

    [Fact]
    public void Spans_point_into_the_original_text_through_diacritics_and_tatweel()
    {
        const string text = "في الخامِسَ مِن يُونـيو ٢٠٢١ انعقد";
        DateMention mention = One(text);
        Assert.Equal("الخامِسَ مِن يُونـيو ٢٠٢١", mention.Text);
        Assert.Equal("2021-06-05", mention.Date.ToString());
    }
}
