using System.Linq;
using CorpusKit.Documents;

namespace CorpusKit.Tests;

/// <summary>
/// Sequences, nearest(), list/decimal/bool/enum fields and documents, through the extractors
/// generated from Schemas/news.corpus.yaml, on the seeds and on variants of their sentences.
/// </summary>
public sealed class MatchingSemanticsTests
{
    [Fact]
    public void A_sequence_finds_the_speaker_a_gap_of_words_and_the_quote()
    {
        // 003: وأضاف بوتين، في خطاب التهنئة الذي ألقاه بمناسبة يوم الدبلوماسيين الروس: "إن تطوير …"
        string text = Seeds.Read("003");
        Article article = NewsCorpus.Instance.Extract(text, "003");

        Quote quote = Assert.Single(article.QuoteMentions);
        Assert.Equal("attributed", quote.Rule);
        Assert.Equal("فلاديمير بوتين", quote.Speaker?.Name);
        Assert.Equal(Quote.MarksKind.Straight, quote.Marks);
        Assert.StartsWith("إن تطوير التعاون مع دول رابطة الدول المستقلة", quote.Text, System.StringComparison.Ordinal);
        Assert.EndsWith("تظل أولوية ثابتة", quote.Text, System.StringComparison.Ordinal);

        // The span is the key's group: the text inside the marks, not the speaker or the gap.
        Assert.Equal('"', text[quote.Span.Start - 1]);
        Assert.Equal('"', text[quote.Span.End]);
        Assert.Equal(quote.Text, text.Substring(quote.Span.Start, quote.Span.Length));
    }

    [Fact]
    public void A_sequence_gap_is_counted_in_words_and_bounded()
    {
        const string Near = "وقال لافروف في المؤتمر الصحفي: \"إن التعاون بين بلدينا مستمر\".";
        const string Far = "وقال لافروف في المؤتمر الصحفي الذي عقده اليوم في العاصمة بعد لقاء طويل مع نظرائه من الدول الأعضاء: \"إن التعاون بين بلدينا مستمر\".";

        Quote near = Assert.Single(NewsCorpus.Instance.Extract(Near).QuoteMentions);
        Assert.Equal(("attributed", "سيرغي لافروف"), (near.Rule, near.Speaker?.Name));

        // Sixteen words between the name and the quote: beyond 0..12, so the sequence does not match.
        Assert.Empty(NewsCorpus.Instance.Extract(Far).QuoteMentions);
    }

    [Fact]
    public void Nearest_looks_back_within_the_sentence_only()
    {
        // 002: “بادئ ذي بدء…” follows a sentence that names Putin; “نحن، قادة…” follows one that names nobody.
        Article article = NewsCorpus.Instance.Extract(Seeds.Read("002"), "002");
        Quote we = article.QuoteMentions.Single(q => q.Text.StartsWith("نحن", System.StringComparison.Ordinal));
        Assert.Equal("curly", we.Rule);
        Assert.Null(we.Speaker);

        const string Variant = "وقال الرئيس فلاديمير بوتين للصحفيين: “بادئ ذي بدء، أود أن أؤكد على أن التعاون أولوية”. ثم غادر.";
        Quote quote = Assert.Single(NewsCorpus.Instance.Extract(Variant).QuoteMentions);
        Assert.Equal("فلاديمير بوتين", quote.Speaker?.Name);

        // A sentence ends between the name and the quote: nearest(…, sentence) finds no one.
        const string Split = "التقى بوتين بالسفراء. وجاء في البيان: “بادئ ذي بدء، أود أن أؤكد على أن التعاون أولوية”.";
        Assert.Null(Assert.Single(NewsCorpus.Instance.Extract(Split).QuoteMentions).Speaker);
    }

    [Fact]
    public void Nearest_after_within_the_paragraph_finds_the_speaker_that_follows()
    {
        const string Text = "«إن العالم يتغير بسرعة كبيرة» هذا ما قاله لافروف في كلمته.\nوفي فقرة أخرى تحدث بوتين.";
        Quote quote = Assert.Single(NewsCorpus.Instance.Extract(Text).QuoteMentions);
        Assert.Equal(("guillemets", "سيرغي لافروف"), (quote.Rule, quote.Speaker?.Name));
    }

    [Fact]
    public void List_int_and_bool_fields_fill_from_a_repeated_group()
    {
        // 002: "للأعوام من 2025 إلى 2027", then "(1941-1945)".
        Article article = NewsCorpus.Instance.Extract(Seeds.Read("002"), "002");
        Assert.Equal(
            [(2025, "2027"), (1941, "1945")],
            article.YearRangeMentions.Select(r => (r.First, string.Join(",", r.Years))));
        Assert.All(article.YearRangeMentions, r => Assert.True(r.Closed));

        YearRange three = Assert.Single(NewsCorpus.Instance.Extract("الأعوام ٢٠٢٣ - ٢٠٢٤ - ٢٠٢٥").YearRangeMentions);
        Assert.Equal([2024, 2025], three.Years);
    }

    [Fact]
    public void Decimal_fields_read_arabic_indic_digits_and_the_arabic_decimal_separator()
    {
        Share share = Assert.Single(NewsCorpus.Instance.Extract("ارتفع التبادل التجاري بين روسيا وبيلاروسيا بنسبة ١٢٫٥ بالمئة").ShareMentions);
        Assert.Equal(12.5m, share.Value);
        Assert.Equal("١٢٫٥ بالمئة", share.Text); // the whole match: the rule names no span:
    }

