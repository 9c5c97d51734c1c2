using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace CorpusKit.Generators.Tests;

/// <summary>The pipeline caches: unchanged input re-emits nothing, and one file's edit touches only its outputs.</summary>
public sealed class CachingTests
{
    private static readonly string[] s_steps = typeof(CorpusGenerator).Assembly
        .GetType("CorpusKit.Generators.TrackingNames")!
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToArray();

    private static GeneratorHarness.InMemoryText Places(string extra = "")
        => GeneratorHarness.Yaml("places.corpus.yaml", "normalize: arabic\nentities:\n  Place:\n    fields: { id: string }\n    rules: [ { id: known, terms: [روسيا, مصر" + extra + "] } ]\n");

    private static GeneratorHarness.InMemoryText People()
        => GeneratorHarness.Yaml("people.corpus.yaml", "normalize: arabic\nentities:\n  Person:\n    fields: { name: string }\n    rules: [ { id: known, terms: [بوتين, لافروف] } ]\n");

    [Fact]
    public void A_second_run_and_an_unrelated_edit_are_cached()
    {
        CSharpCompilation compilation = GeneratorHarness.Compilation("class A {}");
        GeneratorDriver driver = GeneratorHarness.Driver(Places(), People()).RunGenerators(compilation);
        GeneratorRunResult first = driver.GetRunResult().Results.Single();
        AssertNoForbiddenTypes(first);

        driver = driver.RunGenerators(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class B {}")));
        GeneratorRunResult second = driver.GetRunResult().Results.Single();

        Assert.Null(second.Exception);
        foreach (string step in s_steps)
        {
            foreach (IncrementalGeneratorRunStep run in Steps(second, step))
            {
                Assert.All(run.Outputs, output => Assert.True(
                    output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                    $"{step} was {output.Reason}"));
            }
        }
    }

    [Fact]
    public void Editing_one_file_modifies_only_its_outputs()
    {
        GeneratorHarness.InMemoryText places = Places();
        CSharpCompilation compilation = GeneratorHarness.Compilation();
        GeneratorDriver driver = GeneratorHarness.Driver(places, People()).RunGenerators(compilation);

        driver = driver.ReplaceAdditionalText(places, Places(", بيلاروسيا")).RunGenerators(compilation);
        GeneratorRunResult result = driver.GetRunResult().Results.Single();

        Assert.Null(result.Exception);
        var modules = Steps(result, "Modules").SelectMany(s => s.Outputs).ToList();
        Assert.Equal(2, modules.Count);
        Assert.Single(modules, o => o.Reason == IncrementalStepRunReason.Modified && o.Value.ToString()!.Contains("places.corpus.yaml", StringComparison.Ordinal));
        Assert.Single(modules, o => o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged && o.Value.ToString()!.Contains("people.corpus.yaml", StringComparison.Ordinal));
        Assert.Contains("the inline terms of rule <c>known</c> of Place: 3 form(s)", result.GeneratedSources.Single(s => s.HintName == "places.Place.g.cs").SourceText.ToString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// A union is one class per namespace and member list, however many files' fields use it, and
    /// an edit of a file it does not come from leaves it cached.
    /// </summary>
    [Fact]
    public void A_union_is_emitted_once_per_namespace_and_stays_cached_when_another_file_changes()
    {
        const string Quotes = "namespace: News\nnormalize: arabic\nentities:\n  Quote:\n    fields: { text: string, speaker: 'Person|Body?' }\n    rules: [ { regex: '«(?<text>[^»]+)»', set: { speaker: 'nearest(Person|Body, before, sentence)' } } ]\n";
        const string Statements = "namespace: News\ncorpus: Statements\nnormalize: arabic\nentities:\n  Statement:\n    fields: { text: string, issuer: 'Person|Body?' }\n    rules: [ { regex: 'بيان (?<text>\\p{L}+)', set: { issuer: 'nearest(Person|Body, before, document)' } } ]\n  Person:\n    fields: { name: string }\n    rules: [ { terms: [لافروف] } ]\n  Body:\n    fields: { id: string }\n    rules: [ { terms: [الخارجية] } ]\n";
        GeneratorHarness.InMemoryText places = Places();
        CSharpCompilation compilation = GeneratorHarness.Compilation();
        GeneratorDriver driver = GeneratorHarness.Driver(places, GeneratorHarness.Yaml("quotes.corpus.yaml", Quotes), GeneratorHarness.Yaml("statements.corpus.yaml", Statements)).RunGenerators(compilation);
        GeneratorRunResult first = driver.GetRunResult().Results.Single();
        Assert.Empty(first.Diagnostics);
        Assert.Single(first.GeneratedSources, s => s.HintName == "News.PersonOrBody.g.cs");

        driver = driver.ReplaceAdditionalText(places, Places(", بيلاروسيا")).RunGenerators(compilation);
        GeneratorRunResult second = driver.GetRunResult().Results.Single();
        var unions = Steps(second, "Unions").SelectMany(s => s.Outputs).ToList();
        Assert.Single(unions);
        Assert.All(unions, output => Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"Unions was {output.Reason}"));
    }

    /// <summary>
    /// A lexicon file's edit modifies only the schema that reads it; an edit of a TSV file no schema
    /// reads modifies nothing.
    /// </summary>
    [Fact]
    public void Editing_a_lexicon_file_modifies_only_the_schema_that_reads_it()
    {
        GeneratorHarness.InMemoryText People(string forms)
            => GeneratorHarness.Yaml("data/people.tsv", "فلاديمير بوتين\tبوتين" + forms + "\nسيرغي لافروف\tلافروف\n");
        GeneratorHarness.InMemoryText Other(string text) => GeneratorHarness.Yaml("data/other.tsv", text);
        GeneratorHarness.InMemoryText schema = GeneratorHarness.Yaml(
            "people.corpus.yaml",
            "normalize: arabic\nlexicons:\n  people: { file: data/people.tsv, key: 1, forms: 1.. }\nentities:\n  Person:\n    fields: { name: string }\n    rules: [ { id: known, terms: people } ]\n");
        GeneratorHarness.InMemoryText people = People(string.Empty);
        GeneratorHarness.InMemoryText other = Other("x\ty\n");
        CSharpCompilation compilation = GeneratorHarness.Compilation();
        GeneratorDriver driver = GeneratorHarness.Driver(Places(), schema, people, other).RunGenerators(compilation);
        Assert.Empty(driver.GetRunResult().Diagnostics);

        driver = driver.ReplaceAdditionalText(people, People("\tالرئيس بوتين")).RunGenerators(compilation);
        GeneratorRunResult edited = driver.GetRunResult().Results.Single();
        var modules = Steps(edited, "Modules").SelectMany(s => s.Outputs).ToList();
        Assert.Single(modules, o => o.Reason == IncrementalStepRunReason.Modified && o.Value.ToString()!.Contains("people.corpus.yaml", StringComparison.Ordinal));
        Assert.Single(modules, o => o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged && o.Value.ToString()!.Contains("places.corpus.yaml", StringComparison.Ordinal));
        Assert.Contains("الرئيس بوتين", edited.GeneratedSources.Single(s => s.HintName == "people.PeopleCorpus.g.cs").SourceText.ToString(), StringComparison.Ordinal);

        driver = driver.ReplaceAdditionalText(other, Other("x\tz\n")).RunGenerators(compilation);
        GeneratorRunResult unrelated = driver.GetRunResult().Results.Single();
        Assert.All(
            Steps(unrelated, "Modules").SelectMany(s => s.Outputs),
            output => Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"a module was {output.Reason}"));
    }

    private static IEnumerable<IncrementalGeneratorRunStep> Steps(GeneratorRunResult result, string name)
        => result.TrackedSteps.TryGetValue(name, out var steps) ? steps : [];

    /// <summary>No step output may hold a symbol, compilation, syntax node or source text: they break caching.</summary>
    private static void AssertNoForbiddenTypes(GeneratorRunResult result)
    {
        foreach (string name in s_steps)
        {
            foreach (IncrementalGeneratorRunStep step in Steps(result, name))
            {
                for (int i = 0; i < step.Outputs.Length; i++)
                {
                    Walk(step.Outputs[i].Value, new HashSet<object>(ReferenceEqualityComparer.Instance), step.Name ?? "?");
                }
            }
        }
    }

    private static void Walk(object? value, HashSet<object> seen, string path)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }

        Assert.False(
            value is Compilation or ISymbol or SyntaxNode or SemanticModel or SourceText or Location,
            $"{path} holds a {value.GetType().Name}");
        if (value is AdditionalText)
        {
            // The input files themselves are the driver's own objects; the tracked outputs after
            // parsing must not hold them, which the walk below checks for every later step.
            Assert.True(path.StartsWith("AdditionalTexts", StringComparison.Ordinal) || path.StartsWith("SchemaFiles", StringComparison.Ordinal), $"{path} holds an AdditionalText");
            return;
        }

        if (value is IEnumerable enumerable)
        {
            int i = 0;
            foreach (object? item in enumerable)
            {
                Walk(item, seen, $"{path}[{i++}]");
            }
        }

        foreach (FieldInfo field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            Walk(field.GetValue(value), seen, $"{path}.{field.Name}");
        }
    }
}
