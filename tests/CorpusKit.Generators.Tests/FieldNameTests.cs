using System.Linq;
using CsCheck;
using Microsoft.CodeAnalysis;

namespace CorpusKit.Generators.Tests;

/// <summary>
/// Field names never break the build: whatever names a schema gives its fields, the generator
/// either reports a CK error or writes code that compiles.
/// </summary>
public sealed class FieldNameTests
{
    // Names of the record's members in several spellings, C# keywords, the entity's own name, an
    // enum field's type and parser, leading digits, non-ASCII letters, separators and case twins.
    private static readonly string[] s_names =
    [
        "Span", "span", "SPAN", "text", "Text", "TEXT", "rule", "Rule", "key", "entity_type", "entityType", "type-name",
        "to_string", "ToString", "equals", "get_hash_code", "deconstruct", "write_to", "writeFields", "equality_contract",
        "class", "int", "string", "namespace", "this", "value", "id", "name", "Name",
        "place", "Place", "places", "marks", "marksKind", "parse-marks-kind", "kind",
        "1st", "_x", "مكان", "é", "a-b", "a_b", "A_B", "aB",
    ];

    private static readonly string[] s_types = ["string", "string?", "int?", "bool?", "decimal?", "date?", "string[]", "{ enum: [a, b], optional: true }"];

    private static readonly Gen<(string Name, string Type)[]> s_fields =
        Gen.Select(Gen.OneOf(s_names), Gen.OneOf(s_types), (name, type) => (name, type)).Array[1, 4];

    [Fact]
    public void Any_field_names_give_ck_errors_or_code_that_compiles()
        => s_fields.Sample(fields =>
        {
            string yaml = "entities:\n  Place:\n    fields:\n      id: string\n"
                + string.Concat(fields.Select(f => $"      {f.Name}: {f.Type}\n"))
                + "    rules: [ { terms: [a] } ]\n";

            // The harness fails the test when the generator throws.
            (GeneratorDriverRunResult result, Compilation output) = GeneratorHarness.Run(GeneratorHarness.Yaml("names.corpus.yaml", yaml));

            bool ckErrors = result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error && d.Id.StartsWith("CK", System.StringComparison.Ordinal));
            Diagnostic[] csErrors = [.. output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error)];
            Assert.True(ckErrors || csErrors.Length == 0, yaml + "\n" + GeneratorHarness.Describe(csErrors));
        }, iter: 300);

    // Entity names: type names the generated code uses or makes, keywords, and case twins.
    private static readonly string[] s_entities =
    [
        "Place", "place", "Person", "Object", "String", "System", "Task", "List", "IEntity", "Article", "Patterns", "Sequences",
        "Terms", "Examples", "Candidate", "TextSpan", "PartialDate", "Consumer", "ConsumerCorpus", "PlaceExtractor", "Lexicons",
        "Instance", "Normalization", "Extract", "class", "Int32", "Corpus", "Document", "Kind", "MarksKind", "Mention", "Mentions",
    ];

    // Enum members: keywords, digits first, separators, case twins, and names the enum's helpers use.
    private static readonly string[] s_members = ["a", "b", "A", "class", "int", "1st", "a-b", "a_b", "none", "None", "value", "Value", "default", "ToString", "parse", "é"];

    // Rule ids: what becomes a method name (MatchKnown) beside the extractor's own members.
    private static readonly string[] s_ruleIds = ["known", "Known", "extract", "instance", "match-known", "a-b", "a_b", "1st", "class", "candidates", "to-string", "equals"];

    private static readonly Gen<(string Entity, string[] Members, string[] Rules)> s_shapes =
        Gen.Select(Gen.OneOf(s_entities), Gen.OneOf(s_members).Array[1, 4], Gen.OneOf(s_ruleIds).Array[1, 3], (entity, members, rules) => (entity, members, rules));

    [Fact]
    public void Any_entity_names_enum_members_and_rule_ids_give_ck_errors_or_code_that_compiles()
        => s_shapes.Sample(shape =>
        {
            string yaml = $"entities:\n  {shape.Entity}:\n    fields:\n      id: string\n      marks: {{ enum: [{string.Join(", ", shape.Members)}], optional: true }}\n    rules:\n"
                + string.Concat(shape.Rules.Select(r => $"      - id: {r}\n        terms: [a]\n"));

            (GeneratorDriverRunResult result, Compilation output) = GeneratorHarness.Run(GeneratorHarness.Yaml("names.corpus.yaml", yaml));

            bool ckErrors = result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error && d.Id.StartsWith("CK", System.StringComparison.Ordinal));
            Diagnostic[] csErrors = [.. output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error)];
            Assert.True(ckErrors || csErrors.Length == 0, yaml + "\n" + GeneratorHarness.Describe(csErrors));
        }, iter: 300);
}
