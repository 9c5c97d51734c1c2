using System;
using System.Collections.Generic;
using System.Globalization;

namespace CorpusKit.Recognizers;

/// <summary>Where in a day a time of day stands, as the text says it.</summary>
internal enum DayPeriod : byte
{
    None,

    /// <summary>Morning, dawn, before noon: hours stay as written (12 is midnight).</summary>
    Morning,

    /// <summary>Noon: 12 stays, 1 to 5 are afternoon hours.</summary>
    Noon,

    /// <summary>Afternoon, evening, night: hours before 12 move on by 12.</summary>
    Evening,
}

/// <summary>A part of a month (<c>أوائل</c>, <c>منتصف</c>, <c>أواخر</c>, <c>بداية</c>).</summary>
internal enum MonthPart : byte
{
    None,
    Beginning,
    Early,
    Middle,
    Late,
}

/// <summary>
/// What a time expression says, before it is resolved against a reference: the parts the
/// grammar read. Each production fills the parts it reads; <see cref="Resolve"/> turns them into
/// a <see cref="TimeValue"/>.
/// </summary>
internal sealed class When
{
    public int? Year;
    public int? Month;
    public int? Day;
    public DayOfWeek? Weekday;

    /// <summary>Days from the reference's day (<c>غدا</c> +1, <c>أمس</c> −1, <c>اليوم</c> 0).</summary>
    public int? DayShift;

    /// <summary>The week, month or year from the reference's (this 0, next +1, last −1).</summary>
    public int? WeekShift;
    public int? MonthShift;
    public int? YearShift;

    /// <summary>A weekday's direction alone (<c>الأحد الماضي</c> −1, <c>الأحد القادم</c> +1).</summary>
    public int WeekdayDirection;

    /// <summary>The n-th weekday of the month (−1 the last one).</summary>
    public int? NthWeekday;

    /// <summary>The n-th week of the month (1 the first, −1 the last).</summary>
    public int? NthWeek;

    /// <summary>The month's last day.</summary>
    public bool LastDayOfMonth;

    public MonthPart Part;

    /// <summary>Amounts of time before (negative) or after the reference: (amount, unit) each.</summary>
    public List<(int Amount, TimeGrain Unit)>? Offset;

    /// <summary>From the reference up to this amount of time later (<c>خلال أسبوعين</c>).</summary>
    public (int Amount, TimeGrain Unit)? Within;

    public int? Hour;
    public int? Minute;
    public int? Second;
    public DayPeriod Period;

    /// <summary>The time zone the time of day is given in, as an offset from UTC.</summary>
    public TimeSpan? Zone;

    /// <summary>The moment of the reference itself (<c>الآن</c>).</summary>
    public bool Now;

    /// <summary>The evening of the day (<c>الليلة</c>): 18:00 to midnight.</summary>
    public bool Tonight;

    public string? Holiday;

    /// <summary>The interval's other end: this value is its start; <see cref="To"/> its last part, included.</summary>
    public When? To;

    /// <summary>From the reference up to this value (<c>حتى الساعة 2</c>).</summary>
    public bool Until;

    /// <summary>
    /// The tokens of the calendar date within the expression (<c>12 يناير 2016</c> in
    /// <c>الاثنين 12 يناير 2016</c>), and the proclitic chars its first token leaves out; −1 when
    /// the expression has none.
    /// </summary>
    public int CoreStart = -1;
    public int CoreEnd;
    public int CoreSkip;

    /// <summary>Whether the value depends on when the text was written (no year, a weekday, a shift).</summary>
    public bool IsRelative
        => Year is null && (Month is not null || Day is not null || Weekday is not null || NthWeekday is not null || Hour is not null || Holiday is not null)
           || DayShift is not null || WeekShift is not null || MonthShift is not null || YearShift is not null
           || Offset is not null || Within is not null || Now || Tonight || Until || (To?.IsRelative ?? false);

    public bool HasDate
        => Year is not null || Month is not null || Day is not null || Weekday is not null || DayShift is not null
           || WeekShift is not null || MonthShift is not null || YearShift is not null || NthWeekday is not null
           || Holiday is not null || Offset is not null || Part != MonthPart.None || LastDayOfMonth || NthWeek is not null;

    public bool HasTime => Hour is not null;

    /// <summary>The calendar date the text gives by itself (no reference), when it has that shape.</summary>
    public PartialDate? CalendarDate()
    {
        if (To is not null || Offset is not null || NthWeekday is not null || NthWeek is not null || LastDayOfMonth
            || Part != MonthPart.None || Holiday is not null || MonthShift is not null || YearShift is not null)
        {
            return null;
        }

        return PartialDate.TryCreate(Year, Month, Day, out PartialDate date) ? date : null;
    }

