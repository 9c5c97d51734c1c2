using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using CorpusKit.CompilerServices;

namespace CorpusKit.Tests;

/// <summary>
/// <see cref="Attribution"/> step by step, on sentences of the kind news writes: each step where it
/// decides, each where it must not, and the choice between two candidates in each.
/// </summary>
public sealed class AttributionTests
{
    private static readonly string[] Verbs = ["قال", "قالت", "أضاف", "وأضاف", "وقال", "مضيفا"];

    private static readonly string[] People = ["لافروف", "زاخاروفا", "نوروزي", "قربانلي", "توكتوسونوف", "شريفزاده"];

    private static readonly string[] Bodies = ["الوزارة", "الخارجية", "الخليج", "للخليج"];

    /// <summary>Who said the quote in guillemets of <paramref name="text"/> (the last one, when there are several).</summary>
    private static string? Speaker(string text, Named? previous = null)
    {
        NormalizedText normalized = NormalizedText.Normalize(text, TextNormalization.None);
        int open = text.LastIndexOf('«');
        var quote = TextSpan.FromBounds(open + 1, text.IndexOf('»', open));
        using var attribution = new Attribution(
            normalized,
            Hits(text, Verbs),
            Hits(text, ["بيان", "البيان"]),
            static entity => (entity as Named)?.Title,
            [Found(text, "Person", People), Found(text, "Organization", Bodies)]);
        return (attribution.Speaker(quote, previous) as Named)?.ToString();
    }

    /// <summary>Every whole-word place of <paramref name="words"/> in <paramref name="text"/>, as term hits.</summary>
    private static TermHit[] Hits(string text, string[] words)
        => [.. Places(text, words).Select(p => new TermHit(p.Start, p.End, 0))];

    private static List<Named> Found(string text, string type, string[] words)
        => [.. Places(text, words).Select(p => new Named(type, text[p.Start..p.End], TextSpan.FromBounds(p.Start, p.End)))];

