using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using CorpusKit.CompilerServices;
using CorpusKit.Generators.Model;
using CorpusKit.Generators.Patterns;
using PrefilterAnchor = CorpusKit.Generators.Model.PrefilterAnchor;
using CsCheck;

namespace CorpusKit.Generators.Tests;

/// <summary>
/// A pattern tried, anchored, only where its build-time prefilter lets a match begin finds exactly
/// what the pattern finds scanning the whole text: on generated patterns and texts, and on the
/// NewsDesk schema's patterns over the seed articles.
/// </summary>
public sealed class PrefilterTests
{
    private const RegexOptions Arabic = RegexOptions.CultureInvariant | RegexOptions.IgnoreCase;

    /// <summary>The chars of <c>\s</c>, as .NET's <see cref="char.IsWhiteSpace(char)"/> lists them.</summary>
    private const string WhiteSpace = "\t\n\v\f\r \u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000";

    private static readonly string[] s_atoms =
    [
        "a", "k", "K", "s", "ع", "ا", "م", "ل", ":", "\"", "“", "\\(", "\\.", " ", "-", "/",
        "\\d", "\\d{1,2}", "\\d{4}", "[0-9]", "\\s", "\\s+", "\\s*", "\\S", "\\w", "[a-z]", "[^\"\\n]", "[ء-ي]", ".", "\\p{L}", "[•·]",
        "(?:st|nd)", "(?:عام|سنة)", "(?<g>\\d+)", "(?=\\s)", "(?!\\d)", "(?<=\\d)", "(?<!ا)", "\\b", "^", "$", "(?m)^", "(?m:$)",
    ];

    private static readonly string[] s_textPieces =
    [
        "a", "K", "k", "\u212A", "s", "عام", "ع", "ا", "م", "ل", "الم", ":", "\"", "“", "(", ".", " ", "  ", "\n", "-", "/",
        "1", "12", "2024", "٣", "३", "st", "nd", "•", "x",
    ];

    /// <summary>Patterns of one to four parts, each an atom, an optional or repeated atom, or an alternation of two.</summary>
    private static readonly Gen<string> s_patterns =
        Gen.OneOf(
            Gen.OneOf(s_atoms),
            Gen.OneOf(s_atoms).Select(a => "(?:" + a + ")?"),
            Gen.OneOf(s_atoms).Select(a => "(?:" + a + ")+"),
            Gen.OneOf(s_atoms).Select(Gen.OneOf(s_atoms), (a, b) => "(?:" + a + "|" + b + ")"))
        .Array[1, 4]
        .Select(parts => string.Concat(parts));

    private static readonly Gen<string> s_texts = Gen.OneOf(s_textPieces).Array[0, 40].Select(pieces => string.Concat(pieces));

    [Fact]
    public void Anchored_runs_at_prefilter_hits_find_what_a_scan_finds()
    {
        int prefiltered = 0;
        s_patterns.Select(s_texts, Gen.Bool).Sample((pattern, text, ignoreCase) =>
        {
            prefiltered += FindsWhatAScanFinds(pattern, text, ignoreCase) is null ? 0 : 1;
        }, iter: 20000);

        Assert.True(prefiltered > 5000, $"only {prefiltered} generated patterns got a prefilter");
    }

    /// <summary>Patterns that may begin almost anywhere and hold a literal further in (the inner literal's lines).</summary>
    [Fact]
    public void Runs_on_the_lines_of_an_inner_literal_find_what_a_scan_finds()
    {
        string[] starts = [@"\p{L}+", ".", @"\S+", @"(?m)^\p{L}*", @"[^""\n]+", @"(?m)^(?:\p{L}+ )?"];
        string[] literals = ["عام", "الم", "ع ا", " ل", "(?:عام|الم)", "(?:ل:)+"];
        int inner = 0;
        Gen.Select(Gen.OneOf(starts), s_patterns.Array[0, 1], Gen.OneOf(literals), s_patterns.Array[0, 1])
            .Select(parts => parts.Item1 + string.Concat(parts.Item2) + parts.Item3 + string.Concat(parts.Item4))
            .Select(s_texts, Gen.Bool)
            .Sample((pattern, text, ignoreCase) =>
            {
                inner += FindsWhatAScanFinds(pattern, text, ignoreCase)?.Inner is null ? 0 : 1;
            }, iter: 10000);

        Assert.True(inner > 2000, $"only {inner} generated patterns got an inner literal");
    }

