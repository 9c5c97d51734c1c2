using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using CorpusKit.CompilerServices;
using CorpusKit.Generators.Patterns;
using CsCheck;

namespace CorpusKit.Generators.Tests;

/// <summary>
/// The C# the generator writes for a pattern's program (<see cref="PatternCodeWriter"/>) against
/// the machine that interprets the same program: the same match and the same captures at every
/// start, on generated patterns over generated text and on the NewsDesk schema's patterns over the
/// seeds; compiled without a warning; stopped by the clock as the machine is.
/// </summary>
public sealed class PatternCodeTests
{
    [Fact]
    public void The_code_matches_as_the_machine_on_generated_patterns()
    {
        var cases = new List<(string Pattern, string Text, PatternProgramSpec Program)>();
        PatternMachineTests.s_patterns.Select(PatternMachineTests.s_texts, Gen.Bool).Sample((pattern, text, ignoreCase) =>
        {
            RegexOptions options = ignoreCase ? PatternMachineTests.Arabic : RegexOptions.CultureInvariant;
            try
            {
                _ = new Regex(pattern, options);
            }
            catch (ArgumentException)
            {
                return;
            }

            if (PatternCompiler.Compile(pattern, options) is { } program)
            {
                cases.Add((pattern, text, program));
            }
        }, iter: 2500, threads: 1);

        PatternCode[] code = PatternCodeCompiler.Compile([.. cases.Select(c => c.Program)]);
        for (int i = 0; i < cases.Count; i++)
        {
            (string pattern, string text, PatternProgramSpec program) = cases[i];
            Pattern machine = PatternMachineTests.Runtime(pattern, program, null);
            Pattern compiled = PatternMachineTests.Runtime(pattern, program, null, code[i]);
            for (int start = 0; start <= text.Length; start++)
            {
                string expected = PatternMachineTests.Describe(machine.MatchAt(text, start), program);
                string actual = PatternMachineTests.Describe(compiled.MatchAt(text, start), program);
                Assert.True(expected == actual, $"pattern {pattern} on \"{PatternMachineTests.Escape(text)}\" at {start}: the machine found {expected}, the code {actual}");
            }
        }

        Assert.True(cases.Count > 1500, $"only {cases.Count} of the generated patterns compiled");
    }

    [Fact]
    public void The_newsdesk_patterns_as_code_match_as_the_machine_on_the_seeds()
    {
        List<string> patterns = PatternMachineTests.NewsDeskPatterns();
        string[] seeds = PatternMachineTests.NormalizedSeeds();
        List<PatternProgramSpec> programs = [.. patterns.Select(p => PatternCompiler.Compile(p, PatternMachineTests.Arabic) ?? throw new InvalidOperationException($"{p} did not compile"))];
        PatternCode[] code = PatternCodeCompiler.Compile(programs);
        int found = 0;
        for (int i = 0; i < patterns.Count; i++)
        {
            Pattern machine = PatternMachineTests.Runtime(patterns[i], programs[i], null);
            Pattern compiled = PatternMachineTests.Runtime(patterns[i], programs[i], null, code[i]);
            foreach (string text in seeds)
            {
                for (int start = 0; start <= text.Length; start++)
                {
                    PatternMatch? expected = machine.MatchAt(text, start);
                    Assert.Equal(PatternMachineTests.Describe(expected, programs[i]), PatternMachineTests.Describe(compiled.MatchAt(text, start), programs[i]));
                    found += expected is null ? 0 : 1;
                }
            }
        }

        Assert.True(found > 1000, $"only {found} matches on the seeds");
    }

    [Fact]
    public void A_runaway_match_as_code_times_out_as_on_the_machine()
    {
        const string Risky = "(?:a|aa)+b";
        PatternProgramSpec program = PatternCompiler.Compile(Risky, RegexOptions.None)!;
        Pattern compiled = PatternMachineTests.Runtime(Risky, program, null, PatternCodeCompiler.Compile(program));
        Assert.Throws<RegexMatchTimeoutException>(() => compiled.MatchAt(new string('a', 60), 0));
        Assert.Equal("aab", compiled.MatchAt("aab", 0)?.Value);
    }