    private static IEnumerable<(int Start, int End)> Places(string text, string[] words)
    {
        var places = new List<(int, int)>();
        foreach (string word in words)
        {
            for (int at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
            {
                bool starts = at == 0 || !char.IsLetter(text[at - 1]);
                bool ends = at + word.Length == text.Length || !char.IsLetter(text[at + word.Length]);
                if (starts && ends)
                {
                    places.Add((at, at + word.Length));
                }
            }
        }

        return places.OrderBy(p => p.Item1);
    }

    /// <summary>
    /// The speaker of <paramref name="text"/>'s last quote, when the people are the names given, each
    /// found at every place it stands as a whole word (a fuller name and its last words both). With
    /// <paramref name="many"/>, seventy more people stand at the text's start, so a fuller name is
    /// looked up in the index of last words rather than read for in every candidate.
    /// </summary>
    private static Named? SpeakerAmong(bool many, string text, params string[] names)
    {
        NormalizedText normalized = NormalizedText.Normalize(text, TextNormalization.None);
        int open = text.LastIndexOf('«');
        var quote = TextSpan.FromBounds(open + 1, text.IndexOf('»', open));
        List<Named> people = [.. Enumerable.Range(0, many ? 70 : 0).Select(i => new Named("Person", "فلان الفلاني " + i.ToString(System.Globalization.CultureInfo.InvariantCulture), TextSpan.FromBounds(0, 0)))];
        people.AddRange(Places(text, names).Select(p => new Named("Person", text[p.Start..p.End], TextSpan.FromBounds(p.Start, p.End))));
        using var attribution = new Attribution(normalized, Hits(text, Verbs), [], null, [people, Found(text, "Organization", Bodies)]);
        return attribution.Speaker(quote, null) as Named;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_speaker_named_by_the_last_words_of_a_fuller_name_is_the_first_that_bears_it(bool many)
    {
        const string Text = "استقبل الوزير مراد أوزتورك أوغلو الوفد، ثم التقى مراد أوزتورك أوغلو السفير. وقال القنصل أوزتورك أوغلو: «نعمل معا منذ سنوات».";

        Named speaker = SpeakerAmong(many, Text, "مراد أوزتورك أوغلو", "أوزتورك أوغلو")!;

        Assert.Equal("مراد أوزتورك أوغلو", speaker.Key);
        Assert.Equal(Text.IndexOf("مراد", StringComparison.Ordinal), speaker.Span.Start);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Last_words_that_end_two_fuller_names_name_neither(bool many)
        => Assert.Equal("كريمي", SpeakerAmong(many, "التقى علي كريمي ثم حسن كريمي الوفد. وقال كريمي: «نعمل معا منذ سنوات».", "علي كريمي", "حسن كريمي", "كريمي")!.Key);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_fuller_name_that_does_not_end_with_the_speakers_words_is_another_person(bool many)
        => Assert.Equal("أوزتورك", SpeakerAmong(many, "التقى أوزتورك أوغلو الوفد. وقال أوزتورك: «نعمل معا منذ سنوات».", "أوزتورك أوغلو", "أوزتورك")!.Key);

    /// <summary>A key that ends with the speaker's letters but not at a word's start (قره داغ, داغ) is no fuller name.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_key_that_ends_with_the_speakers_letters_inside_a_word_is_another_person(bool many)
        => Assert.Equal("أوغلو", SpeakerAmong(many, "التقى علي قرهأوغلو الوفد. وقال أوغلو: «نعمل معا منذ سنوات».", "علي قرهأوغلو", "أوغلو")!.Key);

    [Fact]
    public void The_subject_of_the_speech_verb_speaks_not_the_person_named_last_before_the_quote()
        => Assert.Equal("Person نوروزي", Speaker("وقال نوروزي بعد لقائه قربانلي في باكو: «نحن نرحب بكل خطوة»."));

    [Fact]
    public void After_the_verb_a_person_speaks_before_the_body_in_their_title()
        => Assert.Equal("Person زاخاروفا", Speaker("وقالت المتحدثة باسم الوزارة زاخاروفا إن روسيا «ترحب بكل خطوة»."));

    [Theory]
    [InlineData("ثم قالت لـ«الخليج»: «نعمل معا منذ سنوات».")]
    [InlineData("ثم قالت ولـ\"الخليج\": «نعمل معا منذ سنوات».")]
    [InlineData("ثم قالت ل«الخليج» إن «العمل مستمر منذ سنوات».")]
    public void A_body_the_verb_speaks_to_is_no_subject_and_the_speaker_before_goes_on(string text)
        => Assert.Equal("Person زاخاروفا", Speaker(text, new Named("Person", "زاخاروفا", TextSpan.FromBounds(0, 0))));

    [Theory]
    [InlineData("ثم قالت الخليج: «نعمل معا منذ سنوات».")]
    [InlineData("ثم قالت «الخليج»: «نعمل معا منذ سنوات».")]
    public void A_body_right_after_the_verb_without_the_preposition_speaks(string text)
        => Assert.Equal("Organization الخليج", Speaker(text, new Named("Person", "زاخاروفا", TextSpan.FromBounds(0, 0))));

    /// <summary>After the medium the verb speaks in (a statement, a call, an interview), ل and مع govern the one spoken to.</summary>
    [Theory]
    [InlineData("ثم قالت في تصريح لـ«الخليج» إن «العمل مستمر منذ سنوات».")]
    [InlineData("ثم قالت في تصريح خاص لـ«الخليج» إن «العمل مستمر منذ سنوات».")]
    [InlineData("ثم قالت في اتصال هاتفي مع «الخليج»: «نعمل معا منذ سنوات».")]
    [InlineData("ثم قالت في مقابلة مع الخليج: «نعمل معا منذ سنوات».")]
    [InlineData("ثم قالت في حديث للخليج: «نعمل معا منذ سنوات».")]
    public void A_body_spoken_to_in_a_medium_is_no_subject(string text)
        => Assert.Equal("Person زاخاروفا", Speaker(text, new Named("Person", "زاخاروفا", TextSpan.FromBounds(0, 0))));

    /// <summary>Without the medium مع is no preposition of address, and after a word that is no medium ل is "of".</summary>
    [Theory]
    [InlineData("ثم قالت مع «الخليج»: «نعمل معا منذ سنوات».")]
    [InlineData("ثم قالت في بيان لـ«الخليج»: «نعمل معا منذ سنوات».")]
    [InlineData("ثم قالت في اتصال هاتفي ثم مع «الخليج»: «نعمل معا منذ سنوات».")]
    public void Without_a_medium_before_it_the_body_speaks(string text)
        => Assert.Equal("Organization الخليج", Speaker(text, new Named("Person", "زاخاروفا", TextSpan.FromBounds(0, 0))));

    [Fact]
    public void A_body_whose_span_keeps_the_fused_lam_of_the_preposition_is_spoken_to()
        => Assert.Equal("Person زاخاروفا", Speaker("ثم قالت للخليج: «نعمل معا منذ سنوات».", new Named("Person", "زاخاروفا", TextSpan.FromBounds(0, 0))));

    [Fact]
    public void After_other_words_the_preposition_is_of_and_the_body_speaks()
        => Assert.Equal("Organization الخليج", Speaker("ثم قال المتحدث باسم مجلس الخليج لـ«الخليج»: «نعمل معا منذ سنوات».", new Named("Person", "زاخاروفا", TextSpan.FromBounds(0, 0))));

    [Fact]
    public void Without_a_quote_before_the_body_spoken_to_is_no_speaker_and_the_person_before_is()
    {
        Assert.Equal("Person نوروزي", Speaker("التقى نوروزي الوفد. ثم قالت لـ«الخليج»: «نعمل معا منذ سنوات»."));
        Assert.Null(Speaker("ثم قالت لـ«الخليج»: «نعمل معا منذ سنوات»."));
    }

    [Fact]
    public void After_a_quote_that_opens_its_sentence_the_body_spoken_to_is_passed_over()
        => Assert.Equal("Organization الوزارة", Speaker("«نعمل معا منذ سنوات»، قالت لـ\"الخليج\" الوزارة."));

    [Fact]
    public void Before_any_verb_a_body_after_the_preposition_speaks_according_to_it()
        => Assert.Equal("Organization الخليج", Speaker("ووفقا لـ«الخليج»، فإنه «تزداد قوة المراكز»."));

    [Fact]
    public void A_person_the_verb_speaks_to_gives_way_to_the_person_before_the_verb()
        => Assert.Equal("Person نوروزي", Speaker("والتقى نوروزي الوفد، وقال لـ«لافروف»: «نحن نرحب بكل خطوة»."));

    [Fact]
    public void A_body_after_the_verb_speaks_when_no_person_does()
        => Assert.Equal("Organization الوزارة", Speaker("وقالت الوزارة في بيان: «اتفق الطرفان على برنامج»."));

    [Fact]
    public void Without_a_subject_the_last_person_of_the_sentence_speaks()
        => Assert.Equal("Person لافروف", Speaker("جاء ذلك وفقا لتصريحات شريفزاده ثم لافروف في اجتماع، حيث أضاف: «إن روسيا تركز على المهمة»."));

    [Fact]
    public void Without_a_verb_the_last_person_of_the_sentence_speaks()
        => Assert.Equal("Person لافروف", Speaker("التقى شريفزاده نظيره. وفي الوقت نفسه، ووفقا للوزير لافروف أيضا، فإنه «تزداد قوة المراكز»."));

    [Fact]
    public void A_sentence_that_names_a_statement_is_the_bodys_though_a_person_stands_in_it()
    {
        Assert.Equal("Organization الخارجية", Speaker("وجاء في بيان الخارجية بحضور لافروف: «تبادل المشاركون وجهات النظر»."));
        Assert.Equal("Person لافروف", Speaker("وجاء في نص الخارجية بحضور لافروف: «تبادل المشاركون وجهات النظر»."));
    }

    [Fact]
    public void A_quote_that_opens_its_sentence_is_said_by_the_subject_of_the_verb_after_it()
        => Assert.Equal("Person توكتوسونوف", Speaker("التقى الطرفان لافروف.\n«تجاوزنا أصعب المقاطع»، قال توكتوسونوف للصحفيين."));

    [Theory]
    [InlineData(" ", 2, true)]       // «…» قال
    [InlineData("، ", 3, true)]      // «…»، قال
    [InlineData("،  ", 4, true)]     // the farthest a verb may start from the quote's text
    [InlineData("،   ", 5, false)]   // one char more: it governs nothing
    public void A_verb_after_the_quote_governs_it_only_right_after_its_closing_mark(string between, int offset, bool governs)
    {
        string text = "«تجاوزنا أصعب المقاطع»" + between + "قال توكتوسونوف للصحفيين.";
        Assert.Equal(offset, text.IndexOf("قال", StringComparison.Ordinal) - text.IndexOf('»', StringComparison.Ordinal));
        Assert.Equal(governs ? "Person توكتوسونوف" : null, Speaker(text));
    }

    [Fact]
    public void An_anaphor_takes_the_speaker_of_the_quote_before_not_the_person_of_the_sentence_before()
    {
        var previous = new Named("Person", "شريفزاده", new TextSpan(0, 8));
        Assert.Equal("Person شريفزاده", Speaker("والتقى الوزير لافروف أمس. وأضاف الوزير: «اتفقنا على كل شيء».", previous));
        Assert.Equal("Person لافروف", Speaker("والتقى الوزير لافروف أمس. وأضاف الوزير: «اتفقنا على كل شيء»."));
    }

    [Fact]
    public void Last_of_all_the_nearest_person_before_speaks_and_a_body_only_for_a_statement()
    {
        Assert.Equal("Person لافروف", Speaker("قال لافروف أمس. ثم اجتمعت الوزارة.\nوأشار الوزير إلى أن «الأمثلة جيدة»."));
        Assert.Equal("Organization الوزارة", Speaker("قال لافروف أمس. ثم اجتمعت الوزارة.\nوفي هذا البيان تم التأكيد على ما يلي: «الأمثلة جيدة»."));
    }

    /// <summary>Who said the last quote of <paramref name="text"/>, where لافروف is a minister, بوتين a president and شويغو a minister too.</summary>
    private static string? SpeakerWithTitles(string text, Named? previous)
    {
        NormalizedText normalized = NormalizedText.Normalize(text, TextNormalization.None);
        var people = Places(text, ["لافروف", "بوتين"])
            .Select(p => new Named("Person", text[p.Start..p.End], TextSpan.FromBounds(p.Start, p.End), text[p.Start..p.End] == "لافروف" ? "وزير الخارجية الروسي" : "الرئيس الروسي"))
            .ToList();
        int open = text.LastIndexOf('«');
        using var attribution = new Attribution(normalized, Hits(text, Verbs.Append("وأشار").ToArray()), default, static e => ((Named)e).Title, [people, new List<Named>()]);
        return (attribution.Speaker(TextSpan.FromBounds(open + 1, text.IndexOf('»', open)), previous) as Named)?.Key;
    }

    [Fact]
    public void An_anaphor_that_names_a_title_is_the_last_one_who_holds_it()
    {
        const string Text = "التقى وزير الخارجية الروسي لافروف نظيره، ثم استقبله بوتين. وأشار الوزير إلى أن «الأمثلة جيدة».";
        Assert.Equal("لافروف", SpeakerWithTitles(Text, previous: null));                                               // not بوتين, named last
        Assert.Equal("لافروف", SpeakerWithTitles(Text, new Named("Person", "شويغو", new TextSpan(0, 1), "الرئيس")));    // the one before holds another title
        Assert.Equal("شويغو", SpeakerWithTitles(Text, new Named("Person", "شويغو", new TextSpan(0, 1), "وزير الدفاع"))); // the one before is a minister too
        Assert.Equal("شويغو", SpeakerWithTitles(Text, new Named("Person", "شويغو", new TextSpan(0, 1))));               // the one before has no known title
        Assert.Equal("بوتين", SpeakerWithTitles(Text.Replace("الوزير", "الدبلوماسي", StringComparison.Ordinal), previous: null)); // no one holds that title
    }

    [Fact]
    public void An_index_of_titles_made_before_the_thread_numbered_its_title_words_again_is_made_again()
    {
        const string Text = "التقى وزير الخارجية الروسي لافروف نظيره، ثم استقبله بوتين. وأشار الوزير إلى أن «الأمثلة جيدة». ثم قال بوتين كلمة. وأشار الوزير إلى أن «الأمثلة كثيرة».";
        NormalizedText normalized = NormalizedText.Normalize(Text, TextNormalization.None);
        var people = Places(Text, ["لافروف", "بوتين"])
            .Select(p => new Named("Person", Text[p.Start..p.End], TextSpan.FromBounds(p.Start, p.End), Text[p.Start..p.End] == "لافروف" ? "وزير الخارجية الروسي" : "الرئيس الروسي"))
            .ToList();
        using var attribution = new Attribution(normalized, Hits(Text, ["وأشار"]), default, static e => ((Named)e).Title, [people, new List<Named>()]);
        int first = Text.IndexOf('«', StringComparison.Ordinal);
        int second = Text.LastIndexOf('«');
        Assert.Equal("لافروف", ((Named?)attribution.Speaker(TextSpan.FromBounds(first + 1, Text.IndexOf('»', first)), null))?.Key);

        // Another document's titles fill the thread's numbering past its bound: the next index starts it again.
        for (int i = 0; i <= Attribution.TitleWordIds.MostTitles; i++)
        {
            Attribution.TitleWordIds.Of("لقب" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        Attribution.TitleWordIds.BeginIndex();
        Attribution.TitleWordIds.Of("سفير");
        Assert.Equal("لافروف", ((Named?)attribution.Speaker(TextSpan.FromBounds(second + 1, Text.IndexOf('»', second)), null))?.Key); // not بوتين, nearest
    }

    [Fact]
    public void Title_words_are_compared_without_the_article_and_under_arabic_normalization()
    {
        Assert.Equal("وزير", Attribution.TitleWord("الوزير"));
        Assert.Equal("ال", Attribution.TitleWord("ال"));
        Assert.Contains(Attribution.TitleWord("المتحدثة"), Attribution.TitleWords("المتحدثة باسم الخارجية"));
        Assert.Contains(Attribution.TitleWord("الأمين"), Attribution.TitleWords("الامين العام"));
    }

    [Fact]
    public void Nobody_speaks_where_nobody_is_named()
        => Assert.Null(Speaker("وقال: «الأمثلة جيدة»."));

    [Theory]
    [InlineData(NearestDirection.Before, "B")]
    [InlineData(NearestDirection.After, "A")]
    public void Of_two_nearest_entities_the_nearer_one_is_taken_and_the_first_on_a_tie(NearestDirection direction, string expected)
    {
        var a = new Named("Person", "A", new TextSpan(2, 3));
        var b = new Named("Organization", "B", new TextSpan(4, 3));
        Assert.Equal(expected, ((Named)Nearest.Nearer(a, b, direction)!).Key);
        Assert.Same(a, Nearest.Nearer(a, new Named("Organization", "C", new TextSpan(2, 3)), direction));
        Assert.Same(b, Nearest.Nearer(null, b, direction));
        Assert.Null(Nearest.Nearer(null, null, direction));
    }

    [Fact]
    public void A_document_of_many_quotes_is_read_with_a_look_up_per_quote()
    {
        string sentence = "وقال لافروف في مؤتمر: «نحن مستعدون للحوار». ";
        string text = string.Concat(Enumerable.Repeat(sentence, 2000));
        NormalizedText normalized = NormalizedText.Normalize(text, TextNormalization.None);
        using var attribution = new Attribution(normalized, Hits(text, Verbs), default, null, [Found(text, "Person", People), Found(text, "Organization", Bodies)]);
        int at = 0;
        for (int i = 0; i < 2000; i++)
        {
            int open = text.IndexOf('«', at);
            int close = text.IndexOf('»', open);
            var speaker = (Named?)attribution.Speaker(TextSpan.FromBounds(open + 1, close), null);
            Assert.Equal(text.LastIndexOf("لافروف", open, StringComparison.Ordinal), speaker!.Span.Start); // this sentence's, not another's
            at = close;
        }
    }

    /// <summary>
    /// A disposed attribution's arrays serve the thread's next one: what the next one answers is
    /// what a fresh one answers, though the first held more verbs, candidates and titles than it
    /// (none of them may show through); one made while another is alive has arrays of its own;
    /// a disposed one answers no more. Attributions from <see cref="Attribution.Start"/> are made in
    /// the one disposed before them, with the same answers.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_attribution_reuses_the_arrays_of_the_one_disposed_before_it_and_nothing_of_what_they_held(bool started)
    {
        const string Long = "التقى وزير الخارجية الروسي لافروف نظيره، ثم استقبله بوتين. وقال زاخاروفا ونوروزي: «نحن هنا». وأشار الوزير إلى أن «الأمثلة جيدة».";
        // The same places, without a speech verb: had the verbs of the first shown through, the anaphor الوزير would name لافروف.
        string noVerbs = Long.Replace("وقال", "وجاء", StringComparison.Ordinal).Replace("وأشار", "وأبان", StringComparison.Ordinal);
        using (Attribution first = Titled(Long))
        {
            Assert.Equal("لافروف", (first.Speaker(LastQuote(Long), null) as Named)?.Key); // the titles are indexed
        }

        // No verbs where the first held two: the candidate nearest before the quote.
        using (Attribution reused = Titled(noVerbs))
        {
            Assert.Equal("زاخاروفا", (reused.Speaker(LastQuote(noVerbs), null) as Named)?.Key);
            Attribution alive = Titled(Long);
            Assert.Equal("لافروف", (alive.Speaker(LastQuote(Long), null) as Named)?.Key);
            Assert.Equal("زاخاروفا", (reused.Speaker(LastQuote(noVerbs), null) as Named)?.Key);
            alive.Dispose();
            Assert.Throws<ObjectDisposedException>(() => alive.Speaker(LastQuote(Long), null));
            alive.Dispose(); // twice is nothing
        }

        Attribution? previous = null;
        if (started)
        {
            // Made in the last one disposed (alive, above), not in a new object.
            previous = Titled(Long);
            previous.Dispose();
        }

        using Attribution again = Titled(Long);
        Assert.Equal("لافروف", (again.Speaker(LastQuote(Long), null) as Named)?.Key);
        Assert.Equal(started, ReferenceEquals(previous, again));

        static TextSpan LastQuote(string text)
        {
            int open = text.LastIndexOf('«');
            return TextSpan.FromBounds(open + 1, text.IndexOf('»', open));
        }

        Attribution Titled(string text)
        {
            var people = Places(text, ["لافروف", "بوتين", "زاخاروفا", "نوروزي"])
                .Select(p => new Named("Person", text[p.Start..p.End], TextSpan.FromBounds(p.Start, p.End), text[p.Start..p.End] == "لافروف" ? "وزير الخارجية الروسي" : "الرئيس الروسي"))
                .ToList();
            NormalizedText normalized = NormalizedText.Normalize(text, TextNormalization.None);
            return started
                ? Attribution.Start(normalized, Hits(text, [.. Verbs, "وأشار"]), Hits(text, ["بيان"]), static e => ((Named)e).Title, [people, Found(text, "Organization", Bodies)])
                : new Attribution(normalized, Hits(text, [.. Verbs, "وأشار"]), Hits(text, ["بيان"]), static e => ((Named)e).Title, [people, Found(text, "Organization", Bodies)]);
        }
    }

    /// <summary>An entity of a type and key.</summary>
    public sealed class Named(string type, string key, TextSpan span, string? title = null) : IEntity
    {
        public string? Title => title;

        public string EntityType => type;

        public string Key => key;

        public TextSpan Span => span;

        public string Text => key;

        public string Rule => "test";

        public void WriteFields(Utf8JsonWriter writer) => writer.WriteStartObject();

        public void WriteTo(Utf8JsonWriter writer) => writer.WriteStartObject();

        public override string ToString() => $"{type} {key}";
    }
}
