using System.Linq;
using System.Text.RegularExpressions;
using CorpusKit.CompilerServices;

namespace CorpusKit.Tests;

/// <summary>The sequence matcher on its own: steps, joiners, proclitics, gaps and line breaks.</summary>
public sealed class SequenceMatcherTests
{
    private static readonly TermTrie s_verbs = TermTrie.Create([new("قال", 0), new("اكد", 1)]);
    // A step after the first is anchored where the step before it ended; this one runs on Regex.
    private static readonly Pattern s_quote = Pattern.OnRegex(@"\G(?:[:]\s*«(?<text>[^»]+)»)", RegexOptions.CultureInvariant, null, ["text"]);

    [Theory]
    [InlineData("قال: «إن العمل جار»", "إن العمل جار")]           // the regex step matches the colon itself
    [InlineData("وأكّد لاحقا في كلمته: «العمل مستمر»", "العمل مستمر")] // و before the verb, a diacritic, two words of gap
    [InlineData("قال، في كلمته أمام الوفود: «نعم»", "نعم")]        // a comma joins the verb to the gap
    public void Verb_gap_and_quote(string sentence, string quote)
    {
        SequenceMatch match = Assert.Single(Match(sentence));
        NormalizedText text = NormalizedText.Normalize(sentence, TextNormalization.Arabic);
        Assert.Equal(quote, Captures.String(text, match.Steps[2].Match!.Group("text")));
    }

    [Theory]
    [InlineData("قال في كلمته الطويلة جدا أمام الوفود المشاركة: «نعم»")] // seven words: beyond the gap
    [InlineData("قال في كلمته\n: «نعم»")]                                // a gap never crosses a line break
    [InlineData("استقال: «نعم»")]                                         // قال inside a word is not the verb
    public void No_match(string sentence) => Assert.Empty(Match(sentence));

    /// <summary>
    /// An entity step after a terms step: each title reaches the person after it (and after a
    /// proclitic و), the longest of two that start together, whatever order the list gives them in.
    /// </summary>
    [Fact]
    public void An_entity_step_takes_the_entity_that_follows_and_the_longest_at_a_place()
    {
        const string Sentence = "قال الوزير سيرغي لافروف ثم التقى الوزير وبوتين، وقال الوزير وانغ يي";
        TermTrie titles = TermTrie.Create([new("الوزير", 0)]);
        string[] names = ["وانغ يي", "بوتين", "سيرغي لافروف", "سيرغي", "التقى"];
        IEntity[] people = [.. names.Select(name => (IEntity)new EntityGroupTests.Mention(name, new TextSpan(Sentence.IndexOf(name, System.StringComparison.Ordinal), name.Length), name))];
        var context = new ExtractionContext(Sentence);
        NormalizedText text = context.GetText(TextNormalization.Arabic);

        var matches = SequenceMatcher.Matches(text, [SequenceStep.Terms(titles), SequenceStep.Entity(0)], [people], context, "Person", "test");

        Assert.Equal(["سيرغي لافروف", "بوتين", "وانغ يي"], matches.Select(m => names[m.Steps[1].Value]));
    }

    /// <summary>
    /// The matcher's state is the thread's, made ready for each call: a sequence of three steps,
    /// then one of two steps whose first step finds nothing, then the first again, each finds on one
    /// thread what it finds alone on a fresh one.
    /// </summary>
    [Fact]
    public void Calls_one_after_another_on_a_thread_find_what_each_finds_alone()
    {
        const string First = "قال الوزير سيرغي لافروف: «نعم» ثم اكد الوزير بوتين";
        const string Second = "لا احد هنا";
        const string Third = "وفي النهاية اكد الوزير بوتين";
        TermTrie titles = TermTrie.Create([new("الوزير", 0)]);
        TermTrie nobody = TermTrie.Create([new("احد", 0)]);
        SequenceStep[] three = [SequenceStep.Terms(s_verbs), SequenceStep.Terms(titles), SequenceStep.Entity(0)];
        SequenceStep[] two = [SequenceStep.Terms(nobody), SequenceStep.Entity(0)];
        static string Found(SequenceStep[] steps, string sentence)
        {
            IEntity[] people = [.. new[] { "سيرغي لافروف", "بوتين" }
                .Where(name => sentence.Contains(name, System.StringComparison.Ordinal))
                .Select(name => (IEntity)new EntityGroupTests.Mention(name, new TextSpan(sentence.IndexOf(name, System.StringComparison.Ordinal), name.Length), name))];
            var context = new ExtractionContext(sentence);
            var matches = SequenceMatcher.Matches(context.GetText(TextNormalization.Arabic), steps, [people], context, "Person", "test");
            return string.Join(" | ", matches.Select(m => string.Join(",", m.Steps.ToArray().Select(step => (step.Start, step.End, step.Value)))));
        }

        static string Alone(SequenceStep[] steps, string sentence)
        {
            string? found = null;
            var thread = new System.Threading.Thread(() => found = Found(steps, sentence));
            thread.Start();
            thread.Join();
            return found!;
        }

        string first = Found(three, First);
        string second = Found(two, Second);
        string third = Found(three, Third);

        Assert.Equal(2, first.Split(" | ").Length);
        Assert.Equal(Alone(three, First), first);
        Assert.Equal(string.Empty, second);
        Assert.Equal(Alone(two, Second), second);
        Assert.Equal("(12, 15, 1),(16, 22, 0),(23, 28, 0)", third); // اكد, الوزير, and بوتين (the one person listed)
        Assert.Equal(Alone(three, Third), third);
    }