    /// <summary>
    /// A block longer than <see cref="PatternCodeWriter.MaxBlockInstructions"/> stays on the machine:
    /// a long lookaround's block is run by the machine from the C# of a short pattern, which still
    /// matches as the machine does (its captures kept by a positive lookaround); a long main block
    /// leaves the whole pattern on the machine. One alternative fewer is short enough to be written.
    /// </summary>
    [Fact]
    public void A_long_block_runs_on_the_machine_and_matches_the_same()
    {
        string letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي";
        string Alternatives(int count) => "(?<d>(?:" + string.Join("|", letters.Take(count).Select(c => c + @"\d")) + "))";
        int fits = Enumerable.Range(3, letters.Length - 3).Last(n => Instructions(Alternatives(n)) <= PatternCodeWriter.MaxBlockInstructions);
        Assert.True(fits < letters.Length, "the letters do not make a block long enough");
        string shortLook = "(?=" + Alternatives(fits) + @")\w+";
        string longLook = "(?=" + Alternatives(fits + 1) + @")\w+";
        Assert.True(PatternCodeWriter.IsWritten(PatternCompiler.Compile(Alternatives(fits), PatternMachineTests.Arabic)!));
        Assert.False(PatternCodeWriter.IsWritten(PatternCompiler.Compile(Alternatives(fits + 1), PatternMachineTests.Arabic)!));

        PatternProgramSpec[] programs = [PatternCompiler.Compile(shortLook, PatternMachineTests.Arabic)!, PatternCompiler.Compile(longLook, PatternMachineTests.Arabic)!];
        Assert.All(programs, program => Assert.True(PatternCodeWriter.IsWritten(program)));
        var w = new SourceWriter();
        PatternCodeWriter.Write(w, "Short", "a pattern", programs[0]);
        Assert.DoesNotContain("machine.Look(text, ", w.ToString(), StringComparison.Ordinal);
        Assert.Contains("Short_Look1(machine, text, position)", w.ToString(), StringComparison.Ordinal);
        w = new SourceWriter();
        PatternCodeWriter.Write(w, "Long", "a pattern", programs[1]);
        Assert.Contains("machine.Look(text, ", w.ToString(), StringComparison.Ordinal);

        PatternCode[] code = PatternCodeCompiler.Compile(programs);
        string[] texts = ["ب5 س", "ي7", "ث9ز", "عa", "", "ز1", letters[fits] + "2", letters[fits - 1] + "3"];
        for (int i = 0; i < programs.Length; i++)
        {
            string pattern = i == 0 ? shortLook : longLook;
            Pattern machine = PatternMachineTests.Runtime(pattern, programs[i], null);
            Pattern compiled = PatternMachineTests.Runtime(pattern, programs[i], null, code[i]);
            var regex = new Regex(@"\G(?:" + pattern + ")", PatternMachineTests.Arabic);
            foreach (string text in texts)
            {
                for (int start = 0; start <= text.Length; start++)
                {
                    Match expected = regex.Match(text, start);
                    string expectedText = expected.Success ? $"{expected.Index}+{expected.Length} d=[{string.Join(",", expected.Groups["d"].Captures.Select(c => $"{c.Index}+{c.Length}"))}]" : "none";
                    Assert.Equal(expectedText, PatternMachineTests.Describe(machine.MatchAt(text, start), programs[i]));
                    Assert.Equal(expectedText, PatternMachineTests.Describe(compiled.MatchAt(text, start), programs[i]));
                }
            }
        }

        static int Instructions(string pattern) => PatternCodeWriter.MainInstructions(PatternCompiler.Compile(pattern, PatternMachineTests.Arabic)!);
    }

    /// <summary>
    /// The C# of a program reads as the pattern: a char compared with a literal, a class of ranges
    /// and white space written as an expression, a class of categories asked of the table, a loop
    /// that gives back leaving a frame to resume at, a lookbehind as a method of its own; the same
    /// program writes the same text.
    /// </summary>
    [Fact]
    public void The_code_of_a_program_is_the_pattern_step_by_step()
    {
        const string Pattern = @"(?<=\s)ع[ا-ي_]+\p{L}*(?:x|:)(?<n>\d)";
        PatternProgramSpec program = PatternCompiler.Compile(Pattern, PatternMachineTests.Arabic)!;
        string code = Write(program);
        Assert.Equal(code, Write(program));
        Assert.Contains("text[position] != 'ع'", code, StringComparison.Ordinal);
        Assert.Contains("private static bool Rule_Class", code, StringComparison.Ordinal);
        Assert.Contains("c is '_' or (>= 'ا' and <= 'ي')", code, StringComparison.Ordinal);
        Assert.Contains("machine.InClass(", code, StringComparison.Ordinal);
        Assert.Contains("machine.PushGreedy(", code, StringComparison.Ordinal);
        Assert.Contains("private static int Rule_Look1(", code, StringComparison.Ordinal);
        Assert.Contains("char.IsWhiteSpace(c)", code, StringComparison.Ordinal);
        Assert.Contains("machine.Open(0, position);", code, StringComparison.Ordinal);
        Assert.Contains("switch (pc)", code, StringComparison.Ordinal);

        static string Write(PatternProgramSpec program)
        {
            var w = new SourceWriter();
            PatternCodeWriter.Write(w, "Rule", "the pattern of rule x", program);
            return w.ToString();
        }
    }
}
