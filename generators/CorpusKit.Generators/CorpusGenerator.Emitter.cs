using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CorpusKit.Generators.Model;
using CorpusKit.Matching;

namespace CorpusKit.Generators;

public sealed partial class CorpusGenerator
{
    /// <summary>Writes the C# for one linked module: a file per entity and one for the corpus.</summary>
    internal sealed class Emitter
    {
        private const string Ck = "global::CorpusKit";
        private const string Generic = "global::System.Collections.Generic";
        private const string Json = "global::System.Text.Json.Utf8JsonWriter";

        private static readonly string s_generatedCode =
            $"[global::System.CodeDom.Compiler.GeneratedCode(\"CorpusKit.Generators\", \"{typeof(Emitter).Assembly.GetName().Version}\")]";

        private readonly ModuleSpec _module;
        private readonly HashSet<string> _trieLexicons;

        private Emitter(ModuleSpec module)
        {
            _module = module;
            _trieLexicons = new HashSet<string>(
                module.Entities.SelectMany(e => e.Rules).SelectMany(LexiconsNeedingTries),
                StringComparer.Ordinal);
        }

        private string LexiconsClass => _module.CorpusName + "Lexicons";

        private string NormalizationName => _module.Normalize == NormalizationKind.Arabic ? "Arabic" : "None";

        /// <summary>The generated files of a module: (hint name, source).</summary>
        public static List<(string HintName, string Source)> Emit(ModuleSpec module)
        {
            var emitter = new Emitter(module);
            var files = new List<(string, string)>();
            foreach (EntitySpec entity in module.Entities)
            {
                files.Add(($"{module.HintPrefix}.{entity.Name}.g.cs", emitter.EntityFile(entity)));
            }

            files.Add(($"{module.HintPrefix}.{module.CorpusName}Corpus.g.cs", emitter.CorpusFile()));
            return files;
        }

        private static IEnumerable<string> LexiconsNeedingTries(RuleSpec rule)
        {
            if (rule.Terms?.LexiconName is { } terms)
            {
                yield return terms;
            }

            foreach (FieldFill fill in rule.Fills)
            {
                if (fill.Kind == FillKind.Date && fill.Arguments[3].Length > 0)
                {
                    yield return fill.Arguments[3];
                }
            }
        }

        // ---- one file per entity -------------------------------------------------------------

        private string EntityFile(EntitySpec entity)
        {
            var w = Header();
            w.Line($"namespace {_module.Namespace}");
            w.OpenBrace();
            Record(w, entity);
            w.Line();
            Extractor(w, entity);
            w.CloseBrace();
            return w.ToString();
        }

        private static bool HasTextField(EntitySpec entity) => entity.Fields.Any(f => f.Name == "text");

        private void Record(SourceWriter w, EntitySpec entity)
        {
            w.Summary(entity.Doc ?? $"A {entity.Name} found in text, as declared in {_module.RelativePath}.");
            for (int i = 0; i < entity.Fields.Count; i++)
            {
                FieldSpec field = entity.Fields[i];
                string doc = field.Doc ?? (i == 0 ? $"The {field.Name} (the entity's key)." : $"The {field.Name}.");
                w.Param(field.PropertyName, doc);
            }

            w.Param("Span", "Where the entity stands in the original text.");
            if (!HasTextField(entity))
            {
                w.Param("Text", "The original text of the span.");
            }

            w.Param("Rule", "The id of the rule that found it.");
            w.Line(s_generatedCode);
            var parameters = entity.Fields.Select(f => $"{TypeName(entity, f)} {f.PropertyName}").ToList();
            parameters.Add($"{Ck}.TextSpan Span");
            if (!HasTextField(entity))
            {
                parameters.Add("string Text");
            }

            parameters.Add("string Rule");
            RecordHeader(w, entity.Name, parameters, $"{Ck}.IEntity");
            w.Line("/// <summary>The entity type's name as the schema spells it.</summary>");
            w.Line($"public const string TypeName = {SourceWriter.Literal(entity.Name)};");
            w.Line();
            w.Line("/// <inheritdoc />");
            w.Line("public string EntityType => TypeName;");
            w.Line();
            w.Line("/// <inheritdoc />");
            w.Line($"public string Key => {KeyExpression(entity.Fields[0])};");
            w.Line();
            w.Line("/// <inheritdoc />");
            w.Line($"public void WriteTo({Json} writer)");
            w.OpenBrace();
            w.Line("global::System.ArgumentNullException.ThrowIfNull(writer);");
            w.Line("writer.WriteStartObject();");
            w.Line("WriteFieldValues(writer);");
            w.Line($"{Ck}.Json.CorpusJson.WriteSpan(writer, \"span\", Span);");
            if (!HasTextField(entity))
            {
                w.Line("writer.WriteString(\"text\", Text);");
            }

            w.Line("writer.WriteString(\"rule\", Rule);");
            w.Line("writer.WriteEndObject();");
            w.CloseBrace();
            w.Line();
            w.Line("/// <inheritdoc />");
            w.Line($"public void WriteFields({Json} writer)");
            w.OpenBrace();
            w.Line("global::System.ArgumentNullException.ThrowIfNull(writer);");
            w.Line("writer.WriteStartObject();");
            w.Line("WriteFieldValues(writer);");
            w.Line("writer.WriteEndObject();");
            w.CloseBrace();
            w.Line();
            w.Line($"private void WriteFieldValues({Json} writer)");
            w.OpenBrace();
            foreach (FieldSpec field in entity.Fields)
            {
                WriteFieldJson(w, field);
            }

            w.CloseBrace();
            foreach (FieldSpec field in entity.Fields.Where(f => f.Type.Kind == FieldKind.Enum))
            {
                w.Line();
                EnumType(w, field);
            }

            w.CloseBrace();
        }

