using System;
using System.Collections.Frozen;
using System.Collections.Generic;

namespace CorpusKit.Recognizers;

/// <summary>
/// The grammar of Arabic time expressions, over the tokens of one text. Each production reads
/// from a token and gives the token after its match and what it read (<see cref="When"/>); where
/// several match at a token, the longest wins. Productions, from the largest:
/// an interval (<c>من 13 إلى 15 تموز</c>, <c>من الساعة 3 إلى الساعة 4 عصرا</c>), a date with a time
/// (<c>الخميس الساعة 8</c>), a date (calendar, numeric, weekday, relative, holiday, the n-th weekday
/// or week of a month, a part of a month), a time of day, and the reference's moment or evening.
/// </summary>
internal sealed class TimeGrammar
{
    /// <summary>True once this class's tables are built; read by <see cref="Vocabulary"/> to have them registered before it is sealed.</summary>
    internal static readonly bool TablesBuilt = true;

    /// <summary>A production's match: the token after it, the proclitic chars its first token leaves out, and what it read.</summary>
    internal readonly record struct Match(int End, int Skip, When When);

    private static readonly FrozenSet<string> s_to = Reader.Set("إلى", "الى", "حتى", "وحتى", "لغاية", "والى", "وإلى", "ولغاية");
    private static readonly FrozenSet<string> s_from = Reader.Set("من");
    private static readonly FrozenSet<string> s_of = Reader.Set("من", "في");
    private static readonly FrozenSet<string> s_yearWords = Reader.Set("عام", "سنة", "العام", "السنة");
    private static readonly FrozenSet<string> s_yearPrepositions = Reader.Set("في", "منذ", "حتى", "خلال", "قبل", "بعد", "مطلع", "بداية", "نهاية", "أواخر", "أوائل", "منتصف", "عام", "سنة", "ربيع", "صيف", "خريف", "شتاء");
    private static readonly FrozenSet<string> s_dayPrepositions = Reader.Set("في", "إلى", "الى", "حتى", "بتاريخ");
    private static readonly FrozenSet<string> s_numericContext = Reader.Set("في", "عند", "يوم", "بتاريخ", "منذ", "حتى", "إلى", "الى", "تاريخ");
    private static readonly FrozenSet<string> s_day = Reader.Set("يوم");
    private static readonly FrozenSet<string> s_today = Reader.Set("اليوم");
    private static readonly FrozenSet<string> s_week = Reader.Set("الأسبوع");
    private static readonly FrozenSet<string> s_month = Reader.Set("شهر");
    private static readonly FrozenSet<string> s_theMonth = Reader.Set("الشهر");
    private static readonly FrozenSet<string> s_weekWord = Reader.Set("أسبوع");
    private static readonly FrozenSet<string> s_last = Reader.Set("آخر", "اخر");
    private static readonly FrozenSet<string> s_theLast = Reader.Set("الأخير", "الأخيرة");
    private static readonly FrozenSet<string> s_agreeing = Reader.Set("الموافق", "الموافقة");
    private static readonly FrozenSet<string> s_clock = Reader.Set("الساعة");
    private static readonly FrozenSet<string> s_minuteWords = Reader.Set("دقيقة", "دقائق");
    private static readonly FrozenSet<string> s_except = Reader.Set("إلا", "الا");
    private static readonly FrozenSet<string> s_and = Reader.Set("و");
    private static readonly FrozenSet<string> s_zoneWord = Reader.Set("بتوقيت", "توقيت");
    private static readonly FrozenSet<string> s_before = Reader.Set("قبل", "منذ");
    private static readonly FrozenSet<string> s_after = Reader.Set("بعد");
    private static readonly FrozenSet<string> s_within = Reader.Set("خلال");
    private static readonly FrozenSet<string> s_now = Reader.Set("الآن", "الان", "حالا", "حالاً");
    private static readonly FrozenSet<string> s_moment = Reader.Set("اللحظة");
    private static readonly FrozenSet<string> s_tonight = Reader.Set("الليلة");
    private static readonly FrozenSet<string> s_which = Reader.Set("الذي", "التي", "الي", "اللي");
    private static readonly FrozenSet<string> s_beforeWord = Reader.Set("قبل", "القبل");
    private static readonly FrozenSet<string> s_yesterday = Reader.Set("أمس", "الأمس", "البارحة", "امبارح");
    private static readonly FrozenSet<string> s_tomorrow = Reader.Set("غد", "الغد", "غدا", "بكرة", "بكرا");
    private static readonly FrozenSet<string> s_firstDayBefore = Reader.Set("أول");
    private static readonly FrozenSet<string> s_on = Reader.Set("عند", "على");
    private static readonly FrozenSet<string> s_until = Reader.Set("حتى");
    private static readonly FrozenSet<string> s_glorious = Reader.Set("المجيد");
    private static readonly FrozenSet<string> s_year = Reader.Set("السنة");
    private static readonly FrozenSet<string> s_hijri = Reader.Set("الهجرية");
    private static readonly FrozenSet<string> s_morning = Reader.Set("الصباح");
    private static readonly FrozenSet<string> s_evening = Reader.Set("المساء");
    private static readonly FrozenSet<string> s_afterOrBefore = Reader.Set("بعد", "قبل");

    private readonly Reader _r;

    public TimeGrammar(Reader reader) => _r = reader;

    /// <summary>The longest time expression that starts at token <paramref name="i"/>.</summary>
    public bool Top(int i, out Match match)
    {
        match = default;
        bool found = false;
        Keep(ref match, ref found, DateTime(i, out Match m1), m1);
        Keep(ref match, ref found, Interval(i, out Match m2), m2);
        Keep(ref match, ref found, Until(i, out Match m3), m3);
        Keep(ref match, ref found, Within(i, out Match m4), m4);
        Keep(ref match, ref found, Now(i, out Match m5), m5);
        return found;
    }

    private static void Keep(ref Match best, ref bool found, bool ok, Match candidate)
    {
        if (ok && (!found || candidate.End > best.End))
        {
            best = candidate;
            found = true;
        }
    }

    // ---- dates with times -------------------------------------------------------------------

    private bool DateTime(int i, out Match match)
    {
        match = default;
        bool found = false;
        if (Date(i, out Match date))
        {
            match = date;
            found = true;
            int j = date.End;
            if (_r.IsSymbol(j, ",،") || _r.IsAny(j, s_of) || _r.IsAny(j, s_on))
            {
                j++;
            }

            if (TimeRange(j, out Match range) || Time(j, out range))
            {
                match = new Match(range.End, date.Skip, Joined(date.When, range.When));
            }
            else if (j == date.End && Time(j, out Match time))
            {
                match = new Match(time.End, date.Skip, Joined(date.When, time.When));
            }
        }

        if (Time(i, out Match clock))
        {
            Match candidate = clock;
            int j = clock.End;
            if (_r.IsAny(j, s_day) || _r.IsSymbol(j, ",،") || _r.IsAny(j, s_of))
            {
                j++;
            }

            if (Date(j, out Match after))
            {
                candidate = new Match(after.End, clock.Skip, Joined(after.When, clock.When));
            }

            Keep(ref match, ref found, true, candidate);
        }

        return found;
    }

    /// <summary>A date and a time (or a time range) as one value: the date's parts, the time's hours.</summary>
    private static When Joined(When date, When time)
    {
        if (time.To is not null)
        {
            When from = new When().Merge(time).Merge(date);
            from.To = new When().Merge(time.To).Merge(date);
            from.To.To = null;
            return from;
        }

        return new When().Merge(date).Merge(time);
    }

