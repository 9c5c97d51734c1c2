using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using CorpusKit.Generators.Patterns;
using Microsoft.CodeAnalysis;

namespace CorpusKit.Generators.Tests;

/// <summary>
/// The memo of the work on patterns (<see cref="PatternMemo"/>): a schema generates the same
/// source and the same diagnostics whatever an earlier run left in it, and it never holds more
/// than its bound. Not run beside other tests, which would add to it while it is counted.
/// </summary>
[Collection(nameof(PatternMemoTests))]
[CollectionDefinition(nameof(PatternMemoTests), DisableParallelization = true)]
public sealed class PatternMemoTests
{
    private const string Schema = """
        normalize: arabic
        entities:
          Official:
            fields: { name: string }
            rules:
              - id: titled
                regex: 'الوزير (?<name>\p{L}+(?:\s+\p{L}+)?)'
              - id: envoy
                sequence:
                  - { terms: [المبعوث] }
                  - { regex: '(?<name>\p{L}+)' }
        """;

    /// <summary>The same patterns, under other rule names, in an entity whose class nests them at the same depth.</summary>
    private const string Other = """
        normalize: arabic
        entities:
          Envoy:
            fields: { name: string }
            rules:
              - id: called
                regex: 'الوزير (?<name>\p{L}+(?:\s+\p{L}+)?)'
              - id: sent
                sequence:
                  - { terms: [السفير] }
                  - { regex: '(?<name>\p{L}+)' }
        """;

    [Fact]
    public void A_schema_generates_the_same_source_from_an_empty_memo_and_from_one_another_schema_filled()
    {
        PatternMemo.Clear();
        string cold = Sources(GeneratorHarness.Yaml("officials.corpus.yaml", Schema));
        Assert.Contains("private static int Titled_Code(", cold, StringComparison.Ordinal);

        PatternMemo.Clear();
        string otherCold = Sources(GeneratorHarness.Yaml("envoys.corpus.yaml", Other));
        string warm = Sources(GeneratorHarness.Yaml("officials.corpus.yaml", Schema));
        Assert.Equal(cold, warm);
        Assert.Equal(otherCold, Sources(GeneratorHarness.Yaml("envoys.corpus.yaml", Other)));
        Assert.Contains("private static int Called_Code(", otherCold, StringComparison.Ordinal);
        Assert.DoesNotContain("Titled_Code", otherCold, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refused_pattern_is_reported_at_its_own_line_each_time_the_memo_answers()
    {
        PatternMemo.Clear();
        const string Broken = "normalize: arabic\nentities:\n  Official:\n    fields: { name: string }\n    rules:\n      - { id: titled, regex: 'الوزير (?<name>\\p{L}+' }\n";
        string first = GeneratorHarness.Describe(GeneratorHarness.Run(GeneratorHarness.Yaml("a.corpus.yaml", Broken)).Result.Diagnostics);
        string moved = GeneratorHarness.Describe(GeneratorHarness.Run(GeneratorHarness.Yaml("b.corpus.yaml", "\n\n" + Broken)).Result.Diagnostics);
        Assert.StartsWith("CK0006 Error a.corpus.yaml(6,", first, StringComparison.Ordinal);
        Assert.StartsWith("CK0006 Error b.corpus.yaml(8,", moved, StringComparison.Ordinal);
        Assert.Equal(first[first.IndexOf(':', StringComparison.Ordinal)..], moved[moved.IndexOf(':', StringComparison.Ordinal)..]);
    }

    [Fact]
    public void The_memo_holds_its_capacity_and_starts_again_empty_at_one_more()
    {
        PatternMemo.Clear();
        for (int i = 0; i < PatternMemo.Capacity; i++)
        {
            Assert.NotNull(PatternMemo.Check("a" + i, RegexOptions.None, TimeSpan.FromSeconds(1)).Groups);
        }

        Assert.Equal(PatternMemo.Capacity, PatternMemo.CheckedCount);
        Assert.NotNull(PatternMemo.Check("a0", RegexOptions.None, TimeSpan.FromSeconds(1)).Groups); // a hit adds nothing
        Assert.Equal(PatternMemo.Capacity, PatternMemo.CheckedCount);
        Assert.Equal(["n"], PatternMemo.Check("(?<n>b)", RegexOptions.None, TimeSpan.FromSeconds(1)).Groups!);
        Assert.Equal(1, PatternMemo.CheckedCount);
        Assert.Contains("Not enough )", PatternMemo.Check("(b", RegexOptions.None, TimeSpan.FromSeconds(1)).Error, StringComparison.Ordinal);
        Assert.Equal(2, PatternMemo.CheckedCount);
    }

    private static string Sources(GeneratorHarness.InMemoryText file)
    {
        (GeneratorDriverRunResult result, _) = GeneratorHarness.Run(file);
        Assert.Empty(result.Diagnostics);
        return string.Join("\n", GeneratorHarness.Sources(result).Select(s => s.Value));
    }
}
