using System;
using System.Globalization;

namespace CorpusKit.Recognizers;

/// <summary>
/// The holidays the date grammar knows, by the Gregorian year they fall in: Christmas and Easter
/// (Western), and the Islamic ones by the Umm al-Qura calendar that <see cref="UmAlQuraCalendar"/>
/// holds (the official calendar of Saudi Arabia; local sightings may differ by a day).
/// </summary>
internal static class Holidays
{
    public const string Christmas = "christmas";
    public const string Easter = "easter";
    public const string EidAlFitr = "eid-al-fitr";
    public const string EidAlAdha = "eid-al-adha";
    public const string HijriNewYear = "hijri-new-year";
    public const string Ramadan = "ramadan";

    private static readonly UmAlQuraCalendar s_hijri = new();

    public static TimeValue? Resolve(string holiday, int year)
    {
        if (year < 1900 || year > 2076)
        {
            return null;
        }

        switch (holiday)
        {
            case Christmas:
                return Day(new DateTime(year, 12, 25));
            case Easter:
                return Day(WesternEaster(year));
            case EidAlFitr:
                return Day(Hijri(year, 10, 1));
            case EidAlAdha:
                return Day(Hijri(year, 12, 10));
            case HijriNewYear:
                return Day(Hijri(year, 1, 1));
            case Ramadan:
                DateTime start = Hijri(year, 9, 1);
                return new TimeValue(start, s_hijri.AddMonths(start, 1), TimeGrain.Day);
            default:
                return null;
        }
    }

    private static TimeValue Day(DateTime date) => new(date, null, TimeGrain.Day);

    /// <summary>The Gregorian date of the Hijri month and day that falls in Gregorian <paramref name="year"/> (the first, if two do).</summary>
    private static DateTime Hijri(int year, int month, int day)
    {
        int hijriYear = s_hijri.GetYear(new DateTime(year, 1, 1));
        for (int y = hijriYear; y <= hijriYear + 1; y++)
        {
            DateTime date = s_hijri.ToDateTime(y, month, day, 0, 0, 0, 0);
            if (date.Year == year)
            {
                return date;
            }
        }

        return s_hijri.ToDateTime(hijriYear + 1, month, day, 0, 0, 0, 0);
    }

    /// <summary>Western Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).</summary>
    private static DateTime WesternEaster(int year)
    {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = ((19 * a) + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        int m = (a + (11 * h) + (22 * l)) / 451;
        int month = (h + l - (7 * m) + 114) / 31;
        int day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateTime(year, month, day);
    }
}
