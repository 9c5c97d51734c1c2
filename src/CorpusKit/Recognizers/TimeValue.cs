using System;
using System.Globalization;

namespace CorpusKit.Recognizers;

/// <summary>The unit a time value is given to: what the text names (a day, a week, a minute).</summary>
public enum TimeGrain
{
    /// <summary>A moment, to the second (<c>الآن</c>, <c>15:23:24</c>).</summary>
    Second,

    /// <summary>A minute of a day (<c>3:18 صباحا</c>).</summary>
    Minute,

    /// <summary>An hour of a day (<c>الساعة 3 عصرا</c>).</summary>
    Hour,

    /// <summary>A day (<c>12 يناير 2016</c>, <c>غدا</c>).</summary>
    Day,

    /// <summary>A week, from Monday (<c>الأسبوع المقبل</c>).</summary>
    Week,

    /// <summary>A month (<c>شباط 2025</c>).</summary>
    Month,

    /// <summary>A year (<c>عام 2019</c>).</summary>
    Year,
}

/// <summary>
/// A time expression resolved against a reference time: an instant given to its grain (its
/// start), or an interval from <see cref="Start"/> up to <see cref="End"/> (exclusive).
/// </summary>
/// <param name="Start">The first moment the expression names, in the reference's local time.</param>
/// <param name="End">For an interval, the first moment after it; null for an instant.</param>
/// <param name="Grain">The unit the text gives the value to.</param>
public readonly record struct TimeValue(DateTime Start, DateTime? End, TimeGrain Grain)
{
    /// <summary>Whether the value is an interval (<c>من 13 إلى 15 تموز</c>, <c>الليلة</c>).</summary>
    public bool IsInterval => End is not null;

    /// <summary>The value as ISO 8601: <c>2013-02-12T15:00:00 (hour)</c>, or <c>start/end (grain)</c> for an interval.</summary>
    public override string ToString()
    {
        string start = Start.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        string grain = Grain.ToString().ToLowerInvariant();
        return End is { } end
            ? $"{start}/{end.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)} ({grain})"
            : $"{start} ({grain})";
    }
}
