using System;
using System.Collections.Generic;
using System.Linq;
using CorpusKit.CompilerServices;
using CsCheck;

namespace CorpusKit.Tests;

/// <summary>
/// A prefilter answers one char at a time from bits below U+0800 and from its sets above: the
/// same answers as the chars and ranges the generator gave it, on both sides of that line.
/// </summary>
public sealed class PatternPrefilterTests
{
    // ASCII, the last char below the bitmap and the first above it, Arabic letters and Persian ی,
    // typographic quotes and a dash (above U+0800), guillemets (below).
    private const string Alphabet = "a0 9\u07FF\u0800\u0627\u0644\u064A\u06CC\u201C\u201D\u2013\u00AB\u00BB\n";

    private static readonly Gen<char> s_chars = Gen.Char[Alphabet];

    [Fact]
    public void A_char_may_begin_a_match_exactly_when_the_set_lists_it()
        => Gen.Select(Gen.Char[Alphabet].Array[1, 6], s_chars).Sample((listed, c) =>
        {
            string chars = new(listed);
            var prefilter = new PatternPrefilter(literal: null, chars, digits: false, PrefilterAnchor.None);

            Assert.Equal(chars.Contains(c), prefilter.MayBeginWith(c, otherDigits: false));
            Assert.Equal(chars.Contains(c), prefilter.MayBeginAt(c.ToString(), 0, otherDigits: false));
        }, iter: 3000);

    [Fact]
    public void A_first_char_above_the_bitmap_is_told_apart_from_one_below()
    {
        var prefilter = new PatternPrefilter(literal: null, "\u201C\u00AB", digits: false, PrefilterAnchor.TextStart);

        Assert.True(prefilter.MayBeginWith('\u201C', otherDigits: false));
        Assert.True(prefilter.MayBeginWith('\u00AB', otherDigits: false));
        Assert.False(prefilter.MayBeginWith('\u201D', otherDigits: false)); // the closing quote, one past
        Assert.False(prefilter.MayBeginWith('\u00BB', otherDigits: false));
        Assert.False(prefilter.MayBeginWith('\u0800', otherDigits: false));
    }

    [Fact]
    public void What_follows_the_first_char_is_checked_against_each_offsets_ranges()
        => Gen.Select(s_chars.Array[2, 4], Gen.Select(s_chars, s_chars).Array[1, 3].Array[1, 3]).Sample((text, offsets) =>
        {
            string[] follow = [.. offsets.Select(ranges => string.Concat(ranges.Select(r => r.Item1 <= r.Item2 ? $"{r.Item1}{r.Item2}" : $"{r.Item2}{r.Item1}")))];
            var prefilter = new PatternPrefilter(literal: null, chars: null, digits: false, PrefilterAnchor.None, follow);

            // Below U+0800 a char follows when a range holds it; above, when any range reaches past the line.
            bool expected = text.Length > follow.Length && Enumerable.Range(0, follow.Length).All(offset =>
            {
                char c = text[1 + offset];
                (char First, char Last)[] ranges = [.. Enumerable.Range(0, follow[offset].Length / 2).Select(r => (follow[offset][2 * r], follow[offset][(2 * r) + 1]))];
                return c < '\u0800'
                    ? ranges.Any(r => r.First <= c && c <= r.Last)
                    : ranges.Any(r => r.Last >= '\u0800');
            });

            Assert.Equal(expected, prefilter.Follows(new string(text), 0));
        }, iter: 3000);

    [Fact]
    public void A_range_that_ends_at_the_last_char_below_the_bitmap_holds_it_and_nothing_above()
    {
        var prefilter = new PatternPrefilter(literal: null, chars: null, digits: false, PrefilterAnchor.None, ["\u07FE\u07FF"]);

        Assert.True(prefilter.Follows("x\u07FF", 0));
        Assert.True(prefilter.Follows("x\u07FE", 0));
        Assert.False(prefilter.Follows("x\u07FD", 0));
        Assert.False(prefilter.Follows("x\u0800", 0));
        Assert.False(prefilter.Follows("x", 0)); // nothing follows
    }