    private bool Date(int i, out Match match)
    {
        match = default;
        bool found = false;
        Keep(ref match, ref found, Calendar(i, out Match m1), m1);
        Keep(ref match, ref found, WeekdayFirst(i, out Match m2), m2);
        Keep(ref match, ref found, WeekFirst(i, out Match m3), m3);
        Keep(ref match, ref found, RelativeDay(i, out Match m4), m4);
        Keep(ref match, ref found, Shift(i, out Match m5), m5);
        Keep(ref match, ref found, Offset(i, out Match m6), m6);
        Keep(ref match, ref found, NthOfMonth(i, out Match m7), m7);
        Keep(ref match, ref found, Holiday(i, out Match m8), m8);
        Keep(ref match, ref found, PartOfMonth(i, out Match m9), m9);
        Keep(ref match, ref found, BareDay(i, out Match m10), m10);
        Keep(ref match, ref found, Tonight(i, out Match m11), m11);
        return found;
    }

    // ---- calendar dates ---------------------------------------------------------------------

    /// <summary>
    /// A calendar date: numeric (<c>2016/02/22</c>, <c>18-10-2023</c>), day and month
    /// (<c>15 يونيو 2016</c>, <c>الرابع من مايو</c>, <c>28-نوفمبر</c>), month and day
    /// (<c>مايو الحادي عشر</c>), month and year (<c>شباط 2025</c>), or a year (<c>عام 2019</c>).
    /// </summary>
    private bool Calendar(int i, out Match match)
    {
        match = default;
        bool found = false;
        Keep(ref match, ref found, Numeric(i, out Match numeric), numeric);
        Keep(ref match, ref found, DayMonth(i, out Match dayMonth), dayMonth);
        Keep(ref match, ref found, MonthDay(i, out Match monthDay), monthDay);
        Keep(ref match, ref found, MonthYear(i, out Match monthYear), monthYear);
        Keep(ref match, ref found, YearAlone(i, out Match year), year);
        if (found && match.When.CoreStart < 0)
        {
            match.When.CoreStart = i;
            match.When.CoreEnd = match.End;
            match.When.CoreSkip = match.Skip;
        }

        return found;
    }

    private bool Numeric(int i, out Match match)
    {
        match = default;
        if (!_r.IsDigits(i) || !_r.IsSymbol(i + 1, "/-.") || !_r.Touches(i) || !_r.Touches(i + 1) || !_r.IsDigits(i + 2))
        {
            return false;
        }

        char separator = _r[i + 1].Key[0];
        Token a = _r[i];
        Token b = _r[i + 2];
        bool third = _r.IsSymbol(i + 3, separator) && _r.Touches(i + 2) && _r.Touches(i + 3) && _r.IsDigits(i + 4);
        if (third)
        {
            Token c = _r[i + 4];
            int? year;
            int? month;
            int? day;
            if (a.Length == 4)
            {
                (year, month, day) = ((int)a.Number, (int)b.Number, (int)c.Number);
            }
            else if (c.Length is 4 or 2 && a.Length <= 2 && b.Length <= 2)
            {
                year = c.Length == 4 ? (int)c.Number : 2000 + (int)c.Number;
                (day, month) = a.Number <= 12 && b.Number > 12 ? ((int)b.Number, (int)a.Number) : ((int)a.Number, (int)b.Number);
            }
            else
            {
                return false;
            }

            if (!PartialDate.TryCreate(year, month, day, out _))
            {
                return false;
            }

            match = new Match(i + 5, 0, new When { Year = year, Month = month, Day = day });
            return true;
        }

        if (a.Length > 2 || b.Length > 4)
        {
            return false;
        }

        // Month and year: 2/2013.
        if (b.Length == 4)
        {
            if (separator != '/' || a.Number is < 1 or > 12)
            {
                return false;
            }

            match = new Match(i + 3, 0, new When { Year = (int)b.Number, Month = (int)a.Number });
            return true;
        }

        if (b.Length > 2)
        {
            return false;
        }

        (int d, int m) = a.Number <= 12 && b.Number > 12 ? ((int)b.Number, (int)a.Number) : ((int)a.Number, (int)b.Number);
        if (!PartialDate.TryCreate(null, m, d, out _))
        {
            return false;
        }

        // A day and month alone: "/" anywhere; "-" and "." only where a date is expected, since
        // 22-4 may be a score and 4.22 a decimal.
        if (separator != '/' && !(i > 0 && _r.IsAny(i - 1, s_numericContext)) && !(i > 0 && _r.Lookup(i - 1, TimeWords.Weekdays, out _, out _)))
        {
            return false;
        }

        // 11/12, 2016 and 11/12, 16.
        if (_r.IsSymbol(i + 3, ',') && _r.IsDigits(i + 4) && _r[i + 4].Length is 4 or 2)
        {
            int y = _r[i + 4].Length == 4 ? (int)_r[i + 4].Number : 2000 + (int)_r[i + 4].Number;
            if (PartialDate.TryCreate(y, m, d, out _))
            {
                match = new Match(i + 5, 0, new When { Year = y, Month = m, Day = d });
                return true;
            }
        }

        match = new Match(i + 3, 0, new When { Month = m, Day = d });
        return true;
    }

    /// <summary>A day of the month: 1 to 31 in digits, or an ordinal in words (<c>الحادي والعشرين</c>).</summary>
    private bool DayNumber(int i, out int day, out int end, out int skip)
    {
        skip = 0;
        if (_r.IsDigits(i) && _r[i].Length <= 2 && _r[i].Number is >= 1 and <= 31)
        {
            day = (int)_r[i].Number;
            end = i + 1;

            // 10th, 1st (English ordinal suffixes written on the number).
            if (_r.IsWord(end) && _r.Touches(i) && _r[end].Key is "st" or "nd" or "rd" or "th")
            {
                end++;
            }

            return true;
        }

        if (NumberWords.Ordinal(_r, i, out day, out end, out skip) && day is >= 1 and <= 31)
        {
            return true;
        }

        day = 0;
        end = i;
        return false;
    }

    /// <summary>
    /// A month: a name (with a slash pair, <c>كانون الأول/ديسمبر</c>), <c>شهر</c> and a name or
    /// number (<c>شهر 3</c>, <c>شهر عشرة</c>), <c>الشهر التاسع</c>, or a month relative to this
    /// one (<c>الشهر القادم</c>, <c>هذا الشهر</c>).
    /// </summary>
    private bool MonthRef(int i, out When month, out int end, out int skip)
    {
        month = null!;
        if (!_r.IsWord(i))
        {
            end = i;
            skip = 0;
            return false;
        }

        if (MonthName(i, out int m, out end, out skip))
        {
            // A slash pair names one month twice (مارس/آذار); the first name counts.
            if (_r.IsSymbol(end, '/') && MonthName(end + 1, out _, out int pairEnd, out _))
            {
                end = pairEnd;
            }
            else if (_r.IsSymbol(end, '(') && MonthName(end + 1, out _, out pairEnd, out _) && _r.IsSymbol(pairEnd, ')'))
            {
                end = pairEnd + 1;
            }

            month = new When { Month = m };
            return true;
        }

        if (_r.Lookup(i, s_monthTable, out _, out skip))
        {
            if (MonthName(i + 1, out m, out end, out _))
            {
                month = new When { Month = m };
                return true;
            }

            if (_r.IsDigits(i + 1) && _r[i + 1].Number is >= 1 and <= 12 && _r[i + 1].Length <= 2)
            {
                month = new When { Month = (int)_r[i + 1].Number };
                end = i + 2;
                return true;
            }

            if (NumberWords.Cardinal(_r, i + 1, out long number, out end, out int numberSkip) && numberSkip == 0 && number is >= 1 and <= 12)
            {
                month = new When { Month = (int)number };
                return true;
            }
        }

        if (_r.Lookup(i, s_theMonthTable, out _, out skip))
        {
            if (NumberWords.Ordinal(_r, i + 1, out int ordinal, out end, out int ordinalSkip) && ordinalSkip == 0 && ordinal is >= 1 and <= 12)
            {
                month = new When { Month = ordinal };
                return true;
            }

            if (_r.Lookup(i + 1, TimeWords.Directions, out int direction, out _, clitics: false))
            {
                month = new When { MonthShift = direction };
                end = i + 2;
                return true;
            }
        }

        if (_r.Lookup(i, s_thisTable, out _, out skip) && _r.IsAny(i + 1, s_theMonth))
        {
            month = new When { MonthShift = 0 };
            end = i + 2;
            return true;
        }

        // A slash pair with one name misspelt (يولو/تموز): the name it is paired with counts.
        if (_r.IsWord(i) && _r.IsSymbol(i + 1, '/') && _r.Touches(i) && MonthName(i + 2, out m, out end, out _))
        {
            month = new When { Month = m };
            skip = 0;
            return true;
        }

        end = i;
        skip = 0;
        return false;
    }