    /// <summary>
    /// Entity steps of several rules read one list of a document: the context maps and sorts it once
    /// and every rule reads the same spans (two sequences from the same list find what each finds
    /// on a context of its own); a list that grew since, or another list, is mapped anew.
    /// </summary>
    [Fact]
    public void Entity_steps_of_several_rules_share_the_spans_of_a_list_and_a_list_that_grew_is_mapped_again()
    {
        const string Sentence = "قال بوتين ثم اكد لافروف، وقال الوزير وانغ يي";
        static IEntity Person(string name) => new EntityGroupTests.Mention(name, new TextSpan(Sentence.IndexOf(name, System.StringComparison.Ordinal), name.Length), name);
        TermTrie titles = TermTrie.Create([new("الوزير", 0)]);
        SequenceStep[] afterVerb = [SequenceStep.Terms(s_verbs), SequenceStep.Entity(0)];
        SequenceStep[] afterTitle = [SequenceStep.Terms(titles), SequenceStep.Entity(0)];
        var people = new System.Collections.Generic.List<IEntity> { Person("وانغ يي"), Person("بوتين") };
        static string Found(SequenceStep[] steps, System.Collections.Generic.IReadOnlyList<IEntity> people, ExtractionContext context)
            => string.Join(" | ", SequenceMatcher.Matches(context.GetText(TextNormalization.Arabic), steps, [people], context, "Person", "test")
                .Select(m => people[m.Steps[^1].Value].Key));

        var shared = new ExtractionContext(Sentence);
        Assert.Equal("بوتين", Found(afterVerb, people, shared));
        Assert.Equal("وانغ يي", Found(afterTitle, people, shared));
        Assert.Equal("بوتين", Found(afterVerb, people, new ExtractionContext(Sentence)));

        // The list grew (an entity the first mapping did not have): the next rule sees it.
        people.Add(Person("لافروف"));
        Assert.Equal("بوتين | لافروف", Found(afterVerb, people, shared));

        // Another list with the same count is another list.
        IEntity[] others = [Person("لافروف"), Person("وانغ يي"), Person("بوتين")];
        Assert.Equal("بوتين | لافروف", Found(afterVerb, others, shared));
        Assert.Equal("", Found(afterVerb, System.Array.Empty<IEntity>(), shared));
    }

    /// <summary>When the longest entity at a place leaves no room for the next step, the shorter one there is tried.</summary>
    [Fact]
    public void An_entity_step_falls_back_to_the_shorter_entity_when_the_longer_leaves_no_room()
    {
        const string Sentence = "سيرغي قال لافروف";
        IEntity[] people = [new EntityGroupTests.Mention("long", new TextSpan(0, Sentence.Length), Sentence), new EntityGroupTests.Mention("short", new TextSpan(0, 5), "سيرغي")];
        var context = new ExtractionContext(Sentence);
        NormalizedText text = context.GetText(TextNormalization.Arabic);

        var matches = SequenceMatcher.Matches(text, [SequenceStep.Entity(0), SequenceStep.Terms(s_verbs)], [people], context, "Quote", "test");

        SequenceMatch match = Assert.Single(matches);
        Assert.Equal(1, match.Steps[0].Value);
        Assert.Equal(new TextSpan(0, 9), TextSpan.FromBounds(match.Start, match.End));
    }