    /// <summary>Copies the parts of <paramref name="other"/> that this one lacks.</summary>
    public When Merge(When other)
    {
        Year ??= other.Year;
        Month ??= other.Month;
        Day ??= other.Day;
        Weekday ??= other.Weekday;
        DayShift ??= other.DayShift;
        WeekShift ??= other.WeekShift;
        MonthShift ??= other.MonthShift;
        YearShift ??= other.YearShift;
        WeekdayDirection = WeekdayDirection != 0 ? WeekdayDirection : other.WeekdayDirection;
        NthWeekday ??= other.NthWeekday;
        NthWeek ??= other.NthWeek;
        LastDayOfMonth |= other.LastDayOfMonth;
        Part = Part != MonthPart.None ? Part : other.Part;
        Offset ??= other.Offset;
        Hour ??= other.Hour;
        Minute ??= other.Minute;
        Second ??= other.Second;
        Period = Period != DayPeriod.None ? Period : other.Period;
        Zone ??= other.Zone;
        Holiday ??= other.Holiday;
        Tonight |= other.Tonight;
        if (CoreStart < 0)
        {
            (CoreStart, CoreEnd, CoreSkip) = (other.CoreStart, other.CoreEnd, other.CoreSkip);
        }

        return this;
    }

    /// <summary>Resolves the expression against <paramref name="reference"/>; null when its parts do not form a value.</summary>
    public TimeValue? Resolve(DateTimeOffset reference)
    {
        DateTime now = reference.DateTime;
        if (Until)
        {
            return To?.Resolve(reference) is { } until ? new TimeValue(now, until.Start, TimeGrain.Second) : null;
        }

        if (Within is { } within)
        {
            return new TimeValue(now, Add(now.Date, within.Amount, within.Unit), TimeGrain.Second);
        }

        if (To is not null)
        {
            if (ResolveOne(reference) is not { } from || To.Resolve(reference) is not { } to)
            {
                return null;
            }

            return new TimeValue(from.Start, to.End ?? Add(to.Start, 1, to.Grain), from.Grain);
        }

        return ResolveOne(reference);
    }

    /// <summary>Resolves the expression's own parts: an instant, or the interval a single part names (<c>الليلة</c>, <c>أوائل مارس</c>).</summary>
    private TimeValue? ResolveOne(DateTimeOffset reference)
    {
        DateTime now = reference.DateTime;
        if (Now)
        {
            return new TimeValue(now, null, TimeGrain.Second);
        }

        if (ResolveDay(reference) is not { } day)
        {
            return null;
        }

        if (Tonight)
        {
            DateTime evening = day.Start.Date.AddHours(18);
            return new TimeValue(evening, day.Start.Date.AddDays(1), TimeGrain.Hour);
        }

        if (Hour is not { } hour)
        {
            return day;
        }

        int h = hour;
        switch (Period)
        {
            case DayPeriod.Morning when h == 12 && Minute is null:
                h = 0;
                break;
            case DayPeriod.Noon when h is >= 1 and <= 5:
            case DayPeriod.Evening when h < 12:
                h += 12;
                break;
            case DayPeriod.None when h is >= 1 and <= 11 && !HasDate && Zone is null
                && new TimeSpan(h, Minute ?? 0, Second ?? 0) < now.TimeOfDay:
                // A bare hour already past today is the afternoon's (at 04:30, الساعة 3 is 15:00).
                h += 12;
                break;
        }

        if (h > 24 || Minute is > 59 || Second is > 59)
        {
            return null;
        }

        DateTime at = day.Start.Date.AddHours(h).AddMinutes(Minute ?? 0).AddSeconds(Second ?? 0);
        TimeGrain grain = Second is not null ? TimeGrain.Second : Minute is not null ? TimeGrain.Minute : TimeGrain.Hour;
        if (Zone is { } zone)
        {
            at = at - zone + reference.Offset;
            grain = grain == TimeGrain.Hour ? TimeGrain.Minute : grain;
        }

        return new TimeValue(at, null, grain);
    }