    [Fact]
    public void The_headline_is_the_first_line_that_is_not_blank_or_boilerplate()
    {
        // 001 opens with a site menu; 004 with a language switch; 000 with the title itself.
        Assert.Equal("لافروف: روسيا تعمل على تشكيل هيكل أمني جديد في أوراسيا", NewsCorpus.Instance.Extract(Seeds.Read("001")).Headline);
        Assert.StartsWith("لافروف: مهمة تعميق العلاقات بين الاتحاد الاقتصادي الأوراسي", NewsCorpus.Instance.Extract(Seeds.Read("004")).Headline, System.StringComparison.Ordinal);
        Assert.Equal("لافروف يلتقي بسفراء رابطة الدول المستقلة ويناقش قضايا الأجندة الدولية", NewsCorpus.Instance.Extract(Seeds.Read("000")).Headline);
    }

    [Fact]
    public void Boilerplate_lines_yield_no_entity_and_offsets_stay_those_of_the_original()
    {
        // 001: the menu, its bullet list and repeated cards, and everything from "التعليقات" on
        // (related headlines that name Iran, Trump, Moscow …) are the lines the gold marks as boilerplate.
        string text = Seeds.Read("001");
        Article article = NewsCorpus.Instance.Extract(text, "001");
        int[] expected = [1, 2, 4, 6, 8, 9, 10, 11, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32, 34, 55, 57, 59, 61, 63, 65, 67, 69, 71, 73, 75];
        Assert.Equal(expected, article.Layout.Lines.Where(l => l.Kind == LineKind.Boilerplate).Select(l => l.Number));

        TextSpan[] dropped = article.Layout.Lines.Where(l => l.Kind == LineKind.Boilerplate).Select(l => l.Span).ToArray();
        Assert.Contains(text, t => t == 'م'); // sanity: the text is the seed
        Assert.Contains("موسكو", text[dropped[^1].Start..dropped[^1].End], System.StringComparison.Ordinal);
        foreach (IEntity entity in article.Mentions())
        {
            Assert.DoesNotContain(dropped, line => line.Overlaps(entity.Span));
            Assert.Equal(entity.Text, text.Substring(entity.Span.Start, entity.Span.Length));
        }
    }

    [Fact]
    public void A_repeated_paragraph_adds_occurrences_never_new_entries()
    {
        // 000: lines 4-12 repeat lines 1-3 (line 5 is the longer copy of the truncated line 2).
        string text = Seeds.Read("000");
        Article article = NewsCorpus.Instance.Extract(text, "000");
        Assert.Equal([4, 5, 6, 8, 9, 11, 12], article.Layout.Lines.Where(l => l.Kind == LineKind.Duplicate).Select(l => l.Number));

        Assert.Equal(["سيرغي لافروف", "فلاديمير بوتين"], article.People.Select(p => p.Key));
        EntityGroup<Person> lavrov = article.People[0];
        Assert.Equal(article.PersonMentions.Count(p => p.Name == "سيرغي لافروف"), lavrov.Mentions.Count);
        Assert.True(lavrov.Mentions.Count >= 4);
        Assert.Equal(article.PlaceMentions.Select(p => p.Id).Distinct().Count(), article.Places.Count);
    }

    [Fact]
    public void A_quote_cut_short_in_a_truncated_copy_is_the_same_quote()
    {
        const string Full = "قال بوتين: \"إن التعاون مع دول الرابطة يظل أولوية ثابتة لنا\".";
        const string Cut = "قال بوتين: \"إن التعاون مع دول الرابطة يظل\" …";
        Article article = NewsCorpus.Instance.Extract(Full + "\n" + Cut + "\n" + Full);

        Assert.Equal(3, article.QuoteMentions.Count);
        EntityGroup<Quote> quote = Assert.Single(article.Quotes);
        Assert.Equal("إن التعاون مع دول الرابطة يظل أولوية ثابتة لنا", quote.Key);
        Assert.Equal(3, quote.Mentions.Count);

        // Only whole runs of words merge: a surname alone is the full name it ends.
        Assert.Equal("سيرغي لافروف", Assert.Single(NewsCorpus.Instance.Extract("سيرجي لافروف قال. ثم لافروف أضاف.").People).Key);
    }

    [Fact]
    public void The_mention_export_keeps_every_occurrence()
    {
        Article article = NewsCorpus.Instance.Extract(Seeds.Read("000"), "000");
        int people = article.People.Sum(p => p.Mentions.Count);
        Assert.Equal(people, article.Mentions().Count(m => m.EntityType == Person.TypeName));
    }

    [Fact]
    public void Mention_lines_hold_iso_partial_dates_and_references_as_keys()
    {
        // 003: "10th, February 2024" (full), "10 فبراير" (month-day), and Putin's quote.
        string text = Seeds.Read("003");
        Article article = NewsCorpus.Instance.Extract(text, "003");
        string[] lines = article.Mentions().Select(m => Line(m)).ToArray();

        Assert.Contains(lines, l => l.StartsWith("{\"doc\":\"003\",\"type\":\"Date\"", System.StringComparison.Ordinal) && l.EndsWith("\"text\":\"10th, February 2024\",\"rule\":\"day-month-year\",\"attrs\":{\"value\":\"2024-02-10\"}}", System.StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith("\"text\":\"10 فبراير\",\"rule\":\"day-month\",\"attrs\":{\"value\":\"--02-10\"}}", System.StringComparison.Ordinal));
        Quote quote = Assert.Single(article.QuoteMentions);
        Assert.EndsWith("\"speaker\":\"فلاديمير بوتين\",\"marks\":\"straight\"}}", Line(quote), System.StringComparison.Ordinal);
        Assert.Contains($"\"start\":{quote.Span.Start},\"end\":{quote.Span.End},", Line(quote), System.StringComparison.Ordinal);
    }

    private static string Line(IEntity mention)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer, CorpusKit.Json.CorpusJson.Compact))
        {
            CorpusKit.Json.CorpusJson.WriteMention(writer, "003", mention);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
