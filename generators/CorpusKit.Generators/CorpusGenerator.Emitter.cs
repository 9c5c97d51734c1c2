using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using CorpusKit.Generators.Model;
using CorpusKit.Generators.Patterns;

namespace CorpusKit.Generators;

public sealed partial class CorpusGenerator
{
    /// <summary>Writes the C# for one linked module: a file per entity and one for the corpus.</summary>
    /// <remarks>
    /// It only prints. Each artifact's fixed text is a raw-string template, indented as it reads in
    /// the output (the writer adds the current indentation and wraps long lines); loops over fields,
    /// rules and steps write between templates. Names come from the specs (<see cref="Names"/>
    /// decides them once), the order of entity types from the linker, and the trie's layout from
    /// <see cref="TermIndexLayout"/>.
    /// </remarks>
    internal sealed class Emitter
    {
        private const string Ck = "global::CorpusKit";
        private const string Generic = "global::System.Collections.Generic";
        private const string Json = "global::System.Text.Json.Utf8JsonWriter";

        private static readonly string s_generatedCode =
            $"[global::System.CodeDom.Compiler.GeneratedCode(\"CorpusKit.Generators\", \"{typeof(Emitter).Assembly.GetName().Version}\")]";

        private readonly ModuleSpec _module;
        private readonly TermIndexLayout? _terms;

        private Emitter(ModuleSpec module)
        {
            _module = module;
            _terms = TermIndexLayout.Build(module);
        }

        private string LexiconsClass => _module.LexiconsClass;

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

            files.Add(($"{module.HintPrefix}.{module.CorpusClass}.g.cs", emitter.CorpusFile()));
            return files;
        }

        // ---- one file per entity -------------------------------------------------------------

        private string EntityFile(EntitySpec entity)
        {
            var w = Header();
            w.Line($$"""
                namespace {{_module.Namespace}}
                {
                """);
            w.Indent();
            Record(w, entity);
            w.Line();
            Extractor(w, entity);
            w.CloseBrace();
            return w.ToString();
        }

        /// <summary>Whether a field is the record's Text (a string field named text: the parser refuses any other type).</summary>
        private static bool HasTextField(EntitySpec entity) => entity.Fields.Any(f => f.PropertyName == "Text");

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
            w.Line($$"""
                /// <summary>The entity type's name as the schema spells it.</summary>
                public const string TypeName = {{SourceWriter.Literal(entity.Name)}};

                /// <inheritdoc />
                public string EntityType => TypeName;

                /// <inheritdoc />
                public string Key => {{KeyExpression(entity.Fields[0])}};

                /// <inheritdoc />
                public void WriteTo({{Json}} writer)
                {
                    global::System.ArgumentNullException.ThrowIfNull(writer);
                    writer.WriteStartObject();
                    WriteFieldValues(writer);
                    {{Ck}}.Json.CorpusJson.WriteSpan(writer, "span", Span);
                """);
            if (!HasTextField(entity))
            {
                w.Line("""    writer.WriteString("text", Text);""");
            }

            w.Line($$"""
                    writer.WriteString("rule", Rule);
                    writer.WriteEndObject();
                }

                /// <inheritdoc />
                public void WriteFields({{Json}} writer)
                {
                    global::System.ArgumentNullException.ThrowIfNull(writer);
                    writer.WriteStartObject();
                    WriteFieldValues(writer);
                    writer.WriteEndObject();
                }

                private void WriteFieldValues({{Json}} writer)
                {
                """);
            w.Indent();
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

        /// <summary>The entity's fields as the columns of a table, with the value of each, for table sinks.</summary>
        private void TableProperty(SourceWriter w, EntitySpec entity)
        {
            w.Line($$"""
                /// <summary>
                /// The fields of <see cref="{{entity.Name}}"/> as the columns of a table, for sinks that write typed columns
                /// (DuckDB, Parquet).
                /// </summary>
                public static {{Ck}}.Tables.EntityTable<{{entity.Name}}> Table { get; } = new(
                    {{entity.Name}}.TypeName,
                    [
                """);
            w.Indent();
            w.Indent();
            foreach (FieldSpec field in entity.Fields)
            {
                string kind = field.Type.Kind switch
                {
                    FieldKind.Int => "Integer",
                    FieldKind.Decimal => "Decimal",
                    FieldKind.Bool => "Boolean",
                    FieldKind.Date => "Date",
                    _ => "Text",
                };
                w.Line($"new({SourceWriter.Literal(field.Name)}, {Ck}.Tables.ColumnKind.{kind}, IsList: {Bool(field.Type.IsList)}, IsOptional: {Bool(field.Type.IsOptional)}),");
            }

            w.Unindent();
            w.Line("""
                ],
                static (entity, column) => column switch
                {
                """);
            w.Indent();
            for (int i = 0; i < entity.Fields.Count; i++)
            {
                w.Line($"{i} => {ColumnValue(entity, entity.Fields[i])},");
            }

            w.Line("_ => throw new global::System.ArgumentOutOfRangeException(nameof(column)),");
            w.Unindent();
            w.Line("});");
            w.Unindent();

            static string Bool(bool value) => value ? "true" : "false";
        }

        /// <summary>The value of a field's column: the field itself, or its schema spelling (an enum) or key (an entity).</summary>
        private static string ColumnValue(EntitySpec entity, FieldSpec field)
        {
            string value = "entity." + field.PropertyName;
            string optional = field.Type.IsOptional ? "?" : string.Empty;
            return (field.Type.Kind, field.Type.IsList) switch
            {
                (FieldKind.Entity, false) => $"{value}{optional}.Key",
                (FieldKind.Entity, true) => $"{Ck}.Tables.EntityTable.Keys({value})",
                (FieldKind.Enum, false) when field.Type.IsOptional => $"{value} is {{ }} {field.ValueLocal} ? {entity.Name}.ToSchemaString({field.ValueLocal}) : null",
                (FieldKind.Enum, false) => $"{entity.Name}.ToSchemaString({value})",
                (FieldKind.Enum, true) when field.Type.IsOptional => $"{value} is {{ }} {field.ValueLocal} ? global::System.Linq.Enumerable.ToArray(global::System.Linq.Enumerable.Select({field.ValueLocal}, static item => {entity.Name}.ToSchemaString(item))) : null",
                (FieldKind.Enum, true) => $"global::System.Linq.Enumerable.ToArray(global::System.Linq.Enumerable.Select({value}, static item => {entity.Name}.ToSchemaString(item)))",
                _ => value,
            };
        }

        private static void EnumType(SourceWriter w, FieldSpec field)
        {
            string name = field.EnumTypeName;
            w.Summary($"The values of {field.Name}.");
            w.Line($$"""
                public enum {{name}}
                {
                """);
            w.Indent();
            foreach (string member in field.Type.EnumValues)
            {
                w.Line($"/// <summary><c>{SourceWriter.Xml(member)}</c> in the schema.</summary>");
                w.Line(field.Type.EnumMember(member) + ",");
            }

            w.Unindent();
            w.Line($$"""
                }

                /// <summary>The schema spelling of a <see cref="{{name}}"/> value.</summary>
                public static string ToSchemaString({{name}} value) => value switch
                {
                """);
            w.Indent();
            foreach (string member in field.Type.EnumValues)
            {
                w.Line($"{name}.{field.Type.EnumMember(member)} => {SourceWriter.Literal(member)},");
            }

            w.Unindent();
            w.Line($$"""
                    _ => value.ToString(),
                };

                /// <summary>Reads a <see cref="{{name}}"/> from text, ignoring case; null when it names no value.</summary>
                public static {{name}}? {{field.EnumParserName}}(string? text)
                {
                    text = text?.Trim();
                """);
            w.Indent();
            foreach (string member in field.Type.EnumValues)
            {
                w.Line($$"""
                    if (string.Equals(text, {{SourceWriter.Literal(member)}}, global::System.StringComparison.OrdinalIgnoreCase))
                    {
                        return {{name}}.{{field.Type.EnumMember(member)}};
                    }

                    """);
            }

            w.Line("return null;");
            w.CloseBrace();
        }

