using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using CorpusKit.Evaluation;

namespace CorpusKit.Cli;

/// <summary>
/// The entities a snapshot holds, for a review that shows what changed as entities before the raw
/// diff: a mention export (JSON Lines of mentions), a document result (an object whose lists hold
/// groups of <c>{key, fields, mentions}</c>, as <c>CorpusJson</c> writes them) or an array of those.
/// </summary>
internal static class SnapshotEntities
{
    /// <summary>The snapshot's mentions, or null when it holds none of the shapes above (a report, a source file).</summary>
    /// <param name="path">The snapshot file (verified or received).</param>
    /// <param name="name">The document's name where the snapshot does not give one (its id).</param>
    public static List<Mention>? Read(string path, string name)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (IOException)
        {
            return null;
        }

        if (path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
        {
            var lines = new List<Mention>();
            foreach (string line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!Mention.TryParse(line, out Mention? mention, out _))
                {
                    return null;
                }

                lines.Add(mention);
            }

            return lines;
        }

        if (!path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(text);
            var mentions = new List<Mention>();
            bool any = document.RootElement.ValueKind == JsonValueKind.Array
                ? AddAll(document.RootElement, name, mentions)
                : AddDocument(document.RootElement, name, mentions);
            return any ? mentions : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool AddAll(JsonElement documents, string name, List<Mention> mentions)
    {
        bool any = false;
        int index = 0;
        foreach (JsonElement document in documents.EnumerateArray())
        {
            any |= AddDocument(document, $"{name}[{index++}]", mentions);
        }

        return any;
    }

    /// <summary>Each list of groups of a document, its name the mentions' type; false when it has none.</summary>
    private static bool AddDocument(JsonElement document, string name, List<Mention> mentions)
    {
        if (document.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        string doc = document.TryGetProperty("id", out JsonElement id) && id.ValueKind == JsonValueKind.String ? id.GetString()! : name;
        bool any = false;
        foreach (JsonProperty list in document.EnumerateObject())
        {
            if (list.Value.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (JsonElement group in list.Value.EnumerateArray())
            {
                if (group.ValueKind != JsonValueKind.Object || !group.TryGetProperty("mentions", out JsonElement spans) || spans.ValueKind != JsonValueKind.Array)
                {
                    break;
                }

                any = true;
                var fields = new Dictionary<string, string>(StringComparer.Ordinal);
                if (group.TryGetProperty("fields", out JsonElement values) && values.ValueKind == JsonValueKind.Object)
                {
                    foreach (JsonProperty field in values.EnumerateObject())
                    {
                        fields[field.Name] = field.Value.ValueKind == JsonValueKind.String ? field.Value.GetString()! : field.Value.GetRawText();
                    }
                }

                foreach (JsonElement span in spans.EnumerateArray())
                {
                    if (span.TryGetProperty("start", out JsonElement start) && start.TryGetInt32(out int from)
                        && span.TryGetProperty("end", out JsonElement end) && end.TryGetInt32(out int to))
                    {
                        string mentionText = span.TryGetProperty("text", out JsonElement t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : string.Empty;
                        string? rule = span.TryGetProperty("rule", out JsonElement r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
                        mentions.Add(new Mention(doc, list.Name, from, to, mentionText, fields) { Rule = rule });
                    }
                }
            }
        }

        return any;
    }
}
