using System;
using System.Collections.Generic;
using System.Linq;
using CorpusKit.Text;
using CsCheck;

namespace CorpusKit.Tests;

/// <summary>The words grouping and repeat detection compare: their bounds, and hashes that tell distinct words apart.</summary>
public sealed class WordsTests
{
    [Fact]
    public void Words_are_the_runs_of_letters_and_digits_and_equal_words_hash_alike()
    {
        Gen<string> texts = Gen.OneOf(Gen.Const("موسكو"), Gen.Const("لافروف"), Gen.Const("ال"), Gen.Const("2024"), Gen.Const(" "), Gen.Const("، "),
            Gen.Const("\n"), Gen.Const("a"), Gen.Const("ـ"), Gen.Char['\u0621', '\u064A'].Select(c => c.ToString())).Array[0, 30].Select(string.Concat);
        texts.Sample(text =>
        {
            var expected = new List<string>();
            int i = 0;
            while (i < text.Length)
            {
                if (!CharKinds.IsLetterOrDigit(text[i]))
                {
                    i++;
                    continue;
                }

                int start = i;
                while (i < text.Length && CharKinds.IsLetterOrDigit(text[i]))
                {
                    i++;
                }

                expected.Add(text[start..i]);
            }

            var found = new List<string>();
            int at = 0;
            while (Words.Next(text, ref at, out int wordStart, out ulong hash))
            {
                found.Add(text[wordStart..at]);
                Assert.Equal(HashOf(text[wordStart..at]), hash); // the same word alone hashes alike
            }

            Assert.Equal(expected, found);
        }, iter: 3000);
    }

    [Fact]
    public void Distinct_words_of_every_length_get_distinct_hashes()
    {
        // Every word of one to nine letters over a small alphabet, and the same words with a char moved past the fourth.
        var words = new HashSet<string>();
        var random = new Random(7);
        while (words.Count < 50_000)
        {
            words.Add(new string(Enumerable.Range(0, random.Next(1, 10)).Select(_ => "ابتثجحخدلمنو"[random.Next(12)]).ToArray()));
        }

        words.Add("ab");
        words.Add("abcd");
        words.Add("abcd1");

        Assert.Equal(words.Count, words.Select(HashOf).Distinct().Count());
    }

    private static ulong HashOf(string word)
    {
        int at = 0;
        Assert.True(Words.Next(word, ref at, out int start, out ulong hash));
        Assert.Equal((0, word.Length), (start, at));
        return hash;
    }
}
