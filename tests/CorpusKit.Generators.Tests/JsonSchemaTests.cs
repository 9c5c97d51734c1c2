using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json.Nodes;
using NJsonSchema;
using YamlDotNet.RepresentationModel;

namespace CorpusKit.Generators.Tests;

/// <summary>
/// The JSON Schema shipped for editors (src/CorpusKit/schema/corpus.schema.json) says what the
/// build accepts: every schema in the repository validates against it, its keys are the
/// parser's keys at every level, and a misspelt key fails it as it fails the build.
/// </summary>
public sealed class JsonSchemaTests
{
    private static readonly JsonSchema s_schema =
        JsonSchema.FromJsonAsync(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "corpus.schema.json"))).GetAwaiter().GetResult();

    public static TheoryData<string> RepositorySchemas()
    {
        var data = new TheoryData<string>();
        string root = Repository.Root();
        foreach (string folder in new[] { "tests", "samples" }.Select(f => Path.Combine(root, f)).Where(Directory.Exists))
        {
            foreach (string file in Directory.EnumerateFiles(folder, "*.corpus.yaml", SearchOption.AllDirectories)
                         .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                                  && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                         .OrderBy(f => f, StringComparer.Ordinal))
            {
                data.Add(Path.GetRelativePath(root, file).Replace('\\', '/'));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RepositorySchemas))]
    public void Every_schema_in_the_repository_validates(string path)
    {
        JsonNode json = ToJson(File.ReadAllText(Path.Combine(Repository.Root(), path)));
        var errors = s_schema.Validate(json.ToJsonString());
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
    }

    [Theory]
    [InlineData("entitys: {}\nentities: {}\n")]
    [InlineData("entities:\n  P:\n    fields: { id: string }\n    rules: [ { terms: [a], sett: {} } ]\n")]
    [InlineData("entities:\n  P:\n    fields: { id: string }\n    rules: [ { terms: [a], regex: 'b' } ]\n")]
    [InlineData("entities:\n  P:\n    fields: { id: string }\n    rules: [ { sequence: [ { gap: many } ] } ]\n")]
    [InlineData("normalize: arabian\nentities: {}\n")]
    [InlineData("entities: {}\ndocuments:\n  A:\n    fields: { all: P }\n")]
    public void A_schema_the_build_rejects_fails_validation(string yaml)
        => Assert.NotEmpty(s_schema.Validate(ToJson(yaml).ToJsonString()));

    [Fact]
    public void The_keys_of_every_level_are_the_parsers()
    {
        JsonObject root = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "corpus.schema.json")))!.AsObject();
        JsonObject definitions = root["definitions"]!.AsObject();
        string[] Keys(JsonNode? properties) => properties!.AsObject().Select(p => p.Key).OrderBy(k => k, StringComparer.Ordinal).ToArray();
        string[] Parser(string field) => ((string[])typeof(CorpusGenerator.Parser).GetField(field, BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!)
            .OrderBy(k => k, StringComparer.Ordinal).ToArray();

        Assert.Equal(Parser("s_moduleKeys"), Keys(root["properties"]));
        Assert.Equal(Parser("s_entityKeys"), Keys(definitions["entity"]!["properties"]));
        Assert.Equal(Parser("s_fieldKeys"), Keys(definitions["entity"]!["properties"]!["fields"]!["additionalProperties"]!["oneOf"]![1]!["properties"]));
        Assert.Equal(Parser("s_ruleKeys"), Keys(definitions["rule"]!["properties"]));
        Assert.Equal(Parser("s_stepKeys"), Keys(definitions["step"]!["properties"]));
        Assert.Equal(Parser("s_exampleKeys"), Keys(definitions["example"]!["properties"]));
        Assert.Equal(Parser("s_documentKeys"), Keys(definitions["document"]!["properties"]));
        Assert.Equal(Parser("s_lineRuleKeys"), Keys(definitions["document"]!["properties"]!["boilerplate"]!["items"]!["properties"]));
        Assert.Equal(Parser("s_documentFieldKeys"), Keys(definitions["document"]!["properties"]!["fields"]!["additionalProperties"]!["oneOf"]![1]!["properties"]));
    }

    /// <summary>YAML to JSON with the YAML core schema's plain scalars: null, booleans, integers.</summary>
    private static JsonNode ToJson(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return Convert(stream.Documents[0].RootNode)!;
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, Convert(c.Value)))),
        YamlSequenceNode list => new JsonArray(list.Children.Select(Convert).ToArray()),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } scalar => scalar.Value switch
        {
            null or "" or "~" or "null" => null,
            "true" => JsonValue.Create(true),
            "false" => JsonValue.Create(false),
            var text when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long number) => JsonValue.Create(number),
            var text => JsonValue.Create(text),
        },
        YamlScalarNode scalar => JsonValue.Create(scalar.Value ?? string.Empty),
        _ => null,
    };
}