    /// <summary>A regex as the first step: each of its matches, in order, is tried with the steps after it.</summary>
    [Fact]
    public void A_regex_first_step_tries_each_of_its_matches()
    {
        const string Sentence = "«نعم» قال الوزير، ثم «لا» فقط، و«ربما» قال";
        Pattern quote = Pattern.OnRegex(@"«(?<text>[^»]+)»", RegexOptions.CultureInvariant, null, ["text"]);
        var context = new ExtractionContext(Sentence);
        NormalizedText text = context.GetText(TextNormalization.Arabic);

        var matches = SequenceMatcher.Matches(text, [SequenceStep.Regex(quote), SequenceStep.Terms(s_verbs)], [], context, "Quote", "test");

        Assert.Equal(["نعم", "ربما"], matches.Select(m => Captures.String(text, m.Steps[0].Match!.Group("text"))));
        Assert.Empty(context.Problems);
    }

    private static System.Collections.Generic.List<SequenceMatch> Match(string sentence, bool mayBeginWithJoiner = true)
    {
        var context = new ExtractionContext(sentence);
        NormalizedText text = context.GetText(TextNormalization.Arabic);
        SequenceStep[] steps = [SequenceStep.Terms(s_verbs), SequenceStep.Gap(0, 5), SequenceStep.Regex(s_quote, mayBeginWithJoiner)];
        return SequenceMatcher.Matches(text, steps, [], context, "Quote", "test");
    }

    [Theory]
    [InlineData("قال: «إن العمل جار»", true)]    // the colon is a joiner the pattern takes itself: tried before it
    [InlineData("قال: «إن العمل جار»", false)]   // a step said to begin with no joiner is tried after them only
    [InlineData("قال:«إن العمل جار»", true)]
    [InlineData("قال:«إن العمل جار»", false)]
    public void A_regex_step_is_tried_before_the_joiners_only_when_it_may_begin_with_one(string sentence, bool mayBeginWithJoiner)
    {
        Assert.Equal(mayBeginWithJoiner, Match(sentence, mayBeginWithJoiner).Count == 1);
        Assert.True(SequenceStep.Regex(s_quote).MayBeginWithJoiner);
        Assert.Equal(mayBeginWithJoiner, SequenceStep.Regex(s_quote, mayBeginWithJoiner).Optional().MayBeginWithJoiner);
    }

    // Speech in guillemets, without a prefilter and with the one a build gives it (a match begins
    // with «), so the matcher can tell where it may next begin after a gap; and the colon's quote
    // above with its own (a match begins with the colon, a joiner).
    private static readonly Pattern s_marks = Pattern.OnRegex(@"\G«(?<text>[^»]+)»", RegexOptions.CultureInvariant, null, ["text"]);
    private static readonly Pattern s_marksFiltered = Pattern.OnRegex(s_marks.Source, RegexOptions.CultureInvariant, new PatternPrefilter(literal: null, "«", digits: false, PrefilterAnchor.None), ["text"]);
    private static readonly Pattern s_quoteFiltered = Pattern.OnRegex(s_quote.Source, RegexOptions.CultureInvariant, new PatternPrefilter(literal: null, ":", digits: false, PrefilterAnchor.None), ["text"]);

    // Speech in guillemets that holds نعم: its prefilter has the inner literal, whose run the matcher
    // keeps from one ask to the next.
    private static readonly Pattern s_yes = Pattern.OnRegex(@"\G«(?<text>[^»\n]*نعم[^»\n]*)»", RegexOptions.CultureInvariant, null, ["text"]);
    private static readonly Pattern s_yesFiltered = Pattern.OnRegex(s_yes.Source, RegexOptions.CultureInvariant, new PatternPrefilter(literal: null, "«", digits: false, PrefilterAnchor.None, inner: "نعم"), ["text"]);

    private static System.Collections.Generic.List<SequenceMatch> MatchAfterGap(string sentence, Pattern quote, int most)
    {
        var context = new ExtractionContext(sentence);
        NormalizedText text = context.GetText(TextNormalization.Arabic);
        SequenceStep[] steps = [SequenceStep.Terms(s_verbs), SequenceStep.Gap(0, most), SequenceStep.Regex(quote)];
        return SequenceMatcher.Matches(text, steps, [], context, "Quote", "test");
    }