        private string ElementType(EntitySpec entity, FieldSpec field) => field.Type.Kind switch
        {
            FieldKind.String => "string",
            FieldKind.Int => "int",
            FieldKind.Decimal => "decimal",
            FieldKind.Bool => "bool",
            FieldKind.Date => $"{Ck}.PartialDate",
            FieldKind.Enum => $"{new EntityRef(_module.Namespace, entity.Name).GlobalName}.{field.EnumTypeName}",
            FieldKind.Entity => field.Type.EntityRef?.GlobalName ?? "object",
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
            string name = entity.ExtractorName;
            w.SummaryXml($"Finds <see cref=\"{entity.Name}\"/> entities with the {entity.Rules.Count} rule(s) of {SourceWriter.Xml(_module.RelativePath)}, overlaps resolved by {entity.Overlap.ToString().ToLowerInvariant()}.");
            w.Line($$"""
                {{s_generatedCode}}
                public sealed partial class {{name}} : {{Ck}}.IExtractor<{{entity.Name}}>
                {
                """);
            w.Indent();
            NormalizationAndInstance(w, name, "How the rules see the text.", "an extractor");
            w.Line();
            TableProperty(w, entity);
            w.Line($$"""

                /// <summary>Finds the entities in <paramref name="text"/>, in document order.</summary>
                public {{Generic}}.IReadOnlyList<{{entity.Name}}> Extract(string text)
                """);
            ExtractOnOwnContext(w, $"new {Ck}.ExtractionContext(text)");
            w.Line($$"""

                /// <inheritdoc />
                public {{Generic}}.IReadOnlyList<{{entity.Name}}> Extract({{Ck}}.ExtractionContext context)
                {
                    global::System.ArgumentNullException.ThrowIfNull(context);
                    {{Ck}}.NormalizedText text = context.GetText(Normalization);
                    {{Ck}}.CompilerServices.Candidates<{{entity.Name}}> candidates = context.Candidates<{{entity.Name}}>({{Ck}}.CompilerServices.OverlapMode.{{entity.Overlap}}, checkSpans: {{(Enumerable.Range(0, entity.Rules.Count).Any(i => ChecksSpans(entity, i)) ? "true" : "false")}});
                """);
            w.Indent();
            foreach (RuleSpec rule in entity.Rules)
            {
                w.Line($"{rule.MethodName}(context, text, candidates);");
            }

            w.Line($"{Generic}.List<{entity.Name}> entities = {Ck}.CompilerServices.OverlapResolver.Resolve(candidates);");
            if (entity.Repeats is { } repeats)
            {
                // The names found, found again by themselves or their surnames (rule "repeats").
                string property = Names.ToPascalCase(repeats);
                var arguments = new List<string>();
                foreach (FieldSpec field in entity.Fields)
                {
                    arguments.Add(field.Name == repeats ? $"found.{property}"
                        : field.Type.IsList && !field.Type.IsOptional ? $"global::System.Array.Empty<{ElementType(entity, field)}>()"
                        : "null");
                }

                arguments.Add("span");
                if (!HasTextField(entity))
                {
                    arguments.Add($"{Ck}.CompilerServices.Captures.Text(context, span)");
                }

                arguments.Add("\"repeats\"");
                w.Line($"// repeats: {repeats}: the names found above, found again by themselves or their surnames alone.");
                w.Line($"{Ck}.CompilerServices.Repeats.Add(");
                w.Indent();
                w.Line("entities,");
                w.Line("text,");
                w.Line("context,");
                w.Line($"static found => found.{property},");
                ArgumentLines(w, $"static (found, span, context) => new {entity.Name}(", arguments, "));");
                w.Unindent();
            }

            foreach (EntityReference other in entity.Outside)
            {
                w.Line($"{Ck}.CompilerServices.OverlapResolver.RemoveOverlapping(entities, context.Require({other.EntityRef!.GlobalExtractorName}.Instance));");
            }

            w.Line($$"""
                context.SetResults<{{entity.Name}}>(entities);
                return entities;
                """);
            w.CloseBrace();
            for (int i = 0; i < entity.Rules.Count; i++)
            {
                w.Line();
                Rule(w, entity, entity.Rules[i], i);
            }

            var patterns = new List<(string Name, string Doc, PatternSpec Pattern)>();
            var dictionaries = new List<(string Owner, int? Step, int? Choice)>();
            foreach (RuleSpec rule in entity.Rules)
            {
                string ruleName = rule.MemberName;
                string ruleDoc = $"rule <c>{SourceWriter.Xml(rule.Id)}</c>";
                if (rule.Body is RegexBody { Pattern: var rulePattern })
                {
                    patterns.Add((ruleName, ruleDoc, rulePattern));
                }
                else if (rule.Body is TermsBody { Terms.LexiconName: null })
                {
                    dictionaries.Add((rule.Id, null, null));
                }

                for (int i = 0; i < rule.Steps.Count; i++)
                {
                    string stepName = rule.StepMemberName(i);
                    string stepDoc = $"step {i + 1} of {ruleDoc}";
                    if (rule.Steps[i] is RegexStep { Pattern: var stepPattern })
                    {
                        patterns.Add((stepName, stepDoc, stepPattern));
                    }
                    else if (rule.Steps[i].Dictionary is { LexiconName: null })
                    {
                        dictionaries.Add((rule.Id, i, null));
                    }
                    else if (rule.Steps[i] is AnyStep any)
                    {
                        for (int c = 0; c < any.Options.Count; c++)
                        {
                            if (any.Options[c] is RegexStep { Pattern: var choicePattern })
                            {
                                patterns.Add((rule.ChoiceMemberName(i, c), $"choice {c + 1} of {stepDoc}", choicePattern));
                            }
                            else if (any.Options[c].Dictionary is { LexiconName: null })
                            {
                                dictionaries.Add((rule.Id, i, c));
                            }
                        }
                    }
                }
            }

            NestedClass(w, "The rules' patterns, compiled at build time.", "Patterns", patterns, pattern =>
                PatternField(w, pattern.Name, $"the pattern of {pattern.Doc}", pattern.Pattern));
            NestedClass(w, $"The inline dictionaries of the rules: their ids in <see cref=\"{LexiconsClass}.Index\"/>, and their keys.", "Terms", dictionaries, dictionary =>
                DictionaryMembers(w, _terms!.Dictionaries[_terms.InlineId(entity.Name, dictionary.Owner, dictionary.Step, dictionary.Choice)]));
            NestedClass(w, "The steps of the sequence rules, built once from the tries and patterns above.", "Sequences", entity.Rules.Where(r => r.Body is SequenceBody).ToList(), rule =>
            {
                w.Line($$"""
                    /// <summary>The steps of rule <c>{{SourceWriter.Xml(rule.Id)}}</c>.</summary>
                    internal static readonly {{Ck}}.CompilerServices.SequenceStep[] {{rule.MemberName}} =
                    [
                    """);
                w.Indent();
                int input = 0;
                for (int i = 0; i < rule.Steps.Count; i++)
                {
                    StepSpec step = rule.Steps[i];
                    string line = step is AnyStep any
                        ? $"{Ck}.CompilerServices.SequenceStep.Any({string.Join(", ", any.Options.Select((option, c) => StepExpression(option, rule, i, c, ref input)))})"
                        : StepExpression(step, rule, i, null, ref input);
                    w.Line(line + (step.Optional ? ".Optional()" : string.Empty) + $", // {StepComment(step)}");
                }

                w.Unindent();
                w.Line("];");
            });
            w.CloseBrace();
        }

