using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Text.Json;

namespace CorpusKit.Evaluation;

/// <summary>Reads mention files: JSON Lines, one mention a line, as the mention export and the gold files write them (see <see cref="Mention.ReadFile"/>).</summary>
internal static class MentionFile
{
    /// <summary>
    /// Reads every mention of <paramref name="path"/>. A line that is not a mention is reported
    /// in <paramref name="problems"/> with its number and left out; the other lines still count.
    /// </summary>
    public static List<Mention> Read(string path, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(problems);
        var mentions = new List<Mention>();
        int number = 0;
        foreach (string line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (Parse(line, out Mention? mention, out string? error))
            {
                mentions.Add(mention);
            }
            else
            {
                problems.Add($"{path}({number}): {error}");
            }
        }

        return mentions;
    }

    /// <summary>Parses one JSON line; false with the reason when it is not a mention.</summary>
    public static bool Parse(string line, [NotNullWhen(true)] out Mention? mention, [NotNullWhen(false)] out string? error)
    {
        mention = null;
        try
        {
            using JsonDocument document = JsonDocument.Parse(line);
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("doc", out JsonElement doc) || doc.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("type", out JsonElement type) || type.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("start", out JsonElement start) || !start.TryGetInt32(out int startValue)
                || !root.TryGetProperty("end", out JsonElement end) || !end.TryGetInt32(out int endValue)
                || endValue < startValue || startValue < 0)
            {
                error = "not a mention: it needs doc and type (strings) and start <= end (numbers)";
                return false;
            }

            var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
            if (root.TryGetProperty("attrs", out JsonElement attrs) && attrs.ValueKind == JsonValueKind.Object)
            {
                foreach (JsonProperty attribute in attrs.EnumerateObject())
                {
                    attributes[attribute.Name] = Json.CorpusJson.ValueText(attribute.Value); // a reference by its key
                }
            }

            string text = root.TryGetProperty("text", out JsonElement textElement) && textElement.ValueKind == JsonValueKind.String ? textElement.GetString()! : string.Empty;
            mention = new Mention(doc.GetString()!, type.GetString()!, startValue, endValue, text, attributes)
            {
                Rule = root.TryGetProperty("rule", out JsonElement rule) && rule.ValueKind == JsonValueKind.String ? rule.GetString() : null,
            };
            error = null;
            return true;
        }
        catch (JsonException exception)
        {
            error = "not JSON: " + exception.Message;
            return false;
        }
    }
}