    [Fact]
    public void An_inner_literal_leaves_the_places_on_lines_that_hold_it_at_or_before_its_last()
    {
        // Line 0 holds خاص at 2 and at 8: places 0 to 8, not 9. Line 1 holds none. Line 2 holds it
        // after one char, line 3 (the text's end, no line break after it) at its start.
        const string Text = "a خاص b خاص c\nno\nxخاص\nخاص";
        var everywhere = new PatternPrefilter(literal: null, chars: null, digits: false, PrefilterAnchor.None, inner: "خاص");
        var lineStarts = new PatternPrefilter(literal: null, chars: null, digits: false, PrefilterAnchor.LineStart, inner: "خاص");

        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7, 8, 17, 18, 22], Places(everywhere, Text));
        Assert.Equal([0, 17, 22], Places(lineStarts, Text));
        Assert.Equal([0, 17, 22], Places(lineStarts, Text, keepLine: false));
        Assert.Empty(Places(everywhere, "no\nخا\nص"));
    }

    [Fact]
    public void With_the_chars_a_match_takes_an_inner_literal_leaves_the_places_in_runs_of_them_that_hold_it()
    {
        // Letters a to z and a space are what a match takes: a digit, a full stop and a line break
        // end a run. Runs: "x" (none), " ab c" (ab at 3), "d ab" (ab at 10), "ab" at 13.
        const string Text = "x1 ab c.d ab\nab";
        var everywhere = new PatternPrefilter(literal: null, chars: null, digits: false, PrefilterAnchor.None, inner: "ab", held: "az  ");
        var lines = new PatternPrefilter(literal: null, chars: null, digits: false, PrefilterAnchor.None, inner: "ab");

        Assert.Equal([2, 3, 8, 9, 10, 13], Places(everywhere, Text));
        Assert.Equal([2, 3, 8, 9, 10, 13], Places(everywhere, Text, keepLine: false));
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 13], Places(lines, Text));

        // A char above the bitmap ends a run unless a range above it is given.
        Assert.Equal([2, 3], Places(everywhere, "a\u2022 ab"));
        Assert.Equal([0, 1, 2], Places(new PatternPrefilter(null, null, false, PrefilterAnchor.None, inner: "ab", held: "az  \u0800\uFFFF"), "a\u2022ab"));
        Assert.Throws<ArgumentException>(() => new PatternPrefilter(null, null, false, PrefilterAnchor.None, inner: "ab", held: "az\t\r")); // a range that holds a line break
        Assert.Throws<ArgumentException>(() => new PatternPrefilter(null, null, false, PrefilterAnchor.None, held: "az"));
    }

    [Fact]
    public void An_inner_literal_keeps_exactly_the_places_before_it_on_its_line_or_run()
        => Gen.Select(Gen.OneOf(s_innerPieces).Array[0, 14], Gen.OneOf(Gen.Const("خاص"), Gen.Const("ab")), Gen.Bool, Gen.Bool, Gen.Bool)
            .Sample((pieces, inner, lineStart, firstChars, runs) =>
            {
                string text = string.Concat(pieces);
                PrefilterAnchor anchor = lineStart ? PrefilterAnchor.LineStart : PrefilterAnchor.None;
                string? chars = firstChars ? "خa" : null;
                var plain = new PatternPrefilter(literal: null, chars, digits: false, anchor);
                var withInner = new PatternPrefilter(literal: null, chars, digits: false, anchor, inner: inner, held: runs ? HeldRanges : null);

                // A place stays when the literal begins at it or after it before the line (or run) ends.
                int[] expected = [.. Places(plain, text).Where(at => HoldsAtOrAfter(text, at, inner, runs))];

                Assert.Equal(expected, Places(withInner, text));
                Assert.Equal(expected, Places(withInner, text, keepLine: false));
            }, iter: 3000);

    // The literals, single chars of them, a space, a mark, a digit and line breaks: lines and runs hold a literal, part of one or none.
    private static readonly Gen<string>[] s_innerPieces = [.. new[] { "خاص", "ab", "خ", "ا", "a", "b", " ", ".", "1", "\n", "\n" }.Select(Gen.Const)];

    // The chars a match takes in the runs' case: a and b, a space and the Arabic letters.
    private const string HeldRanges = "ab  \u0621\u064A";

    private static bool HoldsAtOrAfter(string text, int at, string literal, bool runs)
    {
        int end = at;
        while (end < text.Length && text[end] != '\n' && (!runs || text[end] is 'a' or 'b' or ' ' or (>= '\u0621' and <= '\u064A')))
        {
            end++;
        }

        return text[at..end].Contains(literal, System.StringComparison.Ordinal);
    }

    /// <summary>Every place the prefilter gives, one after another as a scan asks (keeping the line it found, or asking afresh each time).</summary>
    private static List<int> Places(PatternPrefilter prefilter, string text, bool keepLine = true)
    {
        var places = new List<int>();
        var line = PatternPrefilter.InnerRun.None;
        for (int at = 0; (at = keepLine ? prefilter.Next(text, at, otherDigits: false, ref line) : prefilter.Next(text, at, otherDigits: false)) >= 0; at++)
        {
            places.Add(at);
        }

        return places;
    }
}