    /// <summary>
    /// A gap before a pattern with a prefilter is tried only where the pattern may begin: the gap's
    /// bound still holds at N words and N+1, and a mark past the line's end is out of reach.
    /// </summary>
    [Theory]
    [InlineData("قال في كلمته أمام الوفود المشاركة «نعم»", 5, true)]   // five words of gap, five allowed
    [InlineData("قال في كلمته أمام الوفود المشاركة «نعم»", 4, false)]  // five words, four allowed
    [InlineData("قال في كلمته أمام الوفود «نعم»", 4, true)]
    [InlineData("قال في كلمته أمام الوفود\n«نعم»", 5, false)]          // the mark is on the next line
    [InlineData("قال في كلمته أمام الوفود", 5, false)]                  // no mark at all
    public void A_gap_before_a_filtered_pattern_keeps_its_bounds(string sentence, int most, bool found)
    {
        Assert.Equal(found, MatchAfterGap(sentence, s_marksFiltered, most).Count == 1);
        Assert.Equal(found, MatchAfterGap(sentence, s_marks, most).Count == 1);
    }

    /// <summary>
    /// Where a pattern may next begin is remembered from one start of the sequence to the next (the
    /// starts come in text order): a verb whose line has no mark, then two verbs before two quotes,
    /// the second verb past the first quote, find the two quotes, as the pattern without a prefilter does.
    /// </summary>
    [Fact]
    public void Where_a_pattern_may_begin_is_asked_again_past_the_place_remembered()
    {
        const string Sentence = "قال الوزير كلاما\nقال في كلمته «نعم» ثم اكد في الختام «ربما»";
        string[] Quotes(Pattern quote)
        {
            NormalizedText text = NormalizedText.Normalize(Sentence, TextNormalization.Arabic);
            return [.. MatchAfterGap(Sentence, quote, 3).Select(m => Captures.String(text, m.Steps[2].Match!.Group("text")) ?? string.Empty)];
        }

        Assert.Equal(["نعم", "ربما"], Quotes(s_marksFiltered));
        Assert.Equal(Quotes(s_marks), Quotes(s_marksFiltered));
    }

    /// <summary>
    /// A gap before a terms step is tried only where one of its hits may begin, after a proclitic
    /// too: two words of gap at a bound of two and of one, and a title after و.
    /// </summary>
    [Theory]
    [InlineData("قال امس في الوزير", 2, true)]
    [InlineData("قال امس في الوزير", 1, false)]
    [InlineData("قال امس والوزير", 1, true)]
    [InlineData("قال امس وفي الظهر", 3, false)]
    public void A_gap_before_a_terms_step_keeps_its_bounds(string sentence, int most, bool found)
    {
        var context = new ExtractionContext(sentence);
        NormalizedText text = context.GetText(TextNormalization.Arabic);
        SequenceStep[] steps = [SequenceStep.Terms(s_verbs), SequenceStep.Gap(0, most), SequenceStep.Terms(s_titles)];
        Assert.Equal(found, SequenceMatcher.Matches(text, steps, [], context, "Person", "test").Count == 1);
    }

    /// <summary>
    /// Over random lines of verbs, words, marks and line breaks, a gap before the filtered pattern
    /// finds exactly what it finds before the same pattern without a prefilter (which is tried
    /// after every word of the gap): guillemets, a colon the pattern may take as a joiner, and
    /// guillemets whose speech must hold a word (an inner literal).
    /// </summary>
    [Fact]
    public void A_gap_before_a_filtered_pattern_finds_what_one_tried_at_every_word_finds()
    {
        string[] pool = ["قال", "اكد", "في", "كلمته", "امام", "الوفود", "«نعم»", ": «ربما»", "\n", "،", "«لا", "»", "نعم", "«قال نعم»"];
        var random = new System.Random(20261207);
        for (int i = 0; i < 3000; i++)
        {
            string sentence = string.Join(" ", Enumerable.Range(0, random.Next(1, 24)).Select(_ => pool[random.Next(pool.Length)]));
            int most = random.Next(0, 8);
            string[] Spans(Pattern quote) => [.. MatchAfterGap(sentence, quote, most).Select(m => $"{m.Start}-{m.End}")];
            Assert.True(Spans(s_marks).SequenceEqual(Spans(s_marksFiltered)), sentence);
            Assert.True(Spans(s_quote).SequenceEqual(Spans(s_quoteFiltered)), sentence);
            Assert.True(Spans(s_yes).SequenceEqual(Spans(s_yesFiltered)), sentence);
        }
    }