        private static void EnumType(SourceWriter w, FieldSpec field)
        {
            string name = EnumName(field);
            w.Summary($"The values of {field.Name}.");
            w.Line($"public enum {name}");
            w.OpenBrace();
            foreach (string member in field.Type.EnumValues)
            {
                w.Line($"/// <summary><c>{SourceWriter.Xml(member)}</c> in the schema.</summary>");
                w.Line(Names.ToPascalCase(member) + ",");
            }

            w.CloseBrace();
            w.Line();
            w.Line($"/// <summary>The schema spelling of a <see cref=\"{name}\"/> value.</summary>");
            w.Line($"public static string ToSchemaString({name} value) => value switch");
            w.OpenBrace();
            foreach (string member in field.Type.EnumValues)
            {
                w.Line($"{name}.{Names.ToPascalCase(member)} => {SourceWriter.Literal(member)},");
            }

            w.Line("_ => value.ToString(),");
            w.CloseBrace(";");
            w.Line();
            w.Line($"/// <summary>Reads a <see cref=\"{name}\"/> from text, ignoring case; null when it names no value.</summary>");
            w.Line($"public static {name}? Parse{name}(string? text)");
            w.OpenBrace();
            w.Line("text = text?.Trim();");
            foreach (string member in field.Type.EnumValues)
            {
                w.Line($"if (string.Equals(text, {SourceWriter.Literal(member)}, global::System.StringComparison.OrdinalIgnoreCase))");
                w.OpenBrace();
                w.Line($"return {name}.{Names.ToPascalCase(member)};");
                w.CloseBrace();
                w.Line();
            }

            w.Line("return null;");
            w.CloseBrace();
        }

        private static string EnumName(FieldSpec field) => field.PropertyName + "Kind";

        private string ElementType(EntitySpec entity, FieldSpec field) => field.Type.Kind switch
        {
            FieldKind.String => "string",
            FieldKind.Int => "int",
            FieldKind.Decimal => "decimal",
            FieldKind.Bool => "bool",
            FieldKind.Date => $"{Ck}.PartialDate",
            FieldKind.Enum => $"global::{_module.Namespace}.{entity.Name}.{EnumName(field)}",
            FieldKind.Entity => field.Type.EntityTypeName ?? "object",
            _ => "object",
        };

        private string TypeName(EntitySpec entity, FieldSpec field)
        {
            string type = ElementType(entity, field);
            if (field.Type.IsList)
            {
                type = $"{Generic}.IReadOnlyList<{type}>";
            }

            return field.Type.IsOptional ? type + "?" : type;
        }

        private static string KeyExpression(FieldSpec key)
        {
            string value = key.PropertyName;
            string access = key.Type.IsOptional && key.Type.Kind != FieldKind.String ? value + ".Value" : value;
            string text = key.Type.Kind switch
            {
                FieldKind.String => value,
                FieldKind.Int or FieldKind.Decimal => $"{access}.ToString(global::System.Globalization.CultureInfo.InvariantCulture)",
                FieldKind.Bool => $"({access} ? \"true\" : \"false\")",
                FieldKind.Date => $"{access}.ToString()",
                FieldKind.Enum => $"ToSchemaString({access})",
                _ => $"{access}.ToString()",
            };
            return key.Type.IsOptional ? (key.Type.Kind == FieldKind.String ? $"{value} ?? string.Empty" : $"{value} is null ? string.Empty : {text}") : text;
        }