    private static readonly FrozenDictionary<string, bool> s_monthTable = Reader.Table(new[] { ("شهر", true) });
    private static readonly FrozenDictionary<string, bool> s_theMonthTable = Reader.Table(new[] { ("الشهر", true) });
    private static readonly FrozenDictionary<string, bool> s_thisTable = Reader.Table(new[] { ("هذا", true), ("هذه", true) });
    private static readonly FrozenDictionary<string, bool> s_yearWordTable = Reader.Table(new[] { ("عام", true), ("سنة", true), ("العام", true), ("السنة", true) });

    /// <summary>A month's name, one word or two (<c>كانون الثاني</c>).</summary>
    private bool MonthName(int i, out int month, out int end, out int skip)
    {
        if (_r.Lookup(i, TimeWords.MonthHeads, out (int WithFirst, int WithSecond) head, out skip)
            && _r.Lookup(i + 1, TimeWords.MonthHeadOrder, out int order, out _, clitics: false))
        {
            month = order == 1 ? head.WithFirst : head.WithSecond;
            end = i + 2;
            return true;
        }

        if (_r.Lookup(i, TimeWords.Months, out month, out skip))
        {
            end = i + 1;
            return true;
        }

        end = i;
        return false;
    }

    /// <summary>
    /// A year after a month or a day: <c>2016</c>, <c>، 2016</c>, <c>من عام 2016</c>, <c>لعام 2014</c>,
    /// a year in words (<c>ألفان وثمانية عشر</c>), or the year relative to this one (<c>السنة القادمة</c>).
    /// </summary>
    private bool YearRef(int i, When into, out int end)
    {
        int j = i;
        if (_r.IsSymbol(j, ",،"))
        {
            j++;
        }

        if (_r.IsAny(j, s_of))
        {
            j++;
        }

        if (_r.Lookup(j, s_yearWordTable, out _, out _))
        {
            if (_r.Lookup(j + 1, TimeWords.Directions, out int direction, out _, clitics: false) && _r[j].Key.Length > 3)
            {
                into.YearShift = direction;
                end = j + 2;
                return true;
            }

            if (_r.IsAny(j + 1, s_of))
            {
                // عام من … is not a year.
                end = i;
                return false;
            }

            if (YearNumber(j + 1, out int named, out end, requireFour: false))
            {
                into.Year = named;
                return true;
            }
        }

        if (YearNumber(j, out int year, out end, requireFour: true))
        {
            into.Year = year;
            return true;
        }

        end = i;
        return false;
    }

    /// <summary>A year: four digits (1000 to 2999, with an optional م), or a number in words of that size.</summary>
    private bool YearNumber(int i, out int year, out int end, bool requireFour)
    {
        if (_r.IsDigits(i) && (_r[i].Length == 4 || (!requireFour && _r[i].Length is 2 or 3)) && _r[i].Number is >= 1 and <= 2999)
        {
            year = (int)_r[i].Number;
            end = i + 1;
            if (_r.IsWord(end) && _r.Touches(i) && _r[end].Key is "م" or "هـ" or "ه")
            {
                end++;
            }

            return true;
        }

        if (NumberWords.Cardinal(_r, i, out long number, out end, out int skip) && skip == 0 && number is >= 1000 and <= 2999)
        {
            year = (int)number;
            return true;
        }

        year = 0;
        end = i;
        return false;
    }

    /// <summary>A day, then a month (<c>15 يونيو 2016</c>, <c>الرابع من مايو</c>, <c>20 من الشهر القادم</c>, <c>اليوم الثالث من اكتوبر</c>).</summary>
    private bool DayMonth(int i, out Match match)
    {
        match = default;
        int start = i;
        int leading = 0;

        // اليوم الثالث من أكتوبر: the day named as such.
        if (_r.IsAny(i, s_today) && NumberWords.Ordinal(_r, i + 1, out _, out _, out int ordinalSkip) && ordinalSkip == 0)
        {
            i++;
        }

        if (!DayNumber(i, out int day, out int j, out int skip))
        {
            return false;
        }

        if (start == i)
        {
            leading = skip;
        }

        bool word = !_r.IsDigits(i);

        // ثالث يوم من شهر عشرة.
        if (word && _r.IsAny(j, s_day))
        {
            j++;
        }

        bool of = false;
        if (_r.IsAny(j, s_of) || (_r.IsSymbol(j, '-') && _r.Touches(j - 1) && _r.Touches(j)) || (_r.IsSymbol(j, ',') && !word))
        {
            of = true;
            j++;
        }

        if (!MonthRef(j, out When month, out int end, out int monthSkip) || (monthSkip > 0 && of))
        {
            return false;
        }

        // A bare ordinal before a month name needs من, or is الأول (أول يناير).
        if (word && !of && day != 1 && month.Month is not null && !_r.IsDigits(i))
        {
            return false;
        }

        When when = month;
        when.Day = day;
        if (when.MonthShift is null && YearRef(end, when, out int yearEnd))
        {
            end = yearEnd;
        }

        if (when.Year is { } y && when.Month is { } m && !PartialDate.TryCreate(y, m, day, out _))
        {
            return false;
        }

        match = new Match(end, leading, when);
        return true;
    }

    /// <summary>A month name, then a day (<c>يناير 1</c>, <c>مايو الحادي عشر</c>, <c>سبتمبر 10, ألف وتسعمائة وواحد</c>).</summary>
    private bool MonthDay(int i, out Match match)
    {
        match = default;
        if (!MonthName(i, out int month, out int j, out int skip) || !DayNumber(j, out int day, out int end, out int daySkip) || daySkip > 0)
        {
            return false;
        }

        // A year in digits right after the month is a month and year (مارس 2024), not a day.
        var when = new When { Month = month, Day = day };
        if (YearRef(end, when, out int yearEnd))
        {
            end = yearEnd;
        }

        if (!PartialDate.TryCreate(when.Year, month, day, out _))
        {
            return false;
        }

        match = new Match(end, skip, when);
        return true;
    }

    /// <summary>A month and a year (<c>شباط 2025</c>, <c>أيار/مايو 2024</c>, <c>شهر عشرة سنة 2015</c>).</summary>
    private bool MonthYear(int i, out Match match)
    {
        match = default;
        if (!MonthRef(i, out When month, out int j, out int skip) || month.Month is null || !YearRef(j, month, out int end) || month.Year is null)
        {
            return false;
        }

        match = new Match(end, skip, month);
        return true;
    }

