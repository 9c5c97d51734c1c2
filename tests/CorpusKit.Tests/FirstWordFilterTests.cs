using System;
using System.Collections.Generic;
using System.Linq;
using CorpusKit.CompilerServices;
using CorpusKit.Text;
using CsCheck;

namespace CorpusKit.Tests;

/// <summary>
/// The filter a term scan asks before it walks the trie from a word: it never turns away a word
/// that begins a form (its first run of letters and digits, after the article of a fused لل too),
/// and it turns away most words that begin none.
/// </summary>
public sealed class FirstWordFilterTests
{
    /// <summary>Letters of two scripts, digits, chars past U+0800, and chars that end a run (a space, a hyphen, a quotation mark).</summary>
    private static readonly char[] s_alphabet = ("ابتجدرسلمنويةءال" + "az09" + "\u2013\u4E00\uFB50" + " -\"+").ToCharArray();

    private static readonly Gen<string> s_forms = Gen.OneOf(s_alphabet.Select(Gen.Const).ToArray()).Array[1, 12].Select(chars => new string(chars));

    [Fact]
    public void Every_forms_first_run_passes()
        => s_forms.Array[1, 200].Sample(forms =>
        {
            TermTrie trie = TermTrie.Create(forms.Distinct(StringComparer.Ordinal).Select((form, i) => new KeyValuePair<string, int>(form, i)));
            foreach (string form in forms)
            {
                int run = FirstRun(form);
                if (run == 0)
                {
                    continue;
                }

                // The run as a word of a longer text, at the start and in the middle of it.
                string text = "\" " + form + " .";
                Assert.True(trie.FirstWords.MayBegin(text, 2, 2 + run), form);
                if (form.StartsWith("ال", StringComparison.Ordinal) && run > 2)
                {
                    // لل + the rest: the scan asks after the article it stands for.
                    string fused = "لل" + form.Substring(2);
                    Assert.True(trie.FirstWords.MayBeginAfterArticle(fused, 2, run), form);
                }
            }
        }, iter: 500);

    [Fact]
    public void Most_words_that_begin_no_form_are_turned_away()
    {
        var random = new Random(20261204);
        string RandomWord(int length) => new(Enumerable.Range(0, length).Select(_ => (char)random.Next(0x0621, 0x064B)).ToArray());
        var forms = new HashSet<string>(StringComparer.Ordinal);
        while (forms.Count < 2000)
        {
            forms.Add(RandomWord(random.Next(2, 9)) + (random.Next(3) == 0 ? " " + RandomWord(random.Next(2, 9)) : ""));
        }

        TermTrie trie = TermTrie.Create(forms.Select((form, i) => new KeyValuePair<string, int>(form, i)));
        var firstRuns = new HashSet<string>(forms.Select(form => form.Substring(0, FirstRun(form))), StringComparer.Ordinal);
        int asked = 0, passed = 0;
        while (asked < 20000)
        {
            string word = RandomWord(random.Next(2, 9));
            if (firstRuns.Contains(word))
            {
                continue;
            }

            asked++;
            passed += trie.FirstWords.MayBegin(word, 0, word.Length) ? 1 : 0;
        }

        // 32 bits per first run: about 3% pass by collision.
        Assert.InRange(passed, 0, asked / 20);
    }

    [Fact]
    public void A_word_one_char_off_a_form_in_any_of_its_five_chars_or_its_length_is_turned_away()
    {
        TermTrie trie = TermTrie.Create([new("الخارجية", 0), new("روسيا", 1)]);

        Assert.True(trie.FirstWords.MayBegin("الخارجية", 0, 8));
        Assert.True(trie.FirstWords.MayBegin("روسيا", 0, 5));
        Assert.False(trie.FirstWords.MayBegin("اللخارجية", 0, 9)); // one longer
        Assert.False(trie.FirstWords.MayBegin("روسي", 0, 4)); // a prefix: the form needs the word to end after it
    }

    [Fact]
    public void The_scan_with_the_filter_finds_what_it_finds_without()
    {
        string text = string.Join(' ', Enumerable.Repeat("قالت الامم المتحدة ولروسيا وللخارجية في بيان، و\"روسيا\" آسيا-باسيفيك g20 فالروسية", 20));
        TermIndex index = TermIndex.Create([[new("الامم المتحدة", 0), new("روسيا", 1), new("الخارجية", 2), new("\"روسيا\"", 3), new("آسيا-باسيفيك", 4), new("g20", 5), new("روسية", 6)]]);
        foreach (bool clitics in new[] { false, true })
        {
            var filtered = new[] { new List<TermHit>() };
            var walked = new[] { new List<TermHit>() };
            TermMatcher.FindAll(text, index, clitics, filtered, filtered: true);
            TermMatcher.FindAll(text, index, clitics, walked, filtered: false);
            Assert.Equal(walked[0], filtered[0]);
            // Each time: الامم المتحدة, روسيا inside the quotation marks (the mark after و starts no
            // word), آسيا-باسيفيك and g20; with clitics also ل+روسيا, لل as ل+ال+خارجية and ف+ال+روسية.
            Assert.Equal(clitics ? 7 * 20 : 4 * 20, filtered[0].Count);
        }
    }

    /// <summary>
    /// The scan passes a word's Arabic letters eight at a time where eight more chars follow, and
    /// one search at a time nearer the end: words of 7, 8, 9 and 16 letters, ending at the text's
    /// end or before a space, or going on through a digit or a Latin letter, each against the
    /// reference scan. Where the word goes on, the only form is the whole word, so a word cut at
    /// its last Arabic letter would be turned away.
    /// </summary>
    [Theory]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(16)]
    public void Words_on_either_side_of_eight_letters_end_where_the_reference_ends_them(int letters)
    {
        string letterRun = new string('\u0628', letters - 1) + "\u062A"; // بب…ت
        foreach (string after in new[] { "", " ", "1", "x", "1 ", "x ٢" })
        {
            string word = letterRun + after.Split(' ')[0];
            TermTrie trie = TermTrie.Create([new(word, 0)]);
            foreach (string before in new[] { "", "و", "قال " })
            {
                string text = before + letterRun + after;
                foreach (bool clitics in new[] { false, true })
                {
                    var expected = new List<TermHit>();
                    ReferenceTermMatcher.FindAll(text, trie, clitics, expected);
                    var actual = new List<TermHit>();
                    TermMatcher.FindAll(text, trie, clitics, actual);
                    Assert.True(expected.SequenceEqual(actual), $"'{text}' (clitics {clitics}): expected [{string.Join(", ", expected)}], got [{string.Join(", ", actual)}]");
                    Assert.True((before == "و" && !clitics) || actual.Count == 1, $"'{text}' (clitics {clitics}): {actual.Count} hits");
                }
            }
        }
    }

    private static int FirstRun(string form)
    {
        int run = 0;
        while (run < form.Length && CharKinds.IsLetterOrDigit(form[run]))
        {
            run++;
        }

        return run;
    }
}