        private static void WriteFieldJson(SourceWriter w, FieldSpec field)
        {
            string name = SourceWriter.Literal(field.Name);
            string value = field.PropertyName;
            if (field.Type.IsList)
            {
                if (field.Type.IsOptional)
                {
                    w.Line($"if ({value} is not null)");
                    w.OpenBrace();
                }

                w.Line($"writer.WriteStartArray({name});");
                w.Line($"foreach (var item in {value})");
                w.OpenBrace();
                w.Line(WriteValue(field, "item", null));
                w.CloseBrace();
                w.Line("writer.WriteEndArray();");
                if (field.Type.IsOptional)
                {
                    w.CloseBrace();
                }

                return;
            }

            if (field.Type.IsOptional)
            {
                bool isValueType = field.Type.Kind is not (FieldKind.String or FieldKind.Entity);
                w.Line($"if ({value} is not null)");
                w.OpenBrace();
                w.Line(WriteValue(field, isValueType ? value + ".Value" : value, name));
                w.CloseBrace();
                return;
            }

            w.Line(WriteValue(field, value, name));
        }

        /// <summary>A statement that writes one value, as a property when <paramref name="name"/> is given.</summary>
        private static string WriteValue(FieldSpec field, string value, string? name)
        {
            string prefix = name is null ? string.Empty : name + ", ";
            return field.Type.Kind switch
            {
                FieldKind.String => name is null ? $"writer.WriteStringValue({value});" : $"writer.WriteString({prefix}{value});",
                FieldKind.Int or FieldKind.Decimal => name is null ? $"writer.WriteNumberValue({value});" : $"writer.WriteNumber({prefix}{value});",
                FieldKind.Bool => name is null ? $"writer.WriteBooleanValue({value});" : $"writer.WriteBoolean({prefix}{value});",
                FieldKind.Date => name is null ? $"writer.WriteStringValue({value}.ToString());" : $"writer.WriteString({prefix}{value}.ToString());",
                FieldKind.Enum => name is null ? $"writer.WriteStringValue(ToSchemaString({value}));" : $"writer.WriteString({prefix}ToSchemaString({value}));",
                FieldKind.Entity => name is null ? $"writer.WriteStringValue({value}.Key);" : $"writer.WriteString({prefix}{value}.Key);",
                _ => throw new InvalidOperationException(field.Type.Kind.ToString()),
            };
        }