    /// <summary>A year: after عام or سنة (<c>عام 2025</c>, <c>لعام 2014</c>), or four digits after a preposition of time (<c>في 2019</c>).</summary>
    private bool YearAlone(int i, out Match match)
    {
        match = default;
        if (_r.Lookup(i, s_yearWordTable, out _, out int skip) && _r[i].Key.AsSpan(skip) is "عام" or "سنه" or "العام"
            && YearNumber(i + 1, out int year, out int end, requireFour: true))
        {
            match = new Match(end, skip, new When { Year = year });
            return true;
        }

        if (_r.IsDigits(i) && _r[i].Length == 4 && _r[i].Number is >= 1800 and <= 2200 && i > 0 && _r.IsAny(i - 1, s_yearPrepositions)
            && YearNumber(i, out year, out end, requireFour: true))
        {
            match = new Match(end, 0, new When { Year = year });
            return true;
        }

        return false;
    }

    // ---- weekdays ---------------------------------------------------------------------------

    /// <summary>
    /// A weekday and what follows it: a date (<c>الاثنين 12 يناير 2016</c>, <c>الخميس الموافق 14 شباط</c>),
    /// a direction (<c>الأحد الماضي</c>), a week (<c>الجمعة من الأسبوع المقبل</c>), an n-th in a month
    /// (<c>الثلاثاء الأولى من أكتوبر</c>), a day of the month (<c>الخميس في 21</c>, <c>السبت السادس عشر</c>).
    /// </summary>
    private bool WeekdayFirst(int i, out Match match)
    {
        match = default;
        int k = i;
        int skip = 0;
        bool demonstrative = false;
        if (_r.Lookup(k, s_thisTable, out _, out skip))
        {
            demonstrative = true;
            k++;
            if (_r.IsAny(k, s_day))
            {
                k++;
            }
        }

        bool bare = false;
        if (!_r.Lookup(k, TimeWords.Weekdays, out DayOfWeek weekday, out int weekdaySkip))
        {
            // احد الأسبوع الماضي: a weekday without the article before الأسبوع.
            if (!_r.Lookup(k, TimeWords.BareWeekdays, out weekday, out weekdaySkip) || !(_r.IsAny(k + 1, s_week) || (_r.IsAny(k + 1, s_from) && _r.IsAny(k + 2, s_week))))
            {
                return false;
            }

            bare = true;
        }

        if (!demonstrative)
        {
            skip = weekdaySkip;
        }

        int j = k + 1;
        var when = new When { Weekday = weekday };
        var best = new Match(j, skip, when);
        if (bare)
        {
            best = default;
        }

        // A date after the weekday.
        int at = j;
        if (_r.IsSymbol(at, ",،"))
        {
            at++;
        }

        if (_r.IsAny(at, s_agreeing) || _r.IsAny(at, s_of))
        {
            at++;
        }

        // A direction: الأحد الماضي, الثلاثاء القادم.
        if (!bare && _r.Lookup(j, TimeWords.Directions, out int direction, out _, clitics: false) && direction != 0)
        {
            best = Longer(best, new Match(j + 1, skip, new When { Weekday = weekday, WeekdayDirection = direction }));
        }

        // A week: الجمعة هذا الأسبوع, الثلاثاء من الأسبوع المقبل, احد الأسبوع الماضي.
        if (WeekRef(_r.IsAny(j, s_from) ? j + 1 : j, out int weekShift, out int weekEnd))
        {
            best = Longer(best, new Match(weekEnd, skip, new When { Weekday = weekday, WeekShift = weekShift }));
        }

        if (!bare)
        {
            // An ordinal: the n-th weekday of a month (up to the fifth), or a day of the month (past the tenth).
            if (NumberWords.Ordinal(_r, j, out int nth, out int nthEnd, out int nthSkip) && nthSkip == 0 || (_r.IsAny(j, s_theLast) && (nth = -1) < 0 && (nthEnd = j + 1) > 0))
            {
                if (nth is -1 or (>= 1 and <= 5))
                {
                    var nthWhen = new When { Weekday = weekday, NthWeekday = nth, MonthShift = 0 };
                    int nthAt = nthEnd;
                    if (MonthAfter(nthEnd, nthWhen, out int monthEnd))
                    {
                        nthAt = monthEnd;
                    }

                    best = Longer(best, new Match(nthAt, skip, nthWhen));
                }
                else if (nth is >= 11 and <= 31)
                {
                    var dayWhen = new When { Weekday = weekday, Day = nth };
                    int dayAt = nthEnd;
                    if (MonthAfter(nthEnd, dayWhen, out int monthEnd))
                    {
                        dayAt = monthEnd;
                    }

                    best = Longer(best, new Match(dayAt, skip, dayWhen));
                }
            }

            // A day of the month: الأربعاء 27, الخميس في 21, الجمعة في الخمسة عشر.
            int dayAt2 = _r.IsAny(j, s_of) ? j + 1 : j;
            if (DayNumber(dayAt2, out int day, out int dayEnd, out int daySkip) && daySkip == 0 && (dayAt2 > j || _r.IsDigits(dayAt2)))
            {
                best = Longer(best, new Match(dayEnd, skip, new When { Weekday = weekday, Day = day }));
            }
        }

        // A date after the weekday; an ordinal read as the n-th weekday above keeps an equal span
        // (الثلاثاء الثالث من أيلول is the third Tuesday, not the third).
        if (!bare && Calendar(at, out Match date) && date.When.Month is not null)
        {
            best = Longer(best, new Match(date.End, skip, new When { Weekday = weekday }.Merge(date.When)));
        }

        if (best.When is null)
        {
            return false;
        }

        match = best;
        return true;
    }

    private static Match Longer(Match a, Match b) => a.When is null || b.End > a.End ? b : a;

    /// <summary>A week: <c>هذا الأسبوع</c>, <c>الأسبوع المقبل</c>, <c>الأسبوع الحالي</c>.</summary>
    private bool WeekRef(int i, out int shift, out int end)
    {
        shift = 0;
        if (_r.IsAny(i, TimeWords.This) && _r.IsAny(i + 1, s_week))
        {
            end = i + 2;
            return true;
        }

        if (_r.IsAny(i, s_week) && _r.Lookup(i + 1, TimeWords.Directions, out shift, out _, clitics: false))
        {
            end = i + 2;
            return true;
        }

        end = i;
        return false;
    }

    /// <summary>A month (and year) after an n-th weekday or a day: <c>من شهر أيلول من عام 2014</c>, <c>بأيلول</c>, <c>من هذا الشهر</c>.</summary>
    private bool MonthAfter(int i, When into, out int end)
    {
        int j = _r.IsAny(i, s_of) ? i + 1 : i;
        if (!MonthRef(j, out When month, out end, out int skip) || (j > i && skip > 0))
        {
            return false;
        }

        into.Month = month.Month;
        into.MonthShift = month.MonthShift;
        if (month.Month is not null && YearRef(end, into, out int yearEnd))
        {
            end = yearEnd;
        }

        return true;
    }

    /// <summary>A week, then a weekday: <c>هذا الأسبوع الجمعة</c>, <c>الأسبوع القادم يوم الجمعة</c>.</summary>
    private bool WeekFirst(int i, out Match match)
    {
        match = default;
        if (!WeekRef(i, out int shift, out int j))
        {
            return false;
        }

        int k = _r.IsAny(j, s_day) ? j + 1 : j;
        if (!_r.Lookup(k, TimeWords.Weekdays, out DayOfWeek weekday, out int skip, clitics: false) || skip > 0)
        {
            return false;
        }

        match = new Match(k + 1, 0, new When { WeekShift = shift, Weekday = weekday });
        return true;
    }

