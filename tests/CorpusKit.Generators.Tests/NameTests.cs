using System.Linq;
using CsCheck;
using Microsoft.CodeAnalysis;

namespace CorpusKit.Generators.Tests;

/// <summary>
/// Names never break the build: whatever names a schema gives its entities, fields, enum members,
/// rules, lexicons, document and files, the generator either reports a CK error or writes code that
/// compiles: 10,000 schemas of one file per run, and 300 pairs of files whose types meet.
/// </summary>
public sealed class NameTests
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
        "nearestName", "nameValue", "nameNearest", "step0", "spanValue", "textValue", "candidates", "context",
    ];

    // Reference fields (Other?) are filled by nearest(…) in one rule and by a sequence's entity step
    // in another, so the locals generated for fills meet the hostile names too.
    private static readonly string[] s_types = ["string", "string?", "int?", "bool?", "decimal?", "date?", "string[]", "{ enum: [a, b], optional: true }", "Other?"];

    private static readonly Gen<(string Name, string Type)[]> s_fields =
        Gen.Select(Gen.OneOf(s_names), Gen.OneOf(s_types), (name, type) => (name, type)).Array[1, 4];

    private static readonly Gen<string> s_fieldSchemas = s_fields.Select(fields =>
    {
        string[] references = [.. fields.Where(f => f.Type == "Other?").Select(f => f.Name).Distinct()];
        string set = references.Length == 0 ? string.Empty
            : ", set: { " + string.Join(", ", references.Select((r, k) => $"{r}: 'nearest(Other, {(k % 2 == 0 ? "before, sentence" : "after, document")})'")) + " }";
        string sequence = references.Length == 0 ? string.Empty
            : $"      - {{ id: seq, sequence: [ {{ terms: [b] }}, {{ entity: Other, as: {references[0]} }} ] }}\n";
        return "entities:\n  Other:\n    fields: { id: string }\n    rules: [ { terms: [o] } ]\n  Place:\n    fields:\n      id: string\n"
            + string.Concat(fields.Select(f => $"      {f.Name}: {f.Type}\n"))
            + $"    rules:\n      - {{ id: known, terms: [a]{set} }}\n" + sequence;
    });

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

    private static readonly Gen<string> s_entitySchemas = s_shapes.Select(shape =>
        $"entities:\n  {shape.Entity}:\n    fields:\n      id: string\n      marks: {{ enum: [{string.Join(", ", shape.Members)}], optional: true }}\n    rules:\n"
        + string.Concat(shape.Rules.Select(r => $"      - id: {r}\n        terms: [a]\n")));

    // Lexicon names (used by terms: and inside a regex), document names and document fields.
    private static readonly string[] s_lexicons = ["places", "Places", "place-names", "a_b", "index", "Index", "terms", "class", "1st", "known", "lexicons", "instance"];

    private static readonly string[] s_documents = ["Article", "article", "Place", "Page", "NamesDocument", "NamesCorpus", "Layout", "Problems", "Id", "Terms", "Mentions"];

    private static readonly string[] s_documentFields = ["places", "Places", "place", "id", "Id", "headline", "layout", "problems", "mentions", "PlaceMentions", "place_mentions", "writeTo", "toString", "class", "article", "Article"];

    private static readonly Gen<(string Lexicon, string Document, string[] Fields)> s_documentShapes =
        Gen.Select(Gen.OneOf(s_lexicons), Gen.OneOf(s_documents), Gen.OneOf(s_documentFields).Array[1, 3], (lexicon, document, fields) => (lexicon, document, fields));

    private static readonly Gen<string> s_documentSchemas = s_documentShapes.Select(shape =>
        $"lexicons:\n  {shape.Lexicon}: [روسيا, مصر]\nentities:\n  Place:\n    fields:\n      id: string\n    rules:\n"
        + $"      - id: known\n        terms: {shape.Lexicon}\n      - id: pattern\n        regex: '(?<id>{{{shape.Lexicon}}})'\n"
        + $"documents:\n  {shape.Document}:\n    headline: first-line\n    fields:\n"
        + string.Concat(shape.Fields.Distinct().Select((f, k) => $"      {f}: {(k % 2 == 0 ? "Place[]" : "Place?")}\n")));

    /// <summary>Schemas per generator run: each file in a namespace of its own, so they cannot meet.</summary>
    private const int Batch = 25;

    /// <summary>
    /// 10,000 schemas of hostile names (fields; entities with enum members and rule ids; lexicons,
    /// documents and their fields), 25 to a generator run and compilation: for each file, the
    /// generator reports a CK error in it, or the code generated from it compiles with no error.
    /// </summary>
    [Fact]
    public void Ten_thousand_schemas_of_hostile_names_give_ck_errors_or_code_that_compiles()
        => Gen.OneOf(s_fieldSchemas, s_entitySchemas, s_documentSchemas).Array[Batch].Sample(schemas =>
        {
            GeneratorHarness.InMemoryText[] files = [.. schemas.Select((yaml, k) => GeneratorHarness.Yaml($"b{k}/names.corpus.yaml", $"namespace: N{k}\n" + yaml))];

            // The harness fails the test when the generator throws.
            (GeneratorDriverRunResult result, Compilation output) = GeneratorHarness.Run(files);

            Diagnostic[] csErrors = [.. output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error)];
            Assert.All(csErrors, d => Assert.Contains("CorpusKit.Generators", d.Location.SourceTree?.FilePath ?? string.Empty, System.StringComparison.Ordinal));
            for (int k = 0; k < schemas.Length; k++)
            {
                bool ckErrors = result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error && d.Id.StartsWith("CK", System.StringComparison.Ordinal)
                    && d.Location.GetLineSpan().Path.Contains($"/b{k}/", System.StringComparison.Ordinal));
                Diagnostic[] mine = [.. csErrors.Where(d => d.Location.SourceTree!.FilePath.Contains($"/b{k}.", System.StringComparison.Ordinal))];
                Assert.True(ckErrors || mine.Length == 0, schemas[k] + "\n" + GeneratorHarness.Describe(mine));
            }
        }, iter: 10_000 / Batch);

    // Two schema files: their names (which name their corpora) and their entities may meet.
    private static readonly string[] s_files = ["news", "News", "news-desk", "news_desk", "place", "Place", "a", "names"];

    private static readonly string[] s_fileEntities = ["Place", "Person", "NewsCorpus", "NewsDocument", "NewsLexicons", "PlaceExtractor", "Names", "A", "ACorpus"];

    private static readonly Gen<(string File, string Entity)[]> s_files2 =
        Gen.Select(Gen.OneOf(s_files), Gen.OneOf(s_fileEntities), (file, entity) => (file, entity)).Array[2];

    [Fact]
    public void Any_two_files_give_ck_errors_or_code_that_compiles()
        => s_files2.Sample(files =>
        {
            GeneratorHarness.InMemoryText[] texts = [.. files.Select((f, k) => GeneratorHarness.Yaml(
                $"Schemas{k}/{f.File}.corpus.yaml",
                $"entities:\n  {f.Entity}:\n    fields:\n      id: string\n    rules: [ {{ terms: [a] }} ]\n"))];

            (GeneratorDriverRunResult result, Compilation output) = GeneratorHarness.Run(texts);

            AssertCkErrorsOrCompiles(result, output, string.Join("\n", files));
        }, iter: 300);

    /// <summary>An entity whose extractor is another file's entity, and a file whose document is another file's entity: CK0005 at the later file.</summary>
    [Theory]
    [InlineData("PlaceExtractor", "news", "Place", "b/news.corpus.yaml")]
    [InlineData("NewsDocument", "news", "Place", "b/news.corpus.yaml")]
    public void A_type_two_files_would_both_make_is_reported(string firstEntity, string secondFile, string secondEntity, string reportedIn)
    {
        (GeneratorDriverRunResult result, Compilation output) = GeneratorHarness.Run(
            GeneratorHarness.Yaml("a/first.corpus.yaml", $"entities:\n  {firstEntity}:\n    fields:\n      id: string\n    rules: [ {{ terms: [a] }} ]\n"),
            GeneratorHarness.Yaml($"b/{secondFile}.corpus.yaml", $"entities:\n  {secondEntity}:\n    fields:\n      id: string\n    rules: [ {{ terms: [a] }} ]\n"));

        Diagnostic duplicate = Assert.Single(result.Diagnostics, d => d.Id == "CK0005");
        Assert.EndsWith(reportedIn, duplicate.Location.GetLineSpan().Path, System.StringComparison.Ordinal);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    /// <summary>
    /// The generated locals cannot meet whatever the fields are named: a field filled by
    /// nearest(…) and another whose value local would take the same name (nearestBefore's value
    /// and the index of beforeValue), or a field named like a step's list.
    /// </summary>
    [Theory]
    [InlineData("beforeValue: P?\n      nearestBefore: string?", "'(?<id>x)(?<nearestBefore>y)?'", "{ beforeValue: 'nearest(P, before, sentence)' }")]
    [InlineData("step0: string?\n      near: P?", "'(?<id>x)(?<step0>y)?'", "{ near: 'nearest(P, after, document)' }")]
    public void Generated_locals_never_meet_the_fields(string fields, string regex, string set)
    {
        string schema = "entities:\n  P:\n    fields: { id: string }\n    rules: [ { terms: [a] } ]\n"
            + $"  Q:\n    fields:\n      id: string\n      {fields}\n    rules:\n      - id: r\n        regex: {regex}\n        set: {set}\n";
        (GeneratorDriverRunResult result, Compilation output) = GeneratorHarness.Run(GeneratorHarness.Yaml("locals.corpus.yaml", schema));

        Assert.Empty(result.Diagnostics.Select(GeneratorHarness.Describe));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(GeneratorHarness.Describe));
    }

    /// <summary>The generator reported a CK error, or what it wrote compiles with no error.</summary>
    private static void AssertCkErrorsOrCompiles(GeneratorDriverRunResult result, Compilation output, string schema)
    {
        bool ckErrors = result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error && d.Id.StartsWith("CK", System.StringComparison.Ordinal));
        Diagnostic[] csErrors = [.. output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error)];
        Assert.True(ckErrors || csErrors.Length == 0, schema + "\n" + GeneratorHarness.Describe(csErrors));
    }
}
