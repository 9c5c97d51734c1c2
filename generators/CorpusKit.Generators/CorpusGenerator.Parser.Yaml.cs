using System;
using System.Collections.Generic;
using System.Globalization;
using CorpusKit.Generators.Model;
using CorpusKit.Generators.Yaml;

namespace CorpusKit.Generators;

public sealed partial class CorpusGenerator
{
    // The YAML reader's helpers: mappings with their allowed keys, scalars, ids, and the diagnostics every part reports through.
    internal sealed partial class Parser
    {
        /// <summary>
        /// A rule's <c>id:</c>, or <c>{prefix}{n}</c> when it has none; null (reported) when the id
        /// is not a valid name. An id moves <paramref name="location"/> to itself.
        /// </summary>
        private string? RuleId(Dictionary<string, KeyValuePair<YamlScalar, YamlNodeBase>> keys, string prefix, int index, string what, ref LocationInfo location)
        {
            if (Scalar(keys, "id", "id:") is not { } idNode)
            {
                return prefix + (index + 1).ToString(CultureInfo.InvariantCulture);
            }

            if (!Names.IsKebabIdentifier(idNode.Value))
            {
                Report(DiagnosticDescriptors.InvalidName, idNode.Location, idNode.Value, what, "use letters, digits, '_' and '-', starting with a letter");
                return null;
            }

            location = idNode.Location;
            return idNode.Value;
        }

        private Dictionary<string, KeyValuePair<YamlScalar, YamlNodeBase>> CheckKeys(YamlMap map, string[] allowed, string where)
        {
            var keys = new Dictionary<string, KeyValuePair<YamlScalar, YamlNodeBase>>(StringComparer.Ordinal);
            foreach (KeyValuePair<YamlScalar, YamlNodeBase> entry in map.Entries)
            {
                if (Array.IndexOf(allowed, entry.Key.Value) < 0)
                {
                    Report(DiagnosticDescriptors.UnknownKey, entry.Key.Location, entry.Key.Value, where, string.Join(", ", allowed));
                    continue;
                }

                keys[entry.Key.Value] = entry;
            }

            return keys;
        }

        private YamlScalar? Scalar(Dictionary<string, KeyValuePair<YamlScalar, YamlNodeBase>> keys, string key, string what)
        {
            if (!keys.TryGetValue(key, out KeyValuePair<YamlScalar, YamlNodeBase> entry))
            {
                return null;
            }

            if (entry.Value is YamlScalar scalar && !scalar.IsNull)
            {
                return scalar;
            }

            Report(DiagnosticDescriptors.WrongShape, entry.Value.Location, what, "a single value", entry.Value is YamlScalar ? "empty" : entry.Value.KindName);
            return null;
        }

        private YamlMap? Map(YamlNodeBase node, string what)
        {
            if (node is YamlMap map)
            {
                return map;
            }

            Report(DiagnosticDescriptors.WrongShape, node.Location, what, "a mapping", node is YamlScalar { IsNull: true } ? "empty" : node.KindName);
            return null;
        }

        private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, LocationInfo location, params string[] arguments)
            => _diagnostics.Add(DiagnosticInfo.Create(descriptor, location, arguments));
    }
}
