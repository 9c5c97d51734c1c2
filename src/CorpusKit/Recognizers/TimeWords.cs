using System;
using System.Collections.Frozen;
using System.Collections.Generic;

namespace CorpusKit.Recognizers;

/// <summary>
/// The words of time expressions, folded as tokens are: month names of every region with their
/// spellings, weekdays, units, directions, parts of the day and of the month, and holidays.
/// </summary>
internal static class TimeWords
{
    /// <summary>True once this class's tables are built; read by <see cref="Vocabulary"/> to have them registered before it is sealed.</summary>
    internal static readonly bool TablesBuilt = true;

    /// <summary>
    /// Month names: Modern Standard and Egyptian (يناير …), Levantine and Iraqi (كانون الثاني …),
    /// Maghrebi (جانفي …, Morocco's يوليوز, غشت, شتنبر, نونبر, دجنبر, and Mauritania's أغشت,
    /// دجمبر), and English. The
    /// two-word Levantine names are in <see cref="MonthHeads"/>.
    /// </summary>
    public static readonly FrozenDictionary<string, int> Months = Reader.Table(MonthNames());

    /// <summary>The first word of a two-word month (كانون, تشرين), with the month it names before الأول and before الثاني.</summary>
    public static readonly FrozenDictionary<string, (int WithFirst, int WithSecond)> MonthHeads = Reader.Table(new[]
    {
        ("كانون", (12, 1)),
        ("تشرين", (10, 11)),
    });

    /// <summary>The second word of a two-word month: 1 for "the first" (الأول), 2 for "the second" (الثاني).</summary>
    public static readonly FrozenDictionary<string, int> MonthHeadOrder = Reader.Table(new[]
    {
        ("الأول", 1), ("أول", 1), ("الثاني", 2), ("ثاني", 2),
    });

    /// <summary>Weekdays with the article (الاثنين), which stand alone as a date.</summary>
    public static readonly FrozenDictionary<string, DayOfWeek> Weekdays = Reader.Table(WeekdayNames(definite: true));

    /// <summary>Weekdays without the article (اثنين), which stand only after an ordinal, يوم, or before الأسبوع.</summary>
    public static readonly FrozenDictionary<string, DayOfWeek> BareWeekdays = Reader.Table(WeekdayNames(definite: false));

    /// <summary>Units of time, singular, dual (an amount of two) and plural.</summary>
    public static readonly FrozenDictionary<string, (TimeGrain Unit, int Count)> Units = Reader.Table(UnitWords());

    /// <summary>Directions after a unit or a weekday: +1 next, −1 last, 0 this one.</summary>
    public static readonly FrozenDictionary<string, int> Directions = Reader.Table(new[]
    {
        ("القادم", 1), ("القادمة", 1), ("المقبل", 1), ("المقبلة", 1), ("التالي", 1), ("التالية", 1),
        ("الجاي", 1), ("الجاية", 1), ("الآتي", 1), ("الآتية", 1), ("الموالي", 1), ("الموالية", 1),
        ("الماضي", -1), ("الماض", -1), ("الماضية", -1), ("السابق", -1), ("السابقة", -1),
        ("المنصرم", -1), ("المنصرمة", -1), ("الفائت", -1), ("الفائتة", -1), ("المنقضي", -1),
        ("الحالي", 0), ("الحالية", 0), ("الجاري", 0), ("الجارية", 0),
    });

    /// <summary>This (هذا, هذه), before a unit or a weekday.</summary>
    public static readonly FrozenSet<string> This = Reader.Set("هذا", "هذه");

    /// <summary>Words for a day relative to today.</summary>
    public static readonly FrozenDictionary<string, int> RelativeDays = Reader.Table(new[]
    {
        ("اليوم", 0),
        ("غدا", 1), ("غداً", 1), ("بكرة", 1), ("بكرا", 1), ("الغد", 1),
        ("أمس", -1), ("الأمس", -1), ("البارحة", -1), ("امبارح", -1), ("إمبارح", -1),
    });

    /// <summary>Parts of the day, and where they put an hour.</summary>
    public static readonly FrozenDictionary<string, DayPeriod> Periods = Reader.Table(new[]
    {
        ("صباحا", DayPeriod.Morning), ("صباحاً", DayPeriod.Morning), ("صباح", DayPeriod.Morning), ("الصباح", DayPeriod.Morning),
        ("الصبح", DayPeriod.Morning), ("فجرا", DayPeriod.Morning), ("الفجر", DayPeriod.Morning), ("ص", DayPeriod.Morning),
        ("am", DayPeriod.Morning),
        ("ظهرا", DayPeriod.Noon), ("ظهراً", DayPeriod.Noon), ("الظهر", DayPeriod.Noon), ("الظهيرة", DayPeriod.Noon),
        ("عصرا", DayPeriod.Evening), ("العصر", DayPeriod.Evening), ("مساء", DayPeriod.Evening), ("مساءا", DayPeriod.Evening),
        ("مساءً", DayPeriod.Evening), ("المساء", DayPeriod.Evening), ("ليلا", DayPeriod.Evening), ("ليلاً", DayPeriod.Evening),
        ("الليل", DayPeriod.Evening), ("المغرب", DayPeriod.Evening), ("العشاء", DayPeriod.Evening), ("م", DayPeriod.Evening),
        ("pm", DayPeriod.Evening),
    });

