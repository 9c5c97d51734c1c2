using System;
using System.Collections.Generic;
using System.Linq;
using CorpusKit.CompilerServices;
using CsCheck;

namespace CorpusKit.Tests;

/// <summary><see cref="Repeats"/> on its own: surnames, whole names, connectors, proclitics, shared surnames, places already taken.</summary>
public sealed class RepeatsTests
{
    private sealed record Name(string? Full, TextSpan Span, string Text, string Rule) : IEntity
    {
        public string Key => Full ?? Text;

        public string EntityType => "Name";

        public void WriteFields(System.Text.Json.Utf8JsonWriter writer) => writer.WriteString("full", Full);

        public void WriteTo(System.Text.Json.Utf8JsonWriter writer) => writer.WriteStringValue(Text);
    }

    /// <summary>Both ways of searching: each name on its own, and one pass over the words.</summary>
    public static TheoryData<int> Ways => new() { 16, 0 };

    /// <summary>
    /// Runs <see cref="Repeats.Add"/> with an entity for each <paramref name="found"/> name where it
    /// first stands, searching name by name up to <paramref name="oneByOne"/> names, and word by word past it.
    /// </summary>
    private static List<Name> Run(int oneByOne, string text, params string[] found) => Run(oneByOne, whole: false, text, found);

    /// <summary><see cref="Run(int, string, string[])"/> with <see cref="Repeats.AddWhole"/>'s way: the very words, one or more, no surname.</summary>
    private static List<Name> RunWhole(int oneByOne, string text, params string[] found) => Run(oneByOne, whole: true, text, found);

    private static List<Name> Run(int oneByOne, bool whole, string text, string[] found)
    {
        NormalizedText normalized = NormalizedText.Normalize(text, TextNormalization.Arabic);
        var entities = found.Select(full => new Name(full, new TextSpan(text.IndexOf(full, System.StringComparison.Ordinal), full.Length), full, "rule")).OrderBy(e => e.Span).ToList();
        Func<Name, TextSpan, string, Name> make = static (e, span, text) => new Name(e.Full, span, text.Substring(span.Start, span.Length), "repeats");
        if (whole)
        {
            Repeats.AddWhole(entities, normalized, text, static e => e.Rule == "rule", make, oneByOne);
        }
        else
        {
            Repeats.Add(entities, normalized, text, static e => e.Full, make, oneByOne);
        }

        return entities;
    }

    private static string[] Again(List<Name> entities) => [.. entities.Where(e => e.Rule == "repeats").Select(e => $"{e.Text}={e.Full}")];

    [Theory]
    [MemberData(nameof(Ways))]
    public void A_surname_alone_names_the_person_again_before_and_after(int oneByOne)
        => Assert.Equal(
            ["شريفزاده=فرهود شريفزاده", "شريفزاده=فرهود شريفزاده"],
            Again(Run(oneByOne, "قال شريفزاده إن الوزير فرهود شريفزاده وصل، وأضاف شريفزاده أن", "فرهود شريفزاده")));

    /// <summary>
    /// A surname that is a function word once normalized (علي, as على is written) is not searched
    /// alone: the prepositions stay prepositions; the whole name is still found again, and a
    /// surname that only looks like one (عليان) still names its person.
    /// </summary>
    [Theory]
    [MemberData(nameof(Ways))]
    public void A_surname_that_normalizes_as_a_preposition_is_not_searched_alone(int oneByOne)
    {
        Assert.Equal(
            ["شاه زيب علي=شاه زيب علي"],
            Again(Run(oneByOne, "قال الوزير شاه زيب علي إن الاتفاق يقوم على التعاون، وأكد شاه زيب علي عزمه على المضي، وعلي هو", "شاه زيب علي")));
        Assert.Equal(
            ["عليان=محمد عليان"],
            Again(Run(oneByOne, "قال محمد عليان إن الاتفاق يقوم على التعاون، وأضاف عليان", "محمد عليان")));
    }