        /// <summary>The runtime step of <paramref name="step"/> (step <paramref name="index"/>, or its choice <paramref name="choice"/>); entity steps take their input lists in order.</summary>
        private string StepExpression(StepSpec step, RuleSpec rule, int index, int? choice, ref int input)
        {
            string member = choice is int c ? rule.ChoiceMemberName(index, c) : rule.StepMemberName(index);
            switch (step)
            {
                case EntityStep:
                    return $"{Ck}.CompilerServices.SequenceStep.Entity({(input++).ToString(CultureInfo.InvariantCulture)})";
                case TermsStep { Terms: var terms }:
                    return $"{Ck}.CompilerServices.SequenceStep.Terms({LexiconsClass}.Index, {DictionaryId(terms, rule, index, choice)})";
                case WordsStep words:
                    return $"{Ck}.CompilerServices.SequenceStep.Words({words.Min.ToString(CultureInfo.InvariantCulture)}, {words.Max.ToString(CultureInfo.InvariantCulture)}, {Ck}.CompilerServices.WordScript.{words.Script}"
                        + (words.Not is { } not ? $", {LexiconsClass}.Index, {DictionaryId(not, rule, index, choice)}" : string.Empty)
                        + (words.Prefixes is { } prefixes ? $", prefixes: [{string.Join(", ", prefixes.Select(p => SourceWriter.Literal(p)))}]" : string.Empty)
                        + (words.Suffixes is { } suffixes ? $", suffixes: [{string.Join(", ", suffixes.Select(p => SourceWriter.Literal(p)))}]" : string.Empty)
                        + ")";
                case RegexStep:
                    return $"{Ck}.CompilerServices.SequenceStep.Regex(Patterns.{member})";
                case GapStep gap:
                    return $"{Ck}.CompilerServices.SequenceStep.Gap({gap.Min.ToString(CultureInfo.InvariantCulture)}, {gap.Max.ToString(CultureInfo.InvariantCulture)})";
                default:
                    throw new InvalidOperationException(step.GetType().Name);
            }
        }

        /// <summary>
        /// The body of an <c>Extract(string)</c>: it makes the context, extracts, and ends the
        /// extraction so the lists the context borrowed go back to the thread (the caller never
        /// sees this context).
        /// </summary>
        private static void ExtractOnOwnContext(SourceWriter w, string newContext)
        {
            w.Line($$"""
                {
                    var context = {{newContext}};
                    try
                    {
                        return Extract(context);
                    }
                    finally
                    {
                        context.EndExtraction();
                    }
                }
                """);
        }

        /// <summary>Writes <c>private static class {name} { … }</c> with one member per item, a blank line between; nothing when there are no items.</summary>
        private static void NestedClass<T>(SourceWriter w, string doc, string name, IReadOnlyList<T> items, Action<T> member)
        {
            if (items.Count == 0)
            {
                return;
            }

            w.Line($$"""

                /// <summary>{{doc}}</summary>
                private static class {{name}}
                {
                """);
            w.Indent();
            for (int i = 0; i < items.Count; i++)
            {
                if (i > 0)
                {
                    w.Line();
                }

                member(items[i]);
            }

            w.CloseBrace();
        }

        private static string StepComment(StepSpec step)
        {
            string what = step switch
            {
                EntityStep { EntityName: var name } => name,
                TermsStep { Terms.LexiconName: { } lexicon } => "terms of " + lexicon,
                TermsStep => "terms",
                AnyStep any => "any of " + string.Join(" | ", any.Options.Select(StepComment)),
                WordsStep words => (words.Min == words.Max ? words.Min.ToString(CultureInfo.InvariantCulture) : words.Min.ToString(CultureInfo.InvariantCulture) + ".." + words.Max.ToString(CultureInfo.InvariantCulture))
                    + (words.Script == WordScriptKind.Any ? string.Empty : " " + words.Script.ToString().ToLowerInvariant())
                    + (words.Max == 1 ? " word" : " words")
                    + (words.Prefixes is { } before ? ", " + string.Join("/", before) + "…" : string.Empty)
                    + (words.Suffixes is { } after ? ", …" + string.Join("/", after) : string.Empty)
                    + (words.Not is null ? string.Empty : words.Not.LexiconName is { } refused ? ", not " + refused : ", not the listed"),
                RegexStep => "regex",
                GapStep gap => gap.Min.ToString(CultureInfo.InvariantCulture) + ".." + gap.Max.ToString(CultureInfo.InvariantCulture) + " words",
                _ => throw new InvalidOperationException(step.GetType().Name),
            };
            what = step.As is null ? what : what + " as " + step.As;
            return step.Optional ? what + ", optional" : what;
        }

        /// <summary>Where a match of <paramref name="pattern"/> can begin, as the runtime's options read it; null when it can begin anywhere.</summary>
        private PrefilterSpec? Prefilter(string pattern) => PrefilterAnalysis.Analyze(pattern, PatternOptions);

        /// <summary>
        /// Writes a <c>Pattern</c> field: the program the pattern machine runs, laid out here, and
        /// where a match can begin; a pattern with a construct the machine does not run goes to
        /// Regex instead.
        /// </summary>
        private void PatternField(SourceWriter w, string name, string what, PatternSpec spec)
        {
            // The pattern as the schema writes it, in a plain comment a reader sees as it is (no XML
            // escapes), above what it became.
            w.Line($"// {_module.RelativePath}, line {(spec.Location.StartLine + 1).ToString(CultureInfo.InvariantCulture)}, as written:");
            foreach (string line in spec.Written.Replace("\r\n", "\n").Split('\n'))
            {
                w.Line("//     " + SourceWriter.CommentText(line));
            }

            string pattern = spec.Expanded;
            PrefilterSpec? prefilter = Prefilter(pattern);
            PatternProgramSpec? program = PatternCompiler.Compile(pattern, PatternOptions);
            string where = prefilter is null ? string.Empty : $" It is tried only {SourceWriter.Xml(Describe(prefilter))}.";
            string prefilterExpression = prefilter is null ? "null" : PrefilterExpression(prefilter);
            string groups = "[" + string.Join(", ", (program?.Groups ?? (IEnumerable<string>)PatternGroups(pattern)).Select(g => SourceWriter.Literal(g))) + "]";
            if (program is null)
            {
                w.Line($$"""
                    /// <summary>{{Capitalized(what)}}: it runs on Regex, built on first use (it holds a construct the pattern machine does not run).{{where}}</summary>
                    internal static readonly {{Ck}}.CompilerServices.Pattern {{name}} = {{Ck}}.CompilerServices.Pattern.OnRegex(
                        {{PatternLiteral(pattern)}},
                        {{Ck}}.CompilerServices.PatternRunner.OptionsFor(Normalization),
                        {{prefilterExpression}},
                        {{groups}});
                    """);
                return;
            }

            w.Line($$"""
                /// <summary>{{Capitalized(what)}}, compiled at build time into a program of {{program.Code.Count}} ints and {{ClassCount(program)}} char class(es).{{where}}</summary>
                internal static readonly {{Ck}}.CompilerServices.Pattern {{name}} = new(
                    {{PatternLiteral(pattern)}},
                    {{prefilterExpression}},
                """);
            w.Indent();
            IntArray(w, "code", program.Code.ToArray(), ",");
            IntArray(w, "classes", program.Classes.ToArray(), ",");
            w.Line($"groups: {groups});");
            w.Unindent();
        }

        private RegexOptions PatternOptions => RegexOptions.CultureInvariant | (_module.Normalize == NormalizationKind.Arabic ? RegexOptions.IgnoreCase : RegexOptions.None);