        private void Extractor(SourceWriter w, EntitySpec entity)
        {
            string name = entity.Name + "Extractor";
            string candidate = $"{Ck}.Matching.Candidate<{entity.Name}>";
            w.SummaryXml($"Finds <see cref=\"{entity.Name}\"/> entities with the {entity.Rules.Count} rule(s) of {SourceWriter.Xml(_module.RelativePath)}, overlaps resolved by {entity.Overlap.ToString().ToLowerInvariant()}.");
            w.Line(s_generatedCode);
            w.Line($"public sealed partial class {name} : {Ck}.IExtractor<{entity.Name}>");
            w.OpenBrace();
            NormalizationAndInstance(w, name, "How the rules see the text.", "an extractor");
            w.Line();
            w.Line("/// <summary>Finds the entities in <paramref name=\"text\"/>, in document order.</summary>");
            w.Line($"public {Generic}.IReadOnlyList<{entity.Name}> Extract(string text) => Extract(new {Ck}.ExtractionContext(text));");
            w.Line();
            w.Line("/// <inheritdoc />");
            w.Line($"public {Generic}.IReadOnlyList<{entity.Name}> Extract({Ck}.ExtractionContext context)");
            w.OpenBrace();
            w.Line("global::System.ArgumentNullException.ThrowIfNull(context);");
            w.Line($"{Ck}.NormalizedText text = context.GetText(Normalization);");
            w.Line($"var candidates = new {Generic}.List<{candidate}>();");
            foreach (RuleSpec rule in entity.Rules)
            {
                w.Line($"{rule.MethodName}(context, text, candidates);");
            }

            w.Line($"{Generic}.List<{entity.Name}> entities = {Ck}.Matching.OverlapResolver.Resolve(candidates, {Ck}.OverlapMode.{entity.Overlap});");
            w.Line($"context.SetResults<{entity.Name}>(entities);");
            w.Line("return entities;");
            w.CloseBrace();
            for (int i = 0; i < entity.Rules.Count; i++)
            {
                w.Line();
                Rule(w, entity, entity.Rules[i], i, candidate);
            }

            if (entity.Rules.Any(r => r.Kind == RuleKind.Regex))
            {
                w.Line();
                w.Line("/// <summary>The rules' patterns, checked at build time; each is constructed once, on first use of this extractor.</summary>");
                w.Line("private static class Patterns");
                w.OpenBrace();
                bool first = true;
                foreach (RuleSpec rule in entity.Rules.Where(r => r.Kind == RuleKind.Regex))
                {
                    if (!first)
                    {
                        w.Line();
                    }

                    first = false;
                    w.Line($"/// <summary>Rule <c>{SourceWriter.Xml(rule.Id)}</c>.</summary>");
                    w.Line($"internal static readonly global::System.Text.RegularExpressions.Regex {Names.ToPascalCase(rule.Id)} = new(");
                    w.Indent();
                    w.Line(PatternLiteral(rule.Pattern!) + ",");
                    w.Line($"{Ck}.Matching.RegexRunner.OptionsFor(Normalization),");
                    w.Line($"{Ck}.Matching.RegexRunner.DefaultTimeout);");
                    w.Unindent();
                }

                w.CloseBrace();
            }

            List<RuleSpec> inline = entity.Rules.Where(r => r.Terms is { LexiconName: null }).ToList();
            if (inline.Count > 0)
            {
                w.Line();
                w.Line("/// <summary>The inline dictionaries of the rules, compiled into tries at build time.</summary>");
                w.Line("private static class Terms");
                w.OpenBrace();
                for (int i = 0; i < inline.Count; i++)
                {
                    if (i > 0)
                    {
                        w.Line();
                    }

                    Trie(w, Names.ToPascalCase(inline[i].Id), $"rule <c>{SourceWriter.Xml(inline[i].Id)}</c>", inline[i].Terms!.Keyed, false, inline[i].Terms!.Entries);
                }

                w.CloseBrace();
            }

            w.CloseBrace();
        }

        private static string PatternLiteral(string pattern)
            => pattern.Any(c => c < ' ' || char.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.NonSpacingMark or UnicodeCategory.Surrogate)
                ? SourceWriter.Literal(pattern)
                : "@\"" + pattern.Replace("\"", "\"\"") + "\"";