    [Theory]
    [MemberData(nameof(Ways))]
    public void The_whole_name_again_is_one_mention_not_two(int oneByOne)
        => Assert.Equal(["فرهود شريفزاده=فرهود شريفزاده"], Again(Run(oneByOne, "الوزير فرهود شريفزاده وصل. ثم قال فرهود شريفزاده", "فرهود شريفزاده")));

    [Theory]
    [MemberData(nameof(Ways))]
    public void A_connector_keeps_two_words_as_the_surname(int oneByOne)
        => Assert.Equal(["بن حمادي=سفيان بن حمادي"], Again(Run(oneByOne, "السفير سفيان بن حمادي وصل، وقال بن حمادي إن حمادي", "سفيان بن حمادي")));

    [Theory]
    [MemberData(nameof(Ways))]
    public void A_surname_written_apart_from_its_ending_keeps_both_words(int oneByOne)
        => Assert.Equal(["صفر زاده=رستم صفر زاده"], Again(Run(oneByOne, "الوزير رستم صفر زاده وصل، وقال صفر زاده إن زاده", "رستم صفر زاده")));

    [Theory]
    [MemberData(nameof(Ways))]
    public void A_turkish_surname_in_oglu_keeps_both_words(int oneByOne)
        => Assert.Equal(["جاويش أوغلو=مولود جاويش أوغلو"], Again(Run(oneByOne, "الوزير مولود جاويش أوغلو وصل، وقال جاويش أوغلو إن أوغلو", "مولود جاويش أوغلو")));

    [Theory]
    [MemberData(nameof(Ways))]
    public void A_mauritanian_name_is_named_again_from_its_son_of_on(int oneByOne)
        => Assert.Equal(["ولد محمد الأمين=الحسن ولد محمد الأمين", "منت عبيد الله=فاطمة منت عبيد الله"], Again(Run(oneByOne, "الأمين العام الحسن ولد محمد الأمين والمتحدثة فاطمة منت عبيد الله. وقال ولد محمد الأمين إن الأمين وصل، وأكدت منت عبيد الله أن الله", "الحسن ولد محمد الأمين", "فاطمة منت عبيد الله")));

    [Theory]
    [MemberData(nameof(Ways))]
    public void Proclitics_stay_out_of_the_span(int oneByOne)
        => Assert.Equal(["شريفزاده=فرهود شريفزاده"], Again(Run(oneByOne, "الوزير فرهود شريفزاده ووفقا لشريفزاده", "فرهود شريفزاده")));

    /// <summary>
    /// Proclitics run as Arabic writes them: one letter, or a conjunction then a preposition
    /// (ول); two prepositions are no run, so لبنان does not hold the surname نان.
    /// </summary>
    [Theory]
    [MemberData(nameof(Ways))]
    public void Only_a_conjunction_then_a_preposition_stand_together_before_a_name(int oneByOne)
        => Assert.Equal(
            ["نان=يوان يا نان", "نان=يوان يا نان"],
            Again(Run(oneByOne, "وقال يوان يا نان إن لبنان بلد جميل، وأكد لنان ذلك ولنان أيضا", "يوان يا نان")));

    [Theory]
    [MemberData(nameof(Ways))]
    public void A_surname_inside_a_longer_word_is_not_a_mention(int oneByOne)
        => Assert.Equal(["حمادي=سفيان حمادي"], Again(Run(oneByOne, "وصل سفيان حمادي، ثم زار الحمادية وقال لحمادي", "سفيان حمادي")));

    [Theory]
    [MemberData(nameof(Ways))]
    public void A_surname_two_names_share_names_neither(int oneByOne)
        => Assert.Empty(Again(Run(oneByOne, "علي كريمي وحسن كريمي التقيا، وقال كريمي", "علي كريمي", "حسن كريمي")));

