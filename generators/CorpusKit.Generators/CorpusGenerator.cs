using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using CorpusKit.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CorpusKit.Generators;

/// <summary>
/// Compiles <c>*.corpus.yaml</c> schemas into typed entity records, extractors and corpus classes.
/// </summary>
/// <remarks>
/// The pipeline: additional files ending in <c>.corpus.yaml</c> -> parse each into an equatable
/// spec -> link the specs (references between entities, across files) -> one source per entity
/// and per corpus. Diagnostics flow through outputs of their own, so a changed message never
/// re-emits source.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed partial class CorpusGenerator : IIncrementalGenerator
{
    /// <summary>The file suffix of a schema.</summary>
    public const string SchemaSuffix = ".corpus.yaml";

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValueProvider<GeneratorOptions> options = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => ReadOptions(provider.GlobalOptions))
            .WithTrackingName(TrackingNames.Options);

        IncrementalValuesProvider<ParseResult> parsed = context.AdditionalTextsProvider
            .Where(static file => file.Path.EndsWith(SchemaSuffix, StringComparison.OrdinalIgnoreCase))
            .WithTrackingName(TrackingNames.SchemaFiles)
            .Combine(options)
            .Select(static (input, cancellationToken) => Parse(input.Left, input.Right, cancellationToken))
            .WithTrackingName(TrackingNames.Parse);

        // The lexicons schemas keep in files: every TSV or CSV additional file, by its full path.
        IncrementalValueProvider<ImmutableArray<LexiconText>> lexiconTexts = context.AdditionalTextsProvider
            .Where(static file => file.Path.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase) || file.Path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            .Select(static (file, cancellationToken) => new LexiconText(Parser.NormalizePath(file.Path), file.GetText(cancellationToken)?.ToString() ?? string.Empty))
            .WithTrackingName(TrackingNames.LexiconFiles)
            .Collect();

        IncrementalValuesProvider<ParseResult> loaded = parsed
            .Combine(lexiconTexts)
            .Select(static (input, _) => LexiconFiles.Load(input.Left, input.Right))
            .WithTrackingName(TrackingNames.LoadLexicons);

        IncrementalValueProvider<LinkResult> linked = loaded
            .Select(static (result, _) => result.Module)
            .Collect()
            .Select(static (modules, _) => Linker.Link(modules))
            .WithTrackingName(TrackingNames.Link);

        IncrementalValuesProvider<ModuleSpec> modules = linked
            .SelectMany(static (result, _) => result.Modules)
            .WithTrackingName(TrackingNames.Modules);

        context.RegisterSourceOutput(modules, static (context, module) => Emit(context, module));

        IncrementalValuesProvider<UnionSpec> unions = linked
            .SelectMany(static (result, _) => result.Unions)
            .WithTrackingName(TrackingNames.Unions);
        context.RegisterSourceOutput(unions, static (context, union) =>
        {
            (string hintName, string source) = Emitter.EmitUnion(union);
            context.AddSource(hintName, SourceText.From(source, System.Text.Encoding.UTF8));
        });

        context.RegisterSourceOutput(
            loaded.Select(static (result, _) => result.Diagnostics).WithTrackingName(TrackingNames.ParseDiagnostics),
            static (context, diagnostics) => Report(context, diagnostics));
        context.RegisterSourceOutput(
            linked.Select(static (result, _) => result.Diagnostics).WithTrackingName(TrackingNames.LinkDiagnostics),
            static (context, diagnostics) => Report(context, diagnostics));
    }

    private static GeneratorOptions ReadOptions(AnalyzerConfigOptions options)
    {
        string rootNamespace = options.TryGetValue("build_property.RootNamespace", out string? ns) && !string.IsNullOrWhiteSpace(ns) && Names.IsNamespace(ns.Trim())
            ? ns.Trim()
            : "CorpusKit.Generated";
        string projectDirectory = options.TryGetValue("build_property.ProjectDir", out string? directory) && directory is not null
            ? directory
            : string.Empty;
        return new GeneratorOptions(rootNamespace, projectDirectory);
    }

    private static ParseResult Parse(AdditionalText file, GeneratorOptions options, System.Threading.CancellationToken cancellationToken)
    {
        SourceText? text = file.GetText(cancellationToken);
        if (text is null)
        {
            return new ParseResult(null, new[]
            {
                DiagnosticInfo.Create(DiagnosticDescriptors.YamlSyntax, new LocationInfo(file.Path, 0, 0, 0, 0, 0, 0), "the file could not be read"),
            }.ToEquatable());
        }

        return Parser.Parse(file.Path, text.ToString(), options, cancellationToken);
    }

    private static void Emit(SourceProductionContext context, ModuleSpec module)
    {
        List<(string HintName, string Source)> files;
        List<DiagnosticInfo> diagnostics;
        try
        {
            (files, diagnostics) = Emitter.Emit(module);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The boundary: report, never crash the build with CS8785.
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.InternalError,
                Location.None,
                module.RelativePath,
                exception.GetType().Name + ": " + exception.Message));
            return;
        }

        foreach ((string hintName, string source) in files)
        {
            context.AddSource(hintName, SourceText.From(source, System.Text.Encoding.UTF8));
        }

        foreach (DiagnosticInfo diagnostic in diagnostics)
        {
            context.ReportDiagnostic(diagnostic.ToDiagnostic());
        }
    }

    private static void Report(SourceProductionContext context, ImmutableEquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (DiagnosticInfo diagnostic in diagnostics)
        {
            context.ReportDiagnostic(diagnostic.ToDiagnostic());
        }
    }
}
