using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using CorpusKit.Generators.Model;
using CorpusKit.Generators.Yaml;
using CorpusKit.Text;

namespace CorpusKit.Generators;

public sealed partial class CorpusGenerator
{
    /// <summary>
    /// Turns one YAML file into a <see cref="ModuleSpec"/>. Every problem becomes a diagnostic at
    /// its YAML position and the offending piece is left out, so what is emitted always compiles.
    /// </summary>
    internal sealed class Parser
    {
        private static readonly string[] s_moduleKeys = ["namespace", "corpus", "normalize", "doc", "lexicons", "entities", "documents"];
        private static readonly string[] s_documentKeys = ["doc", "headline", "boilerplate", "duplicates", "fields"];
        private static readonly string[] s_lineRuleKeys = ["id", "doc", "line", "rest"];
        private static readonly string[] s_documentFieldKeys = ["type", "doc", "same", "where"];
        private static readonly string[] s_entityKeys = ["doc", "fields", "rules", "overlap", "outside"];
        private static readonly string[] s_fieldKeys = ["type", "enum", "doc", "optional"];
        private static readonly string[] s_ruleKeys = ["id", "doc", "terms", "regex", "sequence", "set", "span", "examples"];

        /// <summary>The members every generated document record has, besides its entity lists.</summary>
        private static readonly HashSet<string> s_documentMembers = new(StringComparer.Ordinal)
        {
            "Id", "Headline", "Layout", "Problems", "Mentions", "WriteTo",
            "EqualityContract", "Equals", "GetHashCode", "ToString", "PrintMembers", "Deconstruct", "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals",
        };

        /// <summary>
        /// The members every generated entity record has, which a field's property cannot be named
        /// (Text aside: a field named text is the record's Text). An enum field's type and parser
        /// (<c>{Field}Kind</c>, <c>Parse{Field}Kind</c>) are checked with the entity's other fields.
        /// </summary>
        private static readonly HashSet<string> s_recordMembers = new(StringComparer.Ordinal)
        {
            "Span", "Rule", "Key", "EntityType", "TypeName", "WriteTo", "WriteFields", "WriteFieldValues", "ToSchemaString",
            "EqualityContract", "Equals", "GetHashCode", "ToString", "PrintMembers", "Deconstruct", "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals",
        };

        /// <summary>The timeout used when the build compiles a pattern to check it.</summary>
        private static readonly TimeSpan s_checkTimeout = TimeSpan.FromSeconds(2);

        private readonly string _path;
        private readonly GeneratorOptions _options;
        private readonly CancellationToken _cancellationToken;
        private readonly List<DiagnosticInfo> _diagnostics = [];
        private readonly Dictionary<string, LexiconSpec> _lexicons = new(StringComparer.Ordinal);
        private readonly HashSet<string> _usedLexicons = new(StringComparer.Ordinal);
        private NormalizationKind _normalize;

        private Parser(string path, GeneratorOptions options, CancellationToken cancellationToken)
        {
            _path = path;
            _options = options;
            _cancellationToken = cancellationToken;
        }

        public static ParseResult Parse(string path, string text, GeneratorOptions options, CancellationToken cancellationToken)
        {
            var parser = new Parser(path, options, cancellationToken);
            ModuleSpec? module;
            try
            {
                module = parser.ParseModule(text);
            }
            catch (OperationCanceledException)
            {
                throw;
            }
            catch (Exception exception)
            {
                // The boundary: whatever went wrong becomes a diagnostic, never CS8785.
                parser._diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.InternalError,
                    new LocationInfo(path, 0, 0, 0, 0, 0, 0),
                    Path.GetFileName(path),
                    exception.GetType().Name + ": " + exception.Message));
                module = null;
            }

