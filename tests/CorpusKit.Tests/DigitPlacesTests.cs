using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using CorpusKit.CompilerServices;
using CsCheck;

namespace CorpusKit.Tests;

/// <summary>
/// Patterns that begin with <c>\d</c> are tried at the text's digits, searched once per document
/// for all of them: the same places, and the same matches, as each pattern's own search.
/// </summary>
public sealed class DigitPlacesTests
{
    // Words, ASCII and Arabic-Indic digits (normalized to ASCII), Devanagari digits (kept: digits of another script), months.
    private static readonly string[] s_pieces = ["في", " ", "  ", "\n", "8", "12", "1991", "٣", "٢٠٢٥", "२०२४", "७", "ديسمبر", "كانون الأول", "/", ",", "February", "th", "عام"];

    private static readonly Gen<string> s_texts = Gen.OneOf(s_pieces).Array[0, 60].Select(pieces => string.Concat(pieces));

    [Fact]
    public void The_digit_places_are_every_decimal_digit_of_the_text_in_order()
        => s_texts.Sample(original =>
        {
            NormalizedText text = NormalizedText.Normalize(original, TextNormalization.Arabic);
            int[] expected = [.. Enumerable.Range(0, text.Text.Length).Where(i => char.IsDigit(text.Text[i]))];
            Assert.Equal(expected, text.DigitPlaces.ToArray());
        }, iter: 2000);

    [Fact]
    public void Past_the_first_array_every_digit_is_kept()
    {
        NormalizedText text = NormalizedText.Normalize(string.Join(' ', Enumerable.Range(0, 50).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "٣")), TextNormalization.Arabic);

        ReadOnlySpan<int> places = text.DigitPlaces;

        Assert.Equal(text.Text.Count(char.IsDigit), places.Length);
        Assert.True(places.Length > 64);
        Assert.Equal(text.Text.Length - 1, places[^1]);
    }

    /// <summary>Every pattern of the test schema that begins with a digit, on texts of dates in three scripts.</summary>
    [Fact]
    public void A_pattern_tried_at_the_shared_digit_places_finds_what_its_own_search_finds()
    {
        List<Pattern> patterns = DigitPatterns();
        Assert.NotEmpty(patterns);
        s_texts.Sample(original =>
        {
            var context = new ExtractionContext(original);
            NormalizedText text = context.GetText(TextNormalization.Arabic);
            foreach (Pattern pattern in patterns)
            {
                var shared = new List<PatternMatch>();
                var own = new List<PatternMatch>();
                pattern.ScanInto(text, shared, context.Matches);
                pattern.ScanInto(text, own, context.Matches, sharedDigits: false);
                Assert.Equal(own.Select(Describe), shared.Select(Describe));
            }
        }, iter: 1000);
    }

    private static string Describe(PatternMatch match) => $"{match.Index}+{match.Length}:{match.Value}";

    /// <summary>The generated patterns of the test schema's extractors whose prefilter begins with a digit.</summary>
    private static List<Pattern> DigitPatterns()
        => [.. typeof(NewsCorpus).Assembly.GetTypes()
            .Where(t => t.Name == "Patterns" && t.DeclaringType?.Namespace == typeof(NewsCorpus).Namespace)
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
            .Select(f => f.GetValue(null))
            .OfType<Pattern>()
            .Where(p => p.Prefilter is { BeginsWithDigit: true })];
}