    /// <summary>
    /// The n-th or last weekday, day or week of a month: <c>أول ثلاثاء من شهر عشرة</c>,
    /// <c>ثالث يوم ثلاثاء بأيلول بعام 2014</c>, <c>آخر اثنين من الشهر القادم</c>,
    /// <c>آخر يوم بشهر عشرة سنة 2015</c>, <c>الأسبوع الأول من شهر عشرة 2014</c>.
    /// </summary>
    private bool NthOfMonth(int i, out Match match)
    {
        match = default;
        int nth;
        int j;
        int skip;
        if (_r.Lookup(i, s_lastTable, out _, out skip))
        {
            nth = -1;
            j = i + 1;
        }
        else if (NumberWords.Ordinal(_r, i, out nth, out j, out skip) && nth is >= 1 and <= 5 && !_r[i].Key.AsSpan(skip).StartsWith("ال", StringComparison.Ordinal))
        {
        }
        else if (_r.Lookup(i, s_theDayOrWeek, out TimeGrain unit, out skip)
            && (NumberWords.Ordinal(_r, i + 1, out nth, out j, out int s2) && s2 == 0 && nth is >= 1 and <= 5 || (_r.IsAny(i + 1, s_theLast) && (nth = -1) < 0 && (j = i + 2) > 0)))
        {
            // اليوم الأخير من شهر عشرة, الأسبوع الأول من شهر عشرة.
            var definite = new When();
            if (unit == TimeGrain.Day && nth == -1)
            {
                definite.LastDayOfMonth = true;
            }
            else if (unit == TimeGrain.Week)
            {
                definite.NthWeek = nth;
            }
            else
            {
                return false;
            }

            if (!MonthAfter(j, definite, out int definiteEnd))
            {
                if (unit == TimeGrain.Day)
                {
                    // اليوم الأخير alone: the last day of this month.
                    definite.MonthShift = 0;
                    match = new Match(j, skip, definite);
                    return true;
                }

                return false;
            }

            match = new Match(definiteEnd, skip, definite);
            return true;
        }
        else
        {
            return false;
        }

        var when = new When();
        bool dayWord = _r.IsAny(j, s_day);
        int k = dayWord ? j + 1 : j;
        if (_r.Lookup(k, TimeWords.Weekdays, out DayOfWeek weekday, out int ws, clitics: false) && ws == 0
            || _r.Lookup(k, TimeWords.BareWeekdays, out weekday, out ws, clitics: false) && ws == 0)
        {
            when.Weekday = weekday;
            when.NthWeekday = nth;
            k++;
        }
        else if (dayWord && nth == -1)
        {
            when.LastDayOfMonth = true;
        }
        else if (_r.IsAny(j, s_weekWord))
        {
            when.NthWeek = nth;
            k = j + 1;
        }
        else
        {
            return false;
        }

        if (!MonthAfter(k, when, out int end) && !(_r.IsAny(k, s_of) && MonthAfter(k + 1, when, out end)))
        {
            if (when.LastDayOfMonth)
            {
                // آخر يوم alone.
                when.MonthShift = 0;
                match = new Match(k, skip, when);
                return true;
            }

            if (when.NthWeekday is not null && nth > 0)
            {
                // أول يوم جمعة alone: of this month.
                when.MonthShift = 0;
                match = new Match(k, skip, when);
                return true;
            }

            return false;
        }

        // الثلاثاء الأخير من شهر مارس السنة القادمة.
        if (when.Year is null && YearRef(end, when, out int yearEnd))
        {
            end = yearEnd;
        }

        match = new Match(end, skip, when);
        return true;
    }

    private static readonly FrozenDictionary<string, bool> s_lastTable = Reader.Table(new[] { ("آخر", true) });
    private static readonly FrozenDictionary<string, TimeGrain> s_theDayOrWeek = Reader.Table(new[] { ("اليوم", TimeGrain.Day), ("الأسبوع", TimeGrain.Week) });

    // ---- relative dates ---------------------------------------------------------------------

    /// <summary>
    /// A day relative to today: <c>اليوم</c>, <c>غدا</c>, <c>بالأمس</c>, <c>بعد غد</c>, <c>قبل يوم أمس</c>,
    /// <c>اليوم التالي</c>, <c>هذا اليوم</c>; with a date after it (<c>اليوم 6 مايو</c>) one expression.
    /// </summary>
    private bool RelativeDay(int i, out Match match)
    {
        match = default;
        int start = i;
        int skip = 0;
        int shift;
        int end;
        if (_r.Lookup(i, s_thisTable, out _, out skip) && _r.IsAny(i + 1, s_today))
        {
            shift = 0;
            end = i + 2;
        }
        else if (_r.IsAny(i, s_today) && _r.IsAny(i + 1, s_which) && (_r.IsAny(i + 2, s_beforeWord) || _r.IsAny(i + 2, s_after)))
        {
            // اليوم الذي بعد الغد, اليوم الي قبل امبارح.
            bool before = _r.IsAny(i + 2, s_beforeWord);
            if (!(before ? _r.IsAny(i + 3, s_yesterday) : _r.IsAny(i + 3, s_tomorrow)))
            {
                return false;
            }

            shift = before ? -2 : 2;
            end = i + 4;
        }
        else if (_r.IsAny(i, s_today) && _r.IsAny(i + 1, s_beforeWord) && _r.IsAny(i + 2, s_yesterday))
        {
            // اليوم القبل البارحة.
            shift = -2;
            end = i + 3;
        }
        else if (_r.IsAny(i, s_today) && _r.Lookup(i + 1, TimeWords.Directions, out int direction, out _, clitics: false) && direction != 0)
        {
            shift = direction;
            end = i + 2;
        }
        else if ((_r.IsAny(i, s_beforeWord) || _r.IsAny(i, s_day) && _r.IsAny(i + 1, s_beforeWord)) && RelativeTwo(i, before: true, out end))
        {
            shift = -2;
        }
        else if ((_r.IsAny(i, s_after) || _r.IsAny(i, s_day) && _r.IsAny(i + 1, s_after)) && RelativeTwo(i, before: false, out end))
        {
            shift = 2;
        }
        else if (_r.IsAny(i, s_firstDayBefore) && _r.IsAny(i + 1, s_yesterday))
        {
            // أول أمس: the day before yesterday.
            shift = -2;
            end = i + 2;
        }
        else if (_r.IsAny(i, s_day) && _r.IsAny(i + 1, s_tomorrow))
        {
            shift = 1;
            end = i + 2;
        }
        else if (_r.Lookup(i, TimeWords.RelativeDays, out shift, out skip))
        {
            end = i + 1;
        }
        else
        {
            return false;
        }

        var when = new When { DayShift = shift };
        if (shift == 0 && end == start + 1)
        {
            // اليوم 6 مايو: today, and the date it is.
            if (Calendar(end, out Match date) && date.When.Month is not null && date.When.Day is not null)
            {
                match = new Match(date.End, skip, new When().Merge(date.When));
                return true;
            }
        }

        match = new Match(end, skip, when);
        return true;
    }

    /// <summary>Two days before or after today: <c>بعد غد</c>, <c>يوم بعد غد</c>, <c>قبل يوم أمس</c>, <c>يوم قبل امس</c>.</summary>
    private bool RelativeTwo(int i, bool before, out int end)
    {
        FrozenSet<string> word = before ? s_beforeWord : s_after;
        FrozenSet<string> day = before ? s_yesterday : s_tomorrow;
        int j = _r.IsAny(i, s_day) ? i + 1 : i;
        if (!_r.IsAny(j, word))
        {
            end = i;
            return false;
        }

        j++;
        if (j == i + 1 && _r.IsAny(j, s_day) && _r.IsAny(j + 1, day))
        {
            // قبل يوم أمس.
            end = j + 2;
            return true;
        }

        end = j + 1;
        return _r.IsAny(j, day);
    }

