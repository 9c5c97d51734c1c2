using System;
using System.Collections.Generic;
using System.Linq;
using CorpusKit.Documents;
using CsCheck;

namespace CorpusKit.Tests;

/// <summary>
/// Repeated lines: the index against the plain rule it implements (a line repeats the first
/// earlier line of four words or more that holds it or that it begins with), on generated lines
/// that repeat, cut and extend each other, words glued to punctuation and inside longer words.
/// </summary>
public sealed class RepeatIndexTests
{
    private static readonly string[] s_words = ["قال", "بوتين", "إن", "روسيا", "مع", "دور", "للأمم", "المتحدة", "مجتمع", "ال", "،", ".", "\"", "2025"];

    private static readonly Gen<string> s_line = Gen.OneOf(s_words).Array[1, 9].Select(words => string.Join(' ', words));

    /// <summary>Lines, some of them cut out of or extended from earlier ones.</summary>
    private static readonly Gen<List<string>> s_lines =
        Gen.OneOf(
            s_line.Select(line => (Kind: 0, Line: line, A: 0, B: 0)),
            Gen.Int[0, 200].Select(Gen.Int[0, 200], (a, b) => (Kind: 1, Line: string.Empty, A: a, B: b)),
            Gen.Int[0, 200].Select(s_line, (a, line) => (Kind: 2, Line: line, A: a, B: 0)))
        .Array[1, 14]
        .Select(steps =>
        {
            var lines = new List<string>();
            foreach ((int kind, string line, int a, int b) in steps)
            {
                if (kind == 0 || lines.Count == 0)
                {
                    lines.Add(line.Length > 0 ? line : "روسيا");
                }
                else
                {
                    string earlier = lines[a % lines.Count];
                    int from = Math.Min(a % (earlier.Length + 1), earlier.Length);
                    int to = Math.Min(earlier.Length, from + 1 + (b % (earlier.Length + 1)));
                    lines.Add(kind == 1 ? earlier[from..to].Trim() is { Length: > 0 } cut ? cut : earlier : earlier + " " + line);
                }
            }

            return lines;
        });

    [Theory]
    [InlineData(0)] // every earlier line indexed
    [InlineData(RepeatIndex.IndexThreshold)] // earlier lines searched one by one
    [InlineData(60)] // searched, then indexed once they pass 60 chars
    public void The_index_finds_the_line_the_plain_rule_finds(int threshold)
        => s_lines.Sample(lines =>
        {
            string text = string.Join("\n", lines);
            var index = new RepeatIndex(text, threshold);
            var seen = new List<(int Number, string Line)>();
            int start = 0;
            for (int number = 1; number <= lines.Count; number++)
            {
                string line = lines[number - 1];
                int? expected = PlainRepeatOf(seen, line);
                Assert.True(expected == index.RepeatOf(start, start + line.Length), $"line {number} of [{string.Join(" | ", lines)}]");
                if (expected is null)
                {
                    index.Add(number, start, start + line.Length);
                    seen.Add((number, line));
                }

                start += line.Length + 1;
            }
        }, iter: 4000);

    [Fact]
    public void A_piece_of_an_earlier_paragraph_repeats_it_and_a_short_line_never_does()
    {
        string[] lines =
        [
            "وقال بوتين إن روسيا تدعم دورا مركزيا مع دور تنسيقي للأمم المتحدة في العالم",
            "مع دور تنسيقي للأمم المتحدة",
            "دور تنسيقي",
            "وقال بوتين إن روسيا تدعم دورا مركزيا مع دور تنسيقي للأمم المتحدة في العالم وأضاف",
            "مجتمع دور تنسيقي للأمم",
        ];
        string text = string.Join("\n", lines);
        var index = new RepeatIndex(text, threshold: 0);
        index.Add(1, 0, lines[0].Length);
        int Start(int line) => lines.Take(line).Sum(l => l.Length + 1);

        Assert.Equal(1, index.RepeatOf(Start(1), Start(1) + lines[1].Length));
        Assert.Null(index.RepeatOf(Start(2), Start(2) + lines[2].Length)); // two words: too short to tell
        Assert.Equal(1, index.RepeatOf(Start(3), Start(3) + lines[3].Length)); // begins with line 1
        Assert.Null(index.RepeatOf(Start(4), Start(4) + lines[4].Length)); // "مجتمع" is no piece of "مع"
    }

    [Fact]
    public void Thousands_of_lines_that_differ_in_a_number_are_each_compared_with_a_bounded_few_and_the_earliest_repeat_is_found()
    {
        // Each line's words all stand in every earlier line but its number: a log, a table.
        const int Count = 3000;
        const string Body = "وقال بوتين إن روسيا تدعم دورا مركزيا مع دور تنسيقي";
        List<string> lines = [.. Enumerable.Range(1, Count).Select(i => $"{Body} {i:0000}")];
        string piece = "إن روسيا تدعم دورا مركزيا مع دور تنسيقي 0002"; // a piece of line 2
        string text = string.Join("\n", lines) + "\n" + piece;
        var index = new RepeatIndex(text, threshold: 0);
        int start = 0;
        for (int number = 1; number <= Count; number++)
        {
            Assert.Null(index.RepeatOf(start, start + lines[number - 1].Length));
            index.Add(number, start, start + lines[number - 1].Length);
            start += lines[number - 1].Length + 1;
        }

        Assert.Equal(2, index.RepeatOf(start, start + piece.Length));

        // Each line by both rules: without the bound, line n would be compared with all n - 1 before it.
        long bound = (Count + 1) * 2L * RepeatIndex.Comparisons(12);
        Assert.InRange(index.Compared, 1, bound);
        Assert.True(bound < (long)Count * (Count - 1) / 2);
    }

    /// <summary>The rule as DocumentLayout states it, tried against every earlier line in turn.</summary>
    private static int? PlainRepeatOf(List<(int Number, string Line)> seen, string line)
    {
        if (Words(line) < DocumentLayout.MinDuplicateWords)
        {
            return null;
        }

        foreach ((int number, string earlier) in seen)
        {
            if (Words(earlier) >= DocumentLayout.MinDuplicateWords
                && (earlier.Contains(line, StringComparison.Ordinal) || line.StartsWith(earlier, StringComparison.Ordinal)))
            {
                return number;
            }
        }

        return null;
    }

    private static int Words(string text)
    {
        int words = 0;
        bool inWord = false;
        foreach (char c in text)
        {
            bool letter = char.IsLetterOrDigit(c);
            words += letter && !inWord ? 1 : 0;
            inWord = letter;
        }

        return words;
    }
}
