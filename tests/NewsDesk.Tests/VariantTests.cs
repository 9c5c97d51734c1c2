using System.Linq;

namespace NewsDesk.Tests;

/// <summary>
/// Sentences the seeds do not hold, written the way Arabic news writes them: the rules work
/// from titles, cues and lexicons of real names, not from the seeds' exact sentences.
/// </summary>
public sealed class VariantTests
{
    [Fact]
    public void A_spokesman_quoted_after_a_colon()
    {
        Article article = NewsDeskCorpus.Instance.Extract("وقال المتحدث باسم الكرملين دميتري بيسكوف للصحفيين في موسكو: \"إن روسيا مستعدة للحوار مع واشنطن دون شروط\".");

        Person peskov = Assert.Single(article.PersonMentions);
        Assert.Equal(("دميتري بيسكوف", "المتحدث باسم الكرملين"), (peskov.Name, peskov.Title));
        Assert.Equal(["Moscow", "RU", "Washington"], article.PlaceMentions.Select(p => p.Id)); // places inside a quote count
        Quote quote = Assert.Single(article.QuoteMentions);
        Assert.Equal(("إن روسيا مستعدة للحوار مع واشنطن دون شروط", "دميتري بيسكوف"), (quote.Text, quote.Speaker?.Person?.Name));
        Assert.Equal("KREMLIN", Assert.Single(article.OrganizationMentions).Id);
    }

    [Fact]
    public void Proclitics_diacritics_and_persian_letters_do_not_hide_names()
    {
        Article article = NewsDeskCorpus.Instance.Extract("وأكّد وزيرُ الخارجيّة الإيراني عباس عراقجی لوكالة تسنیم أنّ طهران وبكين ستعملان معاً في إطار منظمة شنغهاي للتعاون.");

        Person araghchi = Assert.Single(article.PersonMentions);
        Assert.Equal(("عباس عراقجي", "وزيرُ الخارجيّة الإيراني"), (araghchi.Name, araghchi.Title));
        Assert.Equal(["Tehran", "Beijing"], article.PlaceMentions.Select(p => p.Id));
        Assert.Equal(["TASNIM", "SCO"], article.OrganizationMentions.Select(o => o.Id));
    }

    [Fact]
    public void Dates_in_other_spellings_and_a_source_line()
    {
        Article article = NewsDeskCorpus.Instance.Extract("موسكو في ٣ آذار/مارس ٢٠٢٥ — التقى لافروف نظيره في أستانا في أيار 2024.\nالمصدر: رويترز");

        Assert.Equal(["2025-03-03", "2024-05"], article.DateMentions.Select(d => d.Value.ToString()));
        Assert.Equal("REUTERS", Assert.Single(article.SourceMentions).Id);
        Assert.Equal(["Moscow", "Astana"], article.PlaceMentions.Select(p => p.Id));
    }

    [Fact]
    public void A_companys_alias_in_guillemets_is_found_again_wherever_the_text_uses_it()
    {
        // The alias after the full name (alias-in-guillemets), then in a headline before it, in marks and bare after it.
        Article article = NewsDeskCorpus.Instance.Extract("«ألومكو» توسع مصهرها\nوقعت شركة الألمنيوم الوطنية «ألومكو» اتفاقا مع الجانب الكازاخستاني، وقالت ألومكو إن المصهر يبدأ العمل قريبا.");

        Assert.Equal(
            [("ألومكو", "repeats"), ("ألومكو", "alias-in-guillemets"), ("ألومكو", "repeats")],
            article.OrganizationMentions.Where(o => o.Text == "ألومكو").Select(o => (o.Id, o.Rule)));
    }

    [Fact]
    public void A_word_in_guillemets_after_a_verb_is_no_alias()
    {
        Article article = NewsDeskCorpus.Instance.Extract("وأعلنت الشركة أن «المشروع» سيبدأ العام المقبل، وأن المشروع ممول بالكامل.");

        Assert.Empty(article.OrganizationMentions);
    }

    [Fact]
    public void A_quoted_name_or_a_label_is_not_speech()
    {
        Article article = NewsDeskCorpus.Instance.Extract("شارك في منتدى \"الحوار الأوراسي الجديد للشباب\" الذي نظمته مؤسسة غورتشاكوف، وحصلت أوزبكستان على صفة \"شريك حوار دائم\".");

        Assert.Empty(article.QuoteMentions);
        Assert.Equal("GORCHAKOV-FUND", Assert.Single(article.OrganizationMentions).Id);
    }

    [Fact]
    public void A_speaker_named_paragraphs_before_the_quote_is_found()
    {
        // As in 001: "وتابع لافروف …" and, two paragraphs on, "وقال: "…"".
        Article article = NewsDeskCorpus.Instance.Extract("وتابع وزير الخارجية الروسي سيرغي لافروف حديثه عن الأمن الأوراسي.\n\nوقال: \"إن العمل مستمر في مواقع مختلفة\".");

        Quote quote = Assert.Single(article.QuoteMentions);
        Assert.Equal("سيرغي لافروف", quote.Speaker?.Person?.Name);
    }

    [Fact]
    public void An_article_written_for_this_test_is_read_whole()
    {
        const string Text = """
            الكرملين: بوتين وشي جين بينغ يبحثان التعاون في إطار بريكس
            تاريخ النشر: 3rd, March 2025 GMT
            أعلن المتحدث باسم الكرملين دميتري بيسكوف، اليوم الاثنين، أن الرئيس الروسي فلاديمير بوتين سيلتقي نظيره الصيني شي جين بينغ في موسكو خلال الأسبوع المقبل.
            وقال بيسكوف للصحفيين: "سيناقش الزعيمان قضايا التعاون الاقتصادي والأمن الإقليمي في آسيا الوسطى".
            وأشار إلى أن القمة السابقة عقدت في 15 مايو 2024 في بكين، بحضور ممثلين عن منظمة شنغهاي للتعاون والاتحاد الاقتصادي الأوراسي.
            المصدر: وكالة سبوتنيك
            """;
        Article article = NewsDeskCorpus.Instance.Extract(Text, "written.txt");

        Assert.Equal("الكرملين: بوتين وشي جين بينغ يبحثان التعاون في إطار بريكس", article.Headline);
        Assert.Equal("2025-03-03", article.Published?.Value.ToString());
        Assert.Equal(["SPUTNIK"], article.Sources.Select(g => g.Key));
        Assert.Equal(["فلاديمير بوتين", "شي جين بينغ", "دميتري بيسكوف"], article.People.Select(g => g.Key));
        Assert.Equal(["KREMLIN", "BRICS", "SCO", "EAEU", "SPUTNIK"], article.Organizations.Select(g => g.Key));
        Assert.Equal(["Moscow", "Central Asia", "Beijing"], article.Places.Select(g => g.Key));
        Assert.Equal(["2025-03-03", "2024-05-15"], article.Dates.Select(g => g.Key));
        Quote quote = Assert.Single(article.Quotes).Entity;
        Assert.Equal("دميتري بيسكوف", quote.Speaker?.Person?.Name);
    }
}