    /// <summary>Checks that the pattern, tried anchored where its prefilter lets a match begin, finds what it finds scanning; gives the prefilter, or null when it has none.</summary>
    private static PrefilterSpec? FindsWhatAScanFinds(string pattern, string text, bool ignoreCase)
    {
        RegexOptions options = ignoreCase ? Arabic : RegexOptions.CultureInvariant;
        Regex scanning;
        try
        {
            scanning = new Regex(pattern, options);
        }
        catch (ArgumentException)
        {
            return null; // not a pattern .NET accepts (the build reports those)
        }

        if (PrefilterAnalysis.Analyze(pattern, options) is not { } spec)
        {
            return null;
        }

        var anchored = new Regex(@"\G(?:" + pattern + ")", options);
        Assert.True(Describe(scanning.Matches(text)) == Describe(Run(anchored, Runtime(spec), text)), $"pattern {pattern} on \"{text}\" with {spec}");
        return spec;
    }

    [Theory]
    [InlineData(@"(?m)^\(?(?<id>\p{L}+(?:[^\S\n]+\p{L}+){0,2})\)?[^\S\n]*خاص", "خاص")]
    [InlineData(@"\p{L}+ (?:وكالة|وكالات) الانباء", " الانباء")]   // the longest: after the alternation
    [InlineData(@"\p{L}+ (?:وكالة|وكالات)", " وكال")]                // across a literal and what both alternatives begin with
    [InlineData(@"\p{L}+(?:-خاص)+", "-خاص")]                         // a loop taken once at least
    [InlineData(@"\p{L}+\s+خاص", null)]                                // \s takes a line break
    [InlineData(@"\p{L}+(?=[^\S\n]*خاص)", null)]                        // a lookahead's text is outside the match
    [InlineData(@"\p{L}+(?:خاص)?", null)]                                // an optional part
    [InlineData(@"\p{L}+(?:خاص|عام)", null)]                            // alternatives that share nothing
    [InlineData(@"\p{L}+:", null)]                                      // one char
    [InlineData(@"عام[^\S\n]+\d+ خاص", null)]                            // begins with a literal, searched for already
    [InlineData(@"«\p{L}+» الرسمية", null)]                               // begins with one of a few chars, searched for already
    [InlineData(@"\G(?:\p{L}+[^\S\n]+خاص)", null)]                        // a sequence's later step: tried where the step before ends
    public void A_literal_every_match_holds_further_in_narrows_the_lines(string pattern, string? inner)
        => Assert.Equal(inner, PrefilterAnalysis.Analyze(pattern, Arabic)?.Inner);

    [Theory]
    [InlineData(@"(?m)^\(?(?<id>\p{L}+(?:[^\S\n]+\p{L}+){0,2})\)?[^\S\n]*خاص", true)] // letters, spaces and brackets: a run ends at a mark or digit
    [InlineData(@"(?<=\d )\p{L}+ خاص", true)]                                                // a lookbehind's digit is outside the match
    [InlineData(@".+ خاص", false)]                                                             // any char but a line break: the line
    [InlineData(@"[^""\n]+خاص", false)]                                                        // almost any char
    public void The_chars_every_match_takes_narrow_the_line_to_a_run(string pattern, bool runs)
    {
        PrefilterSpec spec = PrefilterAnalysis.Analyze(pattern, Arabic)!;
        Assert.NotNull(spec.Inner);
        Assert.Equal(runs, spec.Held is not null);
        if (spec.Held is { } held)
        {
            var prefilter = Runtime(spec);
            bool Takes(char c) => Enumerable.Range(0, held.Length / 2).Any(r => c >= held[2 * r] && c <= held[2 * r + 1]);
            Assert.True(Takes('خ') && Takes(' ') && !Takes('\n') && !Takes('1') && !Takes('.'), held);
        }
    }

