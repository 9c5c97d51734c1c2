using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
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
    internal sealed partial class Parser
    {
        private static readonly string[] s_moduleKeys = ["namespace", "corpus", "normalize", "doc", "lexicons", "entities", "documents"];
        private static readonly string[] s_documentKeys = ["doc", "headline", "boilerplate", "duplicates", "fields"];
        private static readonly string[] s_lineRuleKeys = ["id", "doc", "line", "block", "rest"];
        private static readonly string[] s_documentFieldKeys = ["type", "doc", "same", "where"];
        private static readonly string[] s_entityKeys = ["doc", "fields", "rules", "overlap", "outside", "repeats"];
        private static readonly string[] s_fieldKeys = ["type", "enum", "doc", "optional"];
        private static readonly string[] s_ruleKeys = ["id", "doc", "terms", "variants", "regex", "sequence", "builtin", "set", "span", "repeats", "unless", "written", "examples"];

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

        /// <summary>The columns a table sink writes beside an entity's fields (CorpusKit.Tables.EntityTable.MentionColumns): no field takes their names.</summary>
        private static readonly HashSet<string> s_tableColumns = new(StringComparer.OrdinalIgnoreCase)
        {
            "document_id", "span_start", "span_end", "span_text", "rule",
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
                Option(normalizeNode, "normalize:", ref _normalize, ("none", NormalizationKind.None), ("arabic", NormalizationKind.Arabic));
            }

            string? doc = Scalar(keys, "doc", "doc:")?.Value;

            if (keys.TryGetValue("lexicons", out KeyValuePair<YamlScalar, YamlNodeBase> lexiconsEntry))
            {
                ParseLexicons(lexiconsEntry.Value);

                // Each lexicon becomes members of the corpus's lexicons class, beside its Index: its id
                // (the name in C#), its keys (…Keys) and their numbers (…Numbers). No two may meet.
                var lexiconMembers = new HashSet<string>(StringComparer.Ordinal) { "Index", Names.LexiconsClass(corpus) };
                foreach (LexiconSpec lexicon in _lexicons.Values.ToList())
                {
                    string member = lexicon.MemberName;
                    string[] made = [member, Names.Keys(member), Names.Numbers(member)];
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
                    Names.CorpusClass(corpus), Names.DefaultDocument(corpus), Names.LexiconsClass(corpus),
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
                        reserved.Add(Names.Extractor(name));
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
                    string plural = entity.PluralName;
                    if (s_documentMembers.Contains(plural) || plural == Names.DefaultDocument(corpus))
                    {
                        Report(DiagnosticDescriptors.InvalidName, entity.Location, entity.Name, "entity", $"the document lists its mentions as {plural}, a name the document record already has (Id, Problems, Mentions(), WriteTo, Equals, ToString …)");
                        entities.Remove(entity);
                    }
                }
            }

            DocumentSpec? document = null;
            if (keys.TryGetValue("documents", out KeyValuePair<YamlScalar, YamlNodeBase> documentsEntry) && Map(documentsEntry.Value, "documents:") is { } documentsMap)
            {
                var taken = new HashSet<string>(entities.Select(e => e.Name), StringComparer.Ordinal) { Names.CorpusClass(corpus), Names.LexiconsClass(corpus) };
                foreach (KeyValuePair<YamlScalar, YamlNodeBase> entry in documentsMap.Entries)
                {
                    if (document is not null)
                    {
                        Report(DiagnosticDescriptors.InvalidDocumentField, entry.Key.Location, entry.Key.Value, "documents:", "a file declares one document type; put another in a file of its own");
                        continue;
                    }

                    if (!Names.IsIdentifier(entry.Key.Value) || Names.IsKeyword(entry.Key.Value) || taken.Contains(entry.Key.Value) || taken.Contains(Names.Extractor(entry.Key.Value))
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
                if (entry.Value is YamlMap fileMap && fileMap.Entries.Any(e => e.Key.Value == "file"))
                {
                    if (FileLexicon(name, fileMap, entry.Key.Location) is { } fromFile)
                    {
                        _lexicons[name] = fromFile;
                    }

                    continue;
                }

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

        private static readonly string[] s_fileLexiconKeys = ["file", "key", "forms", "separator", "header", "article"];

        /// <summary>
        /// <c>{ file: lexicons/people.tsv, key: 1, forms: [1, 2..], separator: tab, header: false }</c>:
        /// a lexicon whose lines are read from a file of the project once the generator is given it.
        /// </summary>
        private LexiconSpec? FileLexicon(string name, YamlMap map, LocationInfo location)
        {
            Dictionary<string, KeyValuePair<YamlScalar, YamlNodeBase>> keys = CheckKeys(map, s_fileLexiconKeys, $"lexicon '{name}'");
            if (Scalar(keys, "file", "file:") is not { } fileNode || fileNode.Value.Trim().Length == 0)
            {
                Report(DiagnosticDescriptors.EmptyValue, map.Location, "file", $"lexicon '{name}'", "name the file, relative to this schema: file: lexicons/people.tsv");
                return null;
            }

            int? Column(YamlScalar node, string what)
            {
                if (int.TryParse(node.Value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int column) && column >= 1)
                {
                    return column;
                }

                Report(DiagnosticDescriptors.InvalidValue, node.Location, node.Value, what, "a column is a number from 1");
                return null;
            }

            int? keyColumn = null;
            if (Scalar(keys, "key", "key:") is { } keyNode)
            {
                if (Column(keyNode, $"key: of lexicon '{name}'") is not { } column)
                {
                    return null;
                }

                keyColumn = column;
            }

            // forms: 2 | [1, 2] | 2.. | [1, 3..]: the last may run on to the line's end.
            var forms = new List<int>();
            bool onward = false;
            if (!keys.TryGetValue("forms", out KeyValuePair<YamlScalar, YamlNodeBase> formsEntry))
            {
                forms.Add(keyColumn is 1 ? 2 : 1);
                onward = keyColumn is 1;
            }
            else
            {
                IEnumerable<YamlNodeBase> items = formsEntry.Value is YamlList list ? list.Items : [formsEntry.Value];
                foreach (YamlNodeBase item in items)
                {
                    if (onward || item is not YamlScalar scalar)
                    {
                        Report(DiagnosticDescriptors.InvalidValue, item.Location, (item as YamlScalar)?.Value ?? item.KindName, $"forms: of lexicon '{name}'", "list column numbers, the last of them as 3.. to read every column from it on");
                        return null;
                    }

                    string text = scalar.Value.Trim();
                    onward = text.EndsWith("..", StringComparison.Ordinal);
                    if (Column(onward ? new YamlScalar(scalar.Location, text.Substring(0, text.Length - 2), scalar.IsPlain) : scalar, $"forms: of lexicon '{name}'") is not { } column)
                    {
                        return null;
                    }

                    forms.Add(column);
                }
            }

            char separator = '\t';
            if (Scalar(keys, "separator", "separator:") is { } separatorNode)
            {
                switch (separatorNode.Value.Trim())
                {
                    case "tab":
                        break;
                    case "comma":
                        separator = ',';
                        break;
                    default:
                        Report(DiagnosticDescriptors.OptionValue, separatorNode.Location, separatorNode.Value, "separator:", "use tab or comma");
                        return null;
                }
            }

            bool header = false;
            if (Scalar(keys, "header", "header:") is { } headerNode && !bool.TryParse(headerNode.Value.Trim(), out header))
            {
                Report(DiagnosticDescriptors.OptionValue, headerNode.Location, headerNode.Value, "header:", "use true or false");
                return null;
            }

            // Whether an article the form lacks may stand before it (added, the default) or not (as-written).
            bool articleAsWritten = false;
            if (Scalar(keys, "article", "article:") is { } articleNode)
            {
                switch (articleNode.Value.Trim())
                {
                    case "added":
                        break;
                    case "as-written":
                        articleAsWritten = true;
                        break;
                    default:
                        Report(DiagnosticDescriptors.OptionValue, articleNode.Location, articleNode.Value, "article:", "use added (an article ال the form lacks may stand before it, the default) or as-written");
                        return null;
                }
            }

            string written = fileNode.Value.Trim();
            string folder = _path.Replace('\\', '/');
            folder = folder.Substring(0, folder.LastIndexOf('/') + 1);
            string path = NormalizePath(written.StartsWith("/", StringComparison.Ordinal) || (written.Length > 1 && written[1] == ':') ? written : folder + written);
            var file = new LexiconFileSpec(path, written, keyColumn, forms.ToEquatable(), onward, separator, header, fileNode.Location);
            return new LexiconSpec(name, keyColumn is not null, false, ImmutableEquatableArray<LexiconEntry>.Empty, location, file, articleAsWritten);
        }

        /// <summary>A path with forward slashes and no <c>.</c> or <c>..</c> parts, as the generator compares paths.</summary>
        internal static string NormalizePath(string path)
        {
            string[] parts = path.Replace('\\', '/').Split('/');
            var kept = new List<string>();
            foreach (string part in parts)
            {
                if (part == "." || (part.Length == 0 && kept.Count > 0))
                {
                    continue;
                }

                if (part == ".." && kept.Count > 0 && kept[kept.Count - 1] != "..")
                {
                    kept.RemoveAt(kept.Count - 1);
                    continue;
                }

                kept.Add(part);
            }

            return string.Join("/", kept);
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
                        || entities.Any(e => Names.MentionList(e.Name) == field.PropertyName))
                    {
                        Report(DiagnosticDescriptors.DuplicateName, entry.Key.Location, "document field (as a C# property; Id, Headline, Layout, Problems, Mentions, WriteTo, the record's Equals, ToString … the document's own name and the {Entity}Mentions lists are taken)", field.PropertyName);
                        continue;
                    }

                    fields.Add(field);
                }
            }

            return new DocumentSpec(name, doc, headline, drop, boilerplate.ToEquatable(), fields.ToEquatable(), nameNode.Location);
        }

        /// <summary>
        /// Reads an option that takes one of a few words into <paramref name="value"/>; another word
        /// is reported (CK0018, with the words it takes) and leaves the value as it was.
        /// </summary>
        private bool Option<T>(YamlScalar node, string key, ref T value, params (string Word, T Value)[] words)
        {
            foreach ((string word, T meaning) in words)
            {
                if (node.Value == word)
                {
                    value = meaning;
                    return true;
                }
            }

            string listed = words.Length == 1 ? words[0].Word : string.Join(", ", words.Take(words.Length - 1).Select(w => w.Word)) + " or " + words[words.Length - 1].Word;
            return Invalid(node, key, "use " + listed);
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

            string[] reaches = [.. new[] { "line", "block", "rest" }.Where(keys.ContainsKey)];
            if (reaches.Length != 1)
            {
                Report(
                    DiagnosticDescriptors.ExclusiveKeys,
                    map.Location,
                    reaches.Length == 0 ? "none of line:, block:, rest:" : string.Join(" and ", reaches.Select(r => r + ":")),
                    $"boilerplate rule '{id}'",
                    "give exactly one of line: (drops the matching line), block: (drops it and the lines after it up to the next blank line) or rest: (drops it and every line after)");
                return null;
            }

            string reach = reaches[0];
            if (Scalar(keys, reach, reach + ":") is not { } patternNode)
            {
                return null;
            }

            PatternSpec? pattern = CheckedPattern(patternNode, $"boilerplate rule '{id}'", anchored: false, new Dictionary<string, List<string>>(StringComparer.Ordinal), []);
            return pattern is null ? null : new LineRuleSpec(id, Scalar(keys, "doc", "doc:")?.Value, pattern, char.ToUpperInvariant(reach[0]) + reach.Substring(1), location);
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
                Option(overlapNode, "overlap:", ref overlap, ("longest", OverlapKind.Longest), ("first", OverlapKind.First), ("all", OverlapKind.All));
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
                    foreach (string member in new[] { enumField.EnumTypeName, enumField.EnumParserName })
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

            if (fields[0].Type.IsList || fields[0].Type.IsReference)
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
                var members = new HashSet<string>(StringComparer.Ordinal);
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

                    var own = rule.NestedMembers().ToList();
                    if (own.FirstOrDefault(m => members.Contains(m) || IsNamedAsItsClass(m)) is { } clash)
                    {
                        string why = members.Contains(clash) ? "another rule's code declares" : "a member may not be named as its class,";
                        Report(DiagnosticDescriptors.DuplicateName, rule.Location, $"rule of '{name}' (as C# names of its parts: {why} {clash})", rule.Id);
                        continue;
                    }

                    members.UnionWith(own);
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

            // repeats: a string field; the entities found are found again by that name or its surname
            // alone, so every other field must be one such a mention can leave empty.
            string? repeats = null;
            if (Scalar(keys, "repeats", $"repeats: of '{name}'") is { } repeatsNode)
            {
                FieldSpec? repeated = fields.FirstOrDefault(f => f.Name == repeatsNode.Value);
                FieldSpec? required = fields.FirstOrDefault(f => f != repeated && !f.Type.IsOptional && !f.Type.IsList);
                if (repeated is null || repeated.Type.Kind != FieldKind.String || repeated.Type.IsList)
                {
                    Report(DiagnosticDescriptors.InvalidValue, repeatsNode.Location, repeatsNode.Value, $"repeats: of '{name}'", "name a string field of the entity that holds a name (its mentions by that name or surname are found again)");
                }
                else if (required is not null)
                {
                    Report(DiagnosticDescriptors.InvalidValue, repeatsNode.Location, repeatsNode.Value, $"repeats: of '{name}'", $"a mention found again fills only '{repeated.Name}'; declare '{required.Name}' optional ({required.Name}: T?)");
                }
                else
                {
                    repeats = repeated.Name;
                }
            }

            return new EntitySpec(name, doc, fields.ToEquatable(), rules.ToEquatable(), overlap, outside.ToEquatable(), nameNode.Location, repeats);
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

            if (s_tableColumns.Contains(name))
            {
                Report(DiagnosticDescriptors.InvalidName, nameNode.Location, name, "field", "a table sink (DuckDB, Parquet) writes a column of that name beside the fields: document_id, span_start, span_end, span_text and rule");
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
                    if (item is YamlScalar member && Names.IsIdentifier(Names.Member(member.Value)) && member.Value.Length > 0)
                    {
                        if (members.Any(m => Names.Member(m) == Names.Member(member.Value)))
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

                if (type.Members is { } union && union.Distinct(StringComparer.Ordinal).Count() != union.Count)
                {
                    Report(DiagnosticDescriptors.IndistinctUnion, typeNode.Location, typeNode.Value, $"field '{name}'", "a union names each entity type once");
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

            // A|B refers to one entity of several types (not a list of them); the linker checks they exist.
            if (text.IndexOf('|') >= 0)
            {
                string[] members = text.Split('|').Select(m => m.Trim()).ToArray();
                return !list && members.All(IsEntityName)
                    ? new FieldType(FieldKind.Union, false, optional, null, null, ImmutableEquatableArray<string>.Empty, members.ToEquatable())
                    : null;
            }

            // Anything else that is a type name refers to an entity; the linker checks it exists.
            return IsEntityName(text)
                ? new FieldType(FieldKind.Entity, list, optional, text, null, ImmutableEquatableArray<string>.Empty)
                : null;

            static bool IsEntityName(string name) => Names.IsIdentifier(name) && !Names.IsKeyword(name) && char.IsUpper(name[0]);
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
            string[] kinds = ["terms", "regex", "sequence", "builtin"];
            var present = kinds.Where(keys.ContainsKey).ToList();
            if (present.Count > 1)
            {
                Report(DiagnosticDescriptors.ExclusiveKeys, keys[present[1]].Key.Location, $"{present[0]}: and {present[1]}:", $"rule '{id}'", $"a rule has one of terms:, regex:, sequence: or builtin:, not {present[0]}: too; split it into two rules");
                return null;
            }

            if (present.Count == 0)
            {
                Report(DiagnosticDescriptors.MissingKey, location, $"Rule '{id}' of '{entity}'", "terms:, regex:, sequence: or builtin:");
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
            BuiltinBody? builtin = null;
            switch (kind)
            {
                case "builtin":
                    if (body.Value is not YamlScalar builtinNode)
                    {
                        Report(DiagnosticDescriptors.WrongShape, body.Value.Location, $"builtin: of rule '{id}'", "the name of a recognizer (date or number)", body.Value.KindName);
                        return null;
                    }

                    if (!Builtin.Kinds.Contains(builtinNode.Value))
                    {
                        Report(DiagnosticDescriptors.OptionValue, builtinNode.Location, builtinNode.Value, $"builtin: of rule '{id}'", "the built-in recognizers are date (calendar dates: date, year, month, day) and number (value, ordinal)");
                        return null;
                    }

                    builtin = new BuiltinBody(builtinNode.Value);
                    break;
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

            int variants = 0;
            if (keys.TryGetValue("variants", out KeyValuePair<YamlScalar, YamlNodeBase> variantsEntry))
            {
                if (kind != "terms")
                {
                    Report(DiagnosticDescriptors.ExclusiveKeys, variantsEntry.Key.Location, $"variants: and {kind}:", $"rule '{id}'", "spelling variants are of a terms: rule's forms; a regex or a sequence spells its own");
                    return null;
                }

                if (ParseVariants(variantsEntry.Value, id) is not { } parsed)
                {
                    return null;
                }

                variants = parsed;
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
            int? spanStep = null;
            int? spanLastStep = null;
            if (Scalar(keys, "span", "span:") is { } spanNode)
            {
                // The span is the whole match unless span: names a group of the pattern, or a
                // sequence step by its as: name.
                int step = steps.FindIndex(s => s.As == spanNode.Value);
                if (step >= 0)
                {
                    // Steps that share the as: name share the span too, from the first to the last.
                    spanStep = step;
                    int last = steps.FindLastIndex(s => s.As == spanNode.Value);
                    spanLastStep = last > step ? last : null;
                }
                else if (groups.Contains(spanNode.Value))
                {
                    spanGroup = spanNode.Value;
                    usedGroups.Add(spanGroup);
                }
                else if (builtin is { Kind: Builtin.Date } && spanNode.Value == "date")
                {
                    // The calendar date within the match, without a weekday or relative word before it.
                    spanGroup = "date";
                }
                else
                {
                    Report(
                        DiagnosticDescriptors.UnknownSpanGroup,
                        spanNode.Location,
                        spanNode.Value,
                        $"span: of rule '{id}'",
                        builtin is not null
                            ? builtin.Kind == Builtin.Date
                                ? "a date rule's span: may name date, the calendar date without a weekday or relative word before it; without span:, the entity's span is the whole match"
                                : "a number rule's span is its whole match"
                        : steps.Count > 0
                            ? "name a group of a step's pattern or a step by its as: name; without span:, the entity's span is the whole match"
                            : "name a group of the rule's pattern; without span:, the entity's span is the whole match");
                    return null;
                }
            }

            var fills = new List<FieldFill>();
            bool ok = true;
            for (int i = 0; i < fields.Count; i++)
            {
                FieldSpec field = fields[i];
                int step = steps.FindIndex(s => s.As == field.Name);
                int lastStep = steps.FindLastIndex(s => s.As == field.Name);
                FieldFill? fill = builtin is not null
                    ? BuiltinFillOf(field, builtin, sets, i == 0, id, ref ok)
                    : step >= 0
                    ? lastStep > step ? new StepsFill(field.Name, step, lastStep) : new StepFill(field.Name, step)
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

            // repeats: true: what the rule finds is found again wherever the text names it by the same words.
            bool repeats = false;
            if (Scalar(keys, "repeats", $"repeats: of rule '{id}'") is { } repeatsNode && !bool.TryParse(repeatsNode.Value, out repeats))
            {
                Report(DiagnosticDescriptors.OptionValue, repeatsNode.Location, repeatsNode.Value, "repeats:", "use true or false (a rule's repeats: says whether what it finds is found again by the same words)");
                ok = false;
            }

            // unless: a pattern tried where each match begins; where it matches there, the match makes no entity.
            PatternSpec? unless = RuleGuard(
                keys, "unless", id, entity, repeats, ref ok, anchored: true, literalsAsWritten: false,
                emptyHint: "give the pattern that refuses a match where it begins, or leave unless: out",
                repeatsReason: "what the rule finds would be found again by its words wherever they stand, where unless: is not tried; keep one of them");

            // written: a pattern the original text under the span must match whole, marks and all; where
            // it does not, the match makes no entity (عُمان with its damma, not عمّان, both عمان once normalized).
            PatternSpec? written = RuleGuard(
                keys, "written", id, entity, repeats, ref ok, anchored: false, literalsAsWritten: true,
                emptyHint: "give the pattern the original text of each span must match, or leave written: out",
                repeatsReason: "what the rule finds would be found again by its normalized words wherever they stand, however they are written; keep one of them");

            // The whole span, from its first char to its last.
            written = written is null ? null : written with { Expanded = @"\A(?:" + written.Expanded + @")\z" };

            var examples = new List<ExampleSpec>();
            if (keys.TryGetValue("examples", out KeyValuePair<YamlScalar, YamlNodeBase> examplesEntry))
            {
                ParseExamples(examplesEntry.Value, id, entity, fields, examples);
            }

            return ok
                ? new RuleSpec(
                    id,
                    Names.RuleMethod(id),
                    doc,
                    builtin ?? (terms is not null ? new TermsBody(terms, variants) : pattern is not null ? new RegexBody(pattern) : (RuleBody)new SequenceBody(steps.ToEquatable())),
                    groups.ToEquatable(),
                    groupSteps.ToEquatable(),
                    fills.ToEquatable(),
                    spanGroup,
                    spanStep,
                    examples.ToEquatable(),
                    location,
                    repeats,
                    unless,
                    spanLastStep,
                    written)
                : null;
        }

        /// <summary>
        /// A rule's <c>unless:</c> or <c>written:</c>: a pattern that only says whether a match makes an
        /// entity (so a named group in it is CK0007), not empty (CK0019: an empty <c>unless:</c> would
        /// refuse every match, an empty <c>written:</c> every span) and not beside <c>repeats: true</c>
        /// (CK0020: the mentions found again by their words are not matches it is tried on).
        /// </summary>
        private PatternSpec? RuleGuard(
            Dictionary<string, KeyValuePair<YamlScalar, YamlNodeBase>> keys,
            string key,
            string id,
            string entity,
            bool repeats,
            ref bool ok,
            bool anchored,
            bool literalsAsWritten,
            string emptyHint,
            string repeatsReason)
        {
            if (!keys.TryGetValue(key, out KeyValuePair<YamlScalar, YamlNodeBase> entry))
            {
                return null;
            }

            string owner = $"{key}: of rule '{id}'";
            if (entry.Value is not YamlScalar node)
            {
                Report(DiagnosticDescriptors.WrongShape, entry.Value.Location, owner, "a pattern", entry.Value.KindName);
                ok = false;
                return null;
            }

            if (string.IsNullOrWhiteSpace(node.Value))
            {
                Report(DiagnosticDescriptors.EmptyValue, node.Location, key, $"rule '{id}'", emptyHint);
                ok = false;
                return null;
            }

            if (repeats)
            {
                Report(DiagnosticDescriptors.ExclusiveKeys, entry.Key.Location, $"{key}: and repeats: true", $"rule '{id}'", repeatsReason);
                ok = false;
                return null;
            }

            var groups = new List<string>();
            PatternSpec? pattern = CheckedPattern(node, owner, anchored, new Dictionary<string, List<string>>(StringComparer.Ordinal), groups, literalsAsWritten);
            ok &= pattern is not null;
            foreach (string group in groups)
            {
                // Nothing reads what it captures: the pattern only says whether a match makes an entity.
                Report(DiagnosticDescriptors.UnmatchedGroup, node.Location, group, id, entity);
                ok = false;
            }

            return pattern;
        }

        /// <summary>Whether a nested member (<c>Class.Member</c>, see <see cref="RuleSpec.NestedMembers"/>) has its class's name, which C# refuses.</summary>
        private static bool IsNamedAsItsClass(string member)
        {
            int dot = member.IndexOf('.');
            return member.Length == (2 * dot) + 1 && string.CompareOrdinal(member, 0, member, dot + 1, dot) == 0;
        }

        // ---- sequences -----------------------------------------------------------------------

        /// <summary>
        /// <c>variants:</c> of a terms rule, one kind or a list: <c>letters</c> (the letters
        /// transliteration confuses, long vowels written or not) and <c>edit</c> (one edit in a
        /// one-word form of six letters or more), as flags; null after a diagnostic.
        /// </summary>
        private int? ParseVariants(YamlNodeBase node, string ruleId)
        {
            IEnumerable<YamlNodeBase> items = node is YamlList list ? list.Items : [node];
            int flags = 0;
            foreach (YamlNodeBase item in items)
            {
                if (item is not YamlScalar scalar)
                {
                    Report(DiagnosticDescriptors.WrongShape, item.Location, $"variants: of rule '{ruleId}'", "letters, edit, or a list of them", item.KindName);
                    return null;
                }

                switch (scalar.Value)
                {
                    case "letters":
                        flags |= 1;
                        break;
                    case "edit":
                        flags |= 2;
                        break;
                    default:
                        Report(DiagnosticDescriptors.OptionValue, scalar.Location, scalar.Value, $"variants: of rule '{ruleId}'", "the kinds are letters (غ/ج/ك, ة/ه, long vowels written or not) and edit (one letter more, less or other in a one-word form of six letters or more)");
                        return null;
                }
            }

            if (flags == 0)
            {
                Report(DiagnosticDescriptors.EmptyValue, node.Location, "variants", $"rule '{ruleId}'", "name letters, edit or both, or leave variants: out");
                return null;
            }

            return flags;
        }

        private static readonly string[] s_stepKeys = ["entity", "terms", "regex", "gap", "words", "any", "script", "not", "prefix", "suffix", "optional", "as"];

        private static readonly string[] s_choiceKeys = ["entity", "terms", "regex", "words", "script", "not", "prefix", "suffix"];

        /// <summary>The widest gap: a sequence is a local pattern, not a paragraph search.</summary>
        private const int MaxGapWords = 50;

        // ---- examples ------------------------------------------------------------------------

        private static readonly string[] s_exampleKeys = ["text", "expect", "span", "none"];

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
    }
}