    /// <summary>
    /// A week, month or year relative to this one: <c>الأسبوع الماضي</c>, <c>هذا الأسبوع</c>,
    /// <c>الشهر التالي</c>, <c>هذه السنة</c>; and the next weeks (<c>الأسابيع الثلاثة القادمة</c>).
    /// </summary>
    private bool Shift(int i, out Match match)
    {
        match = default;
        bool demonstrative = _r.Lookup(i, s_thisTable, out _, out int skip);
        int j = demonstrative ? i + 1 : i;
        if (!_r.Lookup(j, TimeWords.Units, out (TimeGrain Unit, int Count) unit, out int unitSkip, clitics: !demonstrative)
            || unit.Unit is TimeGrain.Hour or TimeGrain.Minute || !_r[j].Key.AsSpan(unitSkip).StartsWith("ال", StringComparison.Ordinal) && !_r[j].Key.AsSpan(unitSkip).StartsWith("لل", StringComparison.Ordinal))
        {
            return false;
        }

        if (!demonstrative)
        {
            skip = unitSkip;
        }

        int direction = 0;
        int end = j + 1;
        int count = 1;
        if (unit.Count == 0)
        {
            // الأسابيع الثلاثة القادمة.
            if (demonstrative || !NumberWords.Cardinal(_r, j + 1, out long amount, out int amountEnd, out int amountSkip) || amountSkip > 0 || amount is < 2 or > 99
                || !_r.Lookup(amountEnd, TimeWords.Directions, out direction, out _, clitics: false) || direction == 0)
            {
                return false;
            }

            count = (int)amount;
            end = amountEnd + 1;
        }
        else if (_r.Lookup(j + 1, TimeWords.Directions, out direction, out _, clitics: false))
        {
            end = j + 2;
        }
        else if (!demonstrative || unit.Unit == TimeGrain.Day)
        {
            return false;
        }

        When when = ShiftOf(unit.Unit, direction > 0 ? 1 : direction);
        if (count > 1)
        {
            when.To = ShiftOf(unit.Unit, direction > 0 ? count : -1);
            if (direction < 0)
            {
                when = ShiftOf(unit.Unit, -count);
                when.To = ShiftOf(unit.Unit, -1);
            }
        }

        match = new Match(end, skip, when);
        return true;
    }

    private static When ShiftOf(TimeGrain unit, int shift) => unit switch
    {
        TimeGrain.Week => new When { WeekShift = shift },
        TimeGrain.Month => new When { MonthShift = shift },
        TimeGrain.Year => new When { YearShift = shift },
        _ => new When { DayShift = shift },
    };

    /// <summary>
    /// An amount of time before or after now: <c>قبل أسبوع</c>, <c>بعد يومين</c>, <c>قبل 3 أشهر</c>,
    /// <c>بعد أسبوعين من الآن</c>, <c>2 عام و شهر و 21 يوم من الآن</c>.
    /// </summary>
    private bool Offset(int i, out Match match)
    {
        match = default;
        int sign;
        int j;
        int skip = 0;
        if (_r.Lookup(i, s_beforeTable, out _, out skip))
        {
            sign = -1;
            j = i + 1;
        }
        else if (_r.Lookup(i, s_afterTable, out _, out skip))
        {
            sign = 1;
            j = i + 1;
        }
        else
        {
            sign = 0;
            j = i;
        }

        if (!_r.IsWord(j) && !_r.IsDigits(j))
        {
            return false;
        }

        List<(int, TimeGrain)>? amounts = null;
        int end = j;
        while (Amount(end, out int amount, out TimeGrain unit, out int amountEnd, first: amounts is null))
        {
            (amounts ??= []).Add((amount, unit));
            end = amountEnd;
            if (sign != 0 && amounts.Count == 1 && !(_r.IsAny(end, s_and) || (_r.IsWord(end) && _r.WithoutAnd(end).Conjoined)) && !Amount(end, out _, out _, out _, first: false))
            {
                break;
            }

            if (_r.IsAny(end, s_and))
            {
                if (!Amount(end + 1, out _, out _, out _, first: false))
                {
                    break;
                }

                end++;
            }
        }

        if (amounts is null)
        {
            return false;
        }

        bool fromNow = _r.IsAny(end, s_from) && _r.IsAny(end + 1, s_now);
        if (fromNow)
        {
            end += 2;
        }
        else if (sign == 0)
        {
            return false;
        }

        int direction = sign == 0 ? 1 : sign;
        var offsets = new List<(int Amount, TimeGrain Unit)>();
        foreach ((int amount, TimeGrain unit) in amounts)
        {
            offsets.Add((direction * amount, unit));
        }

        match = new Match(end, skip, new When { Offset = offsets });
        return true;
    }

    private static readonly FrozenDictionary<string, bool> s_beforeTable = Reader.Table(new[] { ("قبل", true), ("منذ", true) });
    private static readonly FrozenDictionary<string, bool> s_afterTable = Reader.Table(new[] { ("بعد", true) });

    /// <summary>An amount of a unit: <c>يومين</c>, <c>3 أشهر</c>, <c>ثلاثة أسابيع</c>, <c>شهر</c> (one), <c>21 يوم</c>.</summary>
    private bool Amount(int i, out int amount, out TimeGrain unit, out int end, bool first)
    {
        amount = 1;
        end = i;
        int j = i;
        if (_r.IsDigits(i) && _r[i].Length <= 4)
        {
            amount = (int)_r[i].Number;
            j = i + 1;
        }
        else if (NumberWords.Cardinal(_r, i, out long words, out int wordsEnd, out int wordsSkip) && (wordsSkip == 0 || !first) && words is >= 1 and <= 9999)
        {
            amount = (int)words;
            j = wordsEnd;
        }

        if (!_r.Lookup(j, TimeWords.Units, out (TimeGrain Unit, int Count) found, out int unitSkip, clitics: !first && j == i)
            || _r[j].Key.AsSpan(unitSkip).StartsWith("ال", StringComparison.Ordinal))
        {
            unit = default;
            return false;
        }

        // عام 2023 names a year, not an amount of one (منذ عام 2023 is since 2023).
        if (_r.IsDigits(j + 1) && _r[j + 1].Length == 4)
        {
            unit = default;
            return false;
        }

        if (j == i)
        {
            amount = found.Count == 2 ? 2 : found.Count == 1 ? 1 : 0;
            if (amount == 0)
            {
                unit = default;
                return false;
            }
        }

        unit = found.Unit;
        end = j + 1;
        return true;
    }

    /// <summary>From now up to an amount of time later: <c>خلال أسبوعين</c>.</summary>
    private bool Within(int i, out Match match)
    {
        match = default;
        if (!_r.Lookup(i, s_withinTable, out _, out int skip) || !Amount(i + 1, out int amount, out TimeGrain unit, out int end, first: true))
        {
            return false;
        }

        match = new Match(end, skip, new When { Within = (amount, unit) });
        return true;
    }

    private static readonly FrozenDictionary<string, bool> s_withinTable = Reader.Table(new[] { ("خلال", true) });

    /// <summary>The reference's moment: <c>الآن</c>, <c>حالا</c>, <c>في هذه اللحظة</c>.</summary>
    private bool Now(int i, out Match match)
    {
        match = default;
        if (_r.IsAny(i, s_now))
        {
            match = new Match(i + 1, 0, new When { Now = true });
            return true;
        }

        if (_r.IsAny(i, TimeWords.This) && _r.IsAny(i + 1, s_moment))
        {
            match = new Match(i + 2, 0, new When { Now = true });
            return true;
        }

        return false;
    }

    /// <summary>The reference day's evening: <c>الليلة</c>, <c>هذه الليلة</c>.</summary>
    private bool Tonight(int i, out Match match)
    {
        match = default;
        int j = _r.IsAny(i, TimeWords.This) ? i + 1 : i;
        if (!_r.IsAny(j, s_tonight))
        {
            return false;
        }

        match = new Match(j + 1, 0, new When { Tonight = true });
        return true;
    }

