using System.Linq;
using System.Text.RegularExpressions;
using CorpusKit.Matching;

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
        NormalizedText text = Normalizer.Normalize(sentence, TextNormalization.Arabic);
        Assert.Equal(quote, Captures.String(text, match.Steps[2].Match!.Group("text")));
    }

    [Theory]
    [InlineData("قال في كلمته الطويلة جدا أمام الوفود المشاركة: «نعم»")] // seven words: beyond the gap
    [InlineData("قال في كلمته\n: «نعم»")]                                // a gap never crosses a line break
    [InlineData("استقال: «نعم»")]                                         // قال inside a word is not the verb
    public void No_match(string sentence) => Assert.Empty(Match(sentence));

    private static System.Collections.Generic.List<SequenceMatch> Match(string sentence)
    {
        var context = new ExtractionContext(sentence);
        NormalizedText text = context.GetText(TextNormalization.Arabic);
        SequenceStep[] steps = [SequenceStep.Terms(s_verbs), SequenceStep.Gap(0, 5), SequenceStep.Regex(s_quote)];
        return SequenceMatcher.Matches(text, steps, [], context, "Quote", "test");
    }
}
