using System;
using System.Threading;
using CorpusKit.CompilerServices;
using CorpusKit.Text;

namespace CorpusKit.Tests;

/// <summary>
/// The strings of short texts that extraction shares on a thread: the same chars give the same
/// string, long texts and other threads get their own, and the set starts again past its bound.
/// </summary>
public sealed class SharedStringsTests
{
    [Fact]
    public void The_same_chars_give_the_same_string_and_other_chars_another()
    {
        string text = "روسيا وروسيا وبيلاروسيا";

        string first = SharedStrings.Of(text.AsSpan(0, 5));
        string second = SharedStrings.Of(text.AsSpan(7, 5));
        string other = SharedStrings.Of(text.AsSpan(14, 9));

        Assert.Equal("روسيا", first);
        Assert.Same(first, second);
        Assert.Equal("بيلاروسيا", other);
        Assert.Same(string.Empty, SharedStrings.Of([]));
    }

    [Fact]
    public void A_text_at_the_longest_shared_is_shared_and_one_char_longer_is_not()
    {
        string text = new string('ب', SharedStrings.LongestShared + 1) + " " + new string('ب', SharedStrings.LongestShared + 1);
        int second = SharedStrings.LongestShared + 2;

        Assert.Same(SharedStrings.Of(text.AsSpan(0, SharedStrings.LongestShared)), SharedStrings.Of(text.AsSpan(second, SharedStrings.LongestShared)));
        string longer = SharedStrings.Of(text.AsSpan(0, SharedStrings.LongestShared + 1));
        Assert.Equal(text.Substring(second, SharedStrings.LongestShared + 1), longer);

        // Not in the set: another long text in between, and the same chars are a string of their own.
        SharedStrings.Of(new string('ت', SharedStrings.LongestShared + 1));
        Assert.NotSame(longer, SharedStrings.Of(text.AsSpan(second, SharedStrings.LongestShared + 1)));
    }

    [Fact]
    public void The_last_long_text_is_given_again_up_to_the_longest_remembered()
    {
        // A quote: its span's text and its text field, asked one after the other.
        string quote = "إن روسيا تركز على مهمة تشكيل هيكل جديد للأمن في أوراسيا";
        string text = "وقال: \"" + quote + "\". وأضاف: \"" + quote + "\".";
        int first = text.IndexOf(quote, StringComparison.Ordinal);
        int second = text.LastIndexOf(quote, StringComparison.Ordinal);

        string made = SharedStrings.Of(text.AsSpan(first, quote.Length));
        Assert.Same(made, SharedStrings.Of(text.AsSpan(second, quote.Length)));
        Assert.Equal(quote, made);

        // One char shorter is other chars: a string of its own, which is now the last one.
        string shorter = SharedStrings.Of(text.AsSpan(first, quote.Length - 1));
        Assert.Equal(quote[..^1], shorter);
        Assert.NotSame(made, SharedStrings.Of(text.AsSpan(second, quote.Length)));

        string atBound = new('ق', SharedStrings.LongestRemembered);
        string remembered = SharedStrings.Of(atBound);
        Assert.Same(remembered, SharedStrings.Of(atBound.ToCharArray()));
        string pastBound = atBound + "ق";
        Assert.NotSame(SharedStrings.Of(pastBound), SharedStrings.Of(pastBound.ToCharArray()));
    }

    [Fact]
    public void The_set_holds_its_most_strings_and_starts_again_at_one_more()
    {
        // On a thread of its own, so the count starts at nothing.
        int atBound = -1, afterBound = -1;
        bool firstKeptAtBound = false;
        var thread = new Thread(() =>
        {
            string first = SharedStrings.Of("w0");
            for (int i = 1; i < SharedStrings.MostStrings; i++)
            {
                SharedStrings.Of("w" + i);
            }

            atBound = SharedStrings.Count;
            firstKeptAtBound = ReferenceEquals(first, SharedStrings.Of("w0"));
            SharedStrings.Of("one more");
            afterBound = SharedStrings.Count;
        });
        thread.Start();
        thread.Join();

        Assert.Equal(SharedStrings.MostStrings, atBound);
        Assert.True(firstKeptAtBound);
        Assert.Equal(1, afterBound);
    }

    [Fact]
    public void Another_thread_makes_its_own_string()
    {
        string mine = SharedStrings.Of("لافروف");
        string? theirs = null;
        var thread = new Thread(() => theirs = SharedStrings.Of("لافروف"));
        thread.Start();
        thread.Join();

        Assert.Equal(mine, theirs);
        Assert.NotSame(mine, theirs);
    }

    [Fact]
    public void The_mentions_of_one_name_share_its_string()
    {
        var context = new ExtractionContext("قال لافروف إن لافروف");

        Assert.Same(Captures.Text(context, new TextSpan(4, 6)), Captures.Text(context, new TextSpan(14, 6)));
        Assert.Equal("لافروف", Captures.Text(context, new TextSpan(4, 6)));
    }

    [Fact]
    public void A_quotes_span_text_and_its_field_are_one_string()
    {
        const string quote = "إن التعاون بين بلدينا يقوم على الثقة والاحترام المتبادل";
        var context = new ExtractionContext("وقال الوزير: «" + quote + "».");
        NormalizedText normalized = context.GetText(TextNormalization.Arabic);
        int start = normalized.Text.IndexOf('«') + 1;
        TextSpan span = normalized.ToOriginal(start, start + quote.Length);

        string field = Captures.String(normalized, start, start + quote.Length);
        Assert.Same(field, Captures.Text(context, span));
        Assert.Equal(quote, field);
    }
}
