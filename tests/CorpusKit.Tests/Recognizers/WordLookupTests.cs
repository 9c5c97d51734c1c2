using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Linq;
using CorpusKit.Recognizers;
using Xunit;

namespace CorpusKit.Tests.Recognizers;

/// <summary>
/// How the recognizers look words up: the vocabulary that lets a look-up skip the forms no table
/// holds must give exactly what looking up every form gives, and the ending filter before the
/// starter look-up must never turn away a word of its set.
/// </summary>
public sealed class WordLookupTests
{
    private static readonly string[] Proclitics = ["", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل"];

    private static readonly string[] Strangers = ["موسكو", "الرئيس", "بوتين", "قال", "وأضاف", "للتعاون", "بالاتفاق", "في", "من", "ال", "لل", "و"];

    /// <summary>The tables of <see cref="TimeWords"/>, each as its keys and a look-up through a reader.</summary>
    public static TheoryData<string> Tables => new(s_tables.Keys);

    private static readonly Dictionary<string, (IEnumerable<string> Keys, Func<Reader, string?> Lookup, Func<string, string?> Reference)> s_tables = new()
    {
        ["Months"] = Table(TimeWords.Months),
        ["MonthHeads"] = Table(TimeWords.MonthHeads),
        ["Weekdays"] = Table(TimeWords.Weekdays),
        ["BareWeekdays"] = Table(TimeWords.BareWeekdays),
        ["Units"] = Table(TimeWords.Units),
        ["Directions"] = Table(TimeWords.Directions),
        ["RelativeDays"] = Table(TimeWords.RelativeDays),
        ["Periods"] = Table(TimeWords.Periods),
        ["MonthParts"] = Table(TimeWords.MonthParts),
        ["HourFractions"] = Table(TimeWords.HourFractions),
        ["Zones"] = Table(TimeWords.Zones),
    };

    private static (IEnumerable<string>, Func<Reader, string?>, Func<string, string?>) Table<T>(FrozenDictionary<string, T> table)
        => (table.Keys,
            reader => reader.Lookup(0, table, out T value, out int skip) ? $"{value} skip {skip}" : null,
            word => ReferenceLookup(word, table));

    /// <summary>Every form looked up in turn, as the reader did before it knew which forms any table holds.</summary>
    private static string? ReferenceLookup<T>(string word, FrozenDictionary<string, T> table)
    {
        string key = Tokens.Fold(word);
        if (table.TryGetValue(key, out T? value))
        {
            return $"{value} skip 0";
        }

        Span<CliticForm> forms = stackalloc CliticForm[3];
        Span<char> buffer = stackalloc char[key.Length];
        foreach (CliticForm form in forms[..Reader.CliticForms(key, forms)])
        {
            if (table.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(form.Of(key, buffer), out value))
            {
                return $"{value} skip {form.Skip}";
            }
        }

        return null;
    }

    private static Reader ReaderOf(string word)
    {
        NormalizedText text = NormalizedText.Normalize(word, TextNormalization.Arabic);
        return new Reader(Tokens.Of(text.Span), text);
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public void A_look_up_finds_what_trying_every_form_finds_for_each_word_of_a_table_after_each_proclitic(string name)
    {
        (IEnumerable<string> keys, Func<Reader, string?> lookup, Func<string, string?> reference) = s_tables[name];
        int found = 0;
        foreach (string key in keys.Where(k => !k.Contains(' ', StringComparison.Ordinal)))
        {
            foreach (string proclitic in Proclitics)
            {
                string word = proclitic + key;
                string? expected = reference(word);
                Assert.True(expected == lookup(ReaderOf(word)), $"{name}: {word}");
                found += expected is null ? 0 : 1;
            }
        }

        Assert.True(found > 0, $"{name}: nothing found, so nothing was compared");
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public void A_word_of_no_table_is_found_in_none(string name)
    {
        (_, Func<Reader, string?> lookup, Func<string, string?> reference) = s_tables[name];
        foreach (string word in Strangers)
        {
            Assert.Equal(reference(word), lookup(ReaderOf(word)));
        }
    }

    [Fact]
    public void The_vocabulary_tells_which_forms_of_a_word_some_table_holds()
    {
        Assert.Equal(1, Vocabulary.KnownForms(Tokens.Fold("يناير")));
        Assert.Equal(2, Vocabulary.KnownForms(Tokens.Fold("بيناير")));   // after ب
        Assert.Equal(4, Vocabulary.KnownForms(Tokens.Fold("وبيناير")));  // after و, then ب: the second form
        Assert.Equal(0, Vocabulary.KnownForms(Tokens.Fold("بوتين")));
        Assert.NotEqual(0, Vocabulary.KnownForms(Tokens.Fold("من")) & 1);
    }

    [Fact]
    public void A_table_built_after_the_vocabulary_is_sealed_is_refused_rather_than_missed()
    {
        _ = Vocabulary.KnownForms("يناير"); // seals it, if nothing has yet
        InvalidOperationException error = Assert.Throws<InvalidOperationException>(() => Reader.Set("كلمة"));
        Assert.Contains("sealed", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("يناير", true)]
    [InlineData("بيناير", true)]
    [InlineData("وبيناير", true)]
    [InlineData("فبراير", true)]
    [InlineData("موسكو", false)]
    [InlineData("الرئيس", false)]
    [InlineData("ابدا", true)]    // four chars: not filtered
    [InlineData("ابداع", false)]  // five: filtered
    [InlineData("في", true)]
    [InlineData("ينايرَ", true)]  // a mark in the ending
    public void The_ending_filter_turns_away_only_words_whose_ending_no_word_of_the_set_has(string word, bool mayHold)
        => Assert.Equal(mayHold, new SuffixFilter(new[] { "يناير", "فبراير", "غد" }.Select(w => Tokens.Fold(w))).MayHold(word));

    [Fact]
    public void The_ending_filter_holds_every_starter_and_first_word_with_every_proclitic()
    {
        var words = TimeWords.Months.Keys.Concat(TimeWords.Weekdays.Keys).Concat(TimeWords.Units.Keys).Concat(NumberWords.OrdinalKeys).Concat(NumberWords.CardinalKeys);
        foreach (string key in words.Where(k => !k.Contains(' ', StringComparison.Ordinal)))
        {
            foreach (string proclitic in Proclitics)
            {
                string word = proclitic + key;
                Assert.True(TimeWords.IsFirstWord(word) || !ReferenceIsIn(word, TimeWords.FirstWordKeys), word);
            }
        }
    }

    private static bool ReferenceIsIn(string word, FrozenSet<string> set)
    {
        string key = Tokens.Fold(word);
        if (set.Contains(key))
        {
            return true;
        }

        Span<CliticForm> forms = stackalloc CliticForm[3];
        Span<char> buffer = stackalloc char[key.Length];
        foreach (CliticForm form in forms[..Reader.CliticForms(key, forms)])
        {
            if (set.GetAlternateLookup<ReadOnlySpan<char>>().Contains(form.Of(key, buffer)))
            {
                return true;
            }
        }

        return false;
    }

    [Fact]
    public void A_text_read_after_one_that_grew_the_window_is_read_as_alone()
    {
        string runs = string.Join(" ", Enumerable.Range(1, 200).Select(i => $"{1 + (i % 28)} يناير"));
        string text = "وقعت الاتفاقية في 8 كانون الأول/ديسمبر 1991 في مينسك";
        string alone = string.Join(" | ", DateRecognizer.Find(text).Select(m => m.ToString()));
        Assert.Equal(200, DateRecognizer.Find(runs).Count);
        Assert.Equal(alone, string.Join(" | ", DateRecognizer.Find(text).Select(m => m.ToString())));
        Assert.Equal("[18..43) 8 كانون الأول/ديسمبر 1991 = 1991-12-08", alone);
    }
}
