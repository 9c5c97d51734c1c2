using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using CorpusKit.CompilerServices;
using CsCheck;

namespace CorpusKit.Tests;

/// <summary>
/// The term index as data (<see cref="TermData"/>): what the generator writes reads back as the
/// same arrays, for tries of any shape; what is not such data is refused, not misread.
/// </summary>
public sealed class TermDataTests
{
    /// <summary>A trie of <paramref name="forms"/> laid out as the generator lays it: entries numbered in the order of their nodes, each with one membership.</summary>
    private static (string Labels, int[] Targets, int[] EdgeStarts, int[] Values, int[] EntryStarts, int[] Memberships) Layout(IEnumerable<string> forms)
    {
        var builder = new TrieBuilder();
        int value = 0;
        foreach (string form in forms)
        {
            builder.Add(form, value++);
        }

        (string labels, int[] targets, int[] edgeStarts, int[] values) = builder.Build();
        var entryStarts = new List<int> { 0 };
        var memberships = new List<int>();
        int entry = 0;
        for (int node = 0; node < values.Length; node++)
        {
            if (values[node] >= 0)
            {
                memberships.Add(0);
                memberships.Add(values[node]); // the form's own value, as a dictionary's key index
                values[node] = entry++;
                entryStarts.Add(memberships.Count / 2);
            }
        }

        return (labels, targets, edgeStarts, values, [.. entryStarts], [.. memberships]);
    }

    [Fact]
    public void What_is_written_reads_back_as_the_same_arrays_for_any_forms()
        => Gen.String[Gen.Char["اأبتثجحخدسشصعغفقكلمنهوية ىءئ"], 1, 12].List[0, 60].Sample(forms =>
        {
            var layout = Layout(forms);
            string alphabet = TermData.AlphabetOf(layout.Labels);
            string data = TermData.Encode(alphabet, layout.Labels, layout.Targets, layout.EdgeStarts, layout.Values, layout.EntryStarts, layout.Memberships);
            var read = TermData.Decode(alphabet, Encoding.ASCII.GetBytes(data));
            Assert.Equal(layout.Labels, read.Labels);
            Assert.Equal(layout.Targets, read.Targets);
            Assert.Equal(layout.EdgeStarts, read.EdgeStarts);
            Assert.Equal(layout.Values, read.Values);
            Assert.Equal(layout.EntryStarts, read.EntryStarts);
            Assert.Equal(layout.Memberships, read.Memberships);
            var fromString = TermData.Decode(alphabet, data); // from a string literal too
            Assert.Equal(read.Labels, fromString.Labels);
            Assert.Equal(read.Values, fromString.Values);
            Assert.Equal(read.Memberships, fromString.Memberships);
        });

    [Fact]
    public void A_number_takes_one_char_below_32_and_one_more_for_each_5_bits_after()
    {
        // Two forms of one char each: 3 nodes, 2 entries; the root has 2 edges (record 4), each leaf an entry (record 1).
        var layout = Layout(["ا", "ب"]);
        string data = TermData.Encode("اب", layout.Labels, layout.Targets, layout.EdgeStarts, layout.Values, layout.EntryStarts, layout.Memberships);
        Assert.Equal("DC" + "EBB" + "AB" + "BAA" + "BAB", data);

        // A key index of 31 is one char ("f"); 32 needs a second ("gB"): 2 + 2 + 1 + 3 chars, then one more.
        var wide = Layout(["ا"]);
        wide.Memberships[1] = 31;
        Assert.Equal("CB" + "CB" + "A" + "BAf", TermData.Encode("ا", wide.Labels, wide.Targets, wide.EdgeStarts, wide.Values, wide.EntryStarts, wide.Memberships));
        wide.Memberships[1] = 32;
        Assert.Equal("CB" + "CB" + "A" + "BAgB", TermData.Encode("ا", wide.Labels, wide.Targets, wide.EdgeStarts, wide.Values, wide.EntryStarts, wide.Memberships));
    }

    [Fact]
    public void Data_cut_short_with_a_foreign_char_or_with_more_after_it_is_refused()
    {
        var layout = Layout(["روسيا", "روس", "مصر"]);
        string alphabet = TermData.AlphabetOf(layout.Labels);
        string data = TermData.Encode(alphabet, layout.Labels, layout.Targets, layout.EdgeStarts, layout.Values, layout.EntryStarts, layout.Memberships);
        Assert.Throws<ArgumentException>(() => TermData.Decode(alphabet, data[..^1]));
        Assert.Throws<ArgumentException>(() => TermData.Decode(alphabet, data + "A"));
        Assert.Throws<ArgumentException>(() => TermData.Decode(alphabet, "*" + data[1..]));
    }