        private void Rule(SourceWriter w, EntitySpec entity, RuleSpec rule, int order, string candidate)
        {
            string what = rule.Kind == RuleKind.Regex
                ? "a regex"
                : rule.Terms!.LexiconName is { } lexicon ? $"the terms of lexicon <c>{SourceWriter.Xml(lexicon)}</c>" : "inline terms";
            w.SummaryXml($"Rule <c>{rule.Id}</c>: {what}." + (rule.Doc is null ? string.Empty : "\n" + SourceWriter.Xml(rule.Doc)));
            w.Line($"private static void {rule.MethodName}({Ck}.ExtractionContext context, {Ck}.NormalizedText text, {Generic}.List<{candidate}> candidates)");
            w.OpenBrace();
            string source;
            if (rule.Kind == RuleKind.Regex)
            {
                w.Line($"foreach (global::System.Text.RegularExpressions.Match match in {Ck}.Matching.RegexRunner.Matches(Patterns.{Names.ToPascalCase(rule.Id)}, text.Text, context, {entity.Name}.TypeName, {SourceWriter.Literal(rule.Id)}))");
                source = "match";
            }
            else
            {
                string trie = rule.Terms!.LexiconName is { } lexiconName ? $"{LexiconsClass}.{Names.ToPascalCase(lexiconName)}" : $"Terms.{Names.ToPascalCase(rule.Id)}";
                w.Line($"var hits = new {Generic}.List<{Ck}.Matching.TermHit>();");
                w.Line($"{Ck}.Matching.TermMatcher.FindAll(text.Text, {trie}, clitics: {(_module.Normalize == NormalizationKind.Arabic ? "true" : "false")}, hits);");
                w.Line($"foreach ({Ck}.Matching.TermHit hit in hits)");
                source = "hit";
            }

            w.OpenBrace();
            var arguments = new List<string>();
            for (int i = 0; i < entity.Fields.Count; i++)
            {
                FieldSpec field = entity.Fields[i];
                FieldFill? fill = rule.Fills.FirstOrDefault(f => f.Field == field.Name);
                string local = char.ToLowerInvariant(field.PropertyName[0]) + field.PropertyName.Substring(1) + "Value";
                if (fill is null)
                {
                    arguments.Add(field.Type.IsList && !field.Type.IsOptional ? $"global::System.Array.Empty<{ElementType(entity, field)}>()" : "null");
                    continue;
                }

                bool required = !field.Type.IsOptional;
                string expression = FillExpression(entity, field, fill, rule, source);
                bool valueType = field.Type.Kind is not (FieldKind.String or FieldKind.Entity);
                if (field.Type.Kind == FieldKind.String && (fill.Kind is FillKind.TermKey or FillKind.Constant || (fill.Kind == FillKind.MatchText && source == "hit")))
                {
                    // These never fail: the value is the key, a constant or the matched text.
                    w.Line($"string {local} = {expression};");
                    arguments.Add(local);
                    continue;
                }

                w.Line($"{ElementType(entity, field)}? {local} = {expression};");
                if (required)
                {
                    w.Line($"if ({local} is null)");
                    w.OpenBrace();
                    w.Line("continue;");
                    w.CloseBrace();
                    w.Line();
                    arguments.Add(valueType ? local + ".Value" : local);
                }
                else
                {
                    arguments.Add(local);
                }
            }

            string whole = source == "match" ? "text.ToOriginal(match.Index, match.Index + match.Length)" : "text.ToOriginal(hit.Start, hit.End)";
            FieldFill? keyFill = rule.Fills.FirstOrDefault(f => f.Field == entity.Fields[0].Name);
            string span = source == "match" && keyFill is { Kind: FillKind.Group }
                ? $"{Ck}.Matching.Captures.Span(text, match.Groups[{SourceWriter.Literal(keyFill.Arguments[0])}], {whole})"
                : whole;
            w.Line($"{Ck}.TextSpan span = {span};");
            arguments.Add("span");
            if (!HasTextField(entity))
            {
                arguments.Add("context.Text.Substring(span.Start, span.Length)");
            }

            arguments.Add(SourceWriter.Literal(rule.Id));
            w.Line($"candidates.Add(new {candidate}(span, {order.ToString(CultureInfo.InvariantCulture)}, new {entity.Name}(");
            w.Indent();
            for (int i = 0; i < arguments.Count; i++)
            {
                w.Line(arguments[i] + (i == arguments.Count - 1 ? ")));" : ","));
            }

            w.Unindent();
            w.CloseBrace();
            w.CloseBrace();
        }

        private string FillExpression(EntitySpec entity, FieldSpec field, FieldFill fill, RuleSpec rule, string source)
        {
            string captures = $"{Ck}.Matching.Captures";
            switch (fill.Kind)
            {
                case FillKind.Group:
                    string group = $"{source}.Groups[{SourceWriter.Literal(fill.Arguments[0])}]";
                    return field.Type.Kind == FieldKind.String
                        ? $"{captures}.String(text, {group})"
                        : Convert(entity, field, $"{captures}.Value({group})");
                case FillKind.MatchText:
                    if (field.Type.Kind == FieldKind.String)
                    {
                        return source == "match" ? $"{captures}.String(text, match)" : $"{captures}.String(text, hit.Start, hit.End)";
                    }

                    return Convert(entity, field, source == "match" ? "match.Value" : "text.Text.Substring(hit.Start, hit.End - hit.Start)");
                case FillKind.TermKey:
                    string keys = rule.Terms!.LexiconName is { } lexicon
                        ? $"{LexiconsClass}.{Names.ToPascalCase(lexicon)}Keys[hit.Value]"
                        : $"Terms.{Names.ToPascalCase(rule.Id)}Keys[hit.Value]";
                    return field.Type.Kind == FieldKind.String ? keys : Convert(entity, field, keys);
                case FillKind.Constant:
                    return Constant(entity, field, fill.Arguments[0]);
                case FillKind.Date:
                    string Part(string g, string reader) => g.Length == 0 ? "null" : $"{captures}.{reader}({source}.Groups[{SourceWriter.Literal(g)}]";
                    string year = Part(fill.Arguments[0], "Year");
                    string month = fill.Arguments[1].Length == 0
                        ? "null"
                        : fill.Arguments[3].Length == 0
                            ? Part(fill.Arguments[1], "Month") + ", null, null)"
                            : Part(fill.Arguments[1], "Month") + $", {LexiconsClass}.{Names.ToPascalCase(fill.Arguments[3])}, {LexiconsClass}.{Names.ToPascalCase(fill.Arguments[3])}Numbers)";
                    string day = Part(fill.Arguments[2], "Day");
                    year = year == "null" ? year : year + ")";
                    day = day == "null" ? day : day + ")";
                    return $"{captures}.Date({year}, {month}, {day})";
                default:
                    throw new InvalidOperationException(fill.Kind.ToString());
            }
        }

