using System;
using System.Collections.Generic;
using System.Linq;
using CorpusKit.CompilerServices;
using CsCheck;

namespace CorpusKit.Tests;

/// <summary>
/// The one-pass scan of several dictionaries against a scan of each dictionary alone (the matcher
/// as it was, one trie at a time): for every dictionary, the same hits, on generated dictionaries
/// that share forms and prefixes and on text with proclitics, the article and a fused لل.
/// </summary>
public sealed class TermIndexTests
{
    private static readonly string[] s_words = ["ال", "\"روسيا", "«امم", "امم", "متحدة", "الامم", "روسيا", "وزير", "خارجية", "الخارجية", "لافروف", "بوتين", "ب", "وب", "لل", "ك", "دول", "الدول", "روس", "آسيا-باسيفيك", "g20", "بريكس+", "2024"];

    /// <summary>Pieces of text; joined without a space they make words past eight chars, and short words at the text's end.</summary>
    private static readonly string[] s_textPieces = ["ال", "امم", "متحدة", "روسيا", "وزير", "خارجية", "لافروف", "بوتين", "دول", "و", "ف", "ب", "ل", "ك", "لل", "وال", "فب", " ", " ", " ", "  ", "\n", "،", ":", "\"", "«", "3", "a", "g20", "آسيا", "-", "باسيفيك", "بريكس", "+", "2024", "\u064B", "\u0640"];

    /// <summary>A form: one to three words from a small vocabulary, so dictionaries share forms and prefixes.</summary>
    private static readonly Gen<string> s_form = Gen.OneOf(s_words).Array[1, 3].Select(words => string.Join(' ', words));

    /// <summary>Two to four dictionaries of one to eight forms, each form with a value.</summary>
    private static readonly Gen<List<KeyValuePair<string, int>>[]> s_dictionaries =
        s_form.Select(Gen.Int[0, 5], (form, value) => new KeyValuePair<string, int>(form, value)).List[1, 8].Array[2, 4];

    private static readonly Gen<string> s_texts = Gen.OneOf(s_textPieces).Array[0, 60].Select(pieces => string.Concat(pieces));

    [Fact]
    public void Each_dictionary_gets_the_hits_a_scan_for_it_alone_gets()
        => s_dictionaries.Select(s_texts, Gen.Bool).Sample((dictionaries, text, clitics) =>
        {
            TermIndex index = TermIndex.Create(dictionaries);
            var hits = Enumerable.Range(0, dictionaries.Length).Select(_ => new List<TermHit>()).ToArray();
            TermMatcher.FindAll(text, index, clitics, hits);
            for (int d = 0; d < dictionaries.Length; d++)
            {
                var alone = new List<TermHit>();
                ReferenceTermMatcher.FindAll(text, TermTrie.Create(dictionaries[d]), clitics, alone);
                Assert.Equal(alone, hits[d]);
            }
        }, iter: 4000);

    [Fact]
    public void A_form_in_two_dictionaries_is_a_hit_of_both_with_each_ones_value()
    {
        TermIndex index = TermIndex.Create([[new("الامم المتحدة", 4)], [new("الامم المتحدة", 0), new("المتحدة", 1)]]);
        var hits = new[] { new List<TermHit>(), new List<TermHit>() };

        TermMatcher.FindAll("قالت الامم المتحدة وللامم المتحدة", index, clitics: true, hits);

        Assert.Equal([new TermHit(5, 18, 4), new TermHit(20, 33, 4)], hits[0]); // the و stays out, the fused لل in
        Assert.Equal([new TermHit(5, 18, 0), new TermHit(20, 33, 0)], hits[1]);
        Assert.True(index.TryGetValue("المتحدة", 1, out int value) && value == 1);
        Assert.False(index.TryGetValue("المتحدة", 0, out _));
    }

    [Fact]
    public void A_dictionary_as_written_takes_no_article_its_form_lacks_where_another_with_the_form_does()
    {
        // Dictionary 1 stands as written (a given name): خليل is not read in الخليل or والخليل, but
        // is after a proclitic alone, and a form that has the article is read fused with ل.
        TermIndex index = TermIndex.Create([[new("خليل", 0)], [new("خليل", 0), new("الياس", 1)]], articleAsWritten: [1]);
        var hits = new[] { new List<TermHit>(), new List<TermHit>() };

        TermMatcher.FindAll("الخليل والخليل وخليل للياس الياس", index, clitics: true, hits);

        Assert.Equal([new TermHit(0, 6, 0), new TermHit(8, 14, 0), new TermHit(16, 20, 0)], hits[0]);
        Assert.Equal([new TermHit(16, 20, 0), new TermHit(21, 26, 1), new TermHit(27, 32, 1)], hits[1]);
        Assert.True(index.IsArticleAsWritten(1));
        Assert.False(index.IsArticleAsWritten(0));
    }

    [Fact]
    public void A_dictionary_as_written_must_be_one_of_the_index()
        => Assert.Throws<ArgumentOutOfRangeException>(() => TermIndex.Create([[new("خليل", 0)]], articleAsWritten: [1]));

    [Fact]
    public void A_shorter_hit_of_one_dictionary_does_not_hide_a_longer_one_of_another()
    {
        // Dictionary 0 knows the first word alone; dictionary 1 the two words: each scans as if alone.
        TermIndex index = TermIndex.Create([[new("وزير", 0), new("الخارجية", 1)], [new("وزير الخارجية", 0)]]);
        var hits = new[] { new List<TermHit>(), new List<TermHit>() };

        TermMatcher.FindAll("وزير الخارجية", index, clitics: true, hits);

        Assert.Equal([new TermHit(0, 4, 0), new TermHit(5, 13, 1)], hits[0]);
        Assert.Equal([new TermHit(0, 13, 0)], hits[1]);
    }

    [Fact]
    public void A_punctuation_char_right_after_a_word_starts_no_form()
    {
        TermIndex index = TermIndex.Create([[new("\"روسيا\"", 0), new("روسيا", 1)]]);
        var hits = new[] { new List<TermHit>() };

        TermMatcher.FindAll("كلمة\"روسيا\" و \"روسيا\"", index, clitics: true, hits);

        Assert.Equal([new TermHit(5, 10, 1), new TermHit(14, 21, 0)], hits[0]);
    }

    [Theory]
    [InlineData(64)] // the scan's state on the stack
    [InlineData(65)] // in rented arrays
    public void Every_dictionary_of_many_gets_its_hits(int dictionaries)
    {
        // Dictionary d knows روسيا with value d, and d + 1 more forms of its own, so each keeps its own state.
        TermIndex index = TermIndex.Create(Enumerable.Range(0, dictionaries)
            .Select(d => Enumerable.Range(0, d + 1).Select(k => new KeyValuePair<string, int>("كلمة" + k, k)).Append(new("روسيا", d)).ToList())
            .ToArray());
        var hits = Enumerable.Range(0, dictionaries).Select(_ => new List<TermHit>()).ToArray();

        TermMatcher.FindAll("روسيا كلمة3 وروسيا", index, clitics: true, hits);

        for (int d = 0; d < dictionaries; d++)
        {
            var expected = new List<TermHit> { new(0, 5, d) };
            if (d >= 3)
            {
                expected.Add(new TermHit(6, 11, 3));
            }

            expected.Add(new TermHit(13, 18, d));
            Assert.Equal(expected, hits[d]);
        }
    }
}
