using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using CorpusKit.Text;

namespace CorpusKit.CompilerServices;

/// <summary>Reads typed field values out of matches; generated extractors call these.</summary>
/// <remarks>For generated code: CorpusKit's generator emits the calls to this type; it is not meant to be called by hand and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Captures
{
    /// <summary>The original text under a group, or null when the group did not take part.</summary>
    public static string? String(NormalizedText text, PatternGroup group)
    {
        ArgumentNullException.ThrowIfNull(text);
        return group.Success ? text.OriginalText(group.Index, group.Index + group.Length) : null;
    }

    /// <summary>The original text of a whole match.</summary>
    public static string String(NormalizedText text, PatternMatch match)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(match);
        return text.OriginalText(match.Index, match.End);
    }

    /// <summary>The original text of the normalized range <c>[start, end)</c>.</summary>
    public static string String(NormalizedText text, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.OriginalText(start, end);
    }

    /// <summary>
    /// The original text the steps <paramref name="first"/> to <paramref name="last"/> of a
    /// sequence match took together (a field that several consecutive steps fill with one
    /// <c>as:</c>), from the first step that took some text to the last; null when none did. A step
    /// skipped, or one that matched no chars (an optional pattern, after the spaces between steps),
    /// adds nothing: not even the space before it.
    /// </summary>
    public static string? Steps(NormalizedText text, SequenceMatch match, int first, int last)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(match);
        ReadOnlySpan<StepMatch> steps = match.Steps;
        return TrimToTaken(steps, ref first, ref last) ? text.OriginalText(steps[first].Start, steps[last].End) : null;
    }

    /// <summary>
    /// The original span of steps <paramref name="first"/> to <paramref name="last"/> of a
    /// sequence match, which share a name (<c>span:</c>): as <see cref="Steps"/> reads them, from
    /// the first step that took chars to the last; <paramref name="fallback"/> when none did.
    /// </summary>
    public static TextSpan StepsSpan(NormalizedText text, SequenceMatch match, int first, int last, TextSpan fallback)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(match);
        ReadOnlySpan<StepMatch> steps = match.Steps;
        return TrimToTaken(steps, ref first, ref last) ? text.ToOriginal(steps[first].Start, steps[last].End) : fallback;
    }

    /// <summary>Moves <paramref name="first"/> and <paramref name="last"/> inward past the steps that took no chars; false when none did.</summary>
    private static bool TrimToTaken(ReadOnlySpan<StepMatch> steps, ref int first, ref int last)
    {
        while (first <= last && TookNothing(steps[first]))
        {
            first++;
        }

        while (last >= first && TookNothing(steps[last]))
        {
            last--;
        }

        return first <= last;
    }

    private static bool TookNothing(StepMatch step) => step.IsSkipped || step.End == step.Start;

    /// <summary>The original text of <paramref name="span"/> (a string shared with the mentions of the same text before it on this thread).</summary>
    public static string Text(ExtractionContext context, TextSpan span)
    {
        ArgumentNullException.ThrowIfNull(context);
        return SharedStrings.Of(context.Text.AsSpan(span.Start, span.Length));
    }

    /// <summary>The normalized text under a group (digits already ASCII), or null.</summary>
    public static string? Value(PatternGroup group) => group.Success ? group.Value : null;

    /// <summary>The span of the original text under a group, or <paramref name="fallback"/> when it did not take part.</summary>
    public static TextSpan Span(NormalizedText text, PatternGroup group, TextSpan fallback)
    {
        ArgumentNullException.ThrowIfNull(text);
        return group.Success ? text.ToOriginal(group.Index, group.Index + group.Length) : fallback;
    }

    /// <summary>A whole number, or null.</summary>
    public static int? Int(string? value) => value is not null && FieldParsers.TryParseInt(value, out int result) ? result : null;

    /// <summary>A decimal number, or null.</summary>
    public static decimal? Decimal(string? value) => value is not null && FieldParsers.TryParseDecimal(value, out decimal result) ? result : null;

    /// <summary>A yes or no, or null.</summary>
    public static bool? Bool(string? value) => value is not null && FieldParsers.TryParseBool(value, out bool result) ? result : null;

    /// <summary>An ISO partial date (<c>1991-12-08</c>, <c>1991-12</c>, <c>--12-08</c>, <c>1991</c>), or null.</summary>
    public static PartialDate? Date(string? value) => PartialDate.TryParse(value?.Trim(), out PartialDate result) ? result : null;

    /// <summary>A partial date from its parts, or null when they do not form one.</summary>
    public static PartialDate? Date(int? year, int? month, int? day)
        => PartialDate.TryCreate(year, month, day, out PartialDate date) ? date : null;

    /// <summary>
    /// The Gregorian day of a Hijri date (<c>27 جمادى الأولى 1447هـ</c> is 2025-11-18), by the Umm
    /// al-Qura calendar the Gulf's official dates follow (.NET's <see cref="UmAlQuraCalendar"/>,
    /// 1318 to 1500 AH); null when a part is missing or the date is not one of that calendar: without
    /// its year a Hijri day names no Gregorian one.
    /// </summary>
    public static PartialDate? HijriDate(int? year, int? month, int? day) => GregorianDay(s_hijri, year, month, day);

    private static readonly UmAlQuraCalendar s_hijri = new();

    /// <summary>
    /// The Gregorian day of a Solar Hijri (Shamsi) date, the calendar of Iran's and Afghanistan's
    /// official dates (<c>٢٥ آبان ١٤٠٤</c> is 2025-11-16; 1 Farvardin 1404 is 2025-03-21), by .NET's
    /// <see cref="PersianCalendar"/>; null when a part is missing or the date is not one of that
    /// calendar (a 31st of a month after the sixth, a 30 Esfand of a common year).
    /// </summary>
    public static PartialDate? ShamsiDate(int? year, int? month, int? day) => GregorianDay(s_shamsi, year, month, day);

    /// <summary>The Gregorian day of a date of <paramref name="calendar"/>, or null when a part is missing or the calendar has no such date in its range.</summary>
    private static PartialDate? GregorianDay(Calendar calendar, int? year, int? month, int? day)
    {
        if (year is not int y || month is not int m || day is not int d
            || y < calendar.GetYear(calendar.MinSupportedDateTime) || y > calendar.GetYear(calendar.MaxSupportedDateTime)
            || m < 1 || m > 12 || d < 1 || d > calendar.GetDaysInMonth(y, m))
        {
            return null;
        }

        DateTime gregorian = calendar.ToDateTime(y, m, d, 0, 0, 0, 0);
        return Date(gregorian.Year, gregorian.Month, gregorian.Day);
    }

    private static readonly PersianCalendar s_shamsi = new();

    /// <summary>The year under a group: four digits in any script.</summary>
    public static int? Year(PatternGroup group) => Int(Value(group));

    /// <summary>The day under a group, with an optional ordinal suffix (10th).</summary>
    public static int? Day(PatternGroup group)
    {
        string? value = Value(group);
        return value is not null && FieldParsers.TryParseDay(value, out int day) ? day : null;
    }

    /// <summary>The month a group of digits names (1 to 12), or null when the group did not take part or holds no number.</summary>
    public static int? Month(PatternGroup group) => Int(Value(group));

    /// <summary>
    /// The month a group names: a number, or a form of dictionary <paramref name="months"/> of
    /// <paramref name="index"/> whose key is the month's number (<paramref name="keys"/>).
    /// </summary>
    public static int? Month(PatternGroup group, TermIndex index, int months, int[] keys)
        => Named(Value(group), index, months, keys, Int);

    /// <summary>
    /// The day a group names: a number (with an ordinal suffix, 10th), or a form of dictionary
    /// <paramref name="days"/> of <paramref name="index"/> whose key is the day's number (الخامس).
    /// </summary>
    public static int? Day(PatternGroup group, TermIndex index, int days, int[] keys)
        => Named(Value(group), index, days, keys, static value => FieldParsers.TryParseDay(value, out int day) ? day : null);

    /// <summary>A number in <paramref name="value"/> as <paramref name="parse"/> reads it, else the key of its form in dictionary <paramref name="dictionary"/>.</summary>
    private static int? Named(string? value, TermIndex index, int dictionary, int[] keys, Func<string, int?> parse)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(keys);
        if (value is null)
        {
            return null;
        }

        return parse(value) ?? (index.TryGetValue(value.AsSpan().Trim(), dictionary, out int key) ? keys[key] : null);
    }

    /// <summary>The original text of every capture of a group (a group inside a repeated part), in order.</summary>
    public static IReadOnlyList<string> Strings(NormalizedText text, PatternGroup group)
    {
        ArgumentNullException.ThrowIfNull(text);
        var values = new List<string>(group.CaptureCount);
        for (int k = 0; k < group.CaptureCount; k++)
        {
            (int index, int length) = group.Capture(k);
            values.Add(text.OriginalText(index, index + length));
        }

        return values;
    }

    /// <summary>Every capture of a group, converted; captures that do not convert are left out.</summary>
    public static IReadOnlyList<T> Values<T>(PatternGroup group, Func<string, T?> convert)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(convert);
        var values = new List<T>(group.CaptureCount);
        for (int k = 0; k < group.CaptureCount; k++)
        {
            if (convert(group.CaptureValue(k)) is T value)
            {
                values.Add(value);
            }
        }

        return values;
    }
}