    /// <summary>The day, week, month or year the date parts name (today when they name none).</summary>
    private TimeValue? ResolveDay(DateTimeOffset reference)
    {
        DateTime today = reference.DateTime.Date;
        if (Holiday is not null)
        {
            return Holidays.Resolve(Holiday, Year ?? today.Year);
        }

        if (Offset is { } offset)
        {
            DateTime at = today;
            foreach ((int amount, TimeGrain unit) in offset)
            {
                at = Add(at, amount, unit);
            }

            return new TimeValue(at, null, TimeGrain.Day);
        }

        if (DayShift is { } shift)
        {
            return new TimeValue(today.AddDays(shift), null, TimeGrain.Day);
        }

        int year = (Year ?? today.Year) + (YearShift ?? 0);
        if (Year is null && YearShift is not null && Month is null && MonthShift is null)
        {
            return new TimeValue(new DateTime(year, 1, 1), null, TimeGrain.Year);
        }

        int? month = Month;
        if (MonthShift is { } monthShift)
        {
            DateTime shifted = new DateTime(today.Year, today.Month, 1).AddMonths(monthShift);
            year = shifted.Year;
            month = shifted.Month;
        }

        if (WeekShift is { } weekShift)
        {
            DateTime monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7)).AddDays(7 * weekShift);
            return Weekday is { } weekday
                ? new TimeValue(monday.AddDays(((int)weekday + 6) % 7), null, TimeGrain.Day)
                : new TimeValue(monday, null, TimeGrain.Week);
        }

        if (month is { } m && (m < 1 || m > 12))
        {
            return null;
        }

        if (NthWeekday is { } nth && Weekday is { } nthDay)
        {
            int mm = month ?? today.Month;
            DateTime first = new(year, mm, 1);
            if (nth > 0)
            {
                DateTime found = first.AddDays(((int)nthDay - (int)first.DayOfWeek + 7) % 7).AddDays(7 * (nth - 1));
                return found.Month == mm ? new TimeValue(found, null, TimeGrain.Day) : null;
            }

            DateTime last = first.AddMonths(1).AddDays(-1);
            return new TimeValue(last.AddDays(-(((int)last.DayOfWeek - (int)nthDay + 7) % 7)), null, TimeGrain.Day);
        }

        if (NthWeek is { } week && month is { } weekMonth)
        {
            DateTime first = new(year, weekMonth, 1);
            DateTime firstMonday = first.AddDays(((int)DayOfWeek.Monday - (int)first.DayOfWeek + 7) % 7);
            if (week > 0)
            {
                return new TimeValue(firstMonday.AddDays(7 * (week - 1)), null, TimeGrain.Week);
            }

            DateTime lastDay = first.AddMonths(1).AddDays(-1);
            DateTime lastMonday = lastDay.AddDays(-(((int)lastDay.DayOfWeek + 6) % 7));
            return new TimeValue(lastMonday.AddDays(6) > lastDay ? lastMonday.AddDays(-7) : lastMonday, null, TimeGrain.Week);
        }

        if (month is { } mo)
        {
            int days = DateTime.DaysInMonth(year, mo);
            if (LastDayOfMonth)
            {
                return new TimeValue(new DateTime(year, mo, days), null, TimeGrain.Day);
            }

            switch (Part)
            {
                case MonthPart.Beginning:
                    return new TimeValue(new DateTime(year, mo, 1), null, TimeGrain.Day);
                case MonthPart.Middle:
                    return new TimeValue(new DateTime(year, mo, 15), null, TimeGrain.Day);
                case MonthPart.Early:
                    return new TimeValue(new DateTime(year, mo, 1), new DateTime(year, mo, 11), TimeGrain.Day);
                case MonthPart.Late:
                    return new TimeValue(new DateTime(year, mo, 21), new DateTime(year, mo, 1).AddMonths(1), TimeGrain.Day);
            }

            if (Day is { } d)
            {
                return d >= 1 && d <= days ? new TimeValue(new DateTime(year, mo, d), null, TimeGrain.Day) : null;
            }

            return new TimeValue(new DateTime(year, mo, 1), null, TimeGrain.Month);
        }

        if (Day is { } dayOfMonth)
        {
            return dayOfMonth <= DateTime.DaysInMonth(today.Year, today.Month)
                ? new TimeValue(new DateTime(today.Year, today.Month, dayOfMonth), null, TimeGrain.Day)
                : null;
        }

        if (Weekday is { } wd)
        {
            int ahead = ((int)wd - (int)today.DayOfWeek + 7) % 7;
            if (WeekdayDirection < 0)
            {
                int back = ((int)today.DayOfWeek - (int)wd + 7) % 7;
                return new TimeValue(today.AddDays(-(back == 0 ? 7 : back)), null, TimeGrain.Day);
            }

            return new TimeValue(today.AddDays(ahead == 0 ? 7 : ahead), null, TimeGrain.Day);
        }

        if (Year is not null)
        {
            return new TimeValue(new DateTime(year, 1, 1), null, TimeGrain.Year);
        }

        // Only a time of day: today.
        return HasTime || Tonight ? new TimeValue(today, null, TimeGrain.Day) : null;
    }

    private static DateTime Add(DateTime at, int amount, TimeGrain unit) => unit switch
    {
        TimeGrain.Second => at.AddSeconds(amount),
        TimeGrain.Minute => at.AddMinutes(amount),
        TimeGrain.Hour => at.AddHours(amount),
        TimeGrain.Day => at.AddDays(amount),
        TimeGrain.Week => at.AddDays(7 * amount),
        TimeGrain.Month => at.AddMonths(amount),
        _ => at.AddYears(amount),
    };

    /// <summary>The parts read, for a debugger's view.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year}-{Month}-{Day} wd{Weekday} h{Hour}:{Minute}");
}