        private static string Convert(EntitySpec entity, FieldSpec field, string text)
        {
            string captures = $"{Ck}.Matching.Captures";
            return field.Type.Kind switch
            {
                FieldKind.Int => $"{captures}.Int({text})",
                FieldKind.Decimal => $"{captures}.Decimal({text})",
                FieldKind.Bool => $"{captures}.Bool({text})",
                FieldKind.Date => $"{captures}.Date({text})",
                FieldKind.Enum => $"{entity.Name}.Parse{EnumName(field)}({text})",
                FieldKind.String => text,
                _ => throw new InvalidOperationException(field.Type.Kind.ToString()),
            };
        }

        private string Constant(EntitySpec entity, FieldSpec field, string value) => field.Type.Kind switch
        {
            FieldKind.String => SourceWriter.Literal(value),
            FieldKind.Int => int.Parse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
            FieldKind.Decimal => decimal.Parse(value, NumberStyles.Number, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture) + "m",
            FieldKind.Bool => bool.Parse(value) ? "true" : "false",
            FieldKind.Date => DateConstant(value),
            FieldKind.Enum => $"global::{_module.Namespace}.{entity.Name}.{EnumName(field)}.{Names.ToPascalCase(field.Type.EnumValues.First(v => string.Equals(v, value, StringComparison.OrdinalIgnoreCase)))}",
            _ => throw new InvalidOperationException(field.Type.Kind.ToString()),
        };

        private static string DateConstant(string iso)
        {
            string[] parts = iso.StartsWith("--", StringComparison.Ordinal) ? ["null", .. iso.Substring(2).Split('-')] : iso.Split('-');
            string Part(int i) => i < parts.Length ? (parts[i] == "null" ? "null" : int.Parse(parts[i], CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)) : "null";
            return $"{Ck}.PartialDate.Create({Part(0)}, {Part(1)}, {Part(2)})";
        }

        // ---- the corpus file -----------------------------------------------------------------

