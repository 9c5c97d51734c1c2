using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using CorpusKit.CompilerServices;
using CorpusKit.Generators.Patterns;
using CsCheck;

namespace CorpusKit.Generators.Tests;

/// <summary>
/// CorpusKit's pattern machine against .NET's regex engine: the same matches, the same last
/// capture of every named group and the same list of captures, on generated patterns (groups,
/// alternatives, greedy and lazy loops, lookaheads and lookbehinds with captures, anchors, case
/// folding) over generated text, and on the NewsDesk schema's patterns over the seeds.
/// </summary>
public sealed class PatternMachineTests
{
    internal const RegexOptions Arabic = RegexOptions.CultureInvariant | RegexOptions.IgnoreCase;

    private static readonly string[] s_atoms =
    [
        "a", "b", "k", "ع", "ا", "م", ":", "\"", " ", "-", "\\.", "/", "\\n",
        "\\d", "\\d{1,2}", "\\d{4}", "[0-9]", "\\s", "\\S", "\\w", "\\W", "[a-c]", "[^\"\\n]", "[ء-ي]", ".", "\\p{L}", "[\\d-[5-9]]", "(?s:.)",
        "(?:st|nd)", "(?:عام|عامل|ع)", "(?:عام ا|مع|ع|م:|k b|ab)", "(?:st|Nd|K|a-b)", "(?<=(?:عام|مع ا|:|ا)\\s*)", "(?<!(?:b|ka|A|\\.))", "(?<h>(?:عامل|عام|ع|م))+", "(?:عام|عامل|مع|ما)\\b", "(?:st|nd|rd|th)\\b", "(?!(?:عام|مع|ا|م)\\b)", "(?:(?:a|b|c|k))\\b", "(?<g>\\d+)", "(?<h>[a-z]+)", "(?<g>a)", "(?=\\s)", "(?!\\d)", "(?<=\\d)", "(?<!ا)", "(?<=(?<lb>\\d+)\\s*)",
        "(?<=\\b(?<w>ا|م)\\w*\\s+)", "[^ا:]", "[^a]", "[^\"\\s]", "[\\s:]", "(?<=:[^:]*)", "(?<=(?<lc>[^:]*))", "(?<!ع\\w*)", "\\b", "\\B", "^", "$", "(?m)^", "(?m:$)", "\\A", "\\z", "\\Z", "(?>a+)", "(?i:K)", "(?-i:k)",
    ];

    private static readonly string[] s_loops = ["?", "*", "+", "??", "*?", "+?", "{2}", "{1,3}", "{0,2}?", "{2,}", "{9,}"];

    private static readonly string[] s_textPieces =
    [
        "a", "b", "c", "A", "K", "k", "\u212A", "ع", "عام", "عامل", "ا", "م", "مع", ":", "\"", " ", "  ", "\n", "-", ".", "/",
        "1", "12", "2024", "5", "٣", "st", "nd", "x",
    ];

    private static readonly Gen<string> s_parts =
        Gen.OneOf(
            Gen.OneOf(s_atoms),
            Gen.OneOf(s_atoms).Select(Gen.OneOf(s_loops), (a, q) => "(?:" + a + ")" + q),
            Gen.OneOf(s_atoms).Select(Gen.OneOf(s_atoms), (a, b) => "(?:" + a + "|" + b + ")"),
            Gen.OneOf(s_atoms).Select(Gen.OneOf(s_atoms), (a, b) => "(?<p>" + a + b + ")+"));

    internal static readonly Gen<string> s_patterns = s_parts.Array[1, 5].Select(parts => string.Concat(parts));

    internal static readonly Gen<string> s_texts = Gen.OneOf(s_textPieces).Array[0, 30].Select(pieces => string.Concat(pieces));