            return new ParseResult(module, parser._diagnostics.ToEquatable());
        }

        private ModuleSpec? ParseModule(string text)
        {
            YamlNodeBase? root = YamlTreeReader.Read(_path, text, _diagnostics);
            if (root is null)
            {
                if (_diagnostics.Count == 0)
                {
                    Report(DiagnosticDescriptors.MissingKey, new LocationInfo(_path, 0, 0, 0, 0, 0, 0), "A schema file", "entities");
                }

                return null;
            }

            if (root is not YamlMap map)
            {
                Report(DiagnosticDescriptors.WrongShape, root.Location, "A schema file", "a mapping (namespace:, lexicons:, entities: …)", root.KindName);
                return null;
            }

            Dictionary<string, KeyValuePair<YamlScalar, YamlNodeBase>> keys = CheckKeys(map, s_moduleKeys, "the schema file");

            (string relativePath, string hintPrefix, string defaultCorpus) = PathNames();
            string ns = _options.RootNamespace;
            if (Scalar(keys, "namespace", "namespace:") is { } nsNode)
            {
                if (Names.IsNamespace(nsNode.Value))
                {
                    ns = nsNode.Value;
                }
                else
                {
                    Report(DiagnosticDescriptors.InvalidName, nsNode.Location, nsNode.Value, "namespace", "use dotted C# identifiers such as NewsDesk.Diplomacy");
                }
            }

            string corpus = defaultCorpus;
            if (Scalar(keys, "corpus", "corpus:") is { } corpusNode)
            {
                if (Names.IsIdentifier(corpusNode.Value) && !Names.IsKeyword(corpusNode.Value))
                {
                    corpus = corpusNode.Value;
                }
                else
                {
                    Report(DiagnosticDescriptors.InvalidName, corpusNode.Location, corpusNode.Value, "corpus", "use a C# identifier such as Diplomacy");
                }
            }

            if (Scalar(keys, "normalize", "normalize:") is { } normalizeNode)
            {
                switch (normalizeNode.Value)
                {
                    case "none":
                        _normalize = NormalizationKind.None;
                        break;
                    case "arabic":
                        _normalize = NormalizationKind.Arabic;
                        break;
                    default:
                        Report(DiagnosticDescriptors.OptionValue, normalizeNode.Location, normalizeNode.Value, "normalize:", "use none or arabic");
                        break;
                }
            }

            string? doc = Scalar(keys, "doc", "doc:")?.Value;

            if (keys.TryGetValue("lexicons", out KeyValuePair<YamlScalar, YamlNodeBase> lexiconsEntry))
            {
                ParseLexicons(lexiconsEntry.Value);

                // Each lexicon becomes members of the corpus's lexicons class, beside its Index: its id
                // (the name in C#), its keys (…Keys) and their numbers (…Numbers). No two may meet.
                var lexiconMembers = new HashSet<string>(StringComparer.Ordinal) { "Index", corpus + "Lexicons" };
                foreach (LexiconSpec lexicon in _lexicons.Values.ToList())
                {
                    string member = Names.ToPascalCase(lexicon.Name);
                    string[] made = [member, member + "Keys", member + "Numbers"];
                    if (made.FirstOrDefault(lexiconMembers.Contains) is { } taken)
                    {
                        Report(DiagnosticDescriptors.InvalidName, lexicon.Location, lexicon.Name, "lexicon", $"in C# it becomes {member} (with {member}Keys and {member}Numbers) in {corpus}Lexicons, where {taken} is already taken (by Index, or another lexicon)");
                        _lexicons.Remove(lexicon.Name);
                        continue;
                    }

                    lexiconMembers.UnionWith(made);
                }
            }

            var entities = new List<EntitySpec>();
            if (!keys.TryGetValue("entities", out KeyValuePair<YamlScalar, YamlNodeBase> entitiesEntry))
            {
                Report(DiagnosticDescriptors.MissingKey, map.Location, "A schema file", "entities");
            }
            else if (Map(entitiesEntry.Value, "entities:") is { } entitiesMap)
            {
                // The generated types, and the members and nested classes of extractors and corpora
                // that would hide an entity's type where the generated code names it.
                var reserved = new HashSet<string>(StringComparer.Ordinal)
                {
                    corpus + "Corpus", corpus + "Document", corpus + "Lexicons",
                    "Terms", "Patterns", "Sequences", "BoilerplatePatterns", "Boilerplate", "Instance", "Extract", "Examples", "Normalization",
                };
                var names = new HashSet<string>(StringComparer.Ordinal);
                foreach (KeyValuePair<YamlScalar, YamlNodeBase> entry in entitiesMap.Entries)
                {
                    _cancellationToken.ThrowIfCancellationRequested();
                    string name = entry.Key.Value;
                    if (!Names.IsIdentifier(name) || Names.IsKeyword(name))
                    {
                        Report(DiagnosticDescriptors.InvalidName, entry.Key.Location, name, "entity", "use a C# identifier such as Person");
                        continue;
                    }

                    if (reserved.Contains(name) || (name.EndsWith("Extractor", StringComparison.Ordinal) && names.Contains(name.Substring(0, name.Length - "Extractor".Length))))
                    {
                        Report(DiagnosticDescriptors.InvalidName, entry.Key.Location, name, "entity", "the name is taken by a generated type");
                        continue;
                    }

                    if (ParseEntity(entry.Key, entry.Value) is { } entity)
                    {
                        names.Add(name);
                        reserved.Add(name + "Extractor");
                        entities.Add(entity);
                    }
                }
            }

            // Without a document type of its own, the corpus's document lists each entity's mentions
            // under its plural (Places): no plural may be a member the document record already has.
            if (!keys.ContainsKey("documents"))
            {
                foreach (EntitySpec entity in entities.ToList())
                {
                    string plural = Names.Plural(entity.Name);
                    if (s_documentMembers.Contains(plural) || plural == corpus + "Document")
                    {
                        Report(DiagnosticDescriptors.InvalidName, entity.Location, entity.Name, "entity", $"the document lists its mentions as {plural}, a name the document record already has (Id, Problems, Mentions(), WriteTo, Equals, ToString …)");
                        entities.Remove(entity);
                    }
                }
            }

            DocumentSpec? document = null;
            if (keys.TryGetValue("documents", out KeyValuePair<YamlScalar, YamlNodeBase> documentsEntry) && Map(documentsEntry.Value, "documents:") is { } documentsMap)
            {
                var taken = new HashSet<string>(entities.Select(e => e.Name), StringComparer.Ordinal) { corpus + "Corpus", corpus + "Lexicons" };
                foreach (KeyValuePair<YamlScalar, YamlNodeBase> entry in documentsMap.Entries)
                {
                    if (document is not null)
                    {
                        Report(DiagnosticDescriptors.InvalidDocumentField, entry.Key.Location, entry.Key.Value, "documents:", "a file declares one document type; put another in a file of its own");
                        continue;
                    }

                    if (!Names.IsIdentifier(entry.Key.Value) || Names.IsKeyword(entry.Key.Value) || taken.Contains(entry.Key.Value) || taken.Contains(entry.Key.Value + "Extractor")
                        || s_documentMembers.Contains(entry.Key.Value))
                    {
                        Report(DiagnosticDescriptors.InvalidName, entry.Key.Location, entry.Key.Value, "document", "use a C# identifier not taken by an entity, a generated type or a member of the document (Id, Layout, Problems, Mentions …), such as Article");
                        continue;
                    }

                    document = ParseDocument(entry.Key, entry.Value, entities);
                }
            }

            foreach (LexiconSpec lexicon in _lexicons.Values)
            {
                if (!_usedLexicons.Contains(lexicon.Name))
                {
                    Report(DiagnosticDescriptors.UnusedLexicon, lexicon.Location, lexicon.Name);
                }
            }

            return new ModuleSpec(
                relativePath,
                hintPrefix,
                ns,
                corpus,
                doc,
                _normalize,
                _lexicons.Values.Where(l => _usedLexicons.Contains(l.Name)).OrderBy(l => l.Name, StringComparer.Ordinal).ToEquatable(),
                entities.ToEquatable(),
                document);
        }

        private (string RelativePath, string HintPrefix, string DefaultCorpus) PathNames()
        {
            string full = _path.Replace('\\', '/');
            string directory = _options.ProjectDirectory.Replace('\\', '/').TrimEnd('/');
            string relative = directory.Length > 0 && full.StartsWith(directory + "/", StringComparison.OrdinalIgnoreCase)
                ? full.Substring(directory.Length + 1)
                : Path.GetFileName(full);
            string withoutExtension = relative.EndsWith(".corpus.yaml", StringComparison.OrdinalIgnoreCase)
                ? relative.Substring(0, relative.Length - ".corpus.yaml".Length)
                : relative;
            string fileName = withoutExtension.Substring(withoutExtension.LastIndexOf('/') + 1);
            string corpus = Names.ToPascalCase(new string(fileName.Select(c => char.IsLetterOrDigit(c) && c < 128 ? c : '_').ToArray()));
            return (relative, Names.ToHintPrefix(withoutExtension), corpus);
        }

        // ---- lexicons ------------------------------------------------------------------------

        private void ParseLexicons(YamlNodeBase node)
        {
            if (Map(node, "lexicons:") is not { } map)
            {
                return;
            }

            foreach (KeyValuePair<YamlScalar, YamlNodeBase> entry in map.Entries)
            {
                string name = entry.Key.Value;
                if (!Names.IsKebabIdentifier(name))
                {
                    Report(DiagnosticDescriptors.InvalidName, entry.Key.Location, name, "lexicon", "use letters, digits, '_' and '-', starting with a letter");
                    continue;
                }

                string label = $"lexicon '{name}'";
                LexiconSpec? lexicon = entry.Value switch
                {
                    YamlList list => new LexiconSpec(name, false, false, UnkeyedEntries(list, label).ToEquatable(), entry.Key.Location),
                    YamlMap keyed => KeyedLexicon(name, keyed, label, entry.Key.Location),
                    _ => null,
                };
                if (lexicon is null)
                {
                    Report(DiagnosticDescriptors.WrongShape, entry.Value.Location, "A lexicon", "a list of forms or a mapping of key -> forms", entry.Value.KindName);
                    continue;
                }

                if (lexicon.Entries.Count == 0)
                {
                    Report(DiagnosticDescriptors.EmptyValue, entry.Value.Location, name, "lexicons:", "a lexicon needs at least one form");
                    continue;
                }

                _lexicons[name] = lexicon;
            }
        }

        private LexiconSpec KeyedLexicon(string name, YamlMap map, string label, LocationInfo location)
        {
            List<LexiconEntry> entries = KeyedEntries(map, label);
            bool integerKeys = entries.Count > 0 && entries.All(e => int.TryParse(e.Key, NumberStyles.None, CultureInfo.InvariantCulture, out _));
            return new LexiconSpec(name, true, integerKeys, entries.ToEquatable(), location);
        }

        private List<LexiconEntry> UnkeyedEntries(YamlList list, string label)
        {
            var entries = new List<LexiconEntry>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (YamlNodeBase item in list.Items)
            {
                if (FormOf(item, label) is { } form && seen.Add(form))
                {
                    entries.Add(new LexiconEntry(form, new[] { form }.ToEquatable()));
                }
            }

            return entries;
        }

        /// <summary>Key -> forms. The key is a form too, unless it is a number (months: 1: [يناير]).</summary>
        private List<LexiconEntry> KeyedEntries(YamlMap map, string label)
        {
            var entries = new List<LexiconEntry>();
            foreach (KeyValuePair<YamlScalar, YamlNodeBase> entry in map.Entries)
            {
                string key = entry.Key.Value.Trim();
                if (key.Length == 0)
                {
                    Report(DiagnosticDescriptors.EmptyValue, entry.Key.Location, key, label, "a key cannot be empty");
                    continue;
                }

                var forms = new List<string>();
                if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                {
                    forms.Add(NormalizeForm(key));
                }

                switch (entry.Value)
                {
                    case YamlList list:
                        foreach (YamlNodeBase item in list.Items)
                        {
                            if (FormOf(item, label) is { } form)
                            {
                                forms.Add(form);
                            }
                        }

                        break;
                    case YamlScalar scalar when scalar.IsNull:
                        break;
                    case YamlScalar scalar:
                        if (FormOf(scalar, label) is { } single)
                        {
                            forms.Add(single);
                        }

                        break;
                    default:
                        Report(DiagnosticDescriptors.WrongShape, entry.Value.Location, $"The forms of '{key}' in {label}", "a form or a list of forms", entry.Value.KindName);
                        continue;
                }

                forms = forms.Where(f => f.Length > 0).Distinct(StringComparer.Ordinal).ToList();
                if (forms.Count == 0)
                {
                    Report(DiagnosticDescriptors.EmptyValue, entry.Key.Location, key, label, "a numeric key needs at least one form");
                    continue;
                }

                entries.Add(new LexiconEntry(key, forms.ToEquatable()));
            }

            return entries;
        }

        private string? FormOf(YamlNodeBase node, string label)
        {
            if (node is not YamlScalar scalar)
            {
                Report(DiagnosticDescriptors.WrongShape, node.Location, $"A form in {label}", "a scalar", node.KindName);
                return null;
            }

            string form = NormalizeForm(scalar.Value);
            if (form.Length == 0)
            {
                Report(DiagnosticDescriptors.EmptyValue, scalar.Location, scalar.Value, label, "a form cannot be empty");
                return null;
            }

            return form;
        }

        private string NormalizeForm(string form)
            => (_normalize == NormalizationKind.Arabic ? NormalizerCore.NormalizeArabic(form) : form).Trim();

        // ---- documents -----------------------------------------------------------------------

        private DocumentSpec? ParseDocument(YamlScalar nameNode, YamlNodeBase node, List<EntitySpec> entities)
        {
            string name = nameNode.Value;
            if (Map(node, $"Document '{name}'") is not { } map)
            {
                return null;
            }

            Dictionary<string, KeyValuePair<YamlScalar, YamlNodeBase>> keys = CheckKeys(map, s_documentKeys, $"document '{name}'");
            string? doc = Scalar(keys, "doc", $"doc: of '{name}'")?.Value;
            bool headline = false;
            if (Scalar(keys, "headline", "headline:") is { } headlineNode)
            {
                headline = headlineNode.Value switch
                {
                    "first-line" or "true" => true,
                    "none" or "false" => false,
                    _ => Invalid(headlineNode, "headline:", "use first-line (the first line that is not blank or boilerplate) or none"),
                };
            }

            bool drop = false;
            if (Scalar(keys, "duplicates", "duplicates:") is { } duplicatesNode)
            {
                drop = duplicatesNode.Value switch
                {
                    "drop" => true,
                    "keep" => false,
                    _ => Invalid(duplicatesNode, "duplicates:", "use keep (repeated lines are extracted; lists count each entity once) or drop (repeated lines are hidden from rules)"),
                };
            }

            var boilerplate = new List<LineRuleSpec>();
            if (keys.TryGetValue("boilerplate", out KeyValuePair<YamlScalar, YamlNodeBase> boilerplateEntry))
            {
                if (boilerplateEntry.Value is YamlList rules)
                {
                    for (int i = 0; i < rules.Items.Count; i++)
                    {
                        if (ParseLineRule(rules.Items[i], i) is { } rule)
                        {
                            if (boilerplate.Any(r => r.Id == rule.Id))
                            {
                                Report(DiagnosticDescriptors.DuplicateName, rule.Location, "boilerplate rule", rule.Id);
                                continue;
                            }

                            boilerplate.Add(rule);
                        }
                    }
                }
                else
                {
                    Report(DiagnosticDescriptors.WrongShape, boilerplateEntry.Value.Location, "boilerplate:", "a list of { id:, line: pattern } or { id:, rest: pattern }", boilerplateEntry.Value.KindName);
                }
            }

            var fields = new List<DocumentFieldSpec>();
            if (keys.TryGetValue("fields", out KeyValuePair<YamlScalar, YamlNodeBase> fieldsEntry) && Map(fieldsEntry.Value, $"fields: of '{name}'") is { } fieldsMap)
            {
                foreach (KeyValuePair<YamlScalar, YamlNodeBase> entry in fieldsMap.Entries)
                {
                    if (ParseDocumentField(name, entry.Key, entry.Value, entities) is not { } field)
                    {
                        continue;
                    }

                    if (fields.Any(f => f.PropertyName == field.PropertyName) || s_documentMembers.Contains(field.PropertyName) || field.PropertyName == name
                        || entities.Any(e => e.Name + "Mentions" == field.PropertyName))
                    {
                        Report(DiagnosticDescriptors.DuplicateName, entry.Key.Location, "document field (as a C# property; Id, Headline, Layout, Problems, Mentions, WriteTo, the record's Equals, ToString … the document's own name and the {Entity}Mentions lists are taken)", field.PropertyName);
                        continue;
                    }

                    fields.Add(field);
                }
            }

            return new DocumentSpec(name, doc, headline, drop, boilerplate.ToEquatable(), fields.ToEquatable(), nameNode.Location);
        }

        private bool Invalid(YamlScalar node, string where, string fix)
        {
            Report(DiagnosticDescriptors.OptionValue, node.Location, node.Value, where, fix);
            return false;
        }

        private LineRuleSpec? ParseLineRule(YamlNodeBase node, int index)
        {
            if (node is not YamlMap map)
            {
                Report(DiagnosticDescriptors.WrongShape, node.Location, "A boilerplate rule", "a mapping { id:, line: pattern } or { id:, rest: pattern }", node.KindName);
                return null;
            }

            Dictionary<string, KeyValuePair<YamlScalar, YamlNodeBase>> keys = CheckKeys(map, s_lineRuleKeys, "a boilerplate rule");
            LocationInfo location = map.Location;
            if (RuleId(keys, "boilerplate", index, "boilerplate rule", ref location) is not { } id)
            {
                return null;
            }

            bool hasLine = keys.ContainsKey("line");
            bool hasRest = keys.ContainsKey("rest");
            if (hasLine == hasRest)
            {
                Report(DiagnosticDescriptors.ExclusiveKeys, map.Location, hasLine ? "line: and rest:" : "neither line: nor rest:", $"boilerplate rule '{id}'", "give exactly one of line: (drops the matching line) or rest: (drops it and every line after)");
                return null;
            }

            if (Scalar(keys, hasLine ? "line" : "rest", hasLine ? "line:" : "rest:") is not { } patternNode)
            {
                return null;
            }

            PatternSpec? pattern = CheckedPattern(patternNode, $"boilerplate rule '{id}'", anchored: false, new Dictionary<string, List<string>>(StringComparer.Ordinal), []);
            return pattern is null ? null : new LineRuleSpec(id, Scalar(keys, "doc", "doc:")?.Value, pattern, hasRest, location);
        }

        private DocumentFieldSpec? ParseDocumentField(string document, YamlScalar nameNode, YamlNodeBase node, List<EntitySpec> entities)
        {
            string name = nameNode.Value;
            if (!Names.IsIdentifier(name))
            {
                Report(DiagnosticDescriptors.InvalidName, nameNode.Location, name, "field", "use letters, digits and '_', starting with a letter");
                return null;
            }

            YamlScalar? typeNode;
            string? doc = null;
            string? where = null;
            LocationInfo? whereLocation = null;
            bool contained = false;
            if (node is YamlMap map)
            {
                Dictionary<string, KeyValuePair<YamlScalar, YamlNodeBase>> keys = CheckKeys(map, s_documentFieldKeys, $"field '{name}' of '{document}'");
                typeNode = Scalar(keys, "type", "type:");
                doc = Scalar(keys, "doc", "doc:")?.Value;
                if (Scalar(keys, "where", "where:") is { } whereNode)
                {
                    where = whereNode.Value;
                    whereLocation = whereNode.Location;
                }

                if (Scalar(keys, "same", "same:") is { } sameNode)
                {
                    contained = sameNode.Value switch
                    {
                        "key" => false,
                        "contained" => true,
                        _ => Invalid(sameNode, "same:", "use key (equal keys) or contained (a key whose words are a run of a fuller key's: لافروف in سيرغي لافروف)"),
                    };
                }

                if (typeNode is null)
                {
                    if (!keys.ContainsKey("type"))
                    {
                        Report(DiagnosticDescriptors.MissingKey, nameNode.Location, $"Field '{name}' of '{document}'", "type");
                    }

                    return null;
                }
            }
            else
            {
                typeNode = node as YamlScalar;
                if (typeNode is null || typeNode.IsNull)
                {
                    Report(DiagnosticDescriptors.WrongShape, node.Location, $"Field '{name}' of '{document}'", "an entity type: Person[] (the distinct people) or Date? (the first date)", node.KindName);
                    return null;
                }
            }

            FieldType? type = ParseType(typeNode.Value.Trim());
            if (type is null || type.Kind != FieldKind.Entity || (type.IsList == type.IsOptional))
            {
                Report(DiagnosticDescriptors.InvalidDocumentField, typeNode.Location, typeNode.Value, $"field '{name}' of document '{document}'", "a document field is Entity[] (its distinct entities) or Entity? (the first one)");
                return null;
            }

            if (where is not null)
            {
                EntitySpec? target = entities.FirstOrDefault(e => e.Name == type.EntityName);
                FieldSpec? flag = target?.Fields.FirstOrDefault(f => f.Name == where);
                if (flag is null || flag.Type.Kind != FieldKind.Bool || flag.Type.IsList)
                {
                    Report(DiagnosticDescriptors.InvalidDocumentField, whereLocation!, where, $"where: of field '{name}'", $"name a bool field of {type.EntityName}, declared in this file");
                    return null;
                }

                where = flag.PropertyName + (flag.Type.IsOptional ? " == true" : string.Empty);
            }

            return new DocumentFieldSpec(name, Names.ToPascalCase(name), doc, type.EntityName!, null, type.IsList, contained, where, typeNode.Location);
        }

        // ---- entities ------------------------------------------------------------------------

        private EntitySpec? ParseEntity(YamlScalar nameNode, YamlNodeBase node)
        {
            string name = nameNode.Value;
            if (Map(node, $"Entity '{name}'") is not { } map)
            {
                return null;
            }

            Dictionary<string, KeyValuePair<YamlScalar, YamlNodeBase>> keys = CheckKeys(map, s_entityKeys, $"entity '{name}'");
            string? doc = Scalar(keys, "doc", $"doc: of '{name}'")?.Value;
            OverlapKind overlap = OverlapKind.Longest;
            if (Scalar(keys, "overlap", $"overlap: of '{name}'") is { } overlapNode)
            {
                switch (overlapNode.Value)
                {
                    case "longest":
                        break;
                    case "first":
                        overlap = OverlapKind.First;
                        break;
                    case "all":
                        overlap = OverlapKind.All;
                        break;
                    default:
                        Report(DiagnosticDescriptors.OptionValue, overlapNode.Location, overlapNode.Value, "overlap:", "use longest, first or all");
                        break;
                }
            }

            var fields = new List<FieldSpec>();
            if (!keys.TryGetValue("fields", out KeyValuePair<YamlScalar, YamlNodeBase> fieldsEntry))
            {
                Report(DiagnosticDescriptors.MissingKey, nameNode.Location, $"Entity '{name}'", "fields");
                return null;
            }

            if (Map(fieldsEntry.Value, $"fields: of '{name}'") is { } fieldsMap)
            {
                var properties = new HashSet<string>(StringComparer.Ordinal);
                foreach (KeyValuePair<YamlScalar, YamlNodeBase> entry in fieldsMap.Entries)
                {
                    if (ParseField(name, entry.Key, entry.Value) is { } field)
                    {
                        if (!properties.Add(field.PropertyName))
                        {
                            Report(DiagnosticDescriptors.DuplicateName, entry.Key.Location, "field (as a C# property)", field.PropertyName);
                            continue;
                        }

                        fields.Add(field);
                    }
                }

                // An enum field brings a nested type and its parser into the record: no field may take their names.
                foreach (FieldSpec enumField in fields.Where(f => f.Type.Kind == FieldKind.Enum).ToList())
                {
                    foreach (string member in new[] { enumField.PropertyName + "Kind", "Parse" + enumField.PropertyName + "Kind" })
                    {
                        if (member == name)
                        {
                            Report(DiagnosticDescriptors.InvalidName, enumField.Location, enumField.Name, "field", $"its enum type or parser would be named {member}, as its entity; C# does not let a member be named as its type");
                            fields.Remove(enumField);
                            break;
                        }

                        if (fields.FirstOrDefault(f => f.PropertyName == member) is { } taken)
                        {
                            Report(DiagnosticDescriptors.InvalidName, taken.Location, taken.Name, "field", $"the record already has {member}, made for the enum field '{enumField.Name}'");
                            fields.Remove(taken);
                        }
                    }
                }
            }

            if (fields.Count == 0)
            {
                Report(DiagnosticDescriptors.MissingKey, fieldsEntry.Key.Location, $"Entity '{name}'", "at least one valid field (the first is its key)");
                return null;
            }

            if (fields[0].Type.IsList || fields[0].Type.Kind == FieldKind.Entity)
            {
                Report(DiagnosticDescriptors.InvalidType, fields[0].Location, fields[0].Name + " (the key of " + name + ", which must be a single value, not a list or reference)");
                return null;
            }

            var rules = new List<RuleSpec>();
            if (!keys.TryGetValue("rules", out KeyValuePair<YamlScalar, YamlNodeBase> rulesEntry))
            {
                Report(DiagnosticDescriptors.MissingKey, nameNode.Location, $"Entity '{name}'", "rules");
            }
            else if (rulesEntry.Value is YamlList rulesList)
            {
                var ids = new HashSet<string>(StringComparer.Ordinal);
                var methods = new HashSet<string>(StringComparer.Ordinal);
                for (int i = 0; i < rulesList.Items.Count; i++)
                {
                    _cancellationToken.ThrowIfCancellationRequested();
                    if (ParseRule(name, fields, rulesList.Items[i], i) is not { } rule)
                    {
                        continue;
                    }

                    if (!ids.Add(rule.Id) || !methods.Add(rule.MethodName))
                    {
                        Report(DiagnosticDescriptors.DuplicateName, rule.Location, $"rule of '{name}'", rule.Id);
                        continue;
                    }

                    rules.Add(rule);
                }
            }
            else
            {
                Report(DiagnosticDescriptors.WrongShape, rulesEntry.Value.Location, $"rules: of '{name}'", "a list of rules", rulesEntry.Value.KindName);
            }

            var outside = new List<EntityReference>();
            if (keys.TryGetValue("outside", out KeyValuePair<YamlScalar, YamlNodeBase> outsideEntry))
            {
                IEnumerable<YamlNodeBase> items = outsideEntry.Value is YamlList outsideList ? outsideList.Items : [outsideEntry.Value];
                foreach (YamlNodeBase item in items)
                {
                    if (item is YamlScalar { IsNull: false } other && Names.IsIdentifier(other.Value))
                    {
                        outside.Add(new EntityReference(other.Value, null, other.Location));
                    }
                    else
                    {
                        Report(DiagnosticDescriptors.WrongShape, item.Location, $"outside: of '{name}'", "an entity name or a list of them", item.KindName);
                    }
                }
            }

            return new EntitySpec(name, doc, fields.ToEquatable(), rules.ToEquatable(), overlap, outside.ToEquatable(), nameNode.Location);
        }

        private FieldSpec? ParseField(string entity, YamlScalar nameNode, YamlNodeBase node)
        {
            string name = nameNode.Value;
            if (!Names.IsIdentifier(name))
            {
                Report(DiagnosticDescriptors.InvalidName, nameNode.Location, name, "field", "use letters, digits and '_', starting with a letter");
                return null;
            }

            string property = Names.ToPascalCase(name);
            if (s_recordMembers.Contains(property))
            {
                Report(DiagnosticDescriptors.InvalidName, nameNode.Location, name, "field", $"the entity's record already has a member {property} (every entity has Span, Text, Rule, Key, EntityType, TypeName, WriteTo and WriteFields, and every record Equals, GetHashCode, ToString and Deconstruct)");
                return null;
            }

            if (property == entity)
            {
                Report(DiagnosticDescriptors.InvalidName, nameNode.Location, name, "field", $"C# does not let a member of the record {entity} be named {entity}; name the field after what it holds (id, name, value)");
                return null;
            }

            string? doc = null;
            YamlScalar? typeNode = null;
            YamlList? enumNode = null;
            bool optional = false;
            switch (node)
            {
                case YamlScalar scalar:
                    typeNode = scalar;
                    break;
                case YamlMap map:
                    Dictionary<string, KeyValuePair<YamlScalar, YamlNodeBase>> keys = CheckKeys(map, s_fieldKeys, $"field '{name}' of '{entity}'");
                    doc = Scalar(keys, "doc", $"doc: of field '{name}'")?.Value;
                    typeNode = Scalar(keys, "type", $"type: of field '{name}'");
                    if (keys.TryGetValue("enum", out KeyValuePair<YamlScalar, YamlNodeBase> enumEntry))
                    {
                        enumNode = enumEntry.Value as YamlList;
                        if (enumNode is null)
                        {
                            Report(DiagnosticDescriptors.WrongShape, enumEntry.Value.Location, $"enum: of field '{name}'", "a list of members", enumEntry.Value.KindName);
                            return null;
                        }
                    }

                    if (Scalar(keys, "optional", $"optional: of field '{name}'") is { } optionalNode)
                    {
                        if (!bool.TryParse(optionalNode.Value, out optional))
                        {
                            Report(DiagnosticDescriptors.OptionValue, optionalNode.Location, optionalNode.Value, "optional:", "use true or false");
                        }
                    }

                    if (typeNode is null && enumNode is null)
                    {
                        Report(DiagnosticDescriptors.MissingKey, nameNode.Location, $"Field '{name}' of '{entity}'", "type or enum");
                        return null;
                    }

                    if (typeNode is not null && enumNode is not null)
                    {
                        Report(DiagnosticDescriptors.ExclusiveKeys, typeNode.Location, "type: and enum:", $"field '{name}'", "give type: or enum:, not both");
                        return null;
                    }

                    break;
                default:
                    Report(DiagnosticDescriptors.WrongShape, node.Location, $"Field '{name}' of '{entity}'", "a type (string, int?, Person[]…) or a mapping with type:/enum: and doc:", node.KindName);
                    return null;
            }

            FieldType? type;
            LocationInfo typeLocation = typeNode?.Location ?? enumNode!.Location;
            if (enumNode is not null)
            {
                var members = new List<string>();
                foreach (YamlNodeBase item in enumNode.Items)
                {
                    if (item is YamlScalar member && Names.IsIdentifier(Names.ToPascalCase(member.Value)) && member.Value.Length > 0)
                    {
                        if (members.Any(m => Names.ToPascalCase(m) == Names.ToPascalCase(member.Value)))
                        {
                            Report(DiagnosticDescriptors.DuplicateName, member.Location, "enum member", member.Value);
                            continue;
                        }

                        members.Add(member.Value);
                    }
                    else
                    {
                        Report(DiagnosticDescriptors.InvalidName, item.Location, (item as YamlScalar)?.Value ?? item.KindName, "enum member", "use letters, digits, '_' and '-'");
                    }
                }

                if (members.Count == 0)
                {
                    Report(DiagnosticDescriptors.EmptyValue, enumNode.Location, name, "enum:", "an enum needs at least one member");
                    return null;
                }

                type = new FieldType(FieldKind.Enum, false, optional, null, null, members.ToEquatable());
            }
            else
            {
                type = ParseType(typeNode!.Value.Trim());
                if (type is null)
                {
                    Report(DiagnosticDescriptors.InvalidType, typeNode.Location, typeNode.Value);
                    return null;
                }

                if (optional && !type.IsOptional)
                {
                    type = type with { IsOptional = true };
                }
            }

            if (property == "Text" && !(type is { Kind: FieldKind.String, IsList: false, IsOptional: false }))
            {
                Report(DiagnosticDescriptors.InvalidName, nameNode.Location, name, "field", "a field named text is the entity's Text and holds a string; declare it text: string, or give the field another name");
                return null;
            }

            return new FieldSpec(name, property, doc, type, typeLocation);
        }

        /// <summary>Parses <c>string</c>, <c>int?</c>, <c>Person[]</c>, <c>date[]?</c>; null when it is not a type.</summary>
        private static FieldType? ParseType(string text)
        {
            bool optional = false;
            bool list = false;
            if (text.EndsWith("?", StringComparison.Ordinal))
            {
                optional = true;
                text = text.Substring(0, text.Length - 1).TrimEnd();
            }

            if (text.EndsWith("[]", StringComparison.Ordinal))
            {
                list = true;
                text = text.Substring(0, text.Length - 2).TrimEnd();
            }

            FieldKind? kind = text switch
            {
                "string" => FieldKind.String,
                "int" => FieldKind.Int,
                "decimal" => FieldKind.Decimal,
                "bool" => FieldKind.Bool,
                "date" => FieldKind.Date,
                _ => null,
            };
            if (kind is { } primitive)
            {
                return new FieldType(primitive, list, optional, null, null, ImmutableEquatableArray<string>.Empty);
            }

            // Anything else that is a type name refers to an entity; the linker checks it exists.
            return Names.IsIdentifier(text) && !Names.IsKeyword(text) && char.IsUpper(text[0])
                ? new FieldType(FieldKind.Entity, list, optional, text, null, ImmutableEquatableArray<string>.Empty)
                : null;
        }

        // ---- rules ---------------------------------------------------------------------------

        private RuleSpec? ParseRule(string entity, List<FieldSpec> fields, YamlNodeBase node, int index)
        {
            if (node is not YamlMap map)
            {
                Report(DiagnosticDescriptors.WrongShape, node.Location, $"A rule of '{entity}'", "a mapping (id:, terms: or regex:, set:)", node.KindName);
                return null;
            }

            Dictionary<string, KeyValuePair<YamlScalar, YamlNodeBase>> keys = CheckKeys(map, s_ruleKeys, $"a rule of '{entity}'");
            LocationInfo location = map.Entries.Count > 0 ? map.Entries[0].Key.Location : map.Location;
            if (RuleId(keys, "rule", index, "rule", ref location) is not { } id)
            {
                return null;
            }

            string? doc = Scalar(keys, "doc", "doc:")?.Value;
            string[] kinds = ["terms", "regex", "sequence"];
            var present = kinds.Where(keys.ContainsKey).ToList();
            if (present.Count > 1)
            {
                Report(DiagnosticDescriptors.ExclusiveKeys, keys[present[1]].Key.Location, $"{present[0]}: and {present[1]}:", $"rule '{id}'", $"a rule has one of terms:, regex: or sequence:, not {present[0]}: too; split it into two rules");
                return null;
            }

            if (present.Count == 0)
            {
                Report(DiagnosticDescriptors.MissingKey, location, $"Rule '{id}' of '{entity}'", "terms:, regex: or sequence:");
                return null;
            }

            string kind = present[0];
            KeyValuePair<YamlScalar, YamlNodeBase> body = keys[kind];
            TermsSpec? terms = null;
            PatternSpec? pattern = null;
            var groups = new List<string>();
            var groupSteps = new List<int>();
            var steps = new List<StepSpec>();
            var groupLexicons = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            switch (kind)
            {
                case "terms":
                    terms = ParseTerms(body.Value, id);
                    if (terms is null)
                    {
                        return null;
                    }

                    break;
                case "regex":
                    if (body.Value is not YamlScalar regexNode)
                    {
                        Report(DiagnosticDescriptors.WrongShape, body.Value.Location, $"regex: of rule '{id}'", "a pattern", body.Value.KindName);
                        return null;
                    }

                    pattern = CheckedPattern(regexNode, $"rule '{id}'", anchored: false, groupLexicons, groups);
                    if (pattern is null)
                    {
                        return null;
                    }

                    groupSteps.AddRange(groups.Select(_ => -1));
                    break;
                default:
                    if (!ParseSequence(body.Value, id, fields, steps, groups, groupSteps, groupLexicons))
                    {
                        return null;
                    }

                    break;
            }

            var sets = new Dictionary<string, KeyValuePair<YamlScalar, YamlScalar>>(StringComparer.Ordinal);
            if (keys.TryGetValue("set", out KeyValuePair<YamlScalar, YamlNodeBase> setEntry))
            {
                foreach (KeyValuePair<YamlScalar, YamlScalar> entry in FieldValues(setEntry.Value, fields, $"set: of rule '{id}'", "set", "a value, a group name, date(…), int(…) or nearest(…)"))
                {
                    if (steps.Any(step => step.As == entry.Key.Value))
                    {
                        Report(DiagnosticDescriptors.DuplicateName, entry.Key.Location, $"way to fill a field in rule '{id}' (a step already fills it with as:)", entry.Key.Value);
                        continue;
                    }

                    sets[entry.Key.Value] = entry;
                }
            }

            var usedGroups = new HashSet<string>(StringComparer.Ordinal);
            string? spanGroup = null;
            if (Scalar(keys, "span", "span:") is { } spanNode)
            {
                if (!groups.Contains(spanNode.Value))
                {
                    Report(DiagnosticDescriptors.UnknownSpanGroup, spanNode.Location, spanNode.Value, $"span: of rule '{id}'", "name a group of the rule's pattern: the entity's span is where it matched");
                    return null;
                }

                spanGroup = spanNode.Value;
                usedGroups.Add(spanGroup);
            }
            var fills = new List<FieldFill>();
            bool ok = true;
            for (int i = 0; i < fields.Count; i++)
            {
                FieldSpec field = fields[i];
                int step = steps.FindIndex(s => s.As == field.Name);
                FieldFill? fill = step >= 0
                    ? new StepFill(field.Name, step)
                    : sets.TryGetValue(field.Name, out KeyValuePair<YamlScalar, YamlScalar> set)
                        ? FillFromSet(field, set.Value, id, terms is not null, groups, groupLexicons, usedGroups, ref ok)
                        : DefaultFill(field, i == 0, terms, groups, usedGroups);
                if (fill is not null)
                {
                    fills.Add(fill);
                }
                else if (!field.Type.IsOptional && !field.Type.IsList && !sets.ContainsKey(field.Name))
                {
                    Report(DiagnosticDescriptors.UnfillableField, location, id, field.Name, entity);
                    ok = false;
                }
            }

            foreach (string group in groups)
            {
                if (!usedGroups.Contains(group))
                {
                    Report(DiagnosticDescriptors.UnmatchedGroup, body.Value.Location, group, id, entity);
                    ok = false;
                }
            }

            var examples = new List<ExampleSpec>();
            if (keys.TryGetValue("examples", out KeyValuePair<YamlScalar, YamlNodeBase> examplesEntry))
            {
                ParseExamples(examplesEntry.Value, id, entity, fields, examples);
            }

            return ok
                ? new RuleSpec(
                    id,
                    "Match" + Names.ToPascalCase(id),
                    doc,
                    terms is not null ? new TermsBody(terms) : pattern is not null ? new RegexBody(pattern) : new SequenceBody(steps.ToEquatable()),
                    groups.ToEquatable(),
                    groupSteps.ToEquatable(),
                    fills.ToEquatable(),
                    spanGroup,
                    examples.ToEquatable(),
                    location)
                : null;
        }

        /// <summary>
        /// Expands, checks and compiles a pattern the way the runtime will (anchored with \G for a
        /// sequence step that is not the first), adding its named groups to <paramref name="groups"/>.
        /// </summary>
        private PatternSpec? CheckedPattern(YamlScalar node, string owner, bool anchored, Dictionary<string, List<string>> groupLexicons, List<string> groups)
        {
            string? pattern = ExpandPattern(node, groupLexicons);
            if (pattern is null)
            {
                return null;
            }

            if (anchored)
            {
                pattern = @"\G(?:" + pattern + ")";
            }

            try
            {
                var options = RegexOptions.CultureInvariant | (_normalize == NormalizationKind.Arabic ? RegexOptions.IgnoreCase : RegexOptions.None);
                var regex = new Regex(pattern, options, s_checkTimeout);
                groups.AddRange(regex.GetGroupNames().Where(g => !int.TryParse(g, NumberStyles.None, CultureInfo.InvariantCulture, out _)));
            }
            catch (ArgumentException exception)
            {
                Report(DiagnosticDescriptors.InvalidRegex, node.Location, owner, RegexMessage(exception.Message));
                return null;
            }

            if (Backtracking.FindNestedQuantifier(node.Value) is { } risky)
            {
                Report(DiagnosticDescriptors.BacktrackingRisk, node.Location, owner, risky);
            }

            return new PatternSpec(node.Value, pattern, node.Location);
        }

        /// <summary>
        /// Reads a mapping of field name -> scalar (<c>set:</c>, <c>expect:</c>), reporting keys
        /// that name no field and values that are not scalars.
        /// </summary>
        private List<KeyValuePair<YamlScalar, YamlScalar>> FieldValues(YamlNodeBase node, List<FieldSpec> fields, string where, string key, string expected)
        {
            var values = new List<KeyValuePair<YamlScalar, YamlScalar>>();
            if (Map(node, where) is not { } map)
            {
                return values;
            }

            List<KeyValuePair<YamlScalar, YamlNodeBase>> entries = map.Entries;
            for (int k = 0; k < entries.Count; k++)
            {
                KeyValuePair<YamlScalar, YamlNodeBase> entry = entries[k];
                if (CutAtCommas(entries, k) is { } pieces)
                {
                    // date(year, month, day) unquoted: the value date(year, then keys month and day) with no value.
                    string whole = string.Join(", ", pieces);
                    Report(DiagnosticDescriptors.ValueCutAtComma, entry.Value.Location, whole, where, $"{entry.Key.Value}: '{whole}'");
                    k += pieces.Count - 1;
                    continue;
                }

                if (!fields.Any(f => f.Name == entry.Key.Value))
                {
                    Report(DiagnosticDescriptors.UnknownKey, entry.Key.Location, entry.Key.Value, where, string.Join(", ", fields.Select(f => f.Name)));
                    continue;
                }

                if (entry.Value is not YamlScalar value)
                {
                    Report(DiagnosticDescriptors.WrongShape, entry.Value.Location, $"{key}: {entry.Key.Value}", expected, entry.Value.KindName);
                    continue;
                }

                values.Add(new KeyValuePair<YamlScalar, YamlScalar>(entry.Key, value));
            }

            return values;
        }

        /// <summary>
        /// When the plain value of entry <paramref name="at"/> opens a parenthesis it does not close
        /// and the entries after it are keys without values that close it, the pieces YAML cut the
        /// one value into (date(year, month, day) read as date(year, then month and day)); else null.
        /// </summary>
        private static List<string>? CutAtCommas(List<KeyValuePair<YamlScalar, YamlNodeBase>> entries, int at)
        {
            if (entries[at].Value is not YamlScalar { IsPlain: true } value || Unclosed(value.Value) <= 0)
            {
                return null;
            }

            var pieces = new List<string> { value.Value };
            int open = Unclosed(value.Value);
            for (int k = at + 1; k < entries.Count && open > 0 && entries[k].Value is YamlScalar { IsNull: true }; k++)
            {
                pieces.Add(entries[k].Key.Value);
                open += Unclosed(entries[k].Key.Value);
            }

            return pieces.Count > 1 && open == 0 ? pieces : null;

            static int Unclosed(string text) => text.Count(c => c == '(') - text.Count(c => c == ')');
        }

        // ---- sequences -----------------------------------------------------------------------

        private static readonly string[] s_stepKeys = ["entity", "terms", "regex", "gap", "as"];

        private bool ParseSequence(
            YamlNodeBase node,
            string ruleId,
            List<FieldSpec> fields,
            List<StepSpec> steps,
            List<string> groups,
            List<int> groupSteps,
            Dictionary<string, List<string>> groupLexicons)
        {
            if (node is not YamlList list || list.Items.Count == 0)
            {
                Report(DiagnosticDescriptors.WrongShape, node.Location, $"sequence: of rule '{ruleId}'", "a list of steps ({entity: …}, {terms: …}, {regex: …}, {gap: 0..3 words})", node is YamlList ? "an empty list" : node.KindName);
                return false;
            }

            bool ok = true;
            for (int i = 0; i < list.Items.Count; i++)
            {
                YamlNodeBase item = list.Items[i];
                if (item is not YamlMap map)
                {
                    Report(DiagnosticDescriptors.WrongShape, item.Location, $"Step {i + 1} of rule '{ruleId}'", "a mapping such as {entity: Person, as: speaker}", item.KindName);
                    ok = false;
                    continue;
                }

                Dictionary<string, KeyValuePair<YamlScalar, YamlNodeBase>> keys = CheckKeys(map, s_stepKeys, $"step {i + 1} of rule '{ruleId}'");
                var kinds = new[] { "entity", "terms", "regex", "gap" }.Where(keys.ContainsKey).ToList();
                if (kinds.Count != 1)
                {
                    Report(DiagnosticDescriptors.ExclusiveKeys, map.Location, kinds.Count == 0 ? "none of entity:, terms:, regex:, gap:" : string.Join(" and ", kinds.Select(k => k + ":")), $"step {i + 1} of rule '{ruleId}'", "give exactly one of entity:, terms:, regex: or gap:");
                    ok = false;
                    continue;
                }

                KeyValuePair<YamlScalar, YamlNodeBase> body = keys[kinds[0]];
                string? target = Scalar(keys, "as", "as:")?.Value;
                FieldSpec? targetField = null;
                if (target is not null)
                {
                    targetField = fields.FirstOrDefault(f => f.Name == target);
                    if (targetField is null)
                    {
                        Report(DiagnosticDescriptors.UnknownKey, keys["as"].Value.Location, target, $"as: of step {i + 1} (the fields of the entity)", string.Join(", ", fields.Select(f => f.Name)));
                        ok = false;
                        continue;
                    }

                    if (steps.Any(s => s.As == target))
                    {
                        Report(DiagnosticDescriptors.DuplicateName, keys["as"].Value.Location, $"as: in rule '{ruleId}'", target);
                        ok = false;
                        continue;
                    }
                }

                StepSpec? step = null;
                switch (kinds[0])
                {
                    case "entity":
                        if (Scalar(keys, "entity", "entity:") is { } entityNode)
                        {
                            if (!Names.IsIdentifier(entityNode.Value))
                            {
                                Report(DiagnosticDescriptors.UnknownEntity, entityNode.Location, entityNode.Value);
                                break;
                            }

                            if (targetField is not null && targetField.Type.IsList)
                            {
                                Report(DiagnosticDescriptors.InvalidStep, keys["as"].Value.Location, target!, $"as: of step {i + 1}", "an entity step fills a single field: a reference to that entity, or a string");
                                break;
                            }

                            if (targetField is not null && targetField.Type.Kind == FieldKind.Entity && targetField.Type.EntityName != entityNode.Value)
                            {
                                Report(DiagnosticDescriptors.InvalidStep, keys["as"].Value.Location, target!, $"as: of step {i + 1}", $"the field refers to {targetField.Type.EntityName}, the step finds {entityNode.Value}");
                                break;
                            }

                            step = new EntityStep(target, entityNode.Location, entityNode.Value, EntityRef: null);
                        }

                        break;
                    case "terms":
                        if (ParseTerms(body.Value, ruleId) is { } terms)
                        {
                            step = AsTextStep(targetField, keys, i) ? new TermsStep(target, body.Value.Location, terms) : null;
                        }

                        break;
                    case "regex":
                        if (body.Value is not YamlScalar regexNode)
                        {
                            Report(DiagnosticDescriptors.WrongShape, body.Value.Location, $"regex: of step {i + 1}", "a pattern", body.Value.KindName);
                            break;
                        }

                        var stepGroups = new List<string>();
                        PatternSpec? pattern = CheckedPattern(regexNode, $"rule '{ruleId}' step {i + 1}", anchored: i > 0, groupLexicons, stepGroups);
                        if (pattern is null)
                        {
                            break;
                        }

                        string? clash = stepGroups.FirstOrDefault(groups.Contains);
                        if (clash is not null)
                        {
                            Report(DiagnosticDescriptors.DuplicateName, regexNode.Location, $"named group in the steps of rule '{ruleId}'", clash);
                            break;
                        }

                        groups.AddRange(stepGroups);
                        groupSteps.AddRange(stepGroups.Select(_ => i));
                        step = AsTextStep(targetField, keys, i) ? new RegexStep(target, regexNode.Location, pattern) : null;
                        break;
                    default:
                        step = ParseGap(body.Value, i, list.Items.Count, target);
                        break;
                }

                if (step is null)
                {
                    ok = false;
                    continue;
                }

                steps.Add(step);
            }

            return ok;
        }

        /// <summary>Whether a terms or regex step may fill <paramref name="field"/>: from its text, so not a reference or a list.</summary>
        private bool AsTextStep(FieldSpec? field, Dictionary<string, KeyValuePair<YamlScalar, YamlNodeBase>> keys, int index)
        {
            if (field is null || CanConvertText(field.Type))
            {
                return true;
            }

            Report(DiagnosticDescriptors.InvalidStep, keys["as"].Value.Location, field.Name, $"as: of step {index + 1}", "a terms or regex step fills a field from its text; a reference needs an entity step, a list a regex group");
            return false;
        }

        private StepSpec? ParseGap(YamlNodeBase node, int index, int count, string? target)
        {
            if (target is not null)
            {
                Report(DiagnosticDescriptors.InvalidStep, node.Location, target, $"as: of step {index + 1}", "a gap has no value to fill a field with");
                return null;
            }

            if (index == 0 || index == count - 1)
            {
                Report(DiagnosticDescriptors.InvalidStep, node.Location, (node as YamlScalar)?.Value ?? "gap", $"step {index + 1}", "a gap stands between two steps, never first or last");
                return null;
            }

            Match gap = node is YamlScalar scalar
                ? Regex.Match(scalar.Value.Trim(), @"^(?:(\d+)\s*\.\.\s*)?(\d+)(?:\s+words?)?$")
                : Match.Empty;
            if (!gap.Success)
            {
                Report(DiagnosticDescriptors.InvalidStep, node.Location, (node as YamlScalar)?.Value ?? node.KindName, $"the gap of step {index + 1}", "write a word count: 0..8 words, or 3 words (at most 3)");
                return null;
            }

            int min = gap.Groups[1].Success ? int.Parse(gap.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
            bool parsed = int.TryParse(gap.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int max);
            if (!parsed || max < min || max > MaxGapWords)
            {
                Report(DiagnosticDescriptors.InvalidStep, node.Location, ((YamlScalar)node).Value, $"the gap of step {index + 1}", $"the range must go up, and a gap spans at most {MaxGapWords} words");
                return null;
            }

            return new GapStep(node.Location, min, max);
        }

        /// <summary>The widest gap: a sequence is a local pattern, not a paragraph search.</summary>
        private const int MaxGapWords = 50;

        // ---- examples ------------------------------------------------------------------------

        private static readonly string[] s_exampleKeys = ["text", "expect", "span", "none"];

        private void ParseExamples(YamlNodeBase node, string ruleId, string entity, List<FieldSpec> fields, List<ExampleSpec> examples)
        {
            if (node is not YamlList list)
            {
                Report(DiagnosticDescriptors.WrongShape, node.Location, $"examples: of rule '{ruleId}'", "a list of { text: …, expect: { field: value } } or { text: …, none: true }", node.KindName);
                return;
            }

            foreach (YamlNodeBase item in list.Items)
            {
                if (item is not YamlMap map)
                {
                    Report(DiagnosticDescriptors.WrongShape, item.Location, $"An example of rule '{ruleId}'", "a mapping with text: and expect: or none:", item.KindName);
                    continue;
                }

                Dictionary<string, KeyValuePair<YamlScalar, YamlNodeBase>> keys = CheckKeys(map, s_exampleKeys, $"an example of rule '{ruleId}'");
                if (Scalar(keys, "text", "text: of an example") is not { } textNode)
                {
                    if (!keys.ContainsKey("text"))
                    {
                        Report(DiagnosticDescriptors.MissingKey, map.Location, $"An example of rule '{ruleId}'", "text");
                    }

                    continue;
                }

                bool none = false;
                if (Scalar(keys, "none", "none:") is { } noneNode && !bool.TryParse(noneNode.Value, out none))
                {
                    Report(DiagnosticDescriptors.OptionValue, noneNode.Location, noneNode.Value, "none:", "use true or false");
                    continue;
                }

                string? span = Scalar(keys, "span", "span:")?.Value;
                var expected = new List<ExpectedField>();
                if (keys.TryGetValue("expect", out KeyValuePair<YamlScalar, YamlNodeBase> expectEntry))
                {
                    foreach (KeyValuePair<YamlScalar, YamlScalar> entry in FieldValues(expectEntry.Value, fields, $"expect: of an example of '{entity}'", "expect", "a value as the mention export writes it"))
                    {
                        expected.Add(new ExpectedField(entry.Key.Value, entry.Value.IsNull ? "null" : entry.Value.Value));
                    }
                }

                if (none && (expected.Count > 0 || span is not null))
                {
                    Report(DiagnosticDescriptors.InvalidExample, keys["none"].Value.Location, "none: true", $"an example of rule '{ruleId}'", "an example that must not match expects nothing; drop expect: and span:");
                    continue;
                }

                // Schema order, so the generated table reads like the record.
                expected.Sort((a, b) => fields.FindIndex(f => f.Name == a.Field).CompareTo(fields.FindIndex(f => f.Name == b.Field)));
                examples.Add(new ExampleSpec(textNode.Value, none, span, expected.ToEquatable(), textNode.Location));
            }
        }

        private static FieldFill? DefaultFill(FieldSpec field, bool isKey, TermsSpec? terms, List<string> groups, HashSet<string> usedGroups)
        {
            if (groups.Contains(field.Name))
            {
                usedGroups.Add(field.Name);
                return GroupFill(field, field.Name);
            }

            if (!isKey)
            {
                return null;
            }

            if (terms is { Keyed: true })
            {
                return field.Type.Kind is FieldKind.String or FieldKind.Int or FieldKind.Decimal or FieldKind.Bool or FieldKind.Enum or FieldKind.Date
                    ? new TermKeyFill(field.Name)
                    : null;
            }

            return CanConvertText(field.Type) ? new MatchTextFill(field.Name) : null;
        }

        private static bool CanConvertText(FieldType type) => !type.IsList && type.Kind != FieldKind.Entity;

        /// <summary>A group fills a single field with its text, a list field with every capture; never a reference.</summary>
        private static FieldFill? GroupFill(FieldSpec field, string group)
            => field.Type.Kind == FieldKind.Entity ? null
                : field.Type.IsList ? new GroupCapturesFill(field.Name, group)
                : new GroupFill(field.Name, group);

        private FieldFill? FillFromSet(
            FieldSpec field,
            YamlScalar value,
            string ruleId,
            bool isTerms,
            List<string> groups,
            Dictionary<string, List<string>> groupLexicons,
            HashSet<string> usedGroups,
            ref bool ok)
        {
            string text = value.Value.Trim();
            Match call = Regex.Match(text, @"^([A-Za-z_][A-Za-z0-9_]*)\s*\((.*)\)$", RegexOptions.Singleline);
            if (call.Success)
            {
                string function = call.Groups[1].Value;
                string[] arguments = call.Groups[2].Value.Split(',').Select(a => a.Trim()).ToArray();
                switch (function)
                {
                    case "date":
                        return DateFill(field, value, ruleId, arguments, groups, groupLexicons, usedGroups, ref ok);
                    case "int":
                        if (field.Type.Kind != FieldKind.Int || arguments.Length != 1 || !groups.Contains(arguments[0]))
                        {
                            Report(DiagnosticDescriptors.InvalidFill, value.Location, text, $"set: {field.Name}", "int(group) takes one named group of the regex and fills an int field");
                            ok = false;
                            return null;
                        }

                        usedGroups.Add(arguments[0]);
                        return new GroupFill(field.Name, arguments[0]);
                    case "nearest":
                        return NearestFill(field, value, text, arguments, ref ok);
                    default:
                        Report(DiagnosticDescriptors.InvalidFill, value.Location, text, $"set: {field.Name}", $"unknown function '{function}'; use date(year, month, day), int(group) or nearest(Entity, before|after, sentence|paragraph)");
                        ok = false;
                        return null;
                }
            }

            if (value.IsPlain && groups.Contains(text))
            {
                usedGroups.Add(text);
                if (GroupFill(field, text) is not { } groupFill)
                {
                    Report(DiagnosticDescriptors.InvalidFill, value.Location, text, $"set: {field.Name}", "a group cannot fill a reference; use an entity step or nearest(…)");
                    ok = false;
                    return null;
                }

                return groupFill;
            }

            if (value.IsNull)
            {
                if (!field.Type.IsOptional)
                {
                    Report(DiagnosticDescriptors.InvalidValue, value.Location, "null", $"set: {field.Name}", "only an optional field can be set to null");
                    ok = false;
                }

                return null;
            }

            if (ConstantError(field.Type, text) is { } error)
            {
                Report(DiagnosticDescriptors.InvalidValue, value.Location, text, $"set: {field.Name}", error + (isTerms ? string.Empty : " (and no group of the regex has that name)"));
                ok = false;
                return null;
            }

            return new ConstantFill(field.Name, text);
        }

        private FieldFill? NearestFill(FieldSpec field, YamlScalar value, string text, string[] arguments, ref bool ok)
        {
            if (arguments.Length != 3 || !Names.IsIdentifier(arguments[0]) || arguments[1] is not ("before" or "after") || arguments[2] is not ("sentence" or "paragraph" or "document"))
            {
                Report(DiagnosticDescriptors.InvalidFill, value.Location, text, $"set: {field.Name}", "write nearest(Entity, before or after, sentence, paragraph or document)");
                ok = false;
                return null;
            }

            if (field.Type.Kind != FieldKind.Entity || field.Type.IsList || field.Type.EntityName != arguments[0])
            {
                Report(DiagnosticDescriptors.InvalidFill, value.Location, text, $"set: {field.Name}", $"nearest({arguments[0]}, …) fills a field that refers to {arguments[0]}, such as {field.Name}: {arguments[0]}?");
                ok = false;
                return null;
            }

            return new NearestFill(field.Name, arguments[0], arguments[1] == "before", arguments[2], EntityRef: null);
        }

        private FieldFill? DateFill(
            FieldSpec field,
            YamlScalar value,
            string ruleId,
            string[] arguments,
            List<string> groups,
            Dictionary<string, List<string>> groupLexicons,
            HashSet<string> usedGroups,
            ref bool ok)
        {
            if (field.Type.Kind != FieldKind.Date || field.Type.IsList)
            {
                Report(DiagnosticDescriptors.InvalidFill, value.Location, value.Value, $"set: {field.Name}", "date(…) fills a date field");
                ok = false;
                return null;
            }

            if (arguments.Length != 3)
            {
                Report(DiagnosticDescriptors.InvalidFill, value.Location, value.Value, $"set: {field.Name}", "write date(year, month, day), naming groups of the regex; use _ for a part the rule never has");
                ok = false;
                return null;
            }

            var parts = new List<string>();
            foreach (string argument in arguments)
            {
                if (argument is "_" or "")
                {
                    parts.Add(string.Empty);
                }
                else if (groups.Contains(argument))
                {
                    usedGroups.Add(argument);
                    parts.Add(argument);
                }
                else
                {
                    Report(DiagnosticDescriptors.InvalidFill, value.Location, argument, $"date(…) in rule '{ruleId}'", "no named group of the regex has that name");
                    ok = false;
                    return null;
                }
            }

            string monthLexicon = string.Empty;
            if (parts[1].Length > 0 && groupLexicons.TryGetValue(parts[1], out List<string>? lexicons))
            {
                foreach (string lexicon in lexicons.Distinct(StringComparer.Ordinal))
                {
                    LexiconSpec spec = _lexicons[lexicon];
                    if (spec.Keyed && spec.IntegerKeys && spec.Entries.All(e => int.Parse(e.Key, CultureInfo.InvariantCulture) is >= 1 and <= 12))
                    {
                        monthLexicon = lexicon;
                        break;
                    }
                }

                if (monthLexicon.Length == 0)
                {
                    Report(DiagnosticDescriptors.InvalidFill, value.Location, parts[1], $"the month of date(…) in rule '{ruleId}'", "a month group must use a keyed lexicon whose keys are 1 to 12, or match digits");
                    ok = false;
                    return null;
                }
            }

            string? Part(int i) => parts[i].Length == 0 ? null : parts[i];
            return new DateFill(field.Name, Part(0), Part(1), Part(2), monthLexicon.Length == 0 ? null : monthLexicon);
        }

        private static string? ConstantError(FieldType type, string text)
        {
            if (type.IsList || type.Kind == FieldKind.Entity)
            {
                return "a constant cannot fill a list or a reference";
            }

            return type.Kind switch
            {
                FieldKind.Int when !int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) => "not an int",
                FieldKind.Decimal when !decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out _) => "not a decimal",
                FieldKind.Bool when !bool.TryParse(text, out _) => "not true or false",
                FieldKind.Date when !IsIsoPartialDate(text) => "not a date such as 1991-12-08, 1991-12, --12-08 or 1991",
                FieldKind.Enum when !type.EnumValues.Any(v => string.Equals(v, text, StringComparison.OrdinalIgnoreCase)) => "not one of " + string.Join(", ", type.EnumValues),
                _ => null,
            };
        }

        private static bool IsIsoPartialDate(string text)
            => Regex.IsMatch(text, @"^(\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?|--(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]))$");

        private TermsSpec? ParseTerms(YamlNodeBase node, string ruleId)
        {
            switch (node)
            {
                case YamlScalar scalar:
                    if (_lexicons.TryGetValue(scalar.Value, out LexiconSpec? lexicon))
                    {
                        _usedLexicons.Add(lexicon.Name);
                        return new TermsSpec(lexicon.Name, lexicon.Keyed, ImmutableEquatableArray<LexiconEntry>.Empty);
                    }

                    Report(DiagnosticDescriptors.UnknownLexicon, scalar.Location, scalar.Value, DefinedLexicons());
                    return null;
                case YamlList list:
                    List<LexiconEntry> entries = UnkeyedEntries(list, $"terms: of rule '{ruleId}'");
                    return entries.Count > 0 ? new TermsSpec(null, false, entries.ToEquatable()) : EmptyTerms(node, ruleId);
                case YamlMap map:
                    List<LexiconEntry> keyed = KeyedEntries(map, $"terms: of rule '{ruleId}'");
                    return keyed.Count > 0 ? new TermsSpec(null, true, keyed.ToEquatable()) : EmptyTerms(node, ruleId);
                default:
                    return null;
            }
        }

        private TermsSpec? EmptyTerms(YamlNodeBase node, string ruleId)
        {
            Report(DiagnosticDescriptors.EmptyValue, node.Location, "terms", $"rule '{ruleId}'", "terms: needs at least one form");
            return null;
        }

        private string DefinedLexicons() => _lexicons.Count == 0 ? "(none)" : string.Join(", ", _lexicons.Keys.OrderBy(k => k, StringComparer.Ordinal));

        /// <summary>
        /// Expands <c>{lexicon}</c> into an escaped alternation (longest form first) and, under
        /// <c>arabic</c>, normalizes the pattern's non-ASCII literal chars as the text will be.
        /// Records which lexicons each named group contains (for month names in date()).
        /// </summary>
        private string? ExpandPattern(YamlScalar node, Dictionary<string, List<string>> groupLexicons)
        {
            string pattern = node.Value;
            var output = new StringBuilder(pattern.Length);
            var openGroups = new List<string?>();
            bool inClass = false;
            for (int i = 0; i < pattern.Length; i++)
            {
                char c = pattern[i];
                if (c == '\\' && i + 1 < pattern.Length)
                {
                    char next = pattern[i + 1];
                    output.Append(c).Append(next);
                    i++;
                    if ((next is 'p' or 'P' or 'k') && i + 1 < pattern.Length && pattern[i + 1] is '{' or '<' or '\'')
                    {
                        char close = pattern[i + 1] switch { '{' => '}', '<' => '>', _ => '\'' };
                        int end = pattern.IndexOf(close, i + 2);
                        if (end > 0)
                        {
                            output.Append(pattern, i + 1, end - i);
                            i = end;
                        }
                    }

                    continue;
                }

                if (inClass)
                {
                    if (c == ']')
                    {
                        inClass = false;
                    }

                    AppendLiteral(output, c);
                    continue;
                }

                switch (c)
                {
                    case '[':
                        inClass = true;
                        output.Append(c);
                        if (i + 1 < pattern.Length && pattern[i + 1] == '^')
                        {
                            output.Append('^');
                            i++;
                        }

                        if (i + 1 < pattern.Length && pattern[i + 1] == ']')
                        {
                            output.Append(']');
                            i++;
                        }

                        continue;
                    case '(':
                        openGroups.Add(GroupName(pattern, i));
                        output.Append(c);
                        continue;
                    case ')':
                        if (openGroups.Count > 0)
                        {
                            openGroups.RemoveAt(openGroups.Count - 1);
                        }

                        output.Append(c);
                        continue;
                    case '{':
                        int close = pattern.IndexOf('}', i + 1);
                        string inner = close > i ? pattern.Substring(i + 1, close - i - 1) : string.Empty;
                        if (close > i && Names.IsKebabIdentifier(inner))
                        {
                            if (!_lexicons.TryGetValue(inner, out LexiconSpec? lexicon))
                            {
                                Report(DiagnosticDescriptors.UnknownLexicon, node.Location, inner, DefinedLexicons());
                                return null;
                            }

                            _usedLexicons.Add(inner);
                            foreach (string? group in openGroups)
                            {
                                if (group is not null)
                                {
                                    if (!groupLexicons.TryGetValue(group, out List<string>? list))
                                    {
                                        groupLexicons[group] = list = [];
                                    }

                                    list.Add(inner);
                                }
                            }

                            output.Append(Alternation(lexicon));
                            i = close;
                            continue;
                        }

                        output.Append(c);
                        continue;
                    default:
                        AppendLiteral(output, c);
                        continue;
                }
            }

            return output.ToString();
        }

        private void AppendLiteral(StringBuilder output, char c)
        {
            if (_normalize == NormalizationKind.Arabic && c >= '\u0080')
            {
                output.Append(NormalizerCore.NormalizeArabic(c.ToString()));
            }
            else
            {
                output.Append(c);
            }
        }

        private static string? GroupName(string pattern, int open)
        {
            if (open + 2 < pattern.Length && pattern[open + 1] == '?' && pattern[open + 2] is '<' or '\'')
            {
                char close = pattern[open + 2] == '<' ? '>' : '\'';
                int end = pattern.IndexOf(close, open + 3);
                if (end > open + 3 && pattern[open + 3] is not ('=' or '!'))
                {
                    string name = pattern.Substring(open + 3, end - open - 3);
                    int dash = name.IndexOf('-');
                    return dash >= 0 ? name.Substring(0, dash) : name;
                }
            }

            return null;
        }

        private static string Alternation(LexiconSpec lexicon)
        {
            IEnumerable<string> forms = lexicon.Entries
                .SelectMany(e => e.Forms)
                .Distinct(StringComparer.Ordinal)
                .OrderByDescending(f => f.Length)
                .ThenBy(f => f, StringComparer.Ordinal)
                .Select(Regex.Escape);
            return "(?:" + string.Join("|", forms) + ")";
        }

        private static string RegexMessage(string message)
        {
            // "Invalid pattern '…' at offset 5. Not enough )'s." -> keep the reason, drop the echoed pattern.
            int at = message.IndexOf(" at offset ", StringComparison.Ordinal);
            return at >= 0 && message.StartsWith("Invalid pattern", StringComparison.Ordinal)
                ? message.Substring(at + 1).TrimEnd('.')
                : message.TrimEnd('.');
        }

        // ---- helpers -------------------------------------------------------------------------

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
