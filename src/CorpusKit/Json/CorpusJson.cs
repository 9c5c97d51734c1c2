using System;
using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CorpusKit.Json;

/// <summary>JSON output for generated types: reflection-free, Arabic written as text.</summary>
public static class CorpusJson
{
    /// <summary>
    /// Past this many bytes pending, a writer of a long list flushes (to its stream, or its buffer
    /// writer), so a long document's JSON is not first built whole in memory.
    /// </summary>
    internal const int PendingBytes = 1 << 16;

    /// <summary>Writer options for readable output: indented, non-ASCII text left unescaped.</summary>
    public static JsonWriterOptions Indented { get; } = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NewLine = "\n",
    };

    /// <summary>Writer options for one value per line (JSON Lines).</summary>
    public static JsonWriterOptions Compact { get; } = new()
    {
        Indented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes <paramref name="value"/> as a JSON string.</summary>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The overloads differ in their required parameters (a value, or a stream and a value): no call can mean both.")]
    public static string Serialize(IJsonWritable value, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(value);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, indented ? Indented : Compact))
        {
            value.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes <paramref name="value"/> to <paramref name="stream"/> as UTF-8 JSON.</summary>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The overloads differ in their required parameters (a value, or a stream and a value): no call can mean both.")]
    public static void Serialize(Stream stream, IJsonWritable value, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(value);
        using var writer = new Utf8JsonWriter(stream, indented ? Indented : Compact);
        value.WriteTo(writer);
    }

    /// <summary>
    /// Writes one mention line: <c>{"doc","type","start","end","text","rule","attrs"}</c>, offsets
    /// in UTF-16 code units of the original text, <c>end</c> exclusive.
    /// </summary>
    public static void WriteMention(Utf8JsonWriter writer, string? documentId, IEntity entity)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(entity);
        writer.WriteStartObject();
        if (documentId is null)
        {
            writer.WriteNull("doc");
        }
        else
        {
            writer.WriteString("doc", documentId);
        }

        writer.WriteString("type", entity.EntityType);
        writer.WriteNumber("start", entity.Span.Start);
        writer.WriteNumber("end", entity.Span.End);
        writer.WriteString("text", entity.Text);
        writer.WriteString("rule", entity.Rule);
        writer.WritePropertyName("attrs");
        entity.WriteFields(writer);
        writer.WriteEndObject();
    }

    /// <summary>
    /// A field value of a mention as text, to compare: a string as itself, a reference to one of
    /// several entity types (<c>{"type": "Organization", "key": "RU-MFA"}</c>) as its key, anything
    /// else as its JSON (<c>null</c>, <c>true</c>, <c>12</c>, <c>["a","b"]</c>).
    /// </summary>
    internal static string ValueText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Object when value.TryGetProperty("key", out JsonElement key) && key.ValueKind == JsonValueKind.String
            && value.TryGetProperty("type", out JsonElement type) && type.ValueKind == JsonValueKind.String => key.GetString()!,
        _ => value.GetRawText(),
    };

    /// <summary>Writes a span as <c>{"start":…,"end":…}</c>.</summary>
    public static void WriteSpan(Utf8JsonWriter writer, string propertyName, TextSpan span)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject(propertyName);
        writer.WriteNumber("start", span.Start);
        writer.WriteNumber("end", span.End);
        writer.WriteEndObject();
    }
}
