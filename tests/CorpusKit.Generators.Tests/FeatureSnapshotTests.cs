using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using CorpusKit.CompilerServices;
using CorpusKit.Testing;
using Microsoft.CodeAnalysis;

namespace CorpusKit.Generators.Tests;

/// <summary>
/// One small schema per language feature (<c>Schemas/features/</c>), as Mapperly keeps its
/// snapshots: what the generator writes for each, verified; that it compiles without a warning;
/// and that the schema's examples hold when the compiled code runs.
/// </summary>
public sealed class FeatureSnapshotTests
{
    [Fact]
    public void Terms() => Feature("terms.corpus.yaml");

    [Fact]
    public void TypedFields() => Feature("typed-fields.corpus.yaml");

    [Fact]
    public void Sequences() => Feature("sequences.corpus.yaml");

    [Fact]
    public void Nearest() => Feature("nearest.corpus.yaml");

    [Fact]
    public void Documents() => Feature("documents.corpus.yaml");

    [Fact]
    public void PlainText() => Feature("plain-text.corpus.yaml");

    [Fact]
    public void Spans() => Feature("spans.corpus.yaml");

    [Fact]
    public void Builtins() => Feature("builtins.corpus.yaml");

    [Fact]
    public void Speakers() => Feature("speakers.corpus.yaml");

    [Fact]
    public void FileLexicons() => Feature("file-lexicons.corpus.yaml");

    [Fact]
    public void Repeats() => Feature("repeats.corpus.yaml");

    [Fact]
    public void Unless() => Feature("unless.corpus.yaml");

    [Fact]
    public void Written() => Feature("written.corpus.yaml");

    private static void Feature(string schema, [CallerFilePath] string sourceFile = "", [CallerMemberName] string method = "")
    {
        // The schema, and the lexicon files the features keep beside them (as the package's build files add every *.tsv and *.csv).
        GeneratorHarness.InMemoryText[] lexicons = [.. Directory.GetFiles(Path.Combine(System.AppContext.BaseDirectory, "Schemas", "features", "lexicons"))
            .Order(System.StringComparer.Ordinal)
            .Select(file => GeneratorHarness.Yaml("Schemas/features/lexicons/" + Path.GetFileName(file), File.ReadAllText(file)))];
        (GeneratorDriverRunResult result, Compilation output) = GeneratorHarness.Run([GeneratorHarness.SchemaFile("features/" + schema), .. lexicons]);

        // Clean but for CK0031, advice on where a pattern is tried, which these schemas (each showing
        // what a feature does) do not aim at: typed-fields' day words begin with ا as often as not.
        Assert.Empty(result.Diagnostics.Where(d => d.Id != "CK0031").Select(GeneratorHarness.Describe));
        Snapshot.VerifyAll(GeneratorHarness.Sources(result), "cs", sourceFile, method);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(GeneratorHarness.Describe));

        // The compiled schema runs: every example beside its rules holds.
        using var image = new MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult emitted = output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        var context = new AssemblyLoadContext(schema, isCollectible: true);
        try
        {
            image.Position = 0;
            Assembly assembly = context.LoadFromStream(image);
            foreach (System.Type corpus in assembly.GetTypes().Where(t => t.Name.EndsWith("Corpus", System.StringComparison.Ordinal)))
            {
                if (corpus.GetProperty("Examples", BindingFlags.Static | BindingFlags.NonPublic)?.GetValue(null) is System.Collections.Generic.IReadOnlyList<RuleExample> examples)
                {
                    string[] failures = [.. examples.Select(e => e.Check()).OfType<string>()];
                    Assert.True(failures.Length == 0, string.Join("\n", failures));
                }
            }
        }
        finally
        {
            context.Unload();
        }
    }
}
