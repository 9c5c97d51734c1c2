using System;
using System.Collections.Generic;
using System.Linq;
using CorpusKit.CompilerServices;
using CorpusKit.Text;
using CsCheck;

namespace CorpusKit.Tests;

/// <summary>
/// The trie's double array against the plainest reference there is: a dictionary of the forms.
/// A form is found whole (<see cref="TermTrie.TryGetValue"/>) and as the longest prefix of a text
/// that ends a word (<see cref="TermTrie.TryMatchLongest(ReadOnlySpan{char}, out int, out int)"/>),
/// whatever the chars of its edges: Arabic letters, ASCII, and chars past the table the codes are
/// looked up in.
/// </summary>
public sealed class TermTrieTests
{
    /// <summary>Arabic letters, Latin, digits, a space, and chars at and past U+0800 (an en dash, a CJK ideograph, a presentation form).</summary>
    private static readonly char[] s_alphabet = ("ابتجدرسلمنويةء" + "az09 " + "\u0800\u2013\u4E00\uFB50\uFEFF").ToCharArray();

    private static readonly Gen<string> s_forms = Gen.OneOf(s_alphabet.Select(Gen.Const).ToArray()).Array[1, 6].Select(chars => new string(chars));

    /// <summary>Up to three hundred forms: enough for nodes with many edges, and for none.</summary>
    private static readonly Gen<Dictionary<string, int>> s_dictionaries =
        s_forms.Array[0, 300].Select(forms =>
        {
            var dictionary = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (string form in forms)
            {
                dictionary.TryAdd(form, dictionary.Count);
            }

            return dictionary;
        });

    [Fact]
    public void Finds_what_a_dictionary_of_the_forms_finds()
        => s_dictionaries.SelectMany(forms => Gen.OneOf(
                s_forms,
                forms.Count == 0 ? s_forms : Gen.OneOf(forms.Keys.Select(Gen.Const).ToArray()).Select(s_forms, (form, tail) => form + tail)).Array[1, 20]
            .Select(texts => (forms, texts)))
            .Sample(sample =>
            {
                TermTrie trie = TermTrie.Create(sample.forms);
                Assert.Equal(Nodes(sample.forms.Keys), trie.NodeCount);
                foreach (string text in sample.texts)
                {
                    AssertSameAsReference(trie, sample.forms, text);
                }
            }, iter: 400);

    [Fact]
    public void A_node_with_an_edge_for_every_arabic_letter_steps_along_each()
    {
        var forms = new Dictionary<string, int>(StringComparer.Ordinal);
        for (char c = '\u0621'; c <= '\u064A'; c++)
        {
            forms["ال" + c] = forms.Count;
            forms[c.ToString()] = forms.Count;
        }

        forms["ال\u4E00"] = forms.Count;
        TermTrie trie = TermTrie.Create(forms);

        foreach ((string form, int value) in forms)
        {
            Assert.True(trie.TryGetValue(form, out int found) && found == value, form);
        }

        Assert.False(trie.TryGetValue("ال", out _));
        Assert.False(trie.TryGetValue("الa", out _));
        Assert.False(trie.TryGetValue("ال\u4E01", out _));
    }

    [Fact]
    public void Twenty_thousand_forms_lay_out_and_are_found()
    {
        var random = new Random(7);
        var forms = new Dictionary<string, int>(StringComparer.Ordinal);
        while (forms.Count < 20_000)
        {
            int length = random.Next(2, 12);
            forms.TryAdd(new string(Enumerable.Range(0, length).Select(_ => (char)random.Next('\u0621', '\u064B')).ToArray()), forms.Count);
        }

        TermTrie trie = TermTrie.Create(forms);

        foreach ((string form, int value) in forms)
        {
            Assert.True(trie.TryGetValue(form, out int found) && found == value, form);
            Assert.False(trie.TryGetValue(form + "\u064A\u064A\u064A\u064A\u064A\u064A\u064A\u064A\u064A\u064A\u064A\u064A", out _));
        }
    }

    [Fact]
    public void Arrays_where_a_node_repeats_an_edge_label_are_refused()
    {
        // The root has two edges labelled ا.
        ArgumentException error = Assert.Throws<ArgumentException>(() => new TermTrie("\u0627\u0627", [1, 2], [0, 2, 2, 2], [-1, 0, 1]));

        Assert.Contains("edge label repeats", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)] // an edge back to the root
    [InlineData(1)] // a second edge into node 1
    public void Arrays_where_a_node_has_two_parents_are_refused(int target)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => new TermTrie("\u0627\u0628", [1, target], [0, 1, 2], [-1, 0]));

        Assert.Contains("has another parent", error.Message, StringComparison.Ordinal);
    }

    private static void AssertSameAsReference(TermTrie trie, Dictionary<string, int> forms, string text)
    {
        Assert.Equal(forms.TryGetValue(text, out int expected), trie.TryGetValue(text, out int value));
        if (forms.ContainsKey(text))
        {
            Assert.Equal(expected, value);
        }

        // The reference for the longest match: the longest prefix that is a form and ends a word.
        int longest = 0;
        int longestValue = -1;
        for (int length = 1; length <= text.Length; length++)
        {
            if (forms.TryGetValue(text[..length], out int prefixValue) && (length == text.Length || !CharKinds.IsLetterOrDigit(text[length])))
            {
                longest = length;
                longestValue = prefixValue;
            }
        }

        Assert.Equal(longestValue >= 0, trie.TryMatchLongest(text, out int matched, out int matchedValue));
        Assert.Equal((longest, longestValue), (matched, matchedValue));
    }

    /// <summary>The nodes of a trie of <paramref name="forms"/>: the root and one per distinct prefix.</summary>
    private static int Nodes(IEnumerable<string> forms)
        => 1 + forms.SelectMany(form => Enumerable.Range(1, form.Length).Select(length => form[..length])).Distinct(StringComparer.Ordinal).Count();
}