    [Fact]
    public void The_machine_finds_what_the_regex_engine_finds()
    {
        int compiled = 0;
        s_patterns.Select(s_texts, Gen.Bool).Sample((pattern, text, ignoreCase) =>
        {
            RegexOptions options = ignoreCase ? Arabic : RegexOptions.CultureInvariant;
            Regex regex;
            try
            {
                regex = new Regex(pattern, options);
            }
            catch (ArgumentException)
            {
                return;
            }

            if (PatternCompiler.Compile(pattern, options) is not { } program)
            {
                return;
            }

            compiled++;
            Pattern machine = Runtime(pattern, program, null);
            var anchored = new Regex(@"\G(?:" + pattern + ")", options);
            for (int start = 0; start <= text.Length; start++)
            {
                // Anchored at every position, as the runtime runs a pattern where its prefilter lets it.
                Match expected = anchored.Match(text, start);
                PatternMatch? actual = machine.MatchAt(text, start);
                if (Describe(expected, program) != Describe(actual, program) && !RegexOptimizerQuirk(pattern, options, text, start, actual))
                {
                    Assert.Fail($"pattern {pattern} on \"{Escape(text)}\" at {start}: expected {Describe(expected, program)}, got {Describe(actual, program)}");
                }
            }
        }, iter: 6000);

        Assert.True(compiled > 3800, $"only {compiled} of the generated patterns compiled");
    }

    [Fact]
    public void Case_folding_is_dotnets_on_every_char_of_the_scripts_schemas_use()
    {
        // .NET folds two chars together under IgnoreCase | CultureInvariant when their invariant
        // lower cases are equal: k, K and the Kelvin sign; not s and the long s.
        IEnumerable<int> chars = Enumerable.Range(0, 0x250).Concat(Enumerable.Range(0x370, 0x1C0)).Concat(Enumerable.Range(0x600, 0x100)).Concat([0x212A, 0x212B, 0x2126, 0x1E9E]);
        foreach (int c in chars)
        {
            var regex = new Regex("^" + Regex.Escape(((char)c).ToString()) + "$", Arabic);
            List<char> ours = CaseFolding.Variants((char)c);
            foreach (char variant in ours)
            {
                Assert.True(regex.IsMatch(variant.ToString()), $"U+{c:X4} does not match U+{(int)variant:X4} in .NET");
            }

            foreach (char other in new[] { char.ToUpperInvariant((char)c), char.ToLowerInvariant((char)c), '\u017F', '\u212A', '\u0130', '\u0131' })
            {
                Assert.True(regex.IsMatch(other.ToString()) == ours.Contains(other), $"U+{c:X4} and U+{(int)other:X4}");
            }
        }
    }

    [Fact]
    public void The_newsdesk_patterns_compile_and_find_on_the_seeds_what_the_regex_engine_finds()
    {
        List<string> patterns = NewsDeskPatterns();
        string[] seeds = NormalizedSeeds();
        int found = 0;
        foreach (string pattern in patterns)
        {
            PatternProgramSpec program = PatternCompiler.Compile(pattern, Arabic) ?? throw new InvalidOperationException($"{pattern} did not compile");
            Pattern machine = Runtime(pattern, program, null);
            // A step after the first is anchored (\G) where the step before it ended: compared where it runs.
            var regex = pattern.StartsWith(@"\G", StringComparison.Ordinal) ? null : new Regex(pattern, Arabic);
            var anchored = new Regex(@"\G(?:" + pattern + ")", Arabic);
            foreach (string text in seeds)
            {
                if (regex is null)
                {
                    for (int start = 0; start < text.Length; start++)
                    {
                        Assert.Equal(Describe(anchored.Match(text, start), program), Describe(machine.MatchAt(text, start), program));
                    }

                    continue;
                }

                List<string> expected = regex.Matches(text).Select(m => Describe(m, program)).ToList();
                var actual = new List<string>();
                int from = 0;
                while (from <= text.Length)
                {
                    if (machine.MatchAt(text, from) is { } match)
                    {
                        actual.Add(Describe(match, program));
                        from = match.Index + Math.Max(match.Length, 1);
                    }
                    else
                    {
                        from++;
                    }
                }

                Assert.Equal(expected, actual);
                found += expected.Count;
            }
        }

        Assert.True(found > 20, $"only {found} matches on the seeds");
    }

    [Fact]
    public void The_machine_and_the_generator_agree_on_instructions_and_assertions()
    {
        Assert.Equal(Enum.GetNames<Patterns.PatternOp>(), Enum.GetNames(typeof(Pattern).Assembly.GetType("CorpusKit.CompilerServices.PatternOp")!));
        Assert.Equal(Enum.GetNames<Patterns.AnchorKind>(), Enum.GetNames(typeof(Pattern).Assembly.GetType("CorpusKit.CompilerServices.AnchorKind")!));

        // The literals of a case-folded look-up are folded by the generator, the text by the machine: the same fold.
        var machineFold = typeof(Pattern).Assembly.GetType("CorpusKit.CompilerServices.PatternMachine")!
            .GetMethod("LiteralFold", System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.NonPublic)!
            .CreateDelegate<Func<char, char>>();
        for (int c = 0; c <= char.MaxValue; c++)
        {
            Assert.Equal(PatternCompiler.LiteralFold((char)c), machineFold((char)c));
        }
    }

