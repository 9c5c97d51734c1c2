using System.Collections.Generic;
using System.Linq;
using CorpusKit.Documents;

namespace CorpusKit.Tests;

/// <summary>The generated extractors of Schemas/news.corpus.yaml on the seed articles.</summary>
public sealed class ExtractionTests
{
    [Fact]
    public void Places_match_through_proclitics_and_spans_leave_them_out()
    {
        // 000, line 2: "... وأذربيجان وبيلاروسيا وكازاخستان ..."
        string text = Seeds.Read("000");
        Article document = NewsCorpus.Instance.Extract(text, "000");

        Place belarus = document.PlaceMentions.First(p => p.Id == "BY");
        Assert.Equal("بيلاروسيا", belarus.Text);
        Assert.Equal('و', text[belarus.Span.Start - 1]);
        Assert.Equal(belarus.Text, text.Substring(belarus.Span.Start, belarus.Span.Length));
        Assert.Contains(document.PlaceMentions, p => p.Id == "KZ");
        Assert.Contains(document.PlaceMentions, p => p.Id == "Saint Petersburg");
    }

    [Fact]
    public void Spans_always_point_into_the_original_text()
    {
        foreach (string seed in new[] { "000", "001", "002", "003", "004" })
        {
            string text = Seeds.Read(seed);
            Article document = NewsCorpus.Instance.Extract(text, seed);
            Assert.NotEmpty(document.Mentions());
            foreach (IEntity entity in document.Mentions())
            {
                Assert.InRange(entity.Span.End, entity.Span.Start, text.Length);
                Assert.Equal(entity.Text, text.Substring(entity.Span.Start, entity.Span.Length));
                Assert.False(char.IsLowSurrogate(text[entity.Span.Start]));
            }
        }
    }

    [Fact]
    public void Dates_read_month_names_ordinals_and_arabic_indic_digits()
    {
        // 003: "تاريخ النشر: 10th, February 2024 GMT" and "10 فبراير" (annual).
        Article october = NewsCorpus.Instance.Extract(Seeds.Read("003"));
        Date published = october.DateMentions.First(d => d.Rule == "day-month-year");
        Assert.Equal("2024-02-10", published.Value.ToString());
        Assert.Equal("10th, February 2024", published.Text);
        Assert.Contains(october.DateMentions, d => d.Value.ToString() == "--02-10" && d.Text == "10 فبراير");

        // 004: the dateline "١٢ يوليو ٢٠٢٣" and "12 يولو/تموز 2023" (misspelt, two calendars).
        Article july = NewsCorpus.Instance.Extract(Seeds.Read("004"));
        Assert.Contains(july.DateMentions, d => d.Value.ToString() == "2023-07-12" && d.Text == "١٢ يوليو ٢٠٢٣");
        Assert.Contains(july.DateMentions, d => d.Value.ToString() == "2023-07-12" && d.Text == "12 يولو/تموز 2023");

        // 000: "8 كانون الأول/ديسمبر 1991": the keyed lexicon form is matched after normalization (أ -> ا).
        Article december = NewsCorpus.Instance.Extract(Seeds.Read("000"));
        Assert.Contains(december.DateMentions, d => d.Value.ToString() == "1991-12-08" && d.Text == "8 كانون الأول/ديسمبر 1991");
    }

    [Fact]
    public void Keyed_terms_fill_the_key_and_overlaps_keep_the_longest()
    {
        Article document = NewsCorpus.Instance.Extract("قال الوزير لافروف إن بوتين سيزور موسكو.");

        Assert.Equal(["سيرغي لافروف", "فلاديمير بوتين"], document.PersonMentions.Select(p => p.Name));
        Assert.Equal(["لافروف", "بوتين"], document.PersonMentions.Select(p => p.Text));
        Assert.Equal("RU", Assert.Single(document.PlaceMentions).Id);
    }

