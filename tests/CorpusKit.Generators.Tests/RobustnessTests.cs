using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace CorpusKit.Generators.Tests;

/// <summary>Hundreds of mangled schemas: each gives diagnostics, none makes the generator throw.</summary>
public sealed class RobustnessTests
{
    [Fact]
    public void Mangled_schemas_give_diagnostics_never_exceptions()
    {
        string schema = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schemas", "diplomacy.corpus.yaml"));
        List<string> inputs = Mangle(schema, new Random(20261123), step: 7, lineStep: 1).ToList();
        Assert.True(inputs.Count >= 400, $"only {inputs.Count} inputs");
        AssertRobust(inputs);
    }

    [Fact]
    public void The_mangled_newsdesk_schema_gives_diagnostics_never_exceptions()
    {
        // The sample's schema: sequences, nearest(), outside:, documents with where:, examples.
        string schema = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schemas", "newsdesk.corpus.yaml"));
        List<string> inputs = Mangle(schema, new Random(20261124), step: 151, lineStep: 3).ToList();
        Assert.True(inputs.Count >= 400, $"only {inputs.Count} inputs");
        AssertRobust(inputs);
    }

    private static void AssertRobust(List<string> inputs)
    {

        int withDiagnostics = 0;
        foreach (string input in inputs)
        {
            GeneratorDriver driver = GeneratorHarness.Driver(GeneratorHarness.Yaml("mangled.corpus.yaml", input))
                .RunGeneratorsAndUpdateCompilation(GeneratorHarness.Compilation(), out Compilation output, out _);
            GeneratorDriverRunResult result = driver.GetRunResult();
            Assert.All(result.Results, r => Assert.Null(r.Exception));
            Assert.DoesNotContain(result.Diagnostics, d => d.Id is "CK9999" or "CS8785");
            Assert.All(result.Diagnostics.Where(d => d.Location != Location.None), d =>
                Assert.InRange(d.Location.SourceSpan.End, 0, input.Length));
            if (result.Diagnostics.Length > 0)
            {
                withDiagnostics++;
            }

            // Whatever the generator chose to emit compiles: broken pieces are left out, not half-written.
            Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree?.FilePath.Contains("CorpusKit.Generators", StringComparison.Ordinal) == true).Select(GeneratorHarness.Describe));
        }

        Assert.True(withDiagnostics > inputs.Count / 2, $"only {withDiagnostics} of {inputs.Count} mangled inputs gave a diagnostic");
    }

    private static IEnumerable<string> Mangle(string schema, Random random, int step, int lineStep)
    {
        string[] lines = schema.Split('\n');

        // Truncations at every step-th char.
        for (int cut = 0; cut < schema.Length; cut += step)
        {
            yield return schema[..cut];
        }

        // Wrong indentation: one line shifted left or right.
        for (int i = 0; i < lines.Length; i += lineStep)
        {
            string[] copy = (string[])lines.Clone();
            copy[i] = i % 2 == 0 ? "  " + copy[i] : copy[i].TrimStart();
            yield return string.Join('\n', copy);
        }

        // Wrong types: a scalar, a list or a mapping where another kind belongs.
        string[] replacements = ["42", "[]", "{}", "[a, b]", "{ a: b }", "~", "'text'", "- x", "true", "*anchor", "&a x", "!!binary AAAA"];
        for (int i = 0; i < lines.Length; i += lineStep)
        {
            int colon = lines[i].IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                yield return string.Join('\n', lines.Take(i).Append(lines[i][..(colon + 1)] + " " + replacements[i % replacements.Length]).Concat(lines.Skip(i + 1)));
            }
        }

        // Random bytes, as text.
        for (int i = 0; i < 60; i++)
        {
            byte[] bytes = new byte[random.Next(1, 400)];
            random.NextBytes(bytes);
            yield return Encoding.UTF8.GetString(bytes);
        }

        // Random byte flips inside the schema.
        for (int i = 0; i < 60; i++)
        {
            char[] chars = schema.ToCharArray();
            for (int k = 0; k < 5; k++)
            {
                const string Syntax = "{}[]:-'\"\t\n#&*!|>%@`,?";
                chars[random.Next(chars.Length)] = Syntax[random.Next(Syntax.Length)];
            }

            yield return new string(chars);
        }

        // Huge values.
        yield return "doc: " + new string('x', 1_000_000) + "\nentities: {}\n";
        yield return "entities:\n  P:\n    fields: { id: string }\n    rules:\n      - terms: [" + string.Join(", ", Enumerable.Range(0, 20_000).Select(n => "w" + n)) + "]\n";
        yield return "entities:\n  P:\n    fields: { id: string }\n    rules:\n      - regex: '" + new string('(', 5000) + "'\n";
        yield return new string('[', 10_000);
        yield return new string('-', 1) + string.Concat(Enumerable.Repeat("\n  - ", 2000));
        yield return "a: &a [*a]\n";
        yield return "entities:\n  P:\n    fields: { id: string }\n    rules:\n      - regex: '(?<id>(a+)+)b'\n";
    }
}
