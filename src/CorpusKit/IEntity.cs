using System.Text.Json;

namespace CorpusKit;

/// <summary>An entity found in a text; every generated entity record implements it.</summary>
public interface IEntity : IJsonWritable
{
    /// <summary>The entity type's name, as the schema spells it.</summary>
    string EntityType { get; }

    /// <summary>The entity's key (its first field) as text: what references and exports use.</summary>
    string Key { get; }

    /// <summary>Where the entity stands in the original text.</summary>
    TextSpan Span { get; }

    /// <summary>The original text of <see cref="Span"/>.</summary>
    string Text { get; }

    /// <summary>The id of the rule that found it.</summary>
    string Rule { get; }

    /// <summary>Writes the typed fields alone, as one JSON object.</summary>
    void WriteFields(Utf8JsonWriter writer);
}