    [Fact]
    public void A_document_is_laid_out_alone_whatever_the_thread_laid_out_before_it()
    {
        // The layout's work collections (dropped menu texts, hidden lines, earlier body lines) are
        // the thread's and kept between documents: what the first document dropped or saw must not
        // reach the second.
        const string body = "قال الوزير لافروف إن بوتين سيزور موسكو قريبا";
        // Headlines of four words: a first line of three or fewer above a dropped line is a site's name.
        string first = string.Join('\n', "عنوان الخبر الأول هنا", "• روسيا اليوم", "روسيا اليوم", body, body);
        string second = string.Join('\n', "عنوان الخبر الثاني هنا", "روسيا اليوم", body);
        string Alone(string text)
        {
            string? json = null;
            var thread = new System.Threading.Thread(() => json = CorpusKit.Json.CorpusJson.Serialize(NewsCorpus.Instance.Extract(text, "d"), indented: false));
            thread.Start();
            thread.Join();
            return json!;
        }

        Article before = NewsCorpus.Instance.Extract(first, "d");
        Article after = NewsCorpus.Instance.Extract(second, "d");

        Assert.Equal([LineKind.Headline, LineKind.Boilerplate, LineKind.Boilerplate, LineKind.Body, LineKind.Duplicate], before.Layout.Lines.Select(l => l.Kind));
        Assert.Equal([LineKind.Headline, LineKind.Body, LineKind.Body], after.Layout.Lines.Select(l => l.Kind));
        Assert.Equal(Alone(second), CorpusKit.Json.CorpusJson.Serialize(after, indented: false));
    }

    [Fact]
    public void Documents_write_json_with_arabic_as_text_and_fields_in_schema_order()
    {
        Article document = NewsCorpus.Instance.Extract("زار لافروف موسكو", "d");
        string json = CorpusKit.Json.CorpusJson.Serialize(document, indented: false);

        Assert.Equal(
            """{"id":"d","headline":"زار لافروف موسكو","people":[{"key":"سيرغي لافروف","fields":{"name":"سيرغي لافروف"},"mentions":[{"start":4,"end":10,"text":"لافروف","rule":"known"}]}],"places":[{"key":"RU","fields":{"id":"RU"},"mentions":[{"start":11,"end":16,"text":"موسكو","rule":"known"}]}],"quotes":[],"firstDate":null,"boilerplateLines":[],"duplicateLines":[]}""",
            json);
    }

    [Fact]
    public void A_term_right_after_punctuation_is_found()
    {
        // As in 002: "رابطة الدول المستقلة (مجتمع الكومنولث)": a bracket or a quote opens the word.
        Article document = NewsCorpus.Instance.Extract("زار بوتين (روسيا) و«بيلاروسيا» و\"موسكو\"");
        Assert.Equal(["RU", "BY", "RU"], document.PlaceMentions.Select(p => p.Id));
    }

    [Theory]
    [InlineData("وبروسيا", "روسيا")]      // و + ب
    [InlineData("فلموسكو", "موسكو")]      // ف + ل
    [InlineData("وكبيلاروسيا", "بيلاروسيا")] // و + ك
    [InlineData("بالكازاخستان", "الكازاخستان")] // ب + an article the form lacks: the article stays in the span
    public void Proclitic_combinations_stay_out_of_the_span(string word, string span)
    {
        Place place = Assert.Single(NewsCorpus.Instance.Extract("زار " + word + " أمس").PlaceMentions);
        Assert.Equal(span, place.Text);
    }

    /// <summary>
    /// A document forms its lists of distinct entities from its mentions when first read, once;
    /// a copy made with <c>with</c> forms its own from its own mentions (none of the original's
    /// shows through), and equality compares the record's values, not what was formed.
    /// </summary>
    [Fact]
    public void A_document_forms_its_groups_when_first_read_and_a_copy_forms_its_own()
    {
        Article article = NewsCorpus.Instance.Extract("زار لافروف موسكو ثم عاد إلى موسكو وروسيا وبيلاروسيا", "d");
        Article copy = article with { };
        Assert.Equal(article, copy);
        Assert.Equal(article.GetHashCode(), copy.GetHashCode());

        IReadOnlyList<EntityGroup<Place>> places = article.Places;
        Assert.Same(places, article.Places);
        Assert.Equal([("RU", 3), ("BY", 1)], places.Select(g => (g.Key, g.Mentions.Count)));
        Assert.Equal(article, copy); // formed on one side only, still equal
        Assert.Equal(article.GetHashCode(), copy.GetHashCode());
        Assert.NotSame(places, copy.Places);
        Assert.Equal(places.Select(g => g.Key), copy.Places.Select(g => g.Key));

        Article fewer = article with { PlaceMentions = [article.PlaceMentions[^1]] };
        Assert.NotEqual(article, fewer);
        Assert.Equal([("BY", 1)], fewer.Places.Select(g => (g.Key, g.Mentions.Count)));
        Assert.Same(article.Mentions(), article.Mentions());
        Assert.Equal(article.PersonMentions.Count + article.PlaceMentions.Count, article.Mentions().Count);
    }
}
