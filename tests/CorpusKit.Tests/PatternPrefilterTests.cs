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
}
