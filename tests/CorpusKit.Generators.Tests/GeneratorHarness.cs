using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Basic.Reference.Assemblies;
using CorpusKit.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CorpusKit.Generators.Tests;

/// <summary>Runs the generator in memory over YAML files, as the compiler does in a build.</summary>
internal static class GeneratorHarness
{
    public const string ProjectDirectory = "/project/";

    public static CSharpCompilation Compilation(string source = "")
        => CSharpCompilation.Create(
            "Consumer",
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: "Program.cs")],
            [.. Net100.References.All, MetadataReference.CreateFromFile(typeof(CorpusKit.TextSpan).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver Driver(params InMemoryText[] files)
        => CSharpGeneratorDriver.Create(
            [new CorpusGenerator().AsSourceGenerator()],
            files,
            new CSharpParseOptions(LanguageVersion.Latest),
            new OptionsProvider(new Dictionary<string, string>
            {
                ["build_property.RootNamespace"] = "Consumer",
                ["build_property.ProjectDir"] = ProjectDirectory,
            }),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static InMemoryText Yaml(string relativePath, string text) => new(ProjectDirectory + relativePath, text);

    public static InMemoryText SchemaFile(string name)
        => Yaml("Schemas/" + name, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schemas", name)));

    /// <summary>Runs the generator once and checks it did not throw.</summary>
    public static (GeneratorDriverRunResult Result, Compilation Output) Run(params InMemoryText[] files)
    {
        GeneratorDriver driver = Driver(files).RunGeneratorsAndUpdateCompilation(Compilation(), out Compilation output, out _);
        GeneratorDriverRunResult result = driver.GetRunResult();
        Assert.All(result.Results, r => Assert.Null(r.Exception));
        return (result, output);
    }

    /// <summary>The diagnostics of a run as lines: <c>CK0006 Error schema.corpus.yaml(3,12): message</c>.</summary>
    public static string Describe(IEnumerable<Diagnostic> diagnostics)
        => string.Join("\n", diagnostics
            .OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .Select(Describe)) + "\n";

    public static string Describe(Diagnostic diagnostic)
    {
        FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
        string where = diagnostic.Location == Location.None
            ? "(no location)"
            : $"{span.Path.Replace(ProjectDirectory, string.Empty, StringComparison.Ordinal)}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1})";
        return $"{diagnostic.Id} {diagnostic.Severity} {where}: {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
    }

    /// <summary>Generated sources with the generator's version scrubbed, keyed by hint name.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Sources(GeneratorDriverRunResult result)
        => result.Results.SelectMany(r => r.GeneratedSources)
            .OrderBy(s => s.HintName, StringComparer.Ordinal)
            .Select(s => new KeyValuePair<string, string>(
                s.HintName,
                "//HintName: " + s.HintName + "\n" + Scrub(s.SourceText.ToString())));

    public static string Scrub(string source)
        => source.Replace(
            $"\"CorpusKit.Generators\", \"{typeof(CorpusGenerator).Assembly.GetName().Version}\"",
            "\"CorpusKit.Generators\", \"{version}\"",
            StringComparison.Ordinal);

    internal sealed class InMemoryText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class OptionsProvider(Dictionary<string, string> global) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(global);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options([]);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Options([]);

        private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, out string value)
            {
                bool found = values.TryGetValue(key, out string? result);
                value = result ?? string.Empty;
                return found;
            }
        }
    }
}
