using System.Collections.Generic;
using CorpusKit.Generators.Model;

namespace CorpusKit.Generators.Yaml;

// A small YAML tree that keeps every node's position. YamlDotNet's own representation model
// throws on duplicate keys before we can point at them, so we build this from its parser events.

internal abstract class YamlNodeBase
{
    protected YamlNodeBase(LocationInfo location) => Location = location;

    public LocationInfo Location { get; }

    /// <summary>How the node is named in messages: "a scalar", "a list", "a mapping".</summary>
    public abstract string KindName { get; }
}

internal sealed class YamlScalar(LocationInfo location, string value, bool isPlain) : YamlNodeBase(location)
{
    public string Value { get; } = value;

    /// <summary>Written without quotes (so <c>name</c> may mean a group, while <c>'name'</c> is always text).</summary>
    public bool IsPlain { get; } = isPlain;

    /// <summary>A plain <c>~</c>, <c>null</c> or empty value.</summary>
    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";

    public override string KindName => "a scalar";
}

internal sealed class YamlList(LocationInfo location, List<YamlNodeBase> items) : YamlNodeBase(location)
{
    public List<YamlNodeBase> Items { get; } = items;

    public override string KindName => "a list";
}

internal sealed class YamlMap(LocationInfo location, List<KeyValuePair<YamlScalar, YamlNodeBase>> entries) : YamlNodeBase(location)
{
    public List<KeyValuePair<YamlScalar, YamlNodeBase>> Entries { get; } = entries;

    public override string KindName => "a mapping";
}