    private static readonly TermTrie s_titles = TermTrie.Create([new("الرئيس", 0), new("الوزير", 1)]);

    /// <summary>The words a title's words step takes in <paramref name="sentence"/> (after normalization).</summary>
    private static string[] Names(string sentence, SequenceStep words)
    {
        var context = new ExtractionContext(sentence);
        NormalizedText text = context.GetText(TextNormalization.Arabic);
        return [.. SequenceMatcher.Matches(text, [SequenceStep.Terms(s_titles), words], [], context, "Person", "test")
            .Select(m => text.TextOf(m.Steps[1].Start, m.Steps[1].End))];
    }

    /// <summary>A words step takes the most words it may (at its bound N, not N + 1), and stops at a comma, a line break or a word of another script.</summary>
    [Theory]
    [InlineData("قال الرئيس امام علي رحمن امس", 3, "امام علي رحمن")]
    [InlineData("قال الرئيس امام علي رحمن امس", 4, "امام علي رحمن امس")]
    [InlineData("قال الرئيس امام علي رحمن امس", 2, "امام علي")]
    [InlineData("قال الرئيس امام، علي رحمن", 3, "امام")]
    [InlineData("قال الرئيس امام\nعلي رحمن", 3, "امام")]
    [InlineData("قال الرئيس امام Ali رحمن", 3, "امام")]
    public void A_words_step_takes_the_most_words_up_to_its_bound(string sentence, int max, string name)
        => Assert.Equal([name], Names(sentence, SequenceStep.Words(1, max, WordScript.Arabic)));

    /// <summary>Fewer words than the step's fewest is no match; exactly the fewest is one.</summary>
    [Theory]
    [InlineData("الرئيس امام.", 2, false)]
    [InlineData("الرئيس امام علي.", 2, true)]
    public void A_words_step_needs_its_fewest_words(string sentence, int min, bool matches)
        => Assert.Equal(matches, Names(sentence, SequenceStep.Words(min, 3, WordScript.Arabic)).Length == 1);

    /// <summary>Each script takes its own words only; any takes letters and digits of every script.</summary>
    [Theory]
    [InlineData(WordScript.Latin, "الوزير John Smith قال", "john smith")]
    [InlineData(WordScript.Digits, "الوزير ١٢ 34 قال", "12 34")]
    [InlineData(WordScript.Any, "الوزير John ١٢ قال", "john 12 قال")]
    public void A_words_step_keeps_to_its_script(WordScript script, string sentence, string words)
        => Assert.Equal([words], Names(sentence, SequenceStep.Words(1, 3, script)));

    /// <summary>
    /// A word where a refused form begins is not taken, with a proclitic before it too, and the
    /// words before it still are; a refused form that covers only part of a word refuses nothing.
    /// </summary>
    [Theory]
    [InlineData("الرئيس امام علي قال امس", "امام علي")]
    [InlineData("الرئيس امام علي وقال امس", "امام علي")]
    [InlineData("الرئيس امام علي قالب امس", "امام علي قالب امس")]
    [InlineData("الرئيس امام علي في روسيا", "امام علي")]
    [InlineData("الرئيس امام علي في موسكو", "امام علي في موسكو")]
    public void A_words_step_does_not_take_a_word_its_not_list_begins(string sentence, string name)
    {
        // في alone is no form: a word is refused where a form begins that covers it (في روسيا), not where one could.
        var refused = TermIndex.Of(TermTrie.Create([new("قال", 0), new("في روسيا", 1)]));
        Assert.Equal([name], Names(sentence, SequenceStep.Words(1, 4, WordScript.Arabic, refused, 0)));
    }

    /// <summary>The most words first, down to the fewest, until the steps after it match.</summary>
    [Fact]
    public void A_words_step_gives_back_words_for_the_step_after_it()
    {
        const string Sentence = "الوزير سيرغي لافروف قال: «نعم»";
        var context = new ExtractionContext(Sentence);
        NormalizedText text = context.GetText(TextNormalization.Arabic);

        var matches = SequenceMatcher.Matches(text, [SequenceStep.Terms(s_titles), SequenceStep.Words(1, 4, WordScript.Arabic), SequenceStep.Terms(s_verbs)], [], context, "Person", "test");

        SequenceMatch match = Assert.Single(matches);
        Assert.Equal("سيرغي لافروف", text.TextOf(match.Steps[1].Start, match.Steps[1].End));
        Assert.Equal(2, match.Steps[1].Value);
    }

