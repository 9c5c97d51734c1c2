using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using CorpusKit.Matching;
using CsCheck;

namespace CorpusKit.Tests;

/// <summary>The context a document goes through the extractors in: exclusion, shared term hits, pattern options.</summary>
public sealed class ExtractionContextTests
{
    [Fact]
    public void Excluded_lines_read_as_spaces_in_the_normalized_text_and_offsets_do_not_move()
    {
        const string Text = "مباشر موسكو\nزار لافروف موسكو";
        var context = new ExtractionContext(Text);
        NormalizedText before = context.GetText(TextNormalization.Arabic);
        context.Exclude([new TextSpan(0, 11)]);
        NormalizedText after = context.GetText(TextNormalization.Arabic);

        Assert.NotSame(before, after);
        Assert.Equal(before.Text.Length, after.Text.Length);
        Assert.Equal(new string(' ', 11) + "\nزار لافروف موسكو", after.Text);

        // Only the second Moscow is found, at its place in the original.
        Article article = NewsCorpus.Instance.Extract(context);
        Place moscow = Assert.Single(article.PlaceMentions);
        Assert.Equal(Text.LastIndexOf("موسكو", StringComparison.Ordinal), moscow.Span.Start);
    }

    [Fact]
    public void Excluding_in_several_calls_hides_what_one_call_with_every_range_hides()
        => Gen.Select(Gen.Int[0, 50], Gen.Int[0, 9], Gen.Int[0, 2], (start, length, call) => (start, length, call)).Array[0, 12].Sample(steps =>
        {
            // Diacritics, a double space and a ligature: normalized offsets shift against the original.
            const string Text = "مُبَاشِر موسكو\nزار لافروفُ  موسكو ﻻ اليوم\nمباشر";
            List<TextSpan> spans = steps.Select(s => TextSpan.FromBounds(Math.Min(s.start, Text.Length), Math.Min(s.start + s.length, Text.Length))).ToList();
            var once = new ExtractionContext(Text);
            once.Exclude(spans);

            // Step by step: 0 joins the call before (ranges in no order), 1 starts a call, 2 starts one
            // on a text normalized (and masked) already, which the call then masks further.
            var piecemeal = new ExtractionContext(Text);
            var call = new List<TextSpan>();
            for (int i = 0; i < spans.Count; i++)
            {
                if (steps[i].call > 0 && call.Count > 0)
                {
                    piecemeal.Exclude(call);
                    call.Clear();
                }

                if (steps[i].call == 2)
                {
                    _ = piecemeal.GetText(TextNormalization.Arabic);
                }

                call.Add(spans[i]);
            }

            piecemeal.Exclude(call);
            Assert.Equal(spans.Where(s => s.Length > 0).Order(), once.Excluded);
            Assert.Equal(once.Excluded, piecemeal.Excluded);
            Assert.Equal(once.GetText(TextNormalization.Arabic).Text, piecemeal.GetText(TextNormalization.Arabic).Text);
            Assert.Equal(once.GetText(TextNormalization.None).Text, piecemeal.GetText(TextNormalization.None).Text);
        }, iter: 2000);

    [Fact]
    public void Excluding_after_an_extractor_ran_is_refused()
    {
        var context = new ExtractionContext("زار لافروف موسكو");
        _ = PlaceExtractor.Instance.Extract(context);

        Assert.Throws<InvalidOperationException>(() => context.Exclude([new TextSpan(0, 3)]));
    }

    [Fact]
    public void Term_hits_are_found_once_per_document_and_trie()
    {
        var context = new ExtractionContext("سيرغي لافروف وبوتين");
        NormalizedText text = context.GetText(TextNormalization.Arabic);
        TermTrie trie = TermTrie.Create([new("لافروف", 0), new("بوتين", 1)]);

        var first = context.FindTerms(text, trie);
        Assert.Same(first, context.FindTerms(text, trie));
        Assert.Equal([0, 1], first.Select(h => h.Value));
        Assert.Equal("بوتين", text.Text[first[1].Start..first[1].End]); // the و stays out
        Assert.Throws<ArgumentException>(() => context.FindTerms(Normalizer.Normalize("لافروف", TextNormalization.Arabic), trie));
    }

    [Fact]
    public void Patterns_run_with_the_options_the_build_checked_them_with()
    {
        Assert.Equal(RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, PatternRunner.OptionsFor(TextNormalization.Arabic));
        Assert.Equal(RegexOptions.CultureInvariant, PatternRunner.OptionsFor(TextNormalization.None));
    }
}
