using System.Text.Json;

namespace CorpusKit;

/// <summary>A value that writes itself as JSON without reflection; every generated type is one.</summary>
public interface IJsonWritable
{
    /// <summary>Writes this value as one JSON value.</summary>
    void WriteTo(Utf8JsonWriter writer);
}