        private string CorpusFile()
        {
            var w = Header();
            string corpus = _module.CorpusName + "Corpus";
            string document = _module.CorpusName + "Document";
            List<EntitySpec> order = DependencyOrder();
            w.Line($"namespace {_module.Namespace}");
            w.OpenBrace();
            w.Summary(_module.Doc ?? $"Runs every entity of {_module.RelativePath} over a text.");
            w.Line(s_generatedCode);
            w.Line($"public sealed partial class {corpus}");
            w.OpenBrace();
            NormalizationAndInstance(w, corpus, "How the rules of this corpus see the text.", "a corpus");
            w.Line();
            w.Line("/// <summary>Extracts every entity type from <paramref name=\"text\"/>.</summary>");
            w.Line("/// <param name=\"text\">The document's text.</param>");
            w.Line("/// <param name=\"documentId\">A name for the document (a file name), kept in the result.</param>");
            w.Line($"public {document} Extract(string text, string? documentId = null) => Extract(new {Ck}.ExtractionContext(text, documentId));");
            w.Line();
            w.Line("/// <summary>Extracts every entity type, in dependency order, from the context's text.</summary>");
            w.Line($"public {document} Extract({Ck}.ExtractionContext context)");
            w.OpenBrace();
            w.Line("global::System.ArgumentNullException.ThrowIfNull(context);");
            foreach (EntitySpec entity in order)
            {
                w.Line($"{Generic}.IReadOnlyList<{entity.Name}> {Local(entity)} = {entity.Name}Extractor.Instance.Extract(context);");
            }

            var arguments = new List<string> { "context.DocumentId" };
            arguments.AddRange(_module.Entities.Select(Local));
            arguments.Add("context.Problems");
            w.Line($"return new {document}({string.Join(", ", arguments)});");
            w.CloseBrace();
            w.CloseBrace();
            w.Line();

            w.SummaryXml($"What <see cref=\"{corpus}\"/> found in one document.");
            w.Param("Id", "The document's name, if it was given one.");
            foreach (EntitySpec entity in _module.Entities)
            {
                w.Param(Names.Plural(entity.Name), $"The {entity.Name} entities, in document order.");
            }

            w.Param("Problems", "Problems met while extracting (a regex that timed out); the other rules still ran.");
            w.Line(s_generatedCode);
            var parameters = new List<string> { "string? Id" };
            parameters.AddRange(_module.Entities.Select(e => $"{Generic}.IReadOnlyList<{e.Name}> {Names.Plural(e.Name)}"));
            parameters.Add($"{Generic}.IReadOnlyList<{Ck}.ExtractionProblem> Problems");
            RecordHeader(w, document, parameters, $"{Ck}.IJsonWritable");
            w.Line("/// <summary>Every entity of the document, ordered by position, then by entity type as declared.</summary>");
            w.Line($"public {Generic}.IReadOnlyList<{Ck}.IEntity> Mentions()");
            w.OpenBrace();
            w.Line($"var mentions = new {Generic}.List<{Ck}.IEntity>();");
            foreach (EntitySpec entity in _module.Entities)
            {
                w.Line($"mentions.AddRange({Names.Plural(entity.Name)});");
            }

            w.Line("// A stable sort: entities at the same position keep the order of their types.");
            w.Line("return global::System.Linq.Enumerable.ToList(global::System.Linq.Enumerable.OrderBy(mentions, static m => m.Span));");
            w.CloseBrace();
            w.Line();
            w.Line("/// <inheritdoc />");
            w.Line($"public void WriteTo({Json} writer)");
            w.OpenBrace();
            w.Line("global::System.ArgumentNullException.ThrowIfNull(writer);");
            w.Line("writer.WriteStartObject();");
            w.Line("if (Id is not null)");
            w.OpenBrace();
            w.Line("writer.WriteString(\"id\", Id);");
            w.CloseBrace();
            w.Line();
            foreach (EntitySpec entity in _module.Entities)
            {
                string plural = Names.Plural(entity.Name);
                w.Line($"writer.WriteStartArray({SourceWriter.Literal(char.ToLowerInvariant(plural[0]) + plural.Substring(1))});");
                w.Line($"foreach ({entity.Name} entity in {plural})");
                w.OpenBrace();
                w.Line("entity.WriteTo(writer);");
                w.CloseBrace();
                w.Line();
                w.Line("writer.WriteEndArray();");
            }

            w.Line("if (Problems.Count > 0)");
            w.OpenBrace();
            w.Line("writer.WriteStartArray(\"problems\");");
            w.Line($"foreach ({Ck}.ExtractionProblem problem in Problems)");
            w.OpenBrace();
            w.Line("writer.WriteStartObject();");
            w.Line("writer.WriteString(\"entity\", problem.Entity);");
            w.Line("writer.WriteString(\"rule\", problem.Rule);");
            w.Line("writer.WriteString(\"message\", problem.Message);");
            w.Line("writer.WriteEndObject();");
            w.CloseBrace();
            w.Line();
            w.Line("writer.WriteEndArray();");
            w.CloseBrace();
            w.Line();
            w.Line("writer.WriteEndObject();");
            w.CloseBrace();
            w.CloseBrace();

            List<LexiconSpec> tries = _module.Lexicons.Where(l => _trieLexicons.Contains(l.Name)).ToList();
            if (tries.Count > 0)
            {
                w.Line();
                w.Summary($"The lexicons of {_module.RelativePath} that rules match as terms, compiled into tries at build time.");
                w.Line(s_generatedCode);
                w.Line($"internal static class {LexiconsClass}");
                w.OpenBrace();
                for (int i = 0; i < tries.Count; i++)
                {
                    if (i > 0)
                    {
                        w.Line();
                    }

                    Trie(w, Names.ToPascalCase(tries[i].Name), $"lexicon <c>{SourceWriter.Xml(tries[i].Name)}</c>", tries[i].Keyed, tries[i].IntegerKeys, tries[i].Entries);
                }

                w.CloseBrace();
            }

            w.CloseBrace();
            return w.ToString();
        }

        /// <summary>The two members every extractor and corpus class opens with: its normalization and its shared instance.</summary>
        private void NormalizationAndInstance(SourceWriter w, string type, string normalizationDoc, string what)
        {
            w.Line($"/// <summary>{normalizationDoc}</summary>");
            w.Line($"public const {Ck}.TextNormalization Normalization = {Ck}.TextNormalization.{NormalizationName};");
            w.Line();
            w.Line($"/// <summary>The shared instance; {what} holds no state.</summary>");
            w.Line($"public static {type} Instance {{ get; }} = new();");
        }