    /// <summary>Parts of a month.</summary>
    public static readonly FrozenDictionary<string, MonthPart> MonthParts = Reader.Table(new[]
    {
        ("بداية", MonthPart.Beginning), ("مطلع", MonthPart.Beginning), ("أول", MonthPart.Beginning),
        ("أوائل", MonthPart.Early),
        ("منتصف", MonthPart.Middle), ("نصف", MonthPart.Middle), ("نص", MonthPart.Middle), ("أواسط", MonthPart.Middle),
        ("أواخر", MonthPart.Late),
    });

    /// <summary>Fractions of an hour after و or إلا.</summary>
    public static readonly FrozenDictionary<string, int> HourFractions = Reader.Table(new[]
    {
        ("ربع", 15), ("ربعا", 15), ("ربعاً", 15), ("نصف", 30), ("نص", 30), ("النصف", 30), ("ثلث", 20), ("ثلثا", 20),
    });

    /// <summary>Time zones after بتوقيت.</summary>
    public static readonly FrozenDictionary<string, int> Zones = Reader.Table(new[]
    {
        ("gmt", 0), ("utc", 0), ("غرينتش", 0), ("جرينتش", 0), ("غرينيتش", 0),
        ("موسكو", 3), ("مكة", 3), ("الرياض", 3), ("القاهرة", 2), ("بيروت", 2), ("دمشق", 3),
        ("طهران", 3), ("بكين", 8), ("أنقرة", 3), ("إسطنبول", 3),
    });

    /// <summary>
    /// The words a time expression's core begins with or holds among its first four tokens:
    /// months, weekdays, units, relative days, ordinals, and the words of times, holidays and the
    /// present moment. Digits count too (<see cref="DateRecognizer"/> checks them apart).
    /// </summary>
    private static readonly FrozenSet<string> s_starters = Starters();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_startersBySpan = s_starters.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly SuffixFilter s_startersFilter = new(s_starters);

    private static FrozenSet<string> Starters()
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        words.UnionWith(Months.Keys);
        words.UnionWith(MonthHeads.Keys);
        words.UnionWith(Weekdays.Keys);
        words.UnionWith(BareWeekdays.Keys);
        words.UnionWith(RelativeDays.Keys);
        words.UnionWith(Units.Keys);
        words.UnionWith(NumberWords.OrdinalKeys);
        foreach (string word in new[] { "الساعة", "الآن", "الان", "حالا", "حالاً", "الليلة", "اللحظة", "عيد", "رمضان", "كريسماس", "الكريسماس", "غد", "امس" })
        {
            words.Add(Tokens.Fold(word));
        }

        return words.ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// The words a time expression may begin with: the starters, and the words that lead into
    /// one (من 13 …, في 27, قبل يوم أمس, هذا الأسبوع, خلال أسبوعين, حتى الساعة, آخر اثنين, منتصف آذار).
    /// </summary>
    private static readonly FrozenSet<string> s_firstWords = FirstWords();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_firstWordsBySpan = s_firstWords.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly SuffixFilter s_firstWordsFilter = new(s_firstWords);

    /// <summary>The words a time expression may begin with, folded (for tests).</summary>
    public static FrozenSet<string> FirstWordKeys => s_firstWords;

