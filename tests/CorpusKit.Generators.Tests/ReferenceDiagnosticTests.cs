using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace CorpusKit.Generators.Tests;

/// <summary>
/// The schema reference documents every diagnostic with a schema that raises it and the same
/// schema fixed; each pair is run here, so the reference cannot drift from the generator. Every
/// id is also in the analyzer release files.
/// </summary>
public sealed partial class ReferenceDiagnosticTests
{
    private static readonly string s_reference = File.ReadAllText(Path.Combine(Repository.Root(), "src", "CorpusKit", "schema", "README.md"));

    public static TheoryData<string> Ids() => [.. DiagnosticDescriptors.All.Select(d => d.Id).Where(id => id != "CK9999")];

    [Theory]
    [MemberData(nameof(Ids))]
    public void The_bad_example_raises_the_id_and_the_fixed_one_builds_clean(string id)
    {
        Match section = Regex.Match(s_reference, $@"^### {id} [^\n]+\n(?<body>.*?)(?=^#{{2,3}} |\z)", RegexOptions.Multiline | RegexOptions.Singleline);
        Assert.True(section.Success, $"The reference has no section '### {id} …'.");
        string bad = Example(section.Groups["body"].Value, "bad", id);
        string fixedSchema = Example(section.Groups["body"].Value, "fixed", id);

        (GeneratorDriverRunResult badRun, _) = GeneratorHarness.Run([GeneratorHarness.Yaml("example.corpus.yaml", bad), .. Files(section.Groups["body"].Value, "bad")]);
        (GeneratorDriverRunResult fixedRun, Compilation output) = GeneratorHarness.Run([GeneratorHarness.Yaml("example.corpus.yaml", fixedSchema), .. Files(section.Groups["body"].Value, "fixed")]);

        Assert.True(badRun.Diagnostics.Any(d => d.Id == id), $"{id}: the bad example reports {GeneratorHarness.Describe(badRun.Diagnostics)}");
        Assert.True(fixedRun.Diagnostics.IsEmpty, $"{id}: the fixed example reports {GeneratorHarness.Describe(fixedRun.Diagnostics)}");
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void Every_id_is_in_the_reference_table_and_the_release_files()
    {
        string releases = string.Concat(
            new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" }
                .Select(name => File.ReadAllText(Path.Combine(Repository.Root(), "generators", "CorpusKit.Generators", name))));
        foreach (DiagnosticDescriptor descriptor in DiagnosticDescriptors.All)
        {
            Assert.Contains($"| {descriptor.Id} |", s_reference);
            Assert.Matches($@"(?m)^{descriptor.Id} \| CorpusKit \| {descriptor.DefaultSeverity} \| ", releases);
        }
    }

    /// <summary>
    /// The lexicon files beside an example: blocks of <c>tsv</c> or <c>csv</c> whose first line is
    /// <c># lexicons/x.tsv, beside the bad example</c> (a comment line to the lexicon reader too).
    /// </summary>
    private static IEnumerable<GeneratorHarness.InMemoryText> Files(string section, string kind)
        => Regex.Matches(section, $@"```(?:tsv|csv)\n# (?<path>\S+), beside the {kind} example\n(?<text>.*?)```", RegexOptions.Singleline)
            .Select(m => GeneratorHarness.Yaml(m.Groups["path"].Value, m.Value[(m.Value.IndexOf('\n') + 1)..^3]));

    /// <summary>The YAML of the section's block that begins <c># bad</c> or <c># fixed</c>.</summary>
    private static string Example(string section, string kind, string id)
    {
        Match block = Regex.Match(section, $@"```yaml\n# {kind}\n(?<yaml>.*?)```", RegexOptions.Singleline);
        Assert.True(block.Success, $"{id}: no '# {kind}' yaml block in the reference.");
        return block.Groups["yaml"].Value;
    }
}
