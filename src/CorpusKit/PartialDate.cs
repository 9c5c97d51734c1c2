using System;
using System.Globalization;

namespace CorpusKit;

/// <summary>
/// A calendar date that may lack parts, as news text writes dates: a full date, a year and month,
/// a month and day (an annual date), or a year alone.
/// </summary>
public readonly struct PartialDate : IEquatable<PartialDate>, IComparable<PartialDate>
{
    private PartialDate(int? year, int? month, int? day)
    {
        Year = year;
        Month = month;
        Day = day;
    }

    /// <summary>The year (1 to 9999), when known.</summary>
    public int? Year { get; }

    /// <summary>The month (1 to 12), when known.</summary>
    public int? Month { get; }

    /// <summary>The day of the month, when known.</summary>
    public int? Day { get; }

    /// <summary>
    /// Creates a partial date from its known parts. The parts must form a full date, a year and
    /// month, a month and day, or a year alone, and the day must exist in its month (29 February
    /// only in a leap year, or with no year).
    /// </summary>
    public static bool TryCreate(int? year, int? month, int? day, out PartialDate date)
    {
        date = default;
        bool shapeOk = (year, month, day) switch
        {
            ({ }, { }, { }) => true,
            ({ }, { }, null) => true,
            (null, { }, { }) => true,
            ({ }, null, null) => true,
            _ => false,
        };
        if (!shapeOk
            || year is < 1 or > 9999
            || month is < 1 or > 12
            || day is < 1
            || (day is { } d && d > MaxDay(year, month!.Value)))
        {
            return false;
        }

        date = new PartialDate(year, month, day);
        return true;
    }

    /// <summary>Creates a partial date, or throws when the parts do not form one.</summary>
    public static PartialDate Create(int? year, int? month, int? day)
        => TryCreate(year, month, day, out PartialDate date)
            ? date
            : throw new ArgumentException($"({year}, {month}, {day}) is not a partial date.");

    /// <summary>Parses the ISO form written by <see cref="ToString"/>: <c>1991-12-08</c>, <c>1991-12</c>, <c>--12-08</c> or <c>1991</c>.</summary>
    public static bool TryParse(string? text, out PartialDate date)
    {
        date = default;
        if (text is null)
        {
            return false;
        }

        return text.Length switch
        {
            4 => TryNumber(text, 0, 4, out int y) && TryCreate(y, null, null, out date),
            // --MM-DD before YYYY-MM: both have a hyphen at index 4.
            7 when text.StartsWith("--", StringComparison.Ordinal) && text[4] == '-'
                => TryNumber(text, 2, 2, out int m) && TryNumber(text, 5, 2, out int d) && TryCreate(null, m, d, out date),
            7 when text[4] == '-' => TryNumber(text, 0, 4, out int y) && TryNumber(text, 5, 2, out int m) && TryCreate(y, m, null, out date),
            10 when text[4] == '-' && text[7] == '-'
                => TryNumber(text, 0, 4, out int y) && TryNumber(text, 5, 2, out int m) && TryNumber(text, 8, 2, out int d) && TryCreate(y, m, d, out date),
            _ => false,
        };
    }

    /// <summary>The ISO 8601 partial form: <c>1991-12-08</c>, <c>1991-12</c>, <c>--12-08</c> or <c>1991</c>.</summary>
    /// <remarks>The string is shared with the equal dates written before it on this thread (a date is every mention's key).</remarks>
    public override string ToString()
    {
        // A year has four digits (1 to 9999), so ten chars hold the longest form.
        Span<char> chars = stackalloc char[10];
        CultureInfo invariant = CultureInfo.InvariantCulture;
        int written = 0;
        bool done = (Year, Month, Day) switch
        {
            ({ } y, { } m, { } d) => chars.TryWrite(invariant, $"{y:D4}-{m:D2}-{d:D2}", out written),
            ({ } y, { } m, null) => chars.TryWrite(invariant, $"{y:D4}-{m:D2}", out written),
            (null, { } m, { } d) => chars.TryWrite(invariant, $"--{m:D2}-{d:D2}", out written),
            ({ } y, null, null) => y.TryFormat(chars, out written, "D4", invariant),
            _ => true,
        };

        return done ? Text.SharedStrings.Of(chars[..written]) : throw new InvalidOperationException("A partial date's year has more than four digits.");
    }

    /// <inheritdoc />
    public bool Equals(PartialDate other) => Year == other.Year && Month == other.Month && Day == other.Day;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PartialDate other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Year, Month, Day);

    /// <summary>Orders by year, then month, then day; a missing part sorts first.</summary>
    public int CompareTo(PartialDate other)
    {
        int result = Nullable.Compare(Year, other.Year);
        if (result == 0)
        {
            result = Nullable.Compare(Month, other.Month);
        }

        return result != 0 ? result : Nullable.Compare(Day, other.Day);
    }

    /// <summary>Equality of all three parts.</summary>
    public static bool operator ==(PartialDate left, PartialDate right) => left.Equals(right);

    /// <summary>Inequality of any part.</summary>
    public static bool operator !=(PartialDate left, PartialDate right) => !left.Equals(right);

    /// <summary>Orders partial dates.</summary>
    public static bool operator <(PartialDate left, PartialDate right) => left.CompareTo(right) < 0;

    /// <summary>Orders partial dates.</summary>
    public static bool operator >(PartialDate left, PartialDate right) => left.CompareTo(right) > 0;

    /// <summary>Orders partial dates.</summary>
    public static bool operator <=(PartialDate left, PartialDate right) => left.CompareTo(right) <= 0;

    /// <summary>Orders partial dates.</summary>
    public static bool operator >=(PartialDate left, PartialDate right) => left.CompareTo(right) >= 0;

    private static int MaxDay(int? year, int month) => month switch
    {
        2 => year is { } y && !DateTime.IsLeapYear(y) ? 28 : 29,
        4 or 6 or 9 or 11 => 30,
        _ => 31,
    };

    private static bool TryNumber(string text, int start, int length, out int value)
        => int.TryParse(text.AsSpan(start, length), NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
