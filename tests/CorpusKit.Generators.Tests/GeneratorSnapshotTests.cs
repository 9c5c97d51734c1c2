using System.Linq;
using CorpusKit.Testing;
using Microsoft.CodeAnalysis;

namespace CorpusKit.Generators.Tests;

public sealed class GeneratorSnapshotTests
{
    [Fact]
    public void Diplomacy()
    {
        (GeneratorDriverRunResult result, Compilation output) = GeneratorHarness.Run(GeneratorHarness.SchemaFile("diplomacy.corpus.yaml"));

        Snapshot.VerifyAll(GeneratorHarness.Sources(result), "cs");
        Snapshot.Verify(GeneratorHarness.Describe(result.Diagnostics), "txt", "diagnostics");

        // What the generator wrote compiles, without a warning.
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(GeneratorHarness.Describe));
    }

    [Fact]
    public void Every_verified_snapshot_of_this_project_belongs_to_a_test()
        => Assert.Empty(Snapshot.FindOrphans(
            System.IO.Path.GetDirectoryName(ThisFile())!,
            typeof(GeneratorSnapshotTests).Assembly.GetTypes()));

    private static string ThisFile([System.Runtime.CompilerServices.CallerFilePath] string path = "") => path;
}