    [Fact]
    public void A_runaway_match_times_out_instead_of_running_on()
    {
        const string risky = "(?:a|aa)+b";
        Pattern machine = Runtime(risky, PatternCompiler.Compile(risky, RegexOptions.None)!, null);
        Assert.Throws<RegexMatchTimeoutException>(() => machine.MatchAt(new string('a', 60), 0));
    }

    [Fact]
    public void Where_the_regex_engine_strays_from_its_semantics_the_machine_keeps_to_them()
    {
        // .NET's optimizer rewrites an alternation in a loop whose last branch begins the others,
        // and the backtracking engine then finds no match; its own NonBacktracking engine, which
        // promises the backtracking engine's matches, finds "abcdabc", and so does the machine.
        const string pattern = "(?:abc|abcd|a){2,}";
        Assert.DoesNotMatch(pattern, "abcdabc:");
        Assert.Equal("abcdabc", Regex.Match("abcdabc:", pattern, RegexOptions.NonBacktracking).Value);
        Assert.Equal("abcdabc", Runtime(pattern, PatternCompiler.Compile(pattern, RegexOptions.None)!, null).MatchAt("abcdabc:", 0)?.Value);
    }

    /// <summary>
    /// Whether a difference from the backtracking engine is one of its optimizer's departures from
    /// its own semantics: its NonBacktracking engine, which promises the same matches, agrees with
    /// the machine. A pattern NonBacktracking cannot run (a lookaround) is run again by the
    /// backtracking engine with each branch of the quirky alternation behind an empty capture, which
    /// the optimizer does not look through: (?:عام|عامل|ع){2} then finds عاملعام, as the machine does.
    /// </summary>
    private static bool RegexOptimizerQuirk(string pattern, RegexOptions options, string text, int start, PatternMatch? actual)
    {
        Regex automaton;
        try
        {
            automaton = new Regex(pattern, options | RegexOptions.NonBacktracking);
        }
        catch (NotSupportedException)
        {
            const string Quirky = "(?:عام|عامل|ع)";
            if (!pattern.Contains(Quirky, StringComparison.Ordinal))
            {
                return false;
            }

            string shielded = pattern.Replace(Quirky, "(?:(?<quirk>)عام|(?<quirk>)عامل|(?<quirk>)ع)", StringComparison.Ordinal);
            Match meant = new Regex(@"\G(?:" + shielded + ")", options).Match(text, start);
            return meant.Success ? actual is not null && actual.Length == meant.Length : actual is null;
        }

        Match match = automaton.Match(text, start);
        bool found = match.Success && match.Index == start;
        return found ? actual is not null && actual.Length == match.Length : actual is null;
    }

    /// <summary>
    /// A list of plain words before <c>\b</c> compiles to one look-up of the word at the position
    /// (at 4 words, not at 3), and matches where the regex engine matches: the whole word, not a
    /// word that begins with one of them, inside a lookahead too.
    /// </summary>
    [Theory]
    [InlineData(@"(?:عام|عامل|مع|ما)\b", 4, true)]
    [InlineData(@"(?:عام|عامل|مع)\b", 3, false)]
    [InlineData(@"قال (?!(?:في|من|إلى|عن)\b)\w+", 4, true)]
    [InlineData(@"(?:عام|عامل|مع|م\w)\b", 4, false)]
    public void A_list_of_words_is_one_look_up_and_matches_as_the_regex_engine_does(string pattern, int words, bool lookUp)
    {
        PatternProgramSpec program = PatternCompiler.Compile(pattern, Arabic) ?? throw new InvalidOperationException(pattern);
        Assert.Equal(lookUp, HasWordLookUp(program, words));
        MatchesAsTheRegexEngine(pattern, program, ["عام", "عامل", "عامة", "عا", "مع، ما", "معا", "ما1", "قال في", "قال فيه", "قال عنه", "قال إلى", "قال الى", ""]);
    }