    [Theory]
    [InlineData(0, 3)]
    [InlineData(2, 1)]
    [InlineData(1, SequenceStep.MaxWords + 1)]
    public void A_words_step_refuses_an_empty_or_too_wide_range(int min, int max)
        => Assert.Throws<System.ArgumentOutOfRangeException>(() => SequenceStep.Words(min, max, WordScript.Any));

    /// <summary>
    /// A nisba adjective after a ministry: every word the step takes begins with ال and ends with ي
    /// or ية, and keeps a stem of two chars besides them (الية is no adjective, الروسية is).
    /// </summary>
    [Theory]
    [InlineData("وزارة الخارجية الكازاخستانية امس", 2, "الخارجية الكازاخستانية")]
    [InlineData("وزارة الخارجية الكازاخستانية امس", 1, "الخارجية")]
    [InlineData("وزارة الدفاع الروسية امس", 2, null)]
    [InlineData("وزارة الية", 1, null)]
    [InlineData("وزارة الروسي", 1, "الروسي")]
    [InlineData("وزارة روسية", 1, null)]
    public void A_words_step_keeps_to_its_affixes(string sentence, int max, string? words)
    {
        TermTrie ministry = TermTrie.Create([new("وزارة", 0)]);
        var context = new ExtractionContext(sentence);
        NormalizedText text = context.GetText(TextNormalization.Arabic);
        SequenceStep nisba = SequenceStep.Words(1, max, WordScript.Arabic, prefixes: ["ال"], suffixes: ["ي", "ية"]);

        var matches = SequenceMatcher.Matches(text, [SequenceStep.Terms(ministry), nisba], [], context, "Organization", "test");

        Assert.Equal(words is null ? [] : [words], matches.Select(m => text.TextOf(m.Steps[1].Start, m.Steps[1].End)));
    }

    [Fact]
    public void A_words_step_refuses_an_empty_affix()
    {
        Assert.Throws<System.ArgumentException>(() => SequenceStep.Words(1, 2, WordScript.Any, prefixes: []));
        Assert.Throws<System.ArgumentException>(() => SequenceStep.Words(1, 2, WordScript.Any, suffixes: [""]));
    }

    /// <summary>
    /// An optional step is taken when it matches and skipped when it does not: a title, then an
    /// optional nationality, then a name. A skipped step matched nothing where the step before ended.
    /// </summary>
    [Theory]
    [InlineData("الرئيس الطاجيكي امام علي", "الطاجيكي", "امام علي")]
    [InlineData("الرئيس امام علي", null, "امام علي")]
    public void An_optional_step_is_taken_or_skipped(string sentence, string? nationality, string name)
    {
        TermTrie nisbas = TermTrie.Create([new("الطاجيكي", 0)]);
        var context = new ExtractionContext(sentence);
        NormalizedText text = context.GetText(TextNormalization.Arabic);
        SequenceStep[] steps = [SequenceStep.Terms(s_titles), SequenceStep.Terms(nisbas).Optional(), SequenceStep.Words(1, 2, WordScript.Arabic)];

        SequenceMatch match = Assert.Single(SequenceMatcher.Matches(text, steps, [], context, "Person", "test"));

        StepMatch middle = match.Steps[1];
        Assert.Equal(nationality is null, middle.IsSkipped);
        Assert.Equal(nationality ?? string.Empty, text.TextOf(middle.Start, middle.End));
        Assert.Equal(name, text.TextOf(match.Steps[2].Start, match.Steps[2].End));
        Assert.Equal(sentence.Length, match.End);
    }