    private static FrozenSet<string> FirstWords()
    {
        var words = new HashSet<string>(s_starters, StringComparer.Ordinal);
        words.UnionWith(MonthParts.Keys);
        words.UnionWith(NumberWords.CardinalKeys);
        foreach (string word in new[]
        {
            "من", "في", "إلى", "الى", "قبل", "بعد", "منذ", "خلال", "هذا", "هذه", "حتى", "آخر", "اخر", "أول", "رأس", "راس",
            "عام", "سنة", "العام", "السنة", "شهر", "الشهر", "الأسبوع", "أسبوع", "بتاريخ",
        })
        {
            words.Add(Tokens.Fold(word));
        }

        return words.ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>Whether a time expression may begin with <paramref name="word"/>, alone or after proclitics.</summary>
    public static bool IsFirstWord(ReadOnlySpan<char> word) => s_firstWordsFilter.MayHold(word) && IsIn(word, s_firstWordsBySpan);

    /// <summary>Whether <paramref name="word"/> (as it stands in the normalized text) is one of the starters, alone or after proclitics.</summary>
    public static bool IsStarter(ReadOnlySpan<char> word) => s_startersFilter.MayHold(word) && IsIn(word, s_startersBySpan);

    private static bool IsIn(ReadOnlySpan<char> word, FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> set)
    {
        if (word.Length > 24)
        {
            return false;
        }

        Span<char> folded = stackalloc char[word.Length];
        folded = folded[..Tokens.Fold(word, folded)];
        if (set.Contains(folded))
        {
            return true;
        }

        Span<CliticForm> forms = stackalloc CliticForm[3];
        Span<char> article = stackalloc char[folded.Length];
        foreach (CliticForm form in forms[..Reader.CliticForms(folded, forms)])
        {
            if (set.Contains(form.Of(folded, article)))
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<(string, int)> MonthNames()
    {
        string[][] names =
        [
            ["يناير", "جانفي", "january", "jan"],
            ["فبراير", "فبرایر", "فيفري", "شباط", "february", "feb"],
            ["مارس", "آذار", "اذار", "march", "mar"],
            ["أبريل", "إبريل", "ابريل", "أفريل", "نيسان", "april", "apr"],
            ["مايو", "ماي", "أيار", "ايار", "may"],
            ["يونيو", "يونيه", "يونية", "جوان", "حزيران", "june", "jun"],
            ["يوليو", "يوليه", "يولية", "جويلية", "جويليه", "يوليوز", "تموز", "july", "jul"],
            ["أغسطس", "اغسطس", "أغسطوس", "أوت", "غشت", "أغشت", "آب", "august", "aug"],
            ["سبتمبر", "شتنبر", "أيلول", "ايلول", "september", "sep", "sept"],
            ["أكتوبر", "اكتوبر", "october", "oct"],
            ["نوفمبر", "نونبر", "november", "nov"],
            ["ديسمبر", "دجنبر", "دجمبر", "december", "dec"],
        ];
        for (int month = 1; month <= names.Length; month++)
        {
            foreach (string name in names[month - 1])
            {
                yield return (name, month);
            }
        }
    }

    private static IEnumerable<(string, DayOfWeek)> WeekdayNames(bool definite)
    {
        (DayOfWeek Day, string[] Names)[] days =
        [
            (DayOfWeek.Sunday, ["أحد"]),
            (DayOfWeek.Monday, ["اثنين", "إثنين"]),
            (DayOfWeek.Tuesday, ["ثلاثاء", "ثلاثا"]),
            (DayOfWeek.Wednesday, ["أربعاء", "أربعا"]),
            (DayOfWeek.Thursday, ["خميس"]),
            (DayOfWeek.Friday, ["جمعة"]),
            (DayOfWeek.Saturday, ["سبت"]),
        ];
        foreach ((DayOfWeek day, string[] names) in days)
        {
            foreach (string name in names)
            {
                yield return (definite ? "ال" + name : name, day);
            }
        }

        if (definite)
        {
            foreach ((string name, DayOfWeek day) in new[]
            {
                ("sunday", DayOfWeek.Sunday), ("monday", DayOfWeek.Monday), ("tuesday", DayOfWeek.Tuesday),
                ("wednesday", DayOfWeek.Wednesday), ("thursday", DayOfWeek.Thursday), ("friday", DayOfWeek.Friday),
                ("saturday", DayOfWeek.Saturday),
            })
            {
                yield return (name, day);
            }
        }
    }

    private static IEnumerable<(string, (TimeGrain, int))> UnitWords()
    {
        (TimeGrain Unit, string[] Singular, string[] Dual, string[] Plural)[] units =
        [
            (TimeGrain.Day, ["يوم"], ["يومين", "يومان"], ["أيام"]),
            (TimeGrain.Week, ["أسبوع"], ["أسبوعين", "أسبوعان"], ["أسابيع"]),
            (TimeGrain.Month, ["شهر"], ["شهرين", "شهران"], ["أشهر", "شهور"]),
            (TimeGrain.Year, ["سنة", "عام"], ["سنتين", "سنتان", "عامين", "عامان"], ["سنوات", "سنين", "أعوام"]),
            (TimeGrain.Hour, ["ساعة"], ["ساعتين", "ساعتان"], ["ساعات"]),
            (TimeGrain.Minute, ["دقيقة"], ["دقيقتين", "دقيقتان"], ["دقائق"]),
        ];
        foreach ((TimeGrain unit, string[] singular, string[] dual, string[] plural) in units)
        {
            foreach (string word in singular)
            {
                yield return (word, (unit, 1));
                yield return ("ال" + word, (unit, 1));
            }

            foreach (string word in dual)
            {
                yield return (word, (unit, 2));
            }

            foreach (string word in plural)
            {
                yield return (word, (unit, 0));
                yield return ("ال" + word, (unit, 0));
            }
        }
    }
}
