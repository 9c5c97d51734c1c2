using System;
using System.Collections.Generic;
using System.Text.Json;
using CorpusKit.Json;

namespace CorpusKit.Documents;

/// <summary>
/// One distinct entity of a document: the mention that names it most fully, and every mention
/// of it (a repeated paragraph adds mentions here, never a new group).
/// </summary>
/// <remarks>
/// A value, not an object: a document's groups of one type are one array of them, and their
/// mentions one array shared by the groups (each group's a run of it), so grouping a document's
/// mentions makes two arrays per type instead of two objects per entity. The groups to read are
/// those a document gives; <c>default</c> holds no entity.
/// </remarks>
/// <typeparam name="T">The entity type.</typeparam>
public readonly struct EntityGroup<T> : IJsonWritable
    where T : IEntity
{
    internal EntityGroup(T entity, MentionList<T> mentions)
    {
        Entity = entity;
        Mentions = mentions;
    }

    /// <summary>The key of <see cref="Entity"/>: what tells this entity from the others.</summary>
    public string Key => Entity.Key;

    /// <summary>The mention with the fullest key, then the longest text (the first of those, on a tie).</summary>
    public T Entity { get; }

    /// <summary>Every mention, in document order.</summary>
    public MentionList<T> Mentions { get; }

    /// <summary>
    /// Writes <c>{ key, fields: {…}, mentions: [{start, end, text, rule}…] }</c>. A writer over a stream
    /// holds what it wrote until it is flushed; past 64 KB pending, this flushes it, so a document
    /// of a million mentions is not first built whole in memory.
    /// </summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("key", Key);
        writer.WritePropertyName("fields");
        Entity.WriteFields(writer);
        writer.WriteStartArray("mentions");
        foreach (T mention in Mentions)
        {
            writer.WriteStartObject();
            writer.WriteNumber("start", mention.Span.Start);
            writer.WriteNumber("end", mention.Span.End);
            writer.WriteString("text", mention.Text);
            writer.WriteString("rule", mention.Rule);
            writer.WriteEndObject();
            if (writer.BytesPending > CorpusJson.PendingBytes)
            {
                writer.Flush();
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <inheritdoc />
    public override string ToString() => $"{Key} ×{Mentions.Count}";
}