    /// <summary>
    /// An alternation of three or more literals (phrases with spaces and punctuation too, leftwards
    /// in a lookbehind, ASCII letters under case folding) is one look-up of every literal the text
    /// holds at the position, tried in the pattern's order: the first listed wins over a longer or
    /// shorter one, and a later one is taken when what follows needs it. Two literals, or a
    /// case-folded letter the look-up does not fold (é), stay a dispatch.
    /// </summary>
    [Theory]
    [InlineData(@"(?:عام|عامل|ع)", 3, true)]
    [InlineData(@"(?:عام|عامل|ع)ل", 3, true)]
    [InlineData(@"(?:ع|عام|عامل)\s", 3, true)]
    [InlineData(@"(?:وزارة الخارجية|وزارة|الخارجية|وزارة الدفاع)(?:\s+\w+)?", 4, true)]
    [InlineData(@"(?<=(?:في|من|الى|عن ا)\s*)\w+", 4, true)]
    [InlineData(@"(?<!(?:ab|b|xab))c", 3, true)]
    [InlineData(@"(?:st|Nd|rd|K)\w?", 4, true)]
    [InlineData(@"(?:st|nd)", 2, false)]
    [InlineData(@"(?:é|e|ab)", 3, false)]
    public void A_list_of_literals_is_one_look_up_and_matches_as_the_regex_engine_does(string pattern, int literals, bool lookUp)
    {
        PatternProgramSpec program = PatternCompiler.Compile(pattern, Arabic) ?? throw new InvalidOperationException(pattern);
        Assert.Equal(lookUp, HasLiteralLookUp(program, literals));
        MatchesAsTheRegexEngine(pattern, program,
        [
            "عامل", "عام", "عا", "ع", "عامة", "عام ل", "ع ل", "وزارة الخارجية الروسية", "وزارة الدفاع", "وزارة الثقافة", "الخارجية",
            "في الدار", "من  هنا", "عن القرار", "عن ال", "xabc", "abc", "bc", "c", "ST", "nD", "\u212A", "k1", "Rd", "é", "É", "E", "",
        ]);
    }

    /// <summary>The program of <paramref name="pattern"/>, run by the machine and as the C# the generator writes, matches as the regex engine does at every start of every text.</summary>
    private static void MatchesAsTheRegexEngine(string pattern, PatternProgramSpec program, IEnumerable<string> texts)
    {
        Pattern machine = Runtime(pattern, program, null);
        Pattern code = Runtime(pattern, program, null, PatternCodeCompiler.Compile(program));
        var anchored = new Regex(@"\G(?:" + pattern + ")", Arabic);
        foreach (string text in texts)
        {
            for (int start = 0; start <= text.Length; start++)
            {
                string expected = Describe(anchored.Match(text, start), program);
                Assert.Equal(expected, Describe(machine.MatchAt(text, start), program));
                Assert.Equal(expected, Describe(code.MatchAt(text, start), program));
            }
        }
    }

    /// <summary>
    /// A loop steps through its first eight chars and takes the rest with a vectorized search (for a
    /// class of listed chars or white space): runs of 7, 8, 9 and 40 chars, forwards and in a
    /// lookbehind, greedy, lazy and bounded, match as the regex engine matches.
    /// </summary>
    [Theory]
    [InlineData(@"\s*x")]
    [InlineData(@"\s+[(«]")]
    [InlineData(@"(?<=\s{3,})y")]
    [InlineData(@"(?<=^[^\n]{0,60})\(")]
    [InlineData(@"[^""\s]+\s")]
    [InlineData(@"a{2,9}b")]
    [InlineData(@"\s{8}x")]
    [InlineData(@"\s*?x")]
    [InlineData(@"\p{L}+\s+\p{L}")]
    public void A_long_run_is_taken_as_the_regex_engine_takes_it(string pattern)
    {
        PatternProgramSpec program = PatternCompiler.Compile(pattern, Arabic) ?? throw new InvalidOperationException(pattern);
        IEnumerable<string> runs = new[] { 0, 1, 7, 8, 9, 40 }.SelectMany(length => new[]
        {
            new string(' ', length), new string('a', length), new string('ع', length), string.Concat(Enumerable.Repeat(" \n", length / 2)),
        });
        MatchesAsTheRegexEngine(pattern, program, runs.SelectMany(run => new[] { run + "x", run + "y", "(" + run, "ab" + run + "(", "\"" + run + " z", run + "«", run + "b" }));
    }