    [Theory]
    [InlineData(@"عام\s+(?<year>\d{4})", "عام", null, false)]
    [InlineData(@"(?<day>\d{1,2})\s+(?<month>يناير|فبراير)", null, "0123456789", true)]
    [InlineData(@"\(صورة[^)\n]{0,40}\)", "(صورة", "(", false)]
    [InlineData(@":\s*(?:""(?<text>[^""\n]{8,})""|“(?<text>[^”\n]{8,})”)", null, ":", false)]
    [InlineData(@"(?:st|nd)?\d", null, "0123456789NSns", true)]
    [InlineData(@"\s*[-–](?=\s)", null, WhiteSpace + "-–", false)] // a sequence step after a word: refused at a letter
    [InlineData(@"[\s:]+«", null, WhiteSpace + ":", false)]
    [InlineData(@"(?=[لب]?وكالة\s)", null, "لبو", false)]              // a match takes no char, but its lookahead asks for one
    [InlineData(@"(?<=\p{L}\s)(?=ال)\p{L}+", null, "ا", false)]         // a lookbehind first, then the lookahead
    [InlineData(@"(?!x)(?=\d)\w*", null, "0123456789", true)]
    public void The_prefilter_names_the_literal_or_the_chars_a_match_begins_with(string pattern, string? literal, string? chars, bool digits)
    {
        PrefilterSpec? spec = PrefilterAnalysis.Analyze(pattern, Arabic);

        Assert.NotNull(spec);
        Assert.Equal(literal, spec!.Literal);
        if (chars is not null)
        {
            Assert.Equal(chars.OrderBy(c => c), spec.Chars!.OrderBy(c => c));
        }

        Assert.Equal(digits, spec.Digits);
    }

    [Theory]
    [InlineData(@"\p{L}{2,}(?:\s+\p{L}{2,})?", false)]                // a name: a letter first
    [InlineData(@"(?<=\p{L}[^\S\n]{1,3})(?!و)\p{L}+", false)]         // lookarounds take no char
    [InlineData(@"(?:بن\s+)?\p{L}+|عبد\s+ال\p{L}+", false)]
    [InlineData(@":\s*«(?<text>[^»]+)»", true)]                          // the colon is a joiner
    [InlineData(@"\s*«", true)]                                          // may take white space first
    [InlineData(@"(?:«)?\s*\p{L}+", true)]                               // the first part may take nothing
    [InlineData(@"[^»\n]+", true)]                                       // a negated class holds the joiners
    [InlineData(@"\d+|[-–]\d+", true)]                                  // one alternative begins with a dash
    [InlineData(@"(?=وكالة\s)", true)]                                   // may match taking no char
    [InlineData(@"x\s*(?<a>y)", false)]                                   // what follows the first char is not asked
    [InlineData(@"x(?<a>y)\k<a>", true)]                                 // not modeled (a backreference): it may
    public void A_sequence_step_may_begin_with_a_joiner_only_when_its_first_char_may_be_one(string pattern, bool may)
        => Assert.Equal(may, PrefilterAnalysis.MayBeginWithAny(pattern, Arabic, CorpusGenerator.Emitter.SequenceJoiners));

