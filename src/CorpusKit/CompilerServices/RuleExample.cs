using System;
using System.Buffers;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CorpusKit.CompilerServices;

/// <summary>
/// One <c>examples:</c> entry of a rule, as the generator lays it out in a corpus class's
/// <c>Examples</c> table: where it is written, the text, and what the rule must find there.
/// </summary>
/// <remarks>For generated code: CorpusKit's generator emits the calls to this type; it is not meant to be called by hand and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class RuleExample
{
    private readonly Func<string, IReadOnlyList<IEntity>> _extract;

    /// <summary>Creates an example; generated code calls this.</summary>
    public RuleExample(
        string file,
        int line,
        int column,
        string entity,
        string rule,
        string text,
        bool none,
        string? span,
        IReadOnlyList<ExpectedValue> expected,
        Func<string, IReadOnlyList<IEntity>> extract)
    {
        File = file;
        Line = line;
        Column = column;
        Entity = entity;
        Rule = rule;
        Text = text;
        None = none;
        Span = span;
        Expected = expected;
        _extract = extract;
    }

    /// <summary>The schema file, relative to its project.</summary>
    public string File { get; }

    /// <summary>The 1-based line of the example's text in the schema.</summary>
    public int Line { get; }

    /// <summary>The 1-based column of the example's text in the schema.</summary>
    public int Column { get; }

    /// <summary>The entity type the rule finds.</summary>
    public string Entity { get; }

    /// <summary>The rule's id.</summary>
    public string Rule { get; }

    /// <summary>The example's text.</summary>
    public string Text { get; }

    /// <summary>Whether the rule must find nothing in <see cref="Text"/>.</summary>
    public bool None { get; }

    /// <summary>The text the entity's span must cover, if the example says.</summary>
    public string? Span { get; }

    /// <summary>The field values the entity must have.</summary>
    public IReadOnlyList<ExpectedValue> Expected { get; }

    /// <summary>Where the example is written, as compilers print it: <c>file(line,column)</c>.</summary>
    public string Location => $"{File}({Line},{Column})";

    /// <summary>
    /// Runs the entity's extractor on <see cref="Text"/> and checks that rule <see cref="Rule"/>
    /// found what the example expects. Returns null when it did, otherwise what went wrong,
    /// starting with <see cref="Location"/>.
    /// </summary>
    public string? Check()
    {
        IReadOnlyList<IEntity> found = _extract(Text);
        var byRule = new List<IEntity>();
        foreach (IEntity entity in found)
        {
            if (entity.Rule == Rule)
            {
                byRule.Add(entity);
            }
        }

        string prefix = $"{Location}: example of rule '{Rule}' of {Entity}: ";
        if (None)
        {
            return byRule.Count == 0 ? null : prefix + $"must find nothing in \"{Text}\", found {Describe(byRule)}";
        }

        string? closest = null;
        foreach (IEntity entity in byRule)
        {
            string? difference = Difference(entity);
            if (difference is null)
            {
                return null;
            }

            closest ??= difference;
        }

        if (byRule.Count == 0)
        {
            return prefix + $"found nothing in \"{Text}\"" + (found.Count == 0 ? string.Empty : $"; other rules found {Describe(found)}");
        }

        return prefix + closest + $"; found {Describe(byRule)}";
    }

    /// <inheritdoc />
    public override string ToString() => $"{Location} {Entity}/{Rule}: {Text}";

    /// <summary>How <paramref name="entity"/> differs from what is expected; null when it does not.</summary>
    private string? Difference(IEntity entity)
    {
        if (Span is not null && entity.Text != Span)
        {
            return $"span \"{entity.Text}\", expected \"{Span}\"";
        }

        using JsonDocument fields = JsonDocument.Parse(FieldsJson(entity));
        foreach (ExpectedValue expected in Expected)
        {
            string actual = fields.RootElement.TryGetProperty(expected.Field, out JsonElement value) ? Format(value) : "null";
            if (!string.Equals(actual, expected.Value, StringComparison.Ordinal))
            {
                return $"{expected.Field} is \"{actual}\", expected \"{expected.Value}\"";
            }
        }

        return null;
    }

    private static string Format(JsonElement value) => Json.CorpusJson.ValueText(value);

    private static string FieldsJson(IEntity entity)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Json.CorpusJson.Compact))
        {
            entity.WriteFields(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string Describe(IReadOnlyList<IEntity> entities)
    {
        var builder = new StringBuilder();
        foreach (IEntity entity in entities)
        {
            if (builder.Length > 0)
            {
                builder.Append(", ");
            }

            builder.Append(CultureInfo.InvariantCulture, $"\"{entity.Text}\" {FieldsJson(entity)} by {entity.Rule}");
        }

        return builder.ToString();
    }
}