        /// <summary>Opens <c>public sealed partial record Name(p1, p2, …) : Interface {</c>, one parameter a line.</summary>
        private static void RecordHeader(SourceWriter w, string name, List<string> parameters, string implements)
        {
            w.Line($"public sealed partial record {name}(");
            w.Indent();
            for (int i = 0; i < parameters.Count; i++)
            {
                w.Line(parameters[i] + (i == parameters.Count - 1 ? $") : {implements}" : ","));
            }

            w.Unindent();
            w.OpenBrace();
        }

        private static string Local(EntitySpec entity)
        {
            string plural = Names.Plural(entity.Name);
            return "@" + char.ToLowerInvariant(plural[0]) + plural.Substring(1);
        }

        /// <summary>Entities that others refer to run first; otherwise the order of the file.</summary>
        private List<EntitySpec> DependencyOrder()
        {
            var byName = _module.Entities.ToDictionary(e => e.Name, StringComparer.Ordinal);
            var done = new HashSet<string>(StringComparer.Ordinal);
            var visiting = new HashSet<string>(StringComparer.Ordinal);
            var order = new List<EntitySpec>();
            void Visit(EntitySpec entity)
            {
                if (done.Contains(entity.Name) || !visiting.Add(entity.Name))
                {
                    return;
                }

                foreach (FieldSpec field in entity.Fields)
                {
                    if (field.Type.EntityName is { } target && byName.TryGetValue(target, out EntitySpec? dependency))
                    {
                        Visit(dependency);
                    }
                }

                visiting.Remove(entity.Name);
                done.Add(entity.Name);
                order.Add(entity);
            }

            foreach (EntitySpec entity in _module.Entities)
            {
                Visit(entity);
            }

            return order;
        }

        private static void Trie(SourceWriter w, string name, string what, bool keyed, bool integerKeys, ImmutableEquatableArray<LexiconEntry> entries)
        {
            var builder = new TrieBuilder();
            for (int i = 0; i < entries.Count; i++)
            {
                foreach (string form in entries[i].Forms)
                {
                    builder.Add(form, i);
                }
            }

            (string labels, int[] targets, int[] edgeStarts, int[] values) = builder.Build();
            int forms = entries.Sum(e => e.Forms.Count);
            w.Line($"/// <summary>The {forms} form(s) of {what}, as a trie of {values.Length} nodes.</summary>");
            w.Line($"internal static readonly {Ck}.Matching.TermTrie {name} = new(");
            w.Indent();
            w.Line("labels:");
            w.Indent();
            for (int i = 0; i < labels.Length; i += 16)
            {
                string chunk = SourceWriter.Literal(labels.Substring(i, Math.Min(16, labels.Length - i)), escapeNonAscii: true);
                w.Line(chunk + (i + 16 >= labels.Length ? "," : " +"));
            }

            if (labels.Length == 0)
            {
                w.Line("\"\",");
            }

            w.Unindent();
            IntArray(w, "targets", targets, ",");
            IntArray(w, "edgeStarts", edgeStarts, ",");
            IntArray(w, "values", values, ");");
            w.Unindent();
            if (keyed)
            {
                w.Line();
                w.Line($"/// <summary>The keys of {what}, indexed by the trie's values.</summary>");
                w.Line($"internal static readonly string[] {name}Keys =");
                w.Line("[");
                w.Indent();
                foreach (LexiconEntry entry in entries)
                {
                    w.Line(SourceWriter.Literal(entry.Key) + ",");
                }

                w.Unindent();
                w.Line("];");
            }

            if (integerKeys)
            {
                w.Line();
                w.Line($"/// <summary>The keys of {what} as numbers, indexed by the trie's values.</summary>");
                w.Line($"internal static readonly int[] {name}Numbers = [{string.Join(", ", entries.Select(e => int.Parse(e.Key, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)))}];");
            }
        }

        private static void IntArray(SourceWriter w, string name, int[] values, string end)
        {
            w.Line($"{name}:");
            w.Line("[");
            w.Indent();
            for (int i = 0; i < values.Length; i += 16)
            {
                w.Line(string.Join(", ", values.Skip(i).Take(16).Select(v => v.ToString(CultureInfo.InvariantCulture))) + ",");
            }

            w.Unindent();
            w.Line("]" + end);
        }

        private SourceWriter Header()
        {
            var w = new SourceWriter();
            w.Line("// <auto-generated/>");
            w.Line($"// Generated by CorpusKit from {_module.RelativePath}. Edit the schema, not this file.");
            w.Line("#nullable enable");
            w.Line();
            return w;
        }
    }
}