    /// <summary>A holiday, with the year it falls in when given: <c>عيد الفطر 2013</c>, <c>رمضان 2019</c>, <c>رأس السنة الهجرية</c>.</summary>
    private bool Holiday(int i, out Match match)
    {
        match = default;
        int j;
        string? holiday = null;
        if (_r.Lookup(i, s_eid, out _, out int skip) && _r.Lookup(i + 1, s_eids, out string? named, out _, clitics: false))
        {
            holiday = named;
            j = i + 2;
            if (holiday == Holidays.Christmas && _r.IsAny(j, s_glorious))
            {
                j++;
            }
        }
        else if (_r.Lookup(i, s_singleHolidays, out named, out skip) && (named != Holidays.Ramadan || YearRef(i + 1, new When(), out _)))
        {
            // رمضان alone is also a name (Ramzan): the month only with its year.
            holiday = named;
            j = i + 1;
        }
        else if (_r.Lookup(i, s_monthTable, out _, out skip) && _r.Lookup(i + 1, s_singleHolidays, out named, out _, clitics: false) && named == Holidays.Ramadan)
        {
            holiday = named;
            j = i + 2;
        }
        else if (_r.Lookup(i, s_head, out _, out skip) && _r.IsAny(i + 1, s_year) && _r.IsAny(i + 2, s_hijri))
        {
            holiday = Holidays.HijriNewYear;
            j = i + 3;
        }
        else
        {
            return false;
        }

        var when = new When { Holiday = holiday };
        int end = j;
        if (YearRef(j, when, out int yearEnd))
        {
            end = yearEnd;
        }

        match = new Match(end, skip, when);
        return true;
    }

    private static readonly FrozenDictionary<string, bool> s_eid = Reader.Table(new[] { ("عيد", true) });
    private static readonly FrozenDictionary<string, bool> s_head = Reader.Table(new[] { ("رأس", true), ("راس", true) });
    private static readonly FrozenDictionary<string, string> s_eids = Reader.Table(new[]
    {
        ("الميلاد", Holidays.Christmas), ("الفطر", Holidays.EidAlFitr), ("الأضحى", Holidays.EidAlAdha), ("الفصح", Holidays.Easter),
    });
    private static readonly FrozenDictionary<string, string> s_singleHolidays = Reader.Table(new[]
    {
        ("كريسماس", Holidays.Christmas), ("الكريسماس", Holidays.Christmas), ("رمضان", Holidays.Ramadan),
    });

    /// <summary>A part of a month: <c>منتصف آذار</c>, <c>نص شهر ثلاث</c>, <c>بداية شهر 3</c>, <c>أوائل مارس</c>, <c>أواخر شهر مارس</c>.</summary>
    private bool PartOfMonth(int i, out Match match)
    {
        match = default;
        if (!_r.Lookup(i, TimeWords.MonthParts, out MonthPart part, out int skip) || !MonthRef(i + 1, out When month, out int end, out int monthSkip) || monthSkip > 0)
        {
            return false;
        }

        month.Part = part;
        if (month.Month is not null && YearRef(end, month, out int yearEnd))
        {
            end = yearEnd;
        }

        match = new Match(end, skip, month);
        return true;
    }

    /// <summary>
    /// A day of this month alone, where nothing but a date can be meant: <c>يوم 27</c>; a day after
    /// في or إلى at the end of a clause (<c>عدت في 27!</c>, <c>عدت للثاني والعشرين</c>).
    /// </summary>
    private bool BareDay(int i, out Match match)
    {
        match = default;
        if (_r.IsAny(i, s_day) && _r.IsDigits(i + 1) && DayNumber(i + 1, out int named, out int namedEnd, out _) && ClauseEnds(namedEnd))
        {
            match = new Match(namedEnd, 0, new When { Day = named });
            return true;
        }

        if (!DayNumber(i, out int day, out int end, out int skip) || !ClauseEnds(end))
        {
            return false;
        }

        bool afterPreposition = i > 0 && _r.IsAny(i - 1, s_dayPrepositions);
        bool fusedLam = skip == 0 && _r.IsWord(i) && _r[i].Key.StartsWith("لل", StringComparison.Ordinal);
        if (!afterPreposition && !fusedLam)
        {
            return false;
        }

        match = new Match(end, skip, new When { Day = day });
        return true;
    }

    /// <summary>Whether a clause ends before token <paramref name="i"/>: the text's end, or a stop, comma or bracket.</summary>
    private bool ClauseEnds(int i) => i >= _r.Count || _r.IsSymbol(i, ".!?؟،,;:)»”\"");

    // ---- times of day -----------------------------------------------------------------------

    /// <summary>
    /// A time of day: <c>الساعة 3 صباحا</c>, <c>3:18 صباحا</c>, <c>15:23:24</c>, <c>الثالثة وربع بعد الظهر</c>,
    /// <c>الساعة 12 الا ربع قبل الظهر</c>, <c>الساعة الثالثة و18 دقيقة الصبح</c>, <c>الساعة 8 بتوقيت GMT</c>.
    /// </summary>
    private bool Time(int i, out Match match)
    {
        match = default;
        int j = i;
        bool clock = false;
        int skip = 0;
        if (_r.Lookup(j, s_clockTable, out _, out skip))
        {
            clock = true;
            j++;
        }

        int hour;
        int? minute = null;
        int? second = null;
        bool colon = false;
        bool wordHour = false;
        if (_r.IsDigits(j) && _r[j].Length <= 2 && _r[j].Number <= 24)
        {
            hour = (int)_r[j].Number;
            int start = j;
            j++;
            if (_r.IsSymbol(j, ':') && _r.Touches(start) && _r.Touches(j) && _r.IsDigits(j + 1) && _r[j + 1].Length == 2)
            {
                colon = true;
                minute = (int)_r[j + 1].Number;
                j += 2;
                if (_r.IsSymbol(j, ':') && _r.Touches(j - 1) && _r.Touches(j) && _r.IsDigits(j + 1) && _r[j + 1].Length == 2)
                {
                    second = (int)_r[j + 1].Number;
                    j += 2;
                }
            }
        }
        else if ((NumberWords.Ordinal(_r, j, out int ordinal, out int ordinalEnd, out int ordinalSkip) && ordinal is >= 1 and <= 12
                || NumberWords.Ordinal(_r, j, out ordinal, out ordinalEnd, out ordinalSkip, compound: false) && ordinal is >= 1 and <= 12)
            && (clock || ordinalSkip == 0))
        {
            hour = ordinal;
            wordHour = true;
            if (!clock)
            {
                skip = ordinalSkip;
            }

            j = ordinalEnd;
        }
        else if (clock && NumberWords.Cardinal(_r, j, out long cardinal, out int cardinalEnd, out int cardinalSkip) && cardinalSkip == 0 && cardinal is >= 1 and <= 12)
        {
            hour = (int)cardinal;
            wordHour = true;
            j = cardinalEnd;
        }
        else
        {
            return false;
        }

        // Made only once an hour is read: most tries stop before (a day's number, a count).
        var when = new When { Minute = minute, Second = second };
        bool minutes = false;
        if (!colon)
        {
            minutes = Minutes(j, ref hour, when, out j, needsWord: !clock);
        }

        bool period = Period(j, when, out j);
        bool zone = false;
        if (_r.IsAny(j, s_zoneWord) && _r.Lookup(j + 1, TimeWords.Zones, out int offset, out _, clitics: false))
        {
            when.Zone = TimeSpan.FromHours(offset);
            zone = true;
            j += 2;
        }

        if (!clock && !colon && !(wordHour && (minutes || period)))
        {
            return false;
        }

        if (zone && !clock && !colon)
        {
            return false;
        }

        when.Hour = hour;
        match = new Match(j, skip, when);
        return true;
    }