    [Fact]
    public void The_generator_knows_the_joiners_the_sequence_matcher_skips()
    {
        for (int c = 0; c <= char.MaxValue; c++)
        {
            Assert.Equal(SequenceMatcher.IsJoiner((char)c), CorpusGenerator.Emitter.SequenceJoiners.Contains((char)c, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData(@"\d{1,2}\s+(?:يناير|فبراير)", 3)] // a digit, then a digit or a space, then no digit
    [InlineData(@"ab?c", 1)] // the shortest match has two chars: only the second is checked
    [InlineData(@"a(?=bc)b", 1)] // a lookahead constrains nothing
    [InlineData(@"\d", 0)] // one char long: nothing follows for sure
    [InlineData(@"x(?<a>y)\k<a>z", 0)] // not modeled: a backreference (no prefilter at all)
    public void The_chars_after_the_first_are_checked_as_far_as_every_match_reaches(string pattern, int offsets)
    {
        PrefilterSpec? spec = PrefilterAnalysis.Analyze(pattern, Arabic);

        Assert.Equal(offsets, spec?.Follow?.Count ?? 0);
    }

    [Theory]
    [InlineData(@"\d{1,2}xyz", "a 12xyz 1xyz 123xyz")] // each length of a loop moves what follows it
    [InlineData(@"[ab](?:ab)*c", "aababc bc ac bababc")]
    [InlineData(@"a{2,4}bc", "aaaaabc aabc")]
    [InlineData(@"(?:x|yy)(?:z|ww)q", "xzq yywwq xwwq yyzq")]
    [InlineData(@"(?:a|bc)?d{2}e", "dde adde bcdde")]
    [InlineData(@"k(?:\s*|-)+m", "k - -m k  m km")]
    [InlineData(@"(?i)KS\d", "ks1 \u212As2")] // a case variant past U+0800 (the Kelvin sign) follows too
    public void Patterns_whose_parts_vary_in_length_find_every_match(string pattern, string text)
    {
        RegexOptions options = RegexOptions.CultureInvariant;
        text = Regex.Unescape(text);
        PrefilterSpec spec = PrefilterAnalysis.Analyze(pattern, options)!;
        var scanning = new Regex(pattern, options);
        var anchored = new Regex(@"\G(?:" + pattern + ")", options);

        Assert.NotNull(spec.Follow);
        Assert.NotEqual("", Describe(scanning.Matches(text)));
        Assert.Equal(Describe(scanning.Matches(text)), Describe(Run(anchored, Runtime(spec), text)));
    }

    [Fact]
    public void Of_the_digits_of_a_year_only_those_a_day_can_end_with_are_tried()
    {
        PrefilterSpec spec = PrefilterAnalysis.Analyze(@"\d{1,2}\s+(?:يناير|فبراير)", Arabic)!;
        PatternPrefilter prefilter = Runtime(spec);
        const string Text = "عام 2024 و 12 يناير و 2024 فبراير";
        var tried = new List<int>();
        for (int at = prefilter.Next(Text, 0, otherDigits: false); at >= 0; at = prefilter.Next(Text, at + 1, otherDigits: false))
        {
            tried.Add(at);
        }

        // The first 2024: nowhere (a digit third, or و where a month must begin); 12: at 1 (2, a space, ي)
        // and at 2 (a space, ي, ن); the second 2024: not at 2 or 0 (a digit third), at 2 (4, a space,
        // ف) and at 4 (a space, ف, ب).
        int day = Text.IndexOf("12", StringComparison.Ordinal);
        int year = Text.LastIndexOf("2024", StringComparison.Ordinal);
        Assert.Equal([day, day + 1, year + 2, year + 3], tried);
        Assert.Equal(-1, prefilter.Next("12 ", 0, otherDigits: false)); // the text ends before a match could
    }

    [Theory]
    [InlineData(@"\d*")] // matches the empty string
    [InlineData(@"\w+")] // begins with almost anything
    [InlineData(@"(?<a>x)\k<a>")] // a backreference: not modeled
    [InlineData(@"(?(x)a|b)c")] // a conditional: not modeled
    public void Patterns_that_can_begin_anywhere_or_are_not_modeled_get_none(string pattern)
        => Assert.Null(PrefilterAnalysis.Analyze(pattern, Arabic));

    [Theory]
    [InlineData(@"^(مباشر|فيديوهات)$", "TextStart")]
    [InlineData(@"(?m)^\d+ خبر", "LineStart")]
    [InlineData(@"\b^ab", "TextStart")]
    [InlineData(@"(?m)(?<day>\d{1,2})(?<=^\d{1,2})", "None")]
    [InlineData(@"(?m)^[^\S\n]*(?=\p{L})", "LineStart")] // may take no char, but only at a line start
    [InlineData(@"^\s*", "TextStart")]
    public void A_leading_anchor_restricts_where_a_match_begins(string pattern, string anchor)
        => Assert.Equal(anchor, PrefilterAnalysis.Analyze(pattern, Arabic)!.Anchor.ToString());

    /// <summary>A pattern that may take no char, anchored at line starts, finds what scanning finds, tried at line starts only.</summary>
    [Fact]
    public void An_anchored_pattern_that_may_take_no_char_finds_what_scanning_finds()
    {
        const string Pattern = @"(?m)^[^\S\n]*(?=\p{L})";
        const string Text = "موسكو\n  أ ش أ\n\n12 مايو\n\tقال";
        PrefilterSpec spec = PrefilterAnalysis.Analyze(Pattern, Arabic)!;
        Assert.Null(spec.Chars);
        Assert.Equal(Describe(new Regex(Pattern, Arabic).Matches(Text)), Describe(Run(new Regex(@"\G(?:" + Pattern + ")", Arabic), Runtime(spec), Text)));
    }

    [Fact]
    public void The_newsdesk_patterns_find_on_the_seeds_what_they_find_scanning()
    {
        string root = Repository.Root();
        string schema = System.IO.File.ReadAllText(System.IO.Path.Combine(root, "samples", "NewsDesk", "Schemas", "newsdesk.corpus.yaml"));
        var parsed = CorpusGenerator.Parser.Parse("newsdesk.corpus.yaml", schema, new GeneratorOptions("NewsDesk", string.Empty), default);
        var patterns = parsed.Module!.Entities.SelectMany(e => e.Rules).Select(r => r.Body).OfType<CorpusKit.Generators.Model.RegexBody>().Select(b => b.Pattern.Expanded)
            .Concat(parsed.Module.Document!.Boilerplate.Select(b => b.Pattern.Expanded))
            .ToList();
        string[] seeds = System.IO.Directory.GetFiles(System.IO.Path.Combine(root, "seeds"), "*.txt")
            .Select(f => NormalizedText.Normalize(System.IO.File.ReadAllText(f), TextNormalization.Arabic).Text)
            .ToArray();
        int found = 0;
        foreach (string pattern in patterns)
        {
            if (PrefilterAnalysis.Analyze(pattern, Arabic) is not { } spec)
            {
                continue;
            }

            var scanning = new Regex(pattern, Arabic);
            var anchored = new Regex(@"\G(?:" + pattern + ")", Arabic);
            foreach (string text in seeds)
            {
                string expected = Describe(scanning.Matches(text));
                Assert.Equal(expected, Describe(Run(anchored, Runtime(spec), text)));
                found += scanning.Matches(text).Count;
            }
        }

        Assert.True(found > 20, $"the patterns found only {found} matches on the seeds");
    }

    private static PatternPrefilter Runtime(PrefilterSpec spec)
        => new(spec.Literal, spec.Chars, spec.Digits, (CorpusKit.CompilerServices.PrefilterAnchor)(int)spec.Anchor, spec.Follow?.ToArray(), spec.Inner, spec.Held);

    private static List<Match> Run(Regex anchored, PatternPrefilter prefilter, string text)
    {
        bool otherDigits = text.Any(c => c >= '\u0080' && char.IsDigit(c));
        var matches = new List<Match>();
        int from = 0;
        while ((from = prefilter.Next(text, from, otherDigits)) >= 0)
        {
            Match match = anchored.Match(text, from);
            if (match.Success)
            {
                matches.Add(match);
                from = match.Index + Math.Max(match.Length, 1);
            }
            else
            {
                from++;
            }
        }

        return matches;
    }

    private static string Describe(IEnumerable<Match> matches) => string.Join(" ", matches.Select(m => $"{m.Index}+{m.Length}"));
}
