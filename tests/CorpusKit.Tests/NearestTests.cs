using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using CorpusKit.CompilerServices;
using CsCheck;

namespace CorpusKit.Tests;

/// <summary>
/// <c>nearest(…)</c> on its own: the static API and <see cref="NearestIndex{T}"/> against the
/// implementation they replace (<see cref="ReferenceNearest"/>) on generated texts and candidates,
/// the edges by hand, and the index at 200,000 candidates.
/// </summary>
public sealed class NearestTests
{
    private static readonly TextScope[] s_scopes = [TextScope.Sentence, TextScope.Paragraph, TextScope.Document];

    private static readonly NearestDirection[] s_directions = [NearestDirection.Before, NearestDirection.After];

    /// <summary>Words, spaces, every break, and full stops that are none: a decimal, initials, a letter or digit before a stop, an abbreviation (هـ.ش).</summary>
    private static readonly string[] s_pieces =
        ["بوتين", "قال", "x", " ", " ", "، ", ". ", ".", "!", "?", "؟", "…", "۔", "\n", "\r\n", "\u2029", "1.5", "ا. ا. ", "ب.", "7.", ".3", "هـ.ش", "«", "»"];

    private static readonly Gen<string> s_text = Gen.OneOf(s_pieces).Array[0, 16].Select(pieces => string.Concat(pieces));

    /// <summary>Steps that each make a span from the one before: anywhere, touching it, ending where it ends, empty at its end, the same again.</summary>
    private static readonly Gen<(int Kind, int A, int B)[]> s_steps =
        Gen.Select(Gen.Int[0, 4], Gen.Int[0, 1000], Gen.Int[0, 6], (kind, a, b) => (kind, a, b)).Array[0, 14];