        private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);

        /// <summary>The number of classes in a program's table (each ends with its subtraction index).</summary>
        private static int ClassCount(PatternProgramSpec program)
        {
            int count = 0;
            int at = 0;
            int[] table = program.Classes.ToArray();
            while (at < table.Length)
            {
                at += 2 + (2 * table[at + 1]);
                at += 2 + table[at + 1];
                at += 2;
                count++;
            }

            return count;
        }

        /// <summary>The named groups of a pattern, as Regex numbers them (for a pattern that runs on Regex).</summary>
        private IEnumerable<string> PatternGroups(string pattern)
            => new Regex(pattern, PatternOptions).GetGroupNames().Where(g => !int.TryParse(g, NumberStyles.None, CultureInfo.InvariantCulture, out _));

        private static string PrefilterExpression(PrefilterSpec prefilter)
            => $"new({(prefilter.Literal is null ? "null" : SourceWriter.Literal(prefilter.Literal))}, {(prefilter.Chars is null ? "null" : SourceWriter.Literal(prefilter.Chars))}, {(prefilter.Digits ? "true" : "false")}, {Ck}.CompilerServices.PrefilterAnchor.{prefilter.Anchor}"
                + (prefilter.Follow is { } follow ? ", follow: [" + string.Join(", ", follow.Select(ranges => SourceWriter.Literal(ranges))) + "]" : string.Empty)
                + ")";

        /// <summary>A prefilter in words, for the doc comment above it.</summary>
        private static string Describe(PrefilterSpec prefilter)
        {
            var parts = new List<string>();
            if (prefilter.Anchor != PrefilterAnchor.None)
            {
                parts.Add(prefilter.Anchor == PrefilterAnchor.TextStart ? "at the start of the text" : "at the start of a line");
            }

            if (prefilter.Literal is not null)
            {
                parts.Add($"where \"{prefilter.Literal}\" begins");
            }
            else if (prefilter.Chars is not null)
            {
                string chars = prefilter.Digits ? new string(prefilter.Chars.Where(c => c is < '0' or > '9').ToArray()) : prefilter.Chars;
                string listed = string.Join(" ", chars.Select(c => char.IsWhiteSpace(c) || char.IsControl(c) ? $"U+{(int)c:X4}" : c.ToString()));
                parts.Add(prefilter.Digits
                    ? "at a decimal digit" + (chars.Length > 0 ? " or one of " + listed : string.Empty)
                    : "at one of " + listed);
            }

            if (prefilter.Follow is { Count: > 0 } follow)
            {
                // The follow sets are written as ranges (first and last char of each) in the code below.
                parts.Add(follow.Count == 1
                    ? "where the char after that can follow it in a match"
                    : $"where the {follow.Count} chars after that can follow it in a match");
            }

            return string.Join(", ", parts);
        }

        private static string PatternLiteral(string pattern)
            => pattern.Any(c => c < ' ' || char.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.NonSpacingMark or UnicodeCategory.Surrogate)
                ? SourceWriter.Literal(pattern)
                : "@\"" + pattern.Replace("\"", "\"\"") + "\"";

        private void Rule(SourceWriter w, EntitySpec entity, RuleSpec rule, int order)
        {
            string what = rule.Body switch
            {
                RegexBody => "a regex",
                SequenceBody { Steps.Count: var count } => $"a sequence of {count} steps",
                TermsBody { Terms.LexiconName: { } lexicon } => $"the terms of lexicon <c>{SourceWriter.Xml(lexicon)}</c>",
                BuiltinBody { Kind: var builtin } => $"the built-in {builtin} recognizer",
                _ => "inline terms",
            };
            w.SummaryXml($"Rule <c>{rule.Id}</c>: {what}." + (rule.Doc is null ? string.Empty : "\n" + SourceWriter.Xml(rule.Doc)));
            w.Line($"private static void {rule.MethodName}({Ck}.ExtractionContext context, {Ck}.NormalizedText text, {Ck}.CompilerServices.Candidates<{entity.Name}> candidates)");
            w.OpenBrace();
            foreach (NearestFill fill in rule.Fills.OfType<NearestFill>())
            {
                // Built once per document and rule, so each match looks its candidate up in log time.
                w.Line($"var {fill.Local} = context.Nearest({fill.EntityRef!.GlobalExtractorName}.Instance);");
            }

            string whole;
            switch (rule.Body)
            {
                case RegexBody:
                    w.Line($"foreach ({Ck}.CompilerServices.PatternMatch match in Patterns.{rule.MemberName}.Matches(text, context, {entity.Name}.TypeName, {SourceWriter.Literal(rule.Id)}))");
                    whole = "text.ToOriginal(match.Index, match.Index + match.Length)";
                    break;
                case SequenceBody:
                    var inputs = new List<string>();
                    for (int i = 0; i < rule.Steps.Count; i++)
                    {
                        if (rule.Steps[i] is EntityStep entityStep)
                        {
                            EntityRef type = entityStep.EntityRef!;
                            w.Line($"{Generic}.IReadOnlyList<{type.GlobalName}> step{i} = context.Require({type.GlobalExtractorName}.Instance);");
                            inputs.Add($"step{i}");
                        }
                        else if (rule.Steps[i] is AnyStep any)
                        {
                            // An alternative's entity choices take their input lists in the order of the steps, as the table above numbers them.
                            for (int c = 0; c < any.Options.Count; c++)
                            {
                                if (any.Options[c] is EntityStep { EntityRef: { } choiceType })
                                {
                                    w.Line($"{Generic}.IReadOnlyList<{choiceType.GlobalName}> step{i}Choice{c} = context.Require({choiceType.GlobalExtractorName}.Instance);");
                                    inputs.Add($"step{i}Choice{c}");
                                }
                            }
                        }
                    }

                    string list = inputs.Count == 0 ? "[]" : $"[{string.Join(", ", inputs)}]";
                    w.Line($"foreach ({Ck}.CompilerServices.SequenceMatch match in {Ck}.CompilerServices.SequenceMatcher.Matches(text, Sequences.{rule.MemberName}, {list}, context, {entity.Name}.TypeName, {SourceWriter.Literal(rule.Id)}))");
                    whole = "text.ToOriginal(match.Start, match.End)";
                    break;
                case TermsBody { Terms: var terms, Variants: 0 }:
                    w.Line($"foreach ({Ck}.CompilerServices.TermHit hit in context.FindTerms(text, {LexiconsClass}.Index, {DictionaryId(terms, rule, null)}))");
                    whole = "text.ToOriginal(hit.Start, hit.End)";
                    break;
                case TermsBody { Terms: var terms }:
                    // The forms as written (the trie), then their spelling variants where none stands.
                    w.Line($"foreach ({Ck}.CompilerServices.TermHit hit in {rule.MemberName}Spelling.WithVariants(context, text, context.FindTerms(text, {LexiconsClass}.Index, {DictionaryId(terms, rule, null)})))");
                    whole = "text.ToOriginal(hit.Start, hit.End)";
                    break;
                case BuiltinBody { Kind: Builtin.Date }:
                    w.Line($"foreach ({Ck}.Recognizers.DateMention match in {Ck}.CompilerServices.Builtins.Dates(context))");
                    whole = "match.Span";
                    break;
                case BuiltinBody:
                    w.Line($"foreach ({Ck}.Recognizers.NumberMention match in {Ck}.CompilerServices.Builtins.Numbers(context))");
                    whole = "match.Span";
                    break;
                default:
                    throw new InvalidOperationException(rule.Body.GetType().Name);
            }

            w.OpenBrace();
            w.Line($"{Ck}.TextSpan span = {SpanExpression(rule, whole)};");
            if (ChecksSpans(entity, order))
            {
                // A span an earlier candidate has already cannot win: no entity is made for it.
                w.Line("""
                    if (candidates.Beaten(span))
                    {
                        continue;
                    }

                    """);
            }

            var arguments = new List<string>();
            for (int i = 0; i < entity.Fields.Count; i++)
            {
                FieldSpec field = entity.Fields[i];
                FieldFill? fill = rule.Fills.FirstOrDefault(f => f.Field == field.Name);
                string local = field.ValueLocal;
                if (fill is null)
                {
                    arguments.Add(field.Type.IsList && !field.Type.IsOptional ? $"global::System.Array.Empty<{ElementType(entity, field)}>()" : "null");
                    continue;
                }

                string expression = FillExpression(entity, field, fill, rule);
                if (field.Type.IsList || NeverNull(rule, field, fill))
                {
                    w.Line($"{TypeName(entity, field).TrimEnd('?')} {local} = {expression};");
                    arguments.Add(local);
                    continue;
                }

                bool valueType = field.Type.Kind is not (FieldKind.String or FieldKind.Entity);
                w.Line($"{ElementType(entity, field)}? {local} = {expression};");
                if (!field.Type.IsOptional)
                {
                    w.Line($$"""
                        if ({{local}} is null)
                        {
                            continue;
                        }

                        """);
                    arguments.Add(valueType ? local + ".Value" : local);
                }
                else
                {
                    arguments.Add(local);
                }
            }

            arguments.Add("span");
            if (!HasTextField(entity))
            {
                arguments.Add($"{Ck}.CompilerServices.Captures.Text(context, span)");
            }

            arguments.Add(SourceWriter.Literal(rule.Id));
            ArgumentLines(w, $"candidates.Add(span, {order.ToString(CultureInfo.InvariantCulture)}, new {entity.Name}(", arguments, "));");
            w.CloseBrace();
            w.CloseBrace();
            if (rule.Body is TermsBody { Variants: not 0 } spelled)
            {
                // A lexicon's entries are the module's; an inline dictionary's are the rule's own.
                ImmutableEquatableArray<LexiconEntry> entries = spelled.Terms.LexiconName is { } lexicon
                    ? _module.Lexicons.First(l => l.Name == lexicon).Entries
                    : spelled.Terms.Entries;
                SpellingField(w, rule, entries, spelled.Variants);
            }
        }

        /// <summary>
        /// The forms of a terms rule with <c>variants:</c> and their values in its dictionary, for the
        /// runtime to find their spelling variants (see <c>CorpusKit.CompilerServices.SpellingIndex</c>).
        /// </summary>
        private static void SpellingField(SourceWriter w, RuleSpec rule, ImmutableEquatableArray<LexiconEntry> entries, int variants)
        {
            var forms = new List<string>();
            var values = new List<int>();
            for (int value = 0; value < entries.Count; value++)
            {
                foreach (string form in entries[value].Forms)
                {
                    if (form.Length > 0)
                    {
                        forms.Add(SourceWriter.Literal(form));
                        values.Add(value);
                    }
                }
            }

            string kinds = string.Join(" | ", new[] { (1, "Letters"), (2, "Edit") }
                .Where(kind => (variants & kind.Item1) != 0)
                .Select(kind => $"{Ck}.CompilerServices.SpellingVariants.{kind.Item2}"));
            w.Line();
            w.SummaryXml($"The forms of rule <c>{SourceWriter.Xml(rule.Id)}</c> and their values, whose spelling variants it finds too.");
            w.Line($"private static readonly {Ck}.CompilerServices.SpellingIndex {rule.MemberName}Spelling = new(");
            w.Indent();
            w.Line("forms:");
            w.Line("[");
            w.Indent();
            foreach (string form in forms)
            {
                w.Line(form + ",");
            }

            w.Unindent();
            w.Line("],");
            IntArray(w, "values", [.. values], ",");
            w.Line($"{kinds});");
            w.Unindent();
        }

        /// <summary>
        /// Whether rule <paramref name="order"/> asks if an earlier candidate has its span before it
        /// makes its entity: where the mode lets one candidate of a span win, for every rule after the
        /// first, and for a sequence (whose alternatives can match one span twice) even as the first.
        /// </summary>
        private static bool ChecksSpans(EntitySpec entity, int order)
            => entity.Overlap != OverlapKind.All && (order > 0 || entity.Rules[order].Body is SequenceBody);

        /// <summary>Whether a fill always yields a value: a constant of any type (checked at build time), a key, or matched text as a string.</summary>
        private static bool NeverNull(RuleSpec rule, FieldSpec field, FieldFill fill)
        {
            if (fill is ConstantFill)
            {
                return true;
            }

            if (fill is BuiltinFill { Part: var part })
            {
                // A number's value and kind, and a date's text, are always there; a date's value only for a calendar date.
                return part == "ordinal"
                    || (part == "value" && field.Type.Kind is FieldKind.Decimal or FieldKind.String)
                    || (part == "date" && field.Type.Kind == FieldKind.String);
            }

            if (field.Type.Kind != FieldKind.String)
            {
                return false;
            }

            return fill switch
            {
                StepFill { Step: var step } => !rule.Steps[step].Optional,
                TermKeyFill => true,
                MatchTextFill => rule.Body is not RegexBody,
                _ => false,
            };
        }

        /// <summary>
        /// The entity's span: the whole match, unless the rule's <c>span:</c> names a group (where
        /// it matched; the whole match when it took no part) or a sequence step (its match, or the
        /// span of the entity it took).
        /// </summary>
        private static string SpanExpression(RuleSpec rule, string whole)
        {
            if (rule.Body is BuiltinBody && rule.SpanGroup is not null)
            {
                // The calendar date's own span, where the match has one.
                return $"match.DateSpan ?? {whole}";
            }

            if (rule.SpanGroup is { } spanGroup)
            {
                return $"{Ck}.CompilerServices.Captures.Span(text, {GroupSource(rule, spanGroup)}.Group({SourceWriter.Literal(spanGroup)}), {whole})";
            }

            if (rule.SpanStep is int step)
            {
                string taken = rule.Steps[step] is EntityStep
                    ? $"step{step}[match.Steps[{step}].Value].Span"
                    : $"text.ToOriginal(match.Steps[{step}].Start, match.Steps[{step}].End)";
                return rule.Steps[step].Optional ? $"match.Steps[{step}].IsSkipped ? {whole} : {taken}" : taken;
            }

            return whole;
        }

        /// <summary>The match whose groups hold <paramref name="group"/>: the rule's, or a sequence step's.</summary>
        private static string GroupSource(RuleSpec rule, string group)
        {
            if (rule.Body is not SequenceBody)
            {
                return "match";
            }

            int step = rule.GroupSteps[rule.Groups.ToList().IndexOf(group)];
            return $"match.Steps[{step}].Match!";
        }

        private string FillExpression(EntitySpec entity, FieldSpec field, FieldFill fill, RuleSpec rule)
        {
            string captures = $"{Ck}.CompilerServices.Captures";
            string Group(string name) => $"{GroupSource(rule, name)}.Group({SourceWriter.Literal(name)})";
            switch (fill)
            {
                case GroupFill { Group: var group }:
                    return field.Type.Kind == FieldKind.String
                        ? $"{captures}.String(text, {Group(group)})"
                        : Convert(entity, field, $"{captures}.Value({Group(group)})");
                case GroupCapturesFill { Group: var group }:
                    return field.Type.Kind == FieldKind.String
                        ? $"{captures}.Strings(text, {Group(group)})"
                        : $"{captures}.Values({Group(group)}, static value => {Convert(entity, field, "value")})";
                case MatchTextFill:
                    return rule.Body switch
                    {
                        RegexBody => field.Type.Kind == FieldKind.String ? $"{captures}.String(text, match)" : Convert(entity, field, "match.Value"),
                        SequenceBody => field.Type.Kind == FieldKind.String ? $"{captures}.String(text, match.Start, match.End)" : Convert(entity, field, "text.TextOf(match.Start, match.End)"),
                        BuiltinBody => field.Type.Kind == FieldKind.String ? "match.Text" : Convert(entity, field, "match.Text"),
                        _ => field.Type.Kind == FieldKind.String ? $"{captures}.String(text, hit.Start, hit.End)" : Convert(entity, field, "text.TextOf(hit.Start, hit.End)"),
                    };
                case TermKeyFill:
                    string keys = $"{KeysOf(((TermsBody)rule.Body).Terms, rule, null)}[hit.Value]";
                    return field.Type.Kind == FieldKind.String ? keys : Convert(entity, field, keys);
                case StepFill { Step: var step }:
                    return StepValue(entity, field, rule, step);
                case StepsFill { First: var first, Last: var last }:
                    return $"{captures}.Steps(text, match, {first.ToString(CultureInfo.InvariantCulture)}, {last.ToString(CultureInfo.InvariantCulture)})";
                case NearestFill nearest:
                    string direction = nearest.Before ? "Before" : "After";
                    return $"{nearest.Local}.Find(span, {Ck}.CompilerServices.NearestDirection.{direction}, {Ck}.CompilerServices.TextScope.{nearest.ScopeMember})";
                case ConstantFill { Value: var value }:
                    return Constant(entity, field, value);
                case BuiltinFill { Part: var part }:
                    return (part, field.Type.Kind) switch
                    {
                        ("date", FieldKind.String) => $"{Ck}.CompilerServices.Builtins.DateText(context, match)",
                        ("date", _) => "match.Date",
                        ("year", _) => "match.Date?.Year",
                        ("month", _) => "match.Date?.Month",
                        ("day", _) => "match.Date?.Day",
                        ("value", FieldKind.Int) => $"{Ck}.CompilerServices.Builtins.Int(match.Value)",
                        ("value", FieldKind.String) => "match.Text",
                        ("value", _) => "match.Value",
                        _ => "match.IsOrdinal",
                    };
                case DateFill date:
                    string Read(string? g, string reader, string more = "") => g is null ? "null" : $"{captures}.{reader}({Group(g)}{more})";
                    string month = date.MonthLexiconMember is { } months
                        ? Read(date.Month, "Month", $", {LexiconsClass}.Index, {LexiconsClass}.{months}, {LexiconsClass}.{Names.Numbers(months)}")
                        : Read(date.Month, "Month");
                    string day = date.DayLexiconMember is { } days
                        ? Read(date.Day, "Day", $", {LexiconsClass}.Index, {LexiconsClass}.{days}, {LexiconsClass}.{Names.Numbers(days)}")
                        : Read(date.Day, "Day");
                    return $"{captures}.Date({Read(date.Year, "Year")}, {month}, {day})";
                default:
                    throw new InvalidOperationException(fill.GetType().Name);
            }
        }

        /// <summary>The value a sequence step gives the field it fills with <c>as:</c>.</summary>
        private string StepValue(EntitySpec entity, FieldSpec field, RuleSpec rule, int index)
        {
            string value = StepValueWhenTaken(entity, field, rule, index);
            return rule.Steps[index].Optional ? $"match.Steps[{index}].IsSkipped ? null : {value}" : value;
        }

        /// <summary>The value a step that was not skipped gives the field it fills.</summary>
        private string StepValueWhenTaken(EntitySpec entity, FieldSpec field, RuleSpec rule, int index)
        {
            StepSpec step = rule.Steps[index];
            string at = $"match.Steps[{index}]";
            string stepText = $"{Ck}.CompilerServices.Captures.String(text, {at}.Start, {at}.End)";
            switch (step)
            {
                case EntityStep:
                    string found = $"step{index}[{at}.Value]";
                    return field.Type.Kind switch
                    {
                        FieldKind.Entity => found,
                        FieldKind.String => found + ".Key",
                        _ => Convert(entity, field, found + ".Key"),
                    };
                case TermsStep { Terms: { Keyed: true } terms }:
                    string key = $"{KeysOf(terms, rule, index)}[{at}.Value]";
                    return field.Type.Kind == FieldKind.String ? key : Convert(entity, field, key);
                default:
                    return field.Type.Kind == FieldKind.String ? stepText : Convert(entity, field, $"text.TextOf({at}.Start, {at}.End)");
            }
        }

        /// <summary>The keys array of a dictionary: its lexicon's, or the inline one of a rule or step.</summary>
        private string KeysOf(TermsSpec terms, RuleSpec rule, int? step)
            => terms.LexiconMember is { } lexicon
                ? $"{LexiconsClass}.{Names.Keys(lexicon)}"
                : $"Terms.{Names.Keys(InlineMember(rule, step, null))}";

        /// <summary>The C# expression of a dictionary's id in the module's term index: its lexicon's, or the inline one of a rule or step.</summary>
        private string DictionaryId(TermsSpec terms, RuleSpec rule, int? step, int? choice = null)
            => terms.LexiconMember is { } lexicon
                ? $"{LexiconsClass}.{lexicon}"
                : "Terms." + InlineMember(rule, step, choice);

        /// <summary>The member of the inline dictionary of a rule, of its step, or of a choice of its step.</summary>
        private static string InlineMember(RuleSpec rule, int? step, int? choice)
            => step is int i ? (choice is int c ? rule.ChoiceMemberName(i, c) : rule.StepMemberName(i)) : rule.MemberName;

        private static string Convert(EntitySpec entity, FieldSpec field, string text)
        {
            string captures = $"{Ck}.CompilerServices.Captures";
            return field.Type.Kind switch
            {
                FieldKind.Int => $"{captures}.Int({text})",
                FieldKind.Decimal => $"{captures}.Decimal({text})",
                FieldKind.Bool => $"{captures}.Bool({text})",
                FieldKind.Date => $"{captures}.Date({text})",
                FieldKind.Enum => $"{entity.Name}.{field.EnumParserName}({text})",
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
            FieldKind.Enum => $"{new EntityRef(_module.Namespace, entity.Name).GlobalName}.{field.EnumTypeName}.{field.Type.EnumMember(value)}",
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
            string corpus = _module.CorpusClass;
            DocumentSpec? spec = _module.Document;
            string document = _module.DocumentClass;
            List<EntitySpec> order = _module.RunOrder.Select(name => _module.Entities.First(e => e.Name == name)).ToList();
            w.Line($$"""
                namespace {{_module.Namespace}}
                {
                """);
            w.Indent();
            w.Summary(_module.Doc ?? $"Runs every entity of {_module.RelativePath} over a text.");
            w.Line($$"""
                {{s_generatedCode}}
                public sealed partial class {{corpus}}
                {
                """);
            w.Indent();
            NormalizationAndInstance(w, corpus, "How the rules of this corpus see the text.", "a corpus");
            w.Line($$"""

                /// <summary>The tables of this corpus's entity types, in schema order, for sinks that write typed columns (DuckDB, Parquet).</summary>
                public static {{Generic}}.IReadOnlyList<{{Ck}}.Tables.EntityTable> Tables { get; } =
                [
                """);
            w.Indent();
            foreach (EntitySpec entity in _module.Entities)
            {
                w.Line($"{entity.ExtractorName}.Table,");
            }

            w.Unindent();
            w.Line("];");
            w.Line();
            if (spec is not null)
            {
                BoilerplateRules(w, spec);
            }

            w.Line($$"""
                /// <summary>Extracts every entity type from <paramref name="text"/>.</summary>
                /// <param name="text">The document's text.</param>
                /// <param name="documentId">A name for the document (a file name), kept in the result.</param>
                public {{document}} Extract(string text, string? documentId = null)
                """);
            ExtractOnOwnContext(w, $"new {Ck}.ExtractionContext(text, documentId)");
            string contextDoc = spec is null
                ? "A document no rule has run on yet."
                : "A document no rule has run on yet (boilerplate is hidden from rules first).";
            w.Line($$"""

                /// <summary>Extracts every entity type, in dependency order, from the context's text.</summary>
                /// <param name="context">{{contextDoc}}</param>
                public {{document}} Extract({{Ck}}.ExtractionContext context)
                {
                    global::System.ArgumentNullException.ThrowIfNull(context);
                """);
            w.Indent();

            // Stages for progress within a long document: the layout, then each entity type.
            int stages = (spec is not null ? 1 : 0) + order.Count;
            int stage = 0;
            if (spec is not null)
            {
                w.Line($"{Ck}.Documents.DocumentLayout layout = {Ck}.Documents.DocumentLayout.Apply(context, Normalization, Boilerplate, {SourceWriter.Literal(spec.Name)}, dropDuplicates: {(spec.DropDuplicates ? "true" : "false")});");
                if (spec.Headline)
                {
                    w.Line("""
                        string? headline = layout.Headline is { } headlineLine
                            ? context.Text.Substring(headlineLine.Span.Start, headlineLine.Span.Length)
                            : null;
                        """);
                }

                w.Line($"context.ReportProgress({++stage}, {stages});");
            }

            foreach (EntitySpec entity in order)
            {
                w.Line($"{Generic}.IReadOnlyList<{entity.Name}> {entity.ListLocal} = {entity.ExtractorName}.Instance.Extract(context);");
                w.Line($"context.ReportProgress({++stage}, {stages});");
            }

            var arguments = new List<string> { "context.DocumentId" };
            if (spec is not null)
            {
                if (spec.Headline)
                {
                    arguments.Add("headline");
                }

                foreach (DocumentFieldSpec field in spec.Fields)
                {
                    EntitySpec? local = _module.Entities.FirstOrDefault(e => new EntityRef(_module.Namespace, e.Name) == field.EntityRef);
                    string mentions = local is not null ? local.ListLocal : $"context.Require({field.EntityRef!.GlobalExtractorName}.Instance)";
                    string where = field.Where is null ? string.Empty : $", static m => m.{field.Where}";
                    if (field.IsList && where.Length > 0)
                    {
                        mentions = $"global::System.Linq.Enumerable.ToList(global::System.Linq.Enumerable.Where({mentions}{where}))";
                    }

                    arguments.Add(field.IsList
                        ? $"{Ck}.CompilerServices.EntityGroups.Collect({mentions}, {Ck}.CompilerServices.SameEntity.{(field.Contained ? "Contained" : "Key")}, Normalization)"
                        : $"global::System.Linq.Enumerable.FirstOrDefault({mentions}{where})");
                }
            }

            arguments.AddRange(_module.Entities.Select(e => e.ListLocal));
            if (spec is not null)
            {
                arguments.Add("layout");
            }

            arguments.Add("context.Problems");
            ArgumentLines(w, $"return new {document}(", arguments, ");");
            w.CloseBrace();
            if (_module.Entities.Any(e => e.Rules.Any(r => r.Examples.Count > 0)))
            {
                w.Line();
                ExamplesTable(w);
            }

            w.CloseBrace();
            w.Line();
            DocumentRecord(w, corpus, document, spec);

            if (_terms is { } terms)
            {
                w.Line();
                w.Summary($"The dictionaries of {_module.RelativePath} that rules match as terms or read keys from, compiled at build time into one trie that a document is scanned with once.");
                w.Line($$"""
                    {{s_generatedCode}}
                    internal static class {{LexiconsClass}}
                    {
                    """);
                w.Indent();
                TermIndex(w, terms);
                foreach (TermDictionary dictionary in terms.Dictionaries.Where(d => !d.Inline))
                {
                    w.Line();
                    DictionaryMembers(w, dictionary);
                }

                w.CloseBrace();
            }

            w.CloseBrace();
            return w.ToString();
        }

        /// <summary>The document record: what the corpus found in one document.</summary>
        private void DocumentRecord(SourceWriter w, string corpus, string document, DocumentSpec? spec)
        {
            if (spec?.Doc is { } doc)
            {
                w.SummaryXml(SourceWriter.Xml(doc) + $"\nWhat <see cref=\"{corpus}\"/> found in one document.");
            }
            else
            {
                w.SummaryXml($"What <see cref=\"{corpus}\"/> found in one document.");
            }

            w.Param("Id", "The document's name, if it was given one.");
            var parameters = new List<string> { "string? Id" };
            if (spec is not null)
            {
                if (spec.Headline)
                {
                    w.Param("Headline", "The headline: the first line that is neither blank nor boilerplate.");
                    parameters.Add("string? Headline");
                }

                foreach (DocumentFieldSpec field in spec.Fields)
                {
                    string kept = field.Where is null ? string.Empty : $" whose {field.Where} is true";
                    w.Param(field.PropertyName, field.Doc ?? (field.IsList
                        ? $"The distinct {field.EntityName} entities{kept}, each with every mention, in order of first mention."
                        : $"The first {field.EntityName} of the document{kept}, if any."));
                    parameters.Add(field.IsList
                        ? $"{Generic}.IReadOnlyList<{Ck}.Documents.EntityGroup<{field.EntityRef!.GlobalName}>> {field.PropertyName}"
                        : $"{field.EntityRef!.GlobalName}? {field.PropertyName}");
                }
            }

            foreach (EntitySpec entity in _module.Entities)
            {
                w.Param(_module.MentionList(entity), $"Every {entity.Name} mention, in document order.");
                parameters.Add($"{Generic}.IReadOnlyList<{entity.Name}> {_module.MentionList(entity)}");
            }

            if (spec is not null)
            {
                w.Param("Layout", "The document's lines: headline, boilerplate, duplicates.");
                parameters.Add($"{Ck}.Documents.DocumentLayout Layout");
            }

            w.Param("Problems", "Problems met while extracting (a regex that timed out); the other rules still ran.");
            parameters.Add($"{Generic}.IReadOnlyList<{Ck}.ExtractionProblem> Problems");
            w.Line(s_generatedCode);
            RecordHeader(w, document, parameters, $"{Ck}.IJsonWritable");
            string writes = spec is null
                ? "its id and every entity list"
                : $"its id, {(spec.Headline ? "headline and " : string.Empty)}fields, and the numbers of its boilerplate and duplicate lines";
            w.Line($$"""
                /// <summary>Every entity of the document, ordered by position, then by entity type as declared.</summary>
                public {{Generic}}.IReadOnlyList<{{Ck}}.IEntity> Mentions()
                {
                    // Entities at the same position keep the order of their types.
                    return {{Ck}}.CompilerServices.MentionOrder.Merge({{string.Join(", ", _module.Entities.Select(_module.MentionList))}});
                }

                /// <summary>Writes the document: {{writes}}.</summary>
                public void WriteTo({{Json}} writer)
                {
                    global::System.ArgumentNullException.ThrowIfNull(writer);
                    writer.WriteStartObject();
                    if (Id is not null)
                    {
                        writer.WriteString("id", Id);
                    }

                """);
            w.Indent();
            if (spec is null)
            {
                foreach (EntitySpec entity in _module.Entities)
                {
                    WriteArray(w, Names.Json(entity.PluralName), $"{entity.Name} entity in {entity.PluralName}", "entity.WriteTo(writer);");
                }
            }
            else
            {
                if (spec.Headline)
                {
                    w.Line("writer.WriteString(\"headline\", Headline);");
                }

                foreach (DocumentFieldSpec field in spec.Fields)
                {
                    if (field.IsList)
                    {
                        WriteArray(w, field.Name, $"{Ck}.Documents.EntityGroup<{field.EntityRef!.GlobalName}> group in {field.PropertyName}", "group.WriteTo(writer);");
                        continue;
                    }

                    w.Line($$"""
                        if ({{field.PropertyName}} is null)
                        {
                            writer.WriteNull({{SourceWriter.Literal(field.Name)}});
                        }
                        else
                        {
                            writer.WritePropertyName({{SourceWriter.Literal(field.Name)}});
                            {{field.PropertyName}}.WriteTo(writer);
                        }

                        """);
                }

                WriteArray(w, "boilerplateLines", $"{Ck}.Documents.DocumentLine line in Layout.Boilerplate", "writer.WriteNumberValue(line.Number);");
                WriteArray(w, "duplicateLines", $"{Ck}.Documents.DocumentLine line in Layout.Duplicates", "writer.WriteNumberValue(line.Number);");
            }

            w.Line($$"""
                if (Problems.Count > 0)
                {
                    writer.WriteStartArray("problems");
                    foreach ({{Ck}}.ExtractionProblem problem in Problems)
                    {
                        writer.WriteStartObject();
                        writer.WriteString("entity", problem.Entity);
                        writer.WriteString("rule", problem.Rule);
                        writer.WriteString("message", problem.Message);
                        writer.WriteEndObject();
                    }

                    writer.WriteEndArray();
                }

                writer.WriteEndObject();
                """);
            w.CloseBrace();
            w.CloseBrace();
        }

        /// <summary>Writes <c>"name": [ … ]</c> from a foreach over <paramref name="loop"/>, each item by <paramref name="statement"/>.</summary>
        private static void WriteArray(SourceWriter w, string name, string loop, string statement)
        {
            w.Line($$"""
                writer.WriteStartArray({{SourceWriter.Literal(name)}});
                foreach ({{loop}})
                {
                    {{statement}}
                }

                writer.WriteEndArray();
                """);
        }

        /// <summary>The boilerplate rules of the document, built once.</summary>
        private void BoilerplateRules(SourceWriter w, DocumentSpec spec)
        {
            w.Line($$"""
                /// <summary>The boilerplate rules of document <c>{{SourceWriter.Xml(spec.Name)}}</c>, tried on each line's normalized text.</summary>
                private static readonly {{Ck}}.CompilerServices.LineRuleSet Boilerplate = new(
                [
                """);
            w.Indent();
            foreach (LineRuleSpec rule in spec.Boilerplate)
            {
                if (rule.Doc is not null)
                {
                    w.Line("// " + rule.Doc.Replace("\n", " ").Replace("\r", " "));
                }

                w.Line($"new({SourceWriter.Literal(rule.Id)}, BoilerplatePatterns.{rule.MemberName}, {Ck}.CompilerServices.LineRuleReach.{rule.Reach}),");
            }

            w.Unindent();
            w.Line("]);");
            NestedClass(w, "The patterns of the boilerplate rules, compiled at build time.", "BoilerplatePatterns", spec.Boilerplate, rule =>
                PatternField(w, rule.MemberName, $"the pattern of boilerplate rule <c>{SourceWriter.Xml(rule.Id)}</c>", rule.Pattern));
            w.Line();
        }

        /// <summary>The examples written beside the rules, as a table a test runs.</summary>
        private void ExamplesTable(SourceWriter w)
        {
            w.Line($$"""
                /// <summary>
                /// The <c>examples:</c> of every rule of this schema, in schema order, for a test to run (see <see cref="global::CorpusKit.CompilerServices.RuleExample.Check"/>).
                /// Internal: not part of the corpus's API; a test project sees it through <c>InternalsVisibleTo</c>.
                /// </summary>
                internal static {{Generic}}.IReadOnlyList<{{Ck}}.CompilerServices.RuleExample> Examples { get; } =
                [
                """);
            w.Indent();
            foreach (EntitySpec entity in _module.Entities)
            {
                foreach (RuleSpec rule in entity.Rules)
                {
                    foreach (ExampleSpec example in rule.Examples)
                    {
                        string expected = example.Expected.Count == 0
                            ? "[]"
                            : "[" + string.Join(", ", example.Expected.Select(e => $"new({SourceWriter.Literal(e.Field)}, {SourceWriter.Literal(e.Value)})")) + "]";
                        string line = (example.Location.StartLine + 1).ToString(CultureInfo.InvariantCulture);
                        string column = (example.Location.StartColumn + 1).ToString(CultureInfo.InvariantCulture);
                        string span = example.Span is null ? "null" : SourceWriter.Literal(example.Span);
                        w.Line($$"""
                            new(
                                {{SourceWriter.Literal(_module.RelativePath)}}, {{line}}, {{column}},
                                {{entity.Name}}.TypeName, {{SourceWriter.Literal(rule.Id)}},
                                {{SourceWriter.Literal(example.Text)}},
                                none: {{(example.None ? "true" : "false")}}, span: {{span}}, expected: {{expected}},
                                extract: static text => {{entity.ExtractorName}}.Instance.Extract(text)),
                            """);
                    }
                }
            }

            w.Unindent();
            w.Line("];");
        }

        /// <summary>The two members every extractor and corpus class opens with: its normalization and its shared instance.</summary>
        private void NormalizationAndInstance(SourceWriter w, string type, string normalizationDoc, string what)
        {
            w.Line($$"""
                /// <summary>{{normalizationDoc}}</summary>
                public const {{Ck}}.TextNormalization Normalization = {{Ck}}.TextNormalization.{{NormalizationName}};

                /// <summary>The shared instance; {{what}} holds no state.</summary>
                public static {{type}} Instance { get; } = new();
                """);
        }

        /// <summary>Opens <c>public sealed partial record Name(p1, p2, …) : Interface {</c>, one parameter a line.</summary>
        private static void RecordHeader(SourceWriter w, string name, List<string> parameters, string implements)
        {
            ArgumentLines(w, $"public sealed partial record {name}(", parameters, $") : {implements}");
            w.OpenBrace();
        }

        /// <summary>Writes <paramref name="opening"/>, then one argument a line (indented, comma-separated), the last followed by <paramref name="closing"/>.</summary>
        private static void ArgumentLines(SourceWriter w, string opening, List<string> arguments, string closing)
        {
            w.Line(opening);
            w.Indent();
            for (int i = 0; i < arguments.Count; i++)
            {
                w.Line(arguments[i] + (i == arguments.Count - 1 ? closing : ","));
            }

            w.Unindent();
        }

        /// <summary>How many forms of each dictionary the comment above the trie shows.</summary>
        private const int ShownForms = 4;

        /// <summary>Writes the module's <c>TermIndex</c>: the trie of every dictionary's forms and the dictionaries of each form.</summary>
        private static void TermIndex(SourceWriter w, TermIndexLayout terms)
        {
            w.Line("/// <summary>");
            w.Line($"/// The {terms.FormCount} distinct form(s) of {terms.Dictionaries.Count} dictionar{(terms.Dictionaries.Count == 1 ? "y" : "ies")}, as a trie of {terms.Values.Length} nodes:");
            foreach (TermDictionary dictionary in terms.Dictionaries)
            {
                // The first forms as the text is matched with them (normalized), so a reader sees what the trie holds.
                List<string> forms = dictionary.Entries.SelectMany(e => e.Forms).ToList();
                string shown = string.Join(", ", forms.Take(ShownForms).Select(f => $"<c>{SourceWriter.Xml(SourceWriter.CommentText(f))}</c>"));
                string more = forms.Count > ShownForms ? $" and {(forms.Count - ShownForms).ToString(CultureInfo.InvariantCulture)} more" : string.Empty;
                w.Line($"/// {dictionary.Id.ToString(CultureInfo.InvariantCulture)}: {dictionary.What}, {forms.Count.ToString(CultureInfo.InvariantCulture)} form(s): {shown}{more}.<br/>");
            }

            w.Line($$"""
                /// </summary>
                internal static readonly {{Ck}}.CompilerServices.TermIndex Index = new(
                    new {{Ck}}.CompilerServices.TermTrie(
                        labels:
                """);
            w.Indent();
            w.Indent();
            w.Indent();
            for (int i = 0; i < terms.Labels.Length; i += 16)
            {
                string chunk = SourceWriter.Literal(terms.Labels.Substring(i, Math.Min(16, terms.Labels.Length - i)), escapeNonAscii: true);
                w.Line(chunk + (i + 16 >= terms.Labels.Length ? "," : " +"));
            }

            if (terms.Labels.Length == 0)
            {
                w.Line("\"\",");
            }

            w.Unindent();
            IntArray(w, "targets", terms.Targets, ",");
            IntArray(w, "edgeStarts", terms.EdgeStarts, ",");
            IntArray(w, "values", terms.Values, "),");
            w.Unindent();
            w.Line($"dictionaryCount: {terms.Dictionaries.Count.ToString(CultureInfo.InvariantCulture)},");
            IntArray(w, "entryStarts", terms.EntryStarts, ",");
            IntArray(w, "memberships", terms.Memberships, ");");
            w.Unindent();
        }

        /// <summary>Writes a dictionary's id in the index, and its keys when it has keys of its own.</summary>
        private static void DictionaryMembers(SourceWriter w, TermDictionary dictionary)
        {
            string what = dictionary.What;
            int forms = dictionary.Entries.Sum(e => e.Forms.Count);
            w.Line($$"""
                /// <summary>The id in the index of {{what}}: {{forms.ToString(CultureInfo.InvariantCulture)}} form(s) of {{dictionary.Entries.Count.ToString(CultureInfo.InvariantCulture)}} key(s).</summary>
                internal const int {{dictionary.MemberName}} = {{dictionary.Id.ToString(CultureInfo.InvariantCulture)}};
                """);
            if (dictionary.Keyed)
            {
                w.Line($$"""

                    /// <summary>The keys of {{what}}, indexed by the values of its forms.</summary>
                    internal static readonly string[] {{Names.Keys(dictionary.MemberName)}} =
                    [
                    """);
                w.Indent();
                foreach (LexiconEntry entry in dictionary.Entries)
                {
                    w.Line(SourceWriter.Literal(entry.Key) + ",");
                }

                w.Unindent();
                w.Line("];");
            }

            if (dictionary.IntegerKeys)
            {
                string numbers = string.Join(", ", dictionary.Entries.Select(e => int.Parse(e.Key, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)));
                w.Line($$"""

                    /// <summary>The keys of {{what}} as numbers, indexed by the values of its forms.</summary>
                    internal static readonly int[] {{Names.Numbers(dictionary.MemberName)}} = [{{numbers}}];
                    """);
            }
        }

        private static void IntArray(SourceWriter w, string name, int[] values, string end)
        {
            w.Line($$"""
                {{name}}:
                [
                """);
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
            w.Line($$"""
                // <auto-generated/>
                // Generated by CorpusKit from {{_module.RelativePath}}. Edit the schema, not this file.
                #nullable enable

                """);
            return w;
        }
    }
}
