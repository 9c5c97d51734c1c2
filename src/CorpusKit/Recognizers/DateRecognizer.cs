using System;
using System.Collections.Generic;

namespace CorpusKit.Recognizers;

/// <summary>
/// A time expression found in a text: where it stands, the calendar date it writes (when it
/// writes one by itself), and its value against a reference time.
/// </summary>
public sealed class DateMention
{
    internal DateMention(TextSpan span, string text, PartialDate? date, TimeValue? value, bool isRelative, TextSpan? dateSpan)
    {
        Span = span;
        Text = text;
        Date = date;
        Value = value;
        IsRelative = isRelative;
        DateSpan = dateSpan;
    }

    /// <summary>Where the expression stands in the original text; a proclitic before it is left out (<c>بالأمس</c> gives <c>الأمس</c>).</summary>
    public TextSpan Span { get; }

    /// <summary>The original text of <see cref="Span"/>.</summary>
    public string Text { get; }

    /// <summary>
    /// The calendar date the text writes without help from a reference: <c>2016-01-12</c> for
    /// <c>الاثنين 12 يناير 2016</c>, <c>--08-15</c> for <c>15 اغسطس</c>, <c>2025-02</c> for
    /// <c>شباط 2025</c>, <c>2019</c> for <c>عام 2019</c>. Null for relative expressions
    /// (<c>غدا</c>, <c>الأسبوع المقبل</c>), times of day and intervals.
    /// </summary>
    public PartialDate? Date { get; }

    /// <summary>Where the calendar date of <see cref="Date"/> stands, without a weekday or relative word before it (<c>12 يناير 2016</c>).</summary>
    public TextSpan? DateSpan { get; }

    /// <summary>The value against the reference time given to <see cref="DateRecognizer.Find"/>; null without one for a relative expression, or when the parts name no real day (30 February).</summary>
    public TimeValue? Value { get; }

    /// <summary>Whether the value depends on when the text was written (a weekday, a shift, a date without a year, a time of day).</summary>
    public bool IsRelative { get; }

    /// <summary>The mention as <c>[start..end) text = value</c>.</summary>
    public override string ToString() => $"{Span} {Text} = {Date?.ToString() ?? Value?.ToString() ?? "?"}";
}

/// <summary>
/// Finds time expressions in Arabic text (and the English month and weekday names Arab news
/// writes): calendar dates in words and digits (both digit sets; d-m-y, y/m/d and ISO orders),
/// the month names of every region (<c>يناير</c>, <c>كانون الثاني</c>, <c>جانفي</c>) with slash
/// pairs, weekdays, relative days, weeks, months and years, times of day, intervals and
/// holidays. Spans point into the original text.
/// </summary>
/// <remarks>
/// The grammar is hand-written C# over the text's tokens, so nothing is parsed or compiled at
/// start-up and it runs under NativeAOT. Measured against the Arabic test suites of
/// Recognizers-Text and Duckling: see the peer-suite report in the repository's tests.
/// </remarks>
public static class DateRecognizer
{
    /// <summary>
    /// The time expressions of <paramref name="text"/>, in text order, none overlapping (where
    /// two could start at one word, the longer one). Relative expressions are resolved against
    /// <paramref name="reference"/> (for a news article, its publication time); without one,
    /// only calendar dates that give their year get a <see cref="DateMention.Value"/>.
    /// </summary>
    public static IReadOnlyList<DateMention> Find(string text, DateTimeOffset? reference = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        NormalizedText normalized = NormalizedText.Normalize(text, TextNormalization.Arabic);
        Token[] tokens = Tokens.Of(normalized.Span);
        var grammar = new TimeGrammar(new Reader(tokens));
        var found = new List<DateMention>();
        for (int i = 0; i < tokens.Length;)
        {
            if (tokens[i].Kind == TokenKind.Symbol || !grammar.Top(i, out TimeGrammar.Match match))
            {
                i++;
                continue;
            }

            When when = match.When;
            TextSpan span = normalized.ToOriginal(tokens[i].Start + match.Skip, tokens[match.End - 1].End);
            TimeValue? value = reference is { } at ? when.Resolve(at) : !when.IsRelative ? when.Resolve(DateTimeOffset.MinValue.AddYears(1)) : null;
            PartialDate? date = when.CalendarDate();
            TextSpan? dateSpan = date is not null && when.CoreStart >= 0
                ? normalized.ToOriginal(tokens[when.CoreStart].Start + when.CoreSkip, tokens[when.CoreEnd - 1].End)
                : null;
            found.Add(new DateMention(span, text.Substring(span.Start, span.Length), date, value, when.IsRelative, dateSpan));
            i = match.End;
        }

        return found;
    }
}