    /// <summary>The breaks go into a rented array of 64 that grows: every one is kept at 64, at 65 and far past.</summary>
    [Theory]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(300)]
    public void Every_sentence_break_is_found_however_many_there_are(int sentences)
    {
        string text = string.Concat(Enumerable.Repeat("قال بوتين. ", sentences));
        int[] breaks = ScopeBreaks.All(text, TextScope.Sentence, out int count);
        try
        {
            int[] expected = [.. Enumerable.Range(0, text.Length).Where(i => text[i] == '.')];
            Assert.Equal(sentences, count);
            Assert.Equal(expected, breaks[..count]);
        }
        finally
        {
            System.Buffers.ArrayPool<int>.Shared.Return(breaks);
        }
    }

    [Fact]
    public void The_static_api_and_the_index_find_what_the_reference_finds()
        => Gen.Select(s_text, s_steps, Gen.Bool).Sample((text, steps, sorted) =>
        {
            List<TextSpan> spans = Spans(steps, text.Length);
            var candidates = spans.Select((span, i) => new Speaker(i, span)).ToList();
            if (sorted)
            {
                // As the extractors hand them over: by start, the longer first.
                candidates.Sort((a, b) => a.Span.CompareTo(b.Span));
            }

            var index = new NearestIndex<Speaker>(candidates, text);

            // A context's index reads the list as it is and gives its arrays back when the
            // extraction ends; one given back after every few look-ups still finds the same.
            NearestIndex<Speaker> released = NearestIndex<Speaker>.Over(candidates, text);
            IEnumerable<TextSpan> queries = Enumerable.Range(0, text.Length + 2)
                .SelectMany(start => new[] { new TextSpan(start, 0), new TextSpan(start, 1), new TextSpan(start, 4) })
                .Concat(spans);
            int asked = 0;
            foreach (TextSpan query in queries)
            {
                if (++asked % 5 == 0)
                {
                    released.Release();
                }

                foreach (NearestDirection direction in s_directions)
                {
                    foreach (TextScope scope in s_scopes)
                    {
                        Speaker? expected = ReferenceNearest.Find(candidates, query, text, direction, scope);
                        string where = $"{direction} {scope} of {query} in \"{Escape(text)}\" among {string.Join(" ", candidates)}";
                        Assert.True(ReferenceEquals(expected, Nearest.Find(candidates, query, text, direction, scope)), $"static: {where}, expected {expected}");
                        Assert.True(ReferenceEquals(expected, index.Find(query, direction, scope)), $"index: {where}, expected {expected}");
                        Assert.True(ReferenceEquals(expected, released.Find(query, direction, scope)), $"released index: {where}, expected {expected}");
                    }
                }
            }
        }, iter: 1500);

    [Fact]
    public void Scope_edges_are_those_of_the_reference_at_every_index()
        => s_text.Sample(text =>
        {
            for (int index = -1; index <= text.Length + 1; index++)
            {
                foreach (TextScope scope in s_scopes)
                {
                    Assert.True(ReferenceNearest.ScopeStart(text, index, scope) == Nearest.ScopeStart(text, index, scope), $"start {scope} {index} \"{Escape(text)}\"");
                    Assert.True(ReferenceNearest.ScopeEnd(text, index, scope) == Nearest.ScopeEnd(text, index, scope), $"end {scope} {index} \"{Escape(text)}\"");
                }
            }
        }, iter: 3000);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Before_counts_a_candidate_that_ends_at_the_span_start_and_not_one_that_ends_a_char_later(bool indexed)
    {
        const string Text = "بوتين: «نص»";
        var quote = new TextSpan(5, 6); // ": «نص»" starts right after the name
        var atStart = new Speaker(0, new TextSpan(0, 5));
        var oneLater = new Speaker(1, new TextSpan(0, 6));

        Assert.Same(atStart, Find(indexed, [oneLater, atStart], quote, Text, NearestDirection.Before, TextScope.Sentence));
        Assert.Null(Find(indexed, [oneLater], quote, Text, NearestDirection.Before, TextScope.Sentence));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void After_counts_a_candidate_that_starts_at_the_span_end_and_not_one_that_starts_a_char_earlier(bool indexed)
    {
        const string Text = "«نص» قاله بوتين";
        var quote = new TextSpan(0, 4);
        var atEnd = new Speaker(0, new TextSpan(4, 5));
        var oneEarlier = new Speaker(1, new TextSpan(3, 6));

        Assert.Same(atEnd, Find(indexed, [oneEarlier, atEnd], quote, Text, NearestDirection.After, TextScope.Sentence));
        Assert.Null(Find(indexed, [oneEarlier], quote, Text, NearestDirection.After, TextScope.Sentence));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Each_direction_picks_the_nearest_candidate_not_the_farthest_in_either_list_order(bool indexed)
    {
        // لافروف ثم بوتين «نص» ثم شويغو ثم ميشوستين
        const string Text = "لافروف ثم بوتين «نص» ثم شويغو ثم ميشوستين";
        var quote = new TextSpan(16, 4);
        var far = new Speaker(0, new TextSpan(0, 6));
        var near = new Speaker(1, new TextSpan(10, 5));
        var next = new Speaker(2, new TextSpan(24, 5));
        var last = new Speaker(3, new TextSpan(33, 8));

        foreach (TextScope scope in s_scopes)
        {
            Assert.Same(near, Find(indexed, [far, near, next, last], quote, Text, NearestDirection.Before, scope));
            Assert.Same(near, Find(indexed, [last, next, near, far], quote, Text, NearestDirection.Before, scope));
            Assert.Same(next, Find(indexed, [far, near, next, last], quote, Text, NearestDirection.After, scope));
            Assert.Same(next, Find(indexed, [last, next, near, far], quote, Text, NearestDirection.After, scope));
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void On_equal_edges_the_first_in_list_order_wins(bool indexed)
    {
        const string Text = "سيرغي لافروف «نص» سيرغي لافروف";
        var quote = new TextSpan(13, 4);
        var fullName = new Speaker(0, new TextSpan(0, 12));
        var surname = new Speaker(1, new TextSpan(6, 6)); // ends where the full name ends
        var fullNameAfter = new Speaker(2, new TextSpan(18, 12));
        var givenNameAfter = new Speaker(3, new TextSpan(18, 5)); // starts where the full name starts

        Assert.Same(fullName, Find(indexed, [fullName, surname], quote, Text, NearestDirection.Before, TextScope.Sentence));
        Assert.Same(surname, Find(indexed, [surname, fullName], quote, Text, NearestDirection.Before, TextScope.Sentence));
        Assert.Same(fullNameAfter, Find(indexed, [fullNameAfter, givenNameAfter], quote, Text, NearestDirection.After, TextScope.Sentence));
        Assert.Same(givenNameAfter, Find(indexed, [givenNameAfter, fullNameAfter], quote, Text, NearestDirection.After, TextScope.Sentence));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_sentence_break_between_speaker_and_quote_hides_the_speaker_under_sentence_scope_only(bool indexed)
    {
        const string Text = "التقى بوتين بالسفراء. وجاء في البيان: «التعاون أولوية».";
        var putin = new Speaker(0, new TextSpan(6, 5));
        TextSpan quote = SpanOf(Text, "التعاون أولوية");

        Assert.Null(Find(indexed, [putin], quote, Text, NearestDirection.Before, TextScope.Sentence));
        Assert.Same(putin, Find(indexed, [putin], quote, Text, NearestDirection.Before, TextScope.Paragraph));
        Assert.Same(putin, Find(indexed, [putin], quote, Text, NearestDirection.Before, TextScope.Document));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_line_break_between_speaker_and_quote_hides_the_speaker_under_paragraph_scope_but_not_document(bool indexed)
    {
        const string Text = "«التعاون أولوية»\r\nهذا ما قاله بوتين";
        TextSpan quote = SpanOf(Text, "التعاون أولوية");
        var putin = new Speaker(0, SpanOf(Text, "بوتين"));

        Assert.Null(Find(indexed, [putin], quote, Text, NearestDirection.After, TextScope.Sentence));
        Assert.Null(Find(indexed, [putin], quote, Text, NearestDirection.After, TextScope.Paragraph));
        Assert.Same(putin, Find(indexed, [putin], quote, Text, NearestDirection.After, TextScope.Document));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Decimals_and_initials_end_no_sentence_and_breaks_inside_the_span_hide_nothing(bool indexed)
    {
        const string Text = "قال ا. ا. غورتشاكوف إن النمو بلغ 1.5 بالمئة: «نما الاقتصاد. وسينمو!» ثم صمت";
        var speaker = new Speaker(0, SpanOf(Text, "ا. ا. غورتشاكوف"));
        TextSpan quote = SpanOf(Text, "نما الاقتصاد. وسينمو!");
        var after = new Speaker(1, SpanOf(Text, "صمت"));

        Assert.Same(speaker, Find(indexed, [speaker, after], quote, Text, NearestDirection.Before, TextScope.Sentence));
        Assert.Same(after, Find(indexed, [speaker, after], quote, Text, NearestDirection.After, TextScope.Sentence));
        Assert.Equal(0, Nearest.ScopeStart(Text, quote.Start, TextScope.Sentence));
    }

    /// <summary>
    /// A full stop right before a letter is inside an abbreviation (a Solar Hijri year's هـ.ش):
    /// the speaker named before it is in the quote's sentence; a stop before a space still ends one.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_stop_inside_an_abbreviation_ends_no_sentence(bool indexed)
    {
        const string Text = "عن رئيس الجامعة مهدي گرامی قوله إن المجلس صادق عليه في ٩ آذر ١٤٠٤ هـ.ش، وإن الجامعة \"ستوفد أساتذة\". وقال آخر";
        var speaker = new Speaker(0, SpanOf(Text, "مهدي گرامی"));
        TextSpan quote = SpanOf(Text, "ستوفد أساتذة");
        Assert.Same(speaker, Find(indexed, [speaker], quote, Text, NearestDirection.Before, TextScope.Sentence));
        Assert.Equal(0, Nearest.ScopeStart(Text, quote.Start, TextScope.Sentence));
        Assert.Equal(Text.IndexOf("\". ", System.StringComparison.Ordinal) + 1, Nearest.ScopeEnd(Text, quote.End, TextScope.Sentence));
    }

    [Fact]
    public void The_index_reads_each_candidate_a_few_times_however_many_spans_it_looks_up()
    {
        // 200,000 sentences "بوتين قال كلاما" ended in turn by a full stop, a line break and a comma.
        const int Count = 200_000;
        var reads = new ReadCounter();
        var text = new StringBuilder();
        var speakers = new List<Speaker>(Count);
        var quotes = new List<TextSpan>(Count);
        for (int i = 0; i < Count; i++)
        {
            speakers.Add(new Speaker(i, new TextSpan(text.Length, 5), reads));
            text.Append("بوتين ");
            quotes.Add(new TextSpan(text.Length, 9));
            text.Append("قال كلاما").Append((i % 3) switch { 0 => ". ", 1 => "\n", _ => "، " });
        }

        var index = new NearestIndex<Speaker>(speakers, text.ToString());
        for (int i = 0; i < Count; i++)
        {
            Speaker? next = i + 1 < Count ? speakers[i + 1] : null;
            foreach (TextScope scope in s_scopes)
            {
                Assert.Same(speakers[i], index.Find(quotes[i], NearestDirection.Before, scope));
            }

            Assert.Same(i % 3 == 2 ? next : null, index.Find(quotes[i], NearestDirection.After, TextScope.Sentence));
            Assert.Same(i % 3 == 1 ? null : next, index.Find(quotes[i], NearestDirection.After, TextScope.Paragraph));
            Assert.Same(next, index.Find(quotes[i], NearestDirection.After, TextScope.Document));
        }

        // Each direction reads a candidate's span twice, when it is first looked in; a scan per
        // look-up would read all of them 1.2 million times.
        Assert.InRange(reads.Count, 1, 4L * Count);
    }

    [Fact]
    public void The_tree_finds_the_nearest_value_that_reaches_a_threshold_as_a_scan_does()
        => Gen.Int[-5, 5].Array[0, 70].Sample(values =>
        {
            var tree = new MaxTree(values);

            // A rented tree's array may come back from the pool full of values that reach every
            // threshold, and be longer than its nodes: neither may show.
            int[] dirty = System.Buffers.ArrayPool<int>.Shared.Rent(2 * Math.Max(values.Length, 1));
            dirty.AsSpan().Fill(int.MaxValue);
            System.Buffers.ArrayPool<int>.Shared.Return(dirty);
            var rented = MaxTree.Rented(values);
            for (int position = 0; position <= values.Length; position++)
            {
                for (int threshold = -6; threshold <= 6; threshold++)
                {
                    int last = position > 0 ? Array.FindLastIndex(values, position - 1, position, v => v >= threshold) : -1;
                    int first = position < values.Length ? Array.FindIndex(values, position, v => v >= threshold) : -1;
                    Assert.Equal(last, tree.LastAtLeast(position, threshold));
                    Assert.Equal(first, tree.FirstAtLeast(position, threshold));
                    Assert.Equal(last, rented.LastAtLeast(position, threshold));
                    Assert.Equal(first, rented.FirstAtLeast(position, threshold));
                }
            }

            rented.Release();
        }, iter: 2000);

    /// <summary>Spans made by <paramref name="steps"/> over a text of <paramref name="length"/> chars, a few of them past its end.</summary>
    private static List<TextSpan> Spans((int Kind, int A, int B)[] steps, int length)
    {
        int limit = length + 2;
        var spans = new List<TextSpan>();
        foreach ((int kind, int a, int b) in steps)
        {
            TextSpan previous = spans.Count > 0 ? spans[^1] : new TextSpan(a % (limit + 1), 0);
            TextSpan span = kind switch
            {
                1 => new TextSpan(previous.End, b),
                2 => TextSpan.FromBounds(Math.Max(0, previous.End - b), previous.End),
                3 => new TextSpan(previous.End, 0),
                4 => previous,
                _ => new TextSpan(a % (limit + 1), b),
            };
            spans.Add(TextSpan.FromBounds(Math.Min(span.Start, limit), Math.Min(span.End, limit)));
        }

        return spans;
    }

    private static TextSpan SpanOf(string text, string part) => new(text.IndexOf(part, StringComparison.Ordinal), part.Length);

    private static string Escape(string text) => text.Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal).Replace("\u2029", "\\u2029", StringComparison.Ordinal);

    /// <summary>What the static API finds, or an index built for the call when <paramref name="indexed"/>.</summary>
    private static Speaker? Find(bool indexed, Speaker[] candidates, TextSpan span, string text, NearestDirection direction, TextScope scope)
        => indexed
            ? new NearestIndex<Speaker>(candidates, text).Find(span, direction, scope)
            : Nearest.Find(candidates, span, text, direction, scope);

    /// <summary>How often the spans of candidates were read.</summary>
    public sealed class ReadCounter
    {
        public long Count { get; set; }
    }

    /// <summary>A candidate: an id and a span, whose reads <see cref="ReadCounter"/> counts if given.</summary>
    public sealed class Speaker(int id, TextSpan span, ReadCounter? reads = null) : IEntity
    {
        public string EntityType => "Speaker";

        public string Key { get; } = id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        public TextSpan Span
        {
            get
            {
                if (reads is not null)
                {
                    reads.Count++;
                }

                return span;
            }
        }

        public string Text => Key;

        public string Rule => "test";

        public void WriteFields(Utf8JsonWriter writer) => writer.WriteStartObject();

        public void WriteTo(Utf8JsonWriter writer) => writer.WriteStartObject();

        public override string ToString() => $"#{Key}{span}";
    }
}
