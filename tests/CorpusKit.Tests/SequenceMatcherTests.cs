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

    private static System.Collections.Generic.List<SequenceMatch> Match(string sentence)
    {
        var context = new ExtractionContext(sentence);
        NormalizedText text = context.GetText(TextNormalization.Arabic);
        SequenceStep[] steps = [SequenceStep.Terms(s_verbs), SequenceStep.Gap(0, 5), SequenceStep.Regex(s_quote)];
        return SequenceMatcher.Matches(text, steps, [], context, "Quote", "test");
    }
}