    /// <summary>
    /// Whether the program holds a literal look-up of <paramref name="literals"/> literals: the
    /// instruction, flags, the count, then the literals' starts, rising, and their ranks.
    /// </summary>
    private static bool HasLiteralLookUp(PatternProgramSpec program, int literals)
        => HasLookUp(program, PatternOp.LiteralIn, literals, flags: true, ranks: true);

    /// <summary>
    /// Whether the program holds a word look-up of <paramref name="words"/> words: the instruction,
    /// the count, then the words' starts, rising, the last where the words' chars end.
    /// </summary>
    private static bool HasWordLookUp(PatternProgramSpec program, int words)
        => HasLookUp(program, PatternOp.WordIn, words, flags: false, ranks: false);

    /// <summary>
    /// Whether the program holds the look-up <paramref name="op"/> of <paramref name="count"/> entries:
    /// the instruction, its flags (0 to 3) when it has them, the count, the entries' starts (the first
    /// right after the starts and the ranks, if any), rising.
    /// </summary>
    private static bool HasLookUp(PatternProgramSpec program, PatternOp op, int count, bool flags, bool ranks)
    {
        int[] code = [.. program.Code];
        int header = flags ? 3 : 2;
        for (int i = 0; i + header + count < code.Length; i++)
        {
            if (code[i] != (int)op || (flags && code[i + 1] is < 0 or > 3) || code[i + header - 1] != count
                || code[i + header] != i + header + count + 1 + (ranks ? count : 0))
            {
                continue;
            }

            bool rising = true;
            for (int k = 0; k < count; k++)
            {
                rising &= code[i + header + k] < code[i + header + 1 + k];
            }

            if (rising)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every pattern of the NewsDesk schema as it runs (lexicons expanded): rules' and steps' patterns, then the boilerplate's.</summary>
    internal static List<string> NewsDeskPatterns()
    {
        string schema = System.IO.File.ReadAllText(System.IO.Path.Combine(Repository.Root(), "samples", "NewsDesk", "Schemas", "newsdesk.corpus.yaml"));
        var parsed = CorpusGenerator.Parser.Parse("newsdesk.corpus.yaml", schema, new Model.GeneratorOptions("NewsDesk", string.Empty), default);
        return [.. parsed.Module!.Entities.SelectMany(e => e.Rules)
            .SelectMany(r => r.Steps.Select(s => (s as Model.RegexStep)?.Pattern).Append((r.Body as Model.RegexBody)?.Pattern))
            .OfType<Model.PatternSpec>().Select(p => p.Expanded)
            .Concat(parsed.Module.Document!.Boilerplate.Select(b => b.Pattern.Expanded))];
    }

    /// <summary>The seeds' texts, normalized as NewsDesk normalizes them, in file-name order.</summary>
    internal static string[] NormalizedSeeds()
        => [.. System.IO.Directory.GetFiles(System.IO.Path.Combine(Repository.Root(), "seeds"), "*.txt").Order(StringComparer.Ordinal)
            .Select(f => NormalizedText.Normalize(System.IO.File.ReadAllText(f), TextNormalization.Arabic).Text)];

    internal static Pattern Runtime(string pattern, PatternProgramSpec program, PatternPrefilter? prefilter, PatternCode? compiled = null)
        => new(pattern, prefilter, [.. program.Code], [.. program.Classes], [.. program.Groups], compiled);

    /// <summary>A match and the captures of each named group, as text to compare.</summary>
    private static string Describe(Match match, PatternProgramSpec program)
    {
        if (!match.Success)
        {
            return "none";
        }

        var text = new StringBuilder($"{match.Index}+{match.Length}");
        foreach (string group in program.Groups)
        {
            text.Append($" {group}=[{string.Join(",", match.Groups[group].Captures.Select(c => $"{c.Index}+{c.Length}"))}]");
        }

        return text.ToString();
    }

    internal static string Describe(PatternMatch? match, PatternProgramSpec program)
    {
        if (match is null)
        {
            return "none";
        }

        var text = new StringBuilder($"{match.Index}+{match.Length}");
        foreach (string name in program.Groups)
        {
            PatternGroup group = match.Group(name);
            text.Append($" {name}=[{string.Join(",", Enumerable.Range(0, group.CaptureCount).Select(k => group.Capture(k)).Select(c => $"{c.Index}+{c.Length}"))}]");
        }

        return text.ToString();
    }

    internal static string Escape(string text) => text.Replace("\n", "\\n", StringComparison.Ordinal);
}