    /// <summary>
    /// One person written with and without a middle name shares the surname with themselves, in
    /// either order: the fuller name is named; a name that only shares the first and last word
    /// with another, out of order or with another between, is another person.
    /// </summary>
    [Theory]
    [MemberData(nameof(Ways))]
    public void A_surname_of_one_person_written_two_ways_names_the_fuller(int oneByOne)
    {
        Assert.Equal(
            ["بيستروف=أليكسي غيناديفيتش بيستروف"],
            Again(Run(oneByOne, "أليكسي بيستروف وصل. وقال أليكسي غيناديفيتش بيستروف إن. وأضاف بيستروف", "أليكسي بيستروف", "أليكسي غيناديفيتش بيستروف")));
        Assert.Equal(
            ["بيستروف=أليكسي غيناديفيتش بيستروف"],
            Again(Run(oneByOne, "قال أليكسي غيناديفيتش بيستروف إن. ثم أليكسي بيستروف وصل. وأضاف بيستروف", "أليكسي غيناديفيتش بيستروف", "أليكسي بيستروف")));
        Assert.Empty(Again(Run(oneByOne, "أليكسي بيستروف وأندريه بيستروف التقيا. وقال بيستروف", "أليكسي بيستروف", "أندريه بيستروف")));
    }

    [Theory]
    [InlineData("أليكسي غيناديفيتش بيستروف", "أليكسي بيستروف", true)]
    [InlineData("أليكسي بيستروف", "أليكسي غيناديفيتش بيستروف", false)] // not fuller
    [InlineData("أليكسي بيستروف", "أليكسي بيستروف", false)]             // the same
    [InlineData("أليكسي غيناديفيتش بيستروف", "غيناديفيتش بيستروف", false)] // another first word
    [InlineData("أليكسي غيناديفيتش بيستروف", "أليكسي غيناديفيتش", false)] // another last word
    [InlineData("محمد علي أحمد حسن", "محمد أحمد حسن", true)]
    [InlineData("محمد علي أحمد حسن", "محمد حسن أحمد حسن", false)]       // as many words
    public void A_fuller_name_holds_the_words_of_the_shorter_in_order(string fuller, string name, bool holds)
        => Assert.Equal(holds, Repeats.HoldsWordsOf(fuller, name));

    [Theory]
    [MemberData(nameof(Ways))]
    public void A_one_word_name_is_not_repeated(int oneByOne)
        => Assert.Empty(Again(Run(oneByOne, "بوتين وصل، وقال بوتين", "بوتين")));

    [Theory]
    [MemberData(nameof(Ways))]
    public void A_word_inside_another_entity_of_the_type_is_left_alone(int oneByOne)
    {
        List<Name> entities = Run(oneByOne, "فرهود شريفزاده وصل", "فرهود شريفزاده");
        Assert.Single(entities);
        Assert.Equal(new TextSpan(0, 14), entities[0].Span);
    }

    [Fact]
    public void Past_the_bound_one_pass_over_the_words_finds_what_the_search_name_by_name_finds()
    {
        // Forty people, each named in full once and then by surname (some after proclitics, one
        // inside a longer word, one at the very end): both ways give the same mentions.
        var names = Enumerable.Range(0, 40).Select(i => $"سمير{Letters(i)} حداد{Letters(i + 7)}").ToArray();
        string text = string.Join(" ", names.Select((full, i) => $"وصل {full} ثم قال {(i % 3 == 0 ? "و" : i % 3 == 1 ? "ول" : "")}{full.Split(' ')[1]} إن {full.Split(' ')[1]}ات"))
            + " وختم " + names[5].Split(' ')[1];
        List<Name> byName = Run(int.MaxValue, text, names);
        List<Name> byWord = Run(0, text, names);
        Assert.Equal(41, Again(byName).Length);
        Assert.Equal(Again(byName), Again(byWord));
        Assert.Equal(byName.Select(e => e.Span), byWord.Select(e => e.Span));
    }