    [Fact]
    public void Arrays_not_laid_out_as_the_generator_lays_them_are_refused()
    {
        var layout = Layout(["روسيا", "مصر"]);
        int[] swapped = [.. layout.Values.Select(v => v == 0 ? 1 : v == 1 ? 0 : v)];
        Assert.Throws<ArgumentException>(() => TermData.Encode(TermData.AlphabetOf(layout.Labels), layout.Labels, layout.Targets, layout.EdgeStarts, swapped, layout.EntryStarts, layout.Memberships));
    }

    [Fact]
    public void The_alphabet_puts_the_most_frequent_chars_first()
        => Assert.Equal("ابج", TermData.AlphabetOf("جبباابا"));

    [Fact]
    public void Keys_come_back_split_at_the_unit_separator()
    {
        Assert.Equal(["RU-MFA", "فلاديمير بوتين", ""], TermIndex.Keys("RU-MFA\u001Fفلاديمير بوتين\u001F"));
        Assert.Equal(["RU-MFA", "فلاديمير بوتين"], TermIndex.Keys("RU-MFA\u001Fفلاديمير بوتين"u8));
        Assert.Empty(TermIndex.Keys(string.Empty));
        Assert.Empty(TermIndex.Keys(ReadOnlySpan<byte>.Empty));
    }

    [Fact]
    public void An_index_read_from_data_finds_what_the_forms_are()
    {
        var layout = Layout(["روسيا", "مصر", "روسيا البيضاء"]);
        string alphabet = TermData.AlphabetOf(layout.Labels);
        string data = TermData.Encode(alphabet, layout.Labels, layout.Targets, layout.EdgeStarts, layout.Values, layout.EntryStarts, layout.Memberships);
        TermIndex index = TermIndex.FromData(alphabet, Encoding.ASCII.GetBytes(data), dictionaryCount: 1);
        var context = new ExtractionContext("زار روسيا البيضاء ثم مصر");
        NormalizedText text = context.GetText(TextNormalization.None);
        Assert.Equal(["روسيا البيضاء:2", "مصر:1"], context.FindTerms(text, index, 0).ToArray().Select(h => $"{text.TextOf(h.Start, h.End)}:{h.Value}"));
    }

    [Fact]
    public void A_program_reads_back_as_the_same_code_and_classes_for_any_ints()
        => Gen.Select(Gen.Int.Array[0, 80], Gen.Int.Array[0, 20]).Sample((code, classes) =>
        {
            string data = TermData.EncodeProgram(code, classes);
            Assert.All(data, c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '_', $"'{c}' is not a char of the data"));
            (int[] readCode, int[] readClasses) = TermData.DecodeProgram(data);
            Assert.Equal(code, readCode);
            Assert.Equal(classes, readClasses);
            (int[] fromUtf8, _) = TermData.DecodeProgram(Encoding.ASCII.GetBytes(data));
            Assert.Equal(code, fromUtf8);
        });

    [Fact]
    public void A_program_s_numbers_are_zigzagged_so_minus_one_is_one_char()
    {
        // Counts as they are (2, then 0); then 0 -> 0 "A", -1 -> 1 "B", 15 -> 30 "e", -16 -> 31 "f", 16 -> 32 "gB".
        Assert.Equal("C" + "A" + "B" + "A", TermData.EncodeProgram([0, -1], []));
        Assert.Equal("D" + "e" + "f" + "gB" + "A", TermData.EncodeProgram([15, -16, 16], []));
        Assert.Equal("A" + "B" + "B", TermData.EncodeProgram([], [-1]));
        (int[] extremes, _) = TermData.DecodeProgram(TermData.EncodeProgram([int.MinValue, int.MaxValue, 0xFFFF], []));
        Assert.Equal([int.MinValue, int.MaxValue, 0xFFFF], extremes);
    }

    [Fact]
    public void A_program_cut_short_announcing_more_than_it_holds_or_with_more_after_it_is_refused()
    {
        string data = TermData.EncodeProgram([11, 7, -1, 1575], [3, 1575, 1610]);
        Assert.Throws<ArgumentException>(() => TermData.DecodeProgram(data[..^1]));
        Assert.Throws<ArgumentException>(() => TermData.DecodeProgram(data + "A"));
        Assert.Throws<ArgumentException>(() => TermData.DecodeProgram("Z" + data[1..]));
        Assert.Throws<ArgumentException>(() => TermData.DecodeProgram("*" + data[1..]));
    }
}