    /// <summary>
    /// An optional last step that does not match is skipped: the match ends where the step before
    /// it did. With it, the match takes it (the step is tried first).
    /// </summary>
    [Theory]
    [InlineData("الوزير سيرغي لافروف قال", 3)]
    [InlineData("الوزير سيرغي لافروف امس", 2)]
    public void An_optional_last_step_is_tried_first(string sentence, int steps)
    {
        var context = new ExtractionContext(sentence);
        NormalizedText text = context.GetText(TextNormalization.Arabic);
        SequenceStep[] sequence = [SequenceStep.Terms(s_titles), SequenceStep.Words(1, 2, WordScript.Arabic, TermIndex.Of(s_verbs), 0), SequenceStep.Terms(s_verbs).Optional()];

        SequenceMatch match = Assert.Single(SequenceMatcher.Matches(text, sequence, [], context, "Person", "test"));

        Assert.Equal(steps == 3, !match.Steps[2].IsSkipped);
        Assert.Equal(steps == 3 ? sentence.Length : "الوزير سيرغي لافروف".Length, match.End);
    }

    [Fact]
    public void A_gap_cannot_be_made_optional()
        => Assert.Throws<System.InvalidOperationException>(() => SequenceStep.Gap(0, 2).Optional());

    /// <summary>
    /// An alternative takes the first of its choices through which the rest matches: a known
    /// person (an entity), else a name no list has (a words step); each choice reads its own spans.
    /// </summary>
    [Theory]
    [InlineData("قال الوزير سيرغي لافروف امس", "سيرغي لافروف", true)]
    [InlineData("قال الوزير امام علي", "امام علي", false)]
    public void An_alternative_takes_the_first_choice_that_matches(string sentence, string name, bool known)
    {
        IEntity[] people = sentence.Contains("لافروف", System.StringComparison.Ordinal)
            ? [new EntityGroupTests.Mention("سيرغي لافروف", new TextSpan(sentence.IndexOf("سيرغي", System.StringComparison.Ordinal), "سيرغي لافروف".Length), "سيرغي لافروف")]
            : [];
        var context = new ExtractionContext(sentence);
        NormalizedText text = context.GetText(TextNormalization.Arabic);
        SequenceStep who = SequenceStep.Any(SequenceStep.Entity(0), SequenceStep.Words(1, 2, WordScript.Arabic));

        SequenceMatch match = Assert.Single(SequenceMatcher.Matches(text, [SequenceStep.Terms(s_titles), who], [people], context, "Person", "test"));

        Assert.Equal(name, text.TextOf(match.Steps[1].Start, match.Steps[1].End));
        Assert.Equal(known ? 0 : 2, match.Steps[1].Value); // the entity's index, or the words taken
    }

    /// <summary>The choices are tried in order: the first one that lets the rest match wins, not the longest.</summary>
    [Fact]
    public void An_alternative_tries_its_choices_in_order()
    {
        const string Sentence = "الوزير سيرغي لافروف";
        TermTrie first = TermTrie.Create([new("سيرغي", 0)]);
        var context = new ExtractionContext(Sentence);
        NormalizedText text = context.GetText(TextNormalization.Arabic);

        SequenceStep[] shortFirst = [SequenceStep.Terms(s_titles), SequenceStep.Any(SequenceStep.Terms(first), SequenceStep.Words(1, 2, WordScript.Arabic))];
        SequenceStep[] longFirst = [SequenceStep.Terms(s_titles), SequenceStep.Any(SequenceStep.Words(1, 2, WordScript.Arabic), SequenceStep.Terms(first))];

        Assert.Equal("سيرغي", Taken(shortFirst));
        Assert.Equal("سيرغي لافروف", Taken(longFirst));

        string Taken(SequenceStep[] steps)
        {
            SequenceMatch match = Assert.Single(SequenceMatcher.Matches(text, steps, [], context, "Person", "test"));
            return text.TextOf(match.Steps[1].Start, match.Steps[1].End);
        }
    }

    [Fact]
    public void An_alternative_needs_two_plain_choices_and_a_sequence_an_anchoring_first_step()
    {
        Assert.Throws<System.ArgumentException>(() => SequenceStep.Any(SequenceStep.Words(1, 2, WordScript.Any)));
        Assert.Throws<System.ArgumentException>(() => SequenceStep.Any(SequenceStep.Words(1, 2, WordScript.Any), SequenceStep.Gap(0, 1)));
        Assert.Throws<System.ArgumentException>(() => SequenceStep.Any(SequenceStep.Words(1, 2, WordScript.Any), SequenceStep.Terms(s_verbs).Optional()));
        var context = new ExtractionContext("قال");
        Assert.Throws<System.ArgumentException>(() => SequenceMatcher.Matches(context.GetText(TextNormalization.Arabic), [SequenceStep.Words(1, 2, WordScript.Any)], [], context, "P", "r"));
    }
}