    [Fact]
    public void Names_that_share_a_first_word_or_are_joined_by_a_hyphen_are_found_word_by_word_as_name_by_name()
    {
        // Forty people with one first name (a document of many people has many of those), a name of
        // three words, one joined by a hyphen and one by " - ": each named again, whole or by surname.
        string[] names =
        [
            .. Enumerable.Range(0, 40).Select(i => $"محمد حداد{Letters(i)}"),
            "علي أكبر ولايتي",
            "ألكسندر بوغدانوف-ليبيديف",
            "سيرغي ماكاروف - بيلوف",
        ];
        string text = string.Join(" ", names.Select(full => $"وصل {full} ثم قال {full} إن {full[(full.LastIndexOf(' ') + 1)..]} وصل"));
        List<Name> byName = Run(int.MaxValue, text, names);
        List<Name> byWord = Run(0, text, names);
        Assert.Equal(Again(byName), Again(byWord));
        Assert.Equal(byName.Select(e => e.Span), byWord.Select(e => e.Span));
        Assert.Contains("علي أكبر ولايتي=علي أكبر ولايتي", Again(byWord));
        Assert.Contains("بوغدانوف-ليبيديف=ألكسندر بوغدانوف-ليبيديف", Again(byWord));
        Assert.Contains("سيرغي ماكاروف - بيلوف=سيرغي ماكاروف - بيلوف", Again(byWord));
        Assert.Equal(43, Again(byWord).Count(a => a.Split('=')[0] == a.Split('=')[1]));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Names_of_two_and_three_words_with_one_first_word_are_each_found_whole_by_the_pass_over_the_words(bool longerFirst)
    {
        // The pass looks a first word up once and goes on for as many words as the longest name
        // that begins with it: a name longer or shorter than the other, whichever came first, is found.
        string[] names = longerFirst ? ["علي أكبر ولايتي", "علي حداد"] : ["علي حداد", "علي أكبر ولايتي"];
        string text = $"وصل {names[0]} ثم {names[1]}. وقال {names[0]} إن {names[1]} وصل، ولعلي أكبر ولايتي رأي.";
        List<Name> byName = Run(int.MaxValue, text, names);
        List<Name> byWord = Run(0, text, names);
        Assert.Equal(Again(byName), Again(byWord));
        Assert.Equal(["علي أكبر ولايتي=علي أكبر ولايتي", "علي أكبر ولايتي=علي أكبر ولايتي", "علي حداد=علي حداد"], Again(byWord).Order(System.StringComparer.Ordinal));
    }

    /// <summary>
    /// Random names of random Arabic letters (a first word of one to six letters, shared by some),
    /// each named once in full and then by its whole name or surname: the pass over the words, whose
    /// filter of first words lets a word through by a hash of its length and ends, finds what the
    /// search name by name finds.
    /// </summary>
    [Fact]
    public void Random_names_are_found_word_by_word_as_name_by_name()
        => s_randomNames.Sample(FoundWordByWordAsNameByName, iter: 300);

    /// <summary>
    /// The same over the names of a seed that once failed: a surname of tatweels alone (ــ), which
    /// normalization leaves nothing of, was searched name by name as an empty word; it is no surname.
    /// </summary>
    [Fact]
    public void Random_names_of_a_seed_that_ended_one_with_tatweels_are_found_word_by_word_as_name_by_name()
        => s_randomNames.Sample(FoundWordByWordAsNameByName, iter: 300, seed: "3QC2CzLW4zV1");

    private static readonly Gen<string[]> s_randomNames =
        Gen.Select(Gen.Char['ب', 'ي'].Array[1, 6].Select(c => new string(c)), Gen.Char['ب', 'ي'].Array[2, 7].Select(c => new string(c)))
            .Select((first, last) => first + " " + last)
            .Array[17, 60];

    private static void FoundWordByWordAsNameByName(string[] names)
    {
        string[] distinct = [.. names.Distinct()];
        string text = string.Join(" ", distinct.Select((full, i) => $"وصل {full} ثم قال {(i % 2 == 0 ? full : full.Split(' ')[1])} وصل"));
        List<Name> byName = Run(int.MaxValue, text, distinct);
        List<Name> byWord = Run(0, text, distinct);
        Assert.Equal(Again(byName), Again(byWord));
        Assert.Equal(byName.Select(e => e.Span), byWord.Select(e => e.Span));
    }

    [Fact]
    public void A_name_that_begins_with_a_proclitic_letter_is_found_by_the_pass_over_the_words()
        => Assert.Equal(["وليد=خالد وليد", "وليد=خالد وليد"], Again(Run(0, "خالد وليد وصل. وقال وليد إن ووليد", "خالد وليد")));

    /// <summary>Letters that make each made-up name differ from the others.</summary>
    private static string Letters(int i) => new([(char)('ب' + (i % 20)), (char)('ب' + (i / 20 % 20))]);

    [Theory]
    [MemberData(nameof(Ways))]
    public void Whole_words_of_one_word_are_found_again_before_and_after_in_marks_or_not(int oneByOne)
        => Assert.Equal(
            ["مبادلة=مبادلة", "مبادلة=مبادلة", "مبادلة=مبادلة", "مبادلة=مبادلة"],
            Again(RunWhole(oneByOne, "«مبادلة» تدخل السوق. وقعت شركة مبادلة للاستثمار «مبادلة» اتفاقا، وتمنح الشراكة مبادلة موطئ قدم، ولمبادلة أصول", "مبادلة")));

    [Theory]
    [MemberData(nameof(Ways))]
    public void Whole_words_name_no_surname_and_no_part_of_a_longer_word(int oneByOne)
        => Assert.Equal(
            ["تشاينا هاربر=تشاينا هاربر"],
            Again(RunWhole(oneByOne, "وقالت «تشاينا هاربر» إن هاربر والمبادلات وتشاينا هاربرز لا، ثم تشاينا هاربر", "تشاينا هاربر")));

    [Theory]
    [MemberData(nameof(Ways))]
    public void Whole_words_in_quotation_marks_are_searched_as_the_words_in_them(int oneByOne)
        => Assert.Equal(
            ["مبادلة=«مبادلة»", "مبادلة=«مبادلة»"],
            Again(RunWhole(oneByOne, "وقعت «مبادلة» اتفاقا، وقالت مبادلة إن «مبادلة» تستثمر", "«مبادلة»")));

    [Theory]
    [MemberData(nameof(Ways))]
    public void Two_spellings_that_normalize_alike_are_one_name(int oneByOne)
        => Assert.Equal(
            ["أرامكو=أرامكو"],
            Again(RunWhole(oneByOne, "قالت «أرامكو» إن الشحنة وصلت، وأعلنت «ارامكو» أمس، ثم أرامكو وحدها", "أرامكو", "ارامكو")));

    /// <summary>
    /// A one-word name with the article is not found again where a word with the article follows it
    /// (the noun and its adjective), one space or two; it is where a word without the article, a
    /// mark or the text's end follows; a name of two words, or one without the article, is found
    /// before a definite word too.
    /// </summary>
    [Theory]
    [MemberData(nameof(Ways))]
    public void A_definite_word_found_again_is_no_name_before_a_definite_word(int oneByOne)
    {
        Assert.Equal(
            ["الصباح=الصباح", "الصباح=الصباح", "الصباح=الصباح", "الصباح=الصباح"],
            Again(RunWhole(oneByOne, "تونس (الصباح) – وفي الصباح الباكر وفي الصباح  الثاني قالت الصباح إن الصباح، وكتبت الصباح اليومية والصباح. وفي الصباح", "الصباح")));
        Assert.Equal(
            ["الصباح اليومية=الصباح اليومية"],
            Again(RunWhole(oneByOne, "نشرت الصباح اليومية، ثم الصباح اليومية الجديدة", "الصباح اليومية")));
        Assert.Equal(
            ["مبادلة=مبادلة"],
            Again(RunWhole(oneByOne, "«مبادلة» ثم مبادلة الإماراتية", "مبادلة")));
    }

    [Fact]
    public void The_public_way_to_whole_words_finds_the_same()
    {
        const string text = "وقعت «ألبا» اتفاقا، وقالت ألبا إن";
        NormalizedText normalized = NormalizedText.Normalize(text, TextNormalization.Arabic);
        var entities = new List<Name> { new("ألبا", new TextSpan(6, 4), "ألبا", "rule") };
        Repeats.AddWhole(entities, normalized, text, static e => e.Rule == "rule", static (e, span, text) => new Name(e.Full, span, text.Substring(span.Start, span.Length), "repeats"));
        Assert.Equal(["ألبا=ألبا"], Again(entities));
        Assert.Equal(new TextSpan(text.LastIndexOf("ألبا", System.StringComparison.Ordinal), 4), entities[1].Span);
    }
}
