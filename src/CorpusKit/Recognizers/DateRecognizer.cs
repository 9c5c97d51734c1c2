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

    /// <summary>The value against the reference time given to <see cref="DateRecognizer.Find(string, DateTimeOffset?)"/>; null without one for a relative expression, or when the parts name no real day (30 February).</summary>
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
        return Find(NormalizedText.Normalize(text, TextNormalization.Arabic), reference);
    }

    /// <summary>The time expressions of a text under Arabic normalization (a document's, whose excluded lines read as spaces).</summary>
    /// <remarks>
    /// Every time expression holds, among its first four tokens, a token that starts only near
    /// time expressions (a number, a month, a weekday, a unit, an ordinal, a relative day). The
    /// text is read a token at a time, one look-up per word; around each such starter a window
    /// (three tokens before it, up to <see cref="WindowTail"/> after the last starter in it) is
    /// handed to the grammar, which runs only where a time expression may begin.
    /// </remarks>
    internal static IReadOnlyList<DateMention> Find(NormalizedText normalized, DateTimeOffset? reference)
    {
        ReadOnlySpan<char> text = normalized.Span;
        var found = new List<DateMention>();
        var recent = new Token[3];
        int recentCount = 0;
        Token[] window = t_window ?? new Token[64];
        t_window = null; // a window grows while it is in use; taken, so a nested call gets its own
        int done = 0;
        int at = 0;
        while (Tokens.Next(text, ref at, out Token token))
        {
            if (!IsStarter(token, text))
            {
                Remember(recent, ref recentCount, token);
                continue;
            }

            int count = 0;
            for (int r = 0; r < recentCount; r++)
            {
                Add(ref window, ref count, recent[r]);
            }

            Add(ref window, ref count, token);
            for (int since = 0; since < WindowTail && Tokens.Next(text, ref at, out Token next);)
            {
                Add(ref window, ref count, next);
                since = IsStarter(next, text) ? 0 : since + 1;
            }

            done = Parse(normalized, window, count, reference, done, found);
            recentCount = 0;
            for (int r = Math.Max(0, count - 3); r < count; r++)
            {
                recent[recentCount++] = window[r] with { Key = null! };
            }

            Array.Clear(window, 0, count); // keeps no key alive past the text
        }

        t_window = window;
        return found;
    }

    /// <summary>The thread's window of tokens, kept from one text to the next (its tokens are cleared after each use).</summary>
    [ThreadStatic]
    private static Token[]? t_window;

    /// <summary>How many tokens a window runs past its last starter: more than the longest expression after its starter.</summary>
    private const int WindowTail = 24;


    private static void Remember(Token[] recent, ref int count, Token token)
    {
        if (count == recent.Length)
        {
            Array.Copy(recent, 1, recent, 0, recent.Length - 1);
            count--;
        }

        recent[count++] = token;
    }

    private static void Add(ref Token[] window, ref int count, Token token)
    {
        if (count == window.Length)
        {
            Array.Resize(ref window, window.Length * 2);
        }

        window[count++] = token;
    }

    private static bool IsStarter(Token token, ReadOnlySpan<char> text)
        => token.Kind == TokenKind.Digits || (token.Kind == TokenKind.Word && TimeWords.IsStarter(text[token.Start..token.End]));

    /// <summary>
    /// Runs the grammar over a window of tokens: at each token up to three before a starter that
    /// may begin an expression, none starting before <paramref name="done"/> (the end of the last
    /// one found); returns where the last one found ends.
    /// </summary>
    private static int Parse(NormalizedText normalized, Token[] tokens, int count, DateTimeOffset? reference, int done, List<DateMention> found)
    {
        ReadOnlySpan<char> text = normalized.Span;
        var grammar = new TimeGrammar(new Reader(tokens, count, normalized));
        int nextStarter = -1;
        for (int i = 0; i < count;)
        {
            if (nextStarter < i)
            {
                nextStarter = NextStarter(tokens, count, text, i);
            }

            if (nextStarter >= count)
            {
                break;
            }

            if (nextStarter - i > 3)
            {
                i = nextStarter - 3;
                continue;
            }

            Token token = tokens[i];
            if (token.Start < done
                || token.Kind == TokenKind.Symbol
                || (token.Kind == TokenKind.Word && !TimeWords.IsFirstWord(text[token.Start..token.End]))
                || !grammar.Top(i, out TimeGrammar.Match match))
            {
                i++;
                continue;
            }

            When when = match.When;
            string original = normalized.Original;
            TextSpan span = normalized.ToOriginal(tokens[i].Start + match.Skip, tokens[match.End - 1].End);
            TimeValue? value = reference is { } at ? when.Resolve(at) : !when.IsRelative ? when.Resolve(DateTimeOffset.MinValue.AddYears(1)) : null;
            PartialDate? date = when.CalendarDate();
            TextSpan? dateSpan = date is not null && when.CoreStart >= 0
                ? normalized.ToOriginal(tokens[when.CoreStart].Start + when.CoreSkip, tokens[when.CoreEnd - 1].End)
                : null;
            found.Add(new DateMention(span, original.Substring(span.Start, span.Length), date, value, when.IsRelative, dateSpan));
            done = tokens[match.End - 1].End;
            i = match.End;
        }

        return done;
    }

    /// <summary>The first token at or after <paramref name="from"/> that can begin a time expression's core, or <paramref name="count"/>.</summary>
    private static int NextStarter(Token[] tokens, int count, ReadOnlySpan<char> text, int from)
    {
        for (int k = from; k < count; k++)
        {
            if (IsStarter(tokens[k], text))
            {
                return k;
            }
        }

        return count;
    }
}