    private static readonly FrozenDictionary<string, bool> s_clockTable = Reader.Table(new[] { ("الساعة", true) });

    /// <summary>Minutes after the hour: <c>وربع</c>, <c>ونصف</c>, <c>إلا ثلث</c>, <c>و18 دقيقة</c>, <c>وخمس وأربعون دقيقة</c>.</summary>
    private bool Minutes(int i, ref int hour, When into, out int end, bool needsWord)
    {
        end = i;

        // و then a fraction: وربع, و ربع.
        if (_r.Lookup(i, TimeWords.HourFractions, out int fraction, out int fractionSkip) && fractionSkip == 1 && _r[i].Key[0] == 'و'
            || _r.IsAny(i, s_and) && _r.Lookup(i + 1, TimeWords.HourFractions, out fraction, out _, clitics: false) && (i++ >= 0))
        {
            into.Minute = fraction;
            end = i + 1;
            return true;
        }

        if (_r.IsAny(i, s_except) && _r.Lookup(i + 1, TimeWords.HourFractions, out fraction, out _, clitics: false))
        {
            hour = hour == 1 ? 12 : hour - 1;
            into.Minute = 60 - fraction;
            end = i + 2;
            return true;
        }

        // و then a number of minutes: و18 دقيقة, وثمانية عشرة دقيقة, و 18 دقيقة.
        int j = i;
        if (_r.IsAny(j, s_and))
        {
            j++;
        }

        long minutes;
        int numberEnd;
        if (_r.IsDigits(j) && _r[j].Length <= 2 && (j > i))
        {
            minutes = _r[j].Number;
            numberEnd = j + 1;
        }
        else if (NumberWords.Cardinal(_r, j, out minutes, out numberEnd, out int skip) && (j > i ? skip == 0 : skip == 1 && _r[j].Key[0] == 'و'))
        {
        }
        else
        {
            return false;
        }

        if (minutes is < 1 or > 59)
        {
            return false;
        }

        if (_r.IsAny(numberEnd, s_minuteWords))
        {
            numberEnd++;
        }
        else if ((j == i + 1 && _r.IsDigits(j)) || needsWord)
        {
            // و 18 alone is not clearly minutes, nor الخامسة والعشرين without الساعة (the 25th).
            return false;
        }

        into.Minute = (int)minutes;
        end = numberEnd;
        return true;
    }

    /// <summary>A part of the day after a time: <c>صباحا</c>, <c>بعد الظهر</c>, <c>قبل المغرب</c>, <c>هذا الصباح</c>, <c>هذه الليلة</c>.</summary>
    private bool Period(int i, When into, out int end)
    {
        end = i;
        if (_r.Lookup(i, TimeWords.Periods, out DayPeriod period, out _, clitics: false))
        {
            into.Period = period;
            end = i + 1;
            return true;
        }

        if (_r.IsAny(i, s_afterOrBefore) && _r.Lookup(i + 1, TimeWords.Periods, out period, out _, clitics: false))
        {
            bool after = _r.IsAny(i, s_after);
            into.Period = (after, period) switch
            {
                (true, DayPeriod.Noon) => DayPeriod.Evening,
                (false, DayPeriod.Noon) => DayPeriod.Morning,
                _ => DayPeriod.Evening,
            };
            end = i + 2;
            return true;
        }

        if (_r.IsAny(i, TimeWords.This) && (_r.IsAny(i + 1, s_morning) || _r.IsAny(i + 1, s_tonight) || _r.IsAny(i + 1, s_evening)))
        {
            into.Period = _r.IsAny(i + 1, s_morning) ? DayPeriod.Morning : DayPeriod.Evening;
            end = i + 2;
            return true;
        }

        return false;
    }

    /// <summary>A range of times: <c>من الساعة 3 الى الساعة 4 بعد العصر</c>, <c>من الساعة التاسعة وحتى الساعة الحادية عشرة صباحا</c>.</summary>
    private bool TimeRange(int i, out Match match)
    {
        match = default;
        int j = _r.IsAny(i, s_from) ? i + 1 : i;
        if (!Time(j, out Match from) || !_r.IsAny(from.End, s_to) || !Time(from.End + 1, out Match to))
        {
            return false;
        }

        if (from.When.Period == DayPeriod.None)
        {
            from.When.Period = to.When.Period;
        }

        When when = new When().Merge(from.When);
        when.To = to.When;
        match = new Match(to.End, j > i ? 0 : from.Skip, when);
        return true;
    }

    // ---- intervals --------------------------------------------------------------------------

    /// <summary>
    /// An interval of days or of times: <c>من 13 الى 15 يوليو</c>, <c>يوليو 13-15</c>, <c>13 الى 15 تموز</c>,
    /// <c>من 13 تموز الى 15 تموز</c>, <c>من الثالث والعشرون وحتى السادس والعشرين من شهر اكتوبر</c>,
    /// and the time ranges of <see cref="TimeRange"/>.
    /// </summary>
    private bool Interval(int i, out Match match)
    {
        match = default;
        bool found = false;
        Keep(ref match, ref found, TimeRange(i, out Match times), times);

        int j = _r.IsAny(i, s_from) ? i + 1 : i;

        // Day to day, then the month: من 13 الى 15 يوليو, 27-29 من الشهر الثامن.
        if (DayNumber(j, out int first, out int firstEnd, out int firstSkip) && (firstSkip == 0 || j == i)
            && (_r.IsAny(firstEnd, s_to) || (_r.IsSymbol(firstEnd, "-–") && _r.IsDigits(j)))
            && DayNumber(firstEnd + 1, out int last, out int lastEnd, out _) && last > first)
        {
            var when = new When { Day = first };
            if (MonthAfter(lastEnd, when, out int end) && when.Month is not null)
            {
                var to = new When { Day = last, Month = when.Month, Year = when.Year };
                when.To = to;
                Keep(ref match, ref found, true, new Match(end, j == i ? firstSkip : 0, when));
            }
        }

        // Month, then day to day: يوليو 13-15, تموز 13 الى 15.
        if (MonthName(j, out int month, out int monthEnd, out int monthSkip) && DayNumber(monthEnd, out first, out firstEnd, out int s1) && s1 == 0
            && (_r.IsAny(firstEnd, s_to) || _r.IsSymbol(firstEnd, "-–")) && DayNumber(firstEnd + 1, out last, out lastEnd, out _) && last > first)
        {
            var when = new When { Month = month, Day = first, To = new When { Month = month, Day = last } };
            int end = lastEnd;
            if (YearRef(end, when, out int yearEnd))
            {
                end = yearEnd;
                when.To.Year = when.Year;
            }

            Keep(ref match, ref found, true, new Match(end, j == i ? monthSkip : 0, when));
        }

        // Date to date: من 13 تموز الى 15 تموز.
        if (j > i && Calendar(j, out Match from) && from.When.Month is not null && _r.IsAny(from.End, s_to) && Calendar(from.End + 1, out Match until) && until.When.Month is not null)
        {
            When when = new When().Merge(from.When);
            when.To = until.When;
            Keep(ref match, ref found, true, new Match(until.End, 0, when));
        }

        return found;
    }

    /// <summary>Up to a time: <c>حتى الساعة 2:00</c>.</summary>
    private bool Until(int i, out Match match)
    {
        match = default;
        if (!_r.IsAny(i, s_until) || !Time(i + 1, out Match time))
        {
            return false;
        }

        match = new Match(time.End, 0, new When { Until = true, To = time.When });
        return true;
    }
}
