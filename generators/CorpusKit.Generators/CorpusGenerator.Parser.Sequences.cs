using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using CorpusKit.Generators.Model;
using CorpusKit.Generators.Yaml;

namespace CorpusKit.Generators;

public sealed partial class CorpusGenerator
{
    // Sequence rules: their steps (entity, terms, regex, gap) and what each fills; and the examples beside a rule.
    internal sealed partial class Parser
    {
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
                var kinds = new[] { "entity", "terms", "regex", "gap", "words", "any" }.Where(keys.ContainsKey).ToList();
                if (kinds.Count != 1)
                {
                    Report(DiagnosticDescriptors.ExclusiveKeys, map.Location, kinds.Count == 0 ? "none of entity:, terms:, regex:, gap:, words:, any:" : string.Join(" and ", kinds.Select(k => k + ":")), $"step {i + 1} of rule '{ruleId}'", "give exactly one of entity:, terms:, regex:, gap:, words: or any:");
                    ok = false;
                    continue;
                }

                if (HasWordsKeysOutOfPlace(keys, kinds[0], $"step {i + 1} of rule '{ruleId}'"))
                {
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

                    // Consecutive steps may fill one string field together (a title read in parts;
                    // an entity step among them gives its mention's text, as an any: step with an
                    // entity choice does); other steps may not share an as:.
                    if (steps.Any(s => s.As == target)
                        && (steps.Count == 0 || steps[^1].As != target || targetField.Type.Kind != FieldKind.String || targetField.Type.IsList))
                    {
                        Report(DiagnosticDescriptors.DuplicateName, keys["as"].Value.Location, $"as: in rule '{ruleId}' (only consecutive steps may fill one field together, and only a string field)", target);
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

                            if (targetField is not null && targetField.Type.Members is { } members && !members.Contains(entityNode.Value))
                            {
                                Report(DiagnosticDescriptors.InvalidStep, keys["as"].Value.Location, target!, $"as: of step {i + 1}", $"the field refers to one of {string.Join(", ", members)}, the step finds {entityNode.Value}");
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
                    case "words":
                        step = AsTextStep(targetField, keys, i) ? ParseWords(keys, body.Value, i, ruleId, target) : null;
                        break;
                    case "any":
                        step = AsTextStep(targetField, keys, i) ? ParseAny(body.Value, i, ruleId, target, groupLexicons) : null;
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

                if (Scalar(keys, "optional", $"optional: of step {i + 1}") is { } optionalNode)
                {
                    if (!bool.TryParse(optionalNode.Value, out bool optional))
                    {
                        Report(DiagnosticDescriptors.OptionValue, optionalNode.Location, optionalNode.Value, "optional:", "use true or false");
                        ok = false;
                        continue;
                    }

                    // A step that shares its as: with a step before it that is always taken leaves the field filled when skipped.
                    bool sharedWithTaken = target is not null && steps.Any(s => s.As == target && !s.Optional);
                    if (optional && OptionalProblem(step, i, sharedWithTaken ? null : targetField, stepGroupCount: groupSteps.Count(s => s == i)) is { } problem)
                    {
                        Report(DiagnosticDescriptors.InvalidStep, optionalNode.Location, "optional: true", $"step {i + 1} of rule '{ruleId}'", problem);
                        ok = false;
                        continue;
                    }

                    step = step with { Optional = optional };
                }

                steps.Add(step);
            }

            return ok;
        }

        /// <summary><c>{ any: [ { entity: Person }, { words: 1..3 } ] }</c>: two or more choices, tried in order.</summary>
        private StepSpec? ParseAny(YamlNodeBase node, int index, string ruleId, string? target, Dictionary<string, List<string>> groupLexicons)
        {
            if (index == 0)
            {
                Report(DiagnosticDescriptors.InvalidStep, node.Location, "any:", $"step {index + 1}", "an alternative follows another step; begin the sequence with an entity, terms or regex step that anchors it");
                return null;
            }

            if (node is not YamlList list || list.Items.Count < 2)
            {
                Report(DiagnosticDescriptors.WrongShape, node.Location, $"any: of step {index + 1}", "a list of two or more steps ({entity: …}, {terms: …}, {regex: …}, {words: …})", node is YamlList ? "fewer than two" : node.KindName);
                return null;
            }

            var options = new List<StepSpec>();
            for (int c = 0; c < list.Items.Count; c++)
            {
                if (list.Items[c] is not YamlMap map)
                {
                    Report(DiagnosticDescriptors.WrongShape, list.Items[c].Location, $"choice {c + 1} of step {index + 1}", "a step such as {entity: Person}", list.Items[c].KindName);
                    return null;
                }

                if (ParseChoice(map, index, c, ruleId, groupLexicons) is not { } option)
                {
                    return null;
                }

                options.Add(option);
            }

            return new AnyStep(target, node.Location, options.ToEquatable());
        }

        /// <summary>One choice of an alternative: an entity, terms, regex (without named groups) or words step, without as: (the alternative has it).</summary>
        private StepSpec? ParseChoice(YamlMap map, int index, int choice, string ruleId, Dictionary<string, List<string>> groupLexicons)
        {
            string where = $"choice {choice + 1} of step {index + 1} of rule '{ruleId}'";
            Dictionary<string, KeyValuePair<YamlScalar, YamlNodeBase>> keys = CheckKeys(map, s_choiceKeys, where);
            var kinds = new[] { "entity", "terms", "regex", "words" }.Where(keys.ContainsKey).ToList();
            if (kinds.Count != 1)
            {
                Report(DiagnosticDescriptors.ExclusiveKeys, map.Location, kinds.Count == 0 ? "none of entity:, terms:, regex:, words:" : string.Join(" and ", kinds.Select(k => k + ":")), where, "give exactly one of entity:, terms:, regex: or words: (a gap, an alternative or as: is the step's, not a choice's)");
                return null;
            }

            if (HasWordsKeysOutOfPlace(keys, kinds[0], where))
            {
                return null;
            }

            YamlNodeBase body = keys[kinds[0]].Value;
            switch (kinds[0])
            {
                case "entity":
                    if (Scalar(keys, "entity", "entity:") is not { } entityNode || !Names.IsIdentifier(entityNode.Value))
                    {
                        Report(DiagnosticDescriptors.UnknownEntity, body.Location, (body as YamlScalar)?.Value ?? body.KindName);
                        return null;
                    }

                    return new EntityStep(null, entityNode.Location, entityNode.Value, EntityRef: null);
                case "terms":
                    return ParseTerms(body, ruleId) is { } terms ? new TermsStep(null, body.Location, terms) : null;
                case "regex":
                    if (body is not YamlScalar regexNode)
                    {
                        Report(DiagnosticDescriptors.WrongShape, body.Location, $"regex: of {where}", "a pattern", body.KindName);
                        return null;
                    }

                    var choiceGroups = new List<string>();
                    if (CheckedPattern(regexNode, where, anchored: true, groupLexicons, choiceGroups) is not { } pattern)
                    {
                        return null;
                    }

                    if (choiceGroups.Count > 0)
                    {
                        Report(DiagnosticDescriptors.InvalidStep, regexNode.Location, choiceGroups[0], where, "a choice's pattern has no named groups: the alternative's as: takes the text it matched");
                        return null;
                    }

                    return new RegexStep(null, regexNode.Location, pattern);
                default:
                    return ParseWords(keys, body, index, ruleId, null);
            }
        }

        /// <summary>Whether a step of kind <paramref name="kind"/> gives a key only a words step takes (reported).</summary>
        private bool HasWordsKeysOutOfPlace(Dictionary<string, KeyValuePair<YamlScalar, YamlNodeBase>> keys, string kind, string where)
        {
            if (kind == "words" || new[] { "script", "not", "prefix", "suffix" }.FirstOrDefault(keys.ContainsKey) is not { } wordsOnly)
            {
                return false;
            }

            Report(DiagnosticDescriptors.InvalidStep, keys[wordsOnly].Key.Location, wordsOnly + ":", where, "script:, not:, prefix: and suffix: belong to a words: step");
            return true;
        }

        /// <summary>Why step <paramref name="index"/> cannot be optional, or null when it can.</summary>
        private static string? OptionalProblem(StepSpec step, int index, FieldSpec? target, int stepGroupCount)
        {
            if (index == 0)
            {
                return "the first step anchors the sequence and is always there";
            }

            if (step is GapStep)
            {
                return "a gap of 0 words is already optional: write gap: 0..N";
            }

            if (stepGroupCount > 0)
            {
                return "the groups of a regex step fill fields; a step that may be skipped cannot have named groups (fill the field with as: instead)";
            }

            if (target is not null && !target.Type.IsOptional)
            {
                return $"it fills '{target.Name}', which a skipped step leaves empty: declare the field optional ({TypeText(target.Type)}?)";
            }

            return null;
        }

        private static string TypeText(FieldType type) => type.Kind switch
        {
            FieldKind.Entity => type.EntityName ?? "Entity",
            FieldKind.Union => string.Join("|", type.Members!),
            FieldKind.Enum => "enum",
            _ => type.Kind.ToString().ToLowerInvariant(),
        };

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

        /// <summary><c>{ words: 1..3, script: arabic, not: titles }</c>: a count or a range of whole words, their script, the forms they must not begin.</summary>
        private StepSpec? ParseWords(Dictionary<string, KeyValuePair<YamlScalar, YamlNodeBase>> keys, YamlNodeBase node, int index, string ruleId, string? target)
        {
            if (index == 0)
            {
                Report(DiagnosticDescriptors.InvalidStep, node.Location, (node as YamlScalar)?.Value ?? "words", $"step {index + 1}", "words: follows another step; begin the sequence with an entity, terms or regex step that anchors it");
                return null;
            }

            Match range = node is YamlScalar scalar
                ? Regex.Match(scalar.Value.Trim(), @"^(\d+)(?:\s*\.\.\s*(\d+))?(?:\s+words?)?$")
                : Match.Empty;
            int min = 0;
            int max = 0;
            if (!range.Success
                || !int.TryParse(range.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out min)
                || !int.TryParse(range.Groups[2].Success ? range.Groups[2].Value : range.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out max)
                || min < 1 || max < min || max > MaxStepWords)
            {
                Report(DiagnosticDescriptors.InvalidStep, node.Location, (node as YamlScalar)?.Value ?? node.KindName, $"the words of step {index + 1}", $"write a count or a range that goes up, from 1 to {MaxStepWords}: 2, or 1..3 words");
                return null;
            }

            WordScriptKind script = WordScriptKind.Any;
            if (Scalar(keys, "script", $"script: of step {index + 1}") is { } scriptNode
                && !Option(scriptNode, "script:", ref script, ("any", WordScriptKind.Any), ("arabic", WordScriptKind.Arabic), ("latin", WordScriptKind.Latin), ("digits", WordScriptKind.Digits)))
            {
                return null;
            }

            TermsSpec? refused = null;
            if (keys.TryGetValue("not", out KeyValuePair<YamlScalar, YamlNodeBase> notEntry))
            {
                refused = ParseTerms(notEntry.Value, ruleId);
                if (refused is null)
                {
                    return null;
                }
            }

            if (!TryAffixes(keys, "prefix", index, out ImmutableEquatableArray<string>? prefixes)
                || !TryAffixes(keys, "suffix", index, out ImmutableEquatableArray<string>? suffixes))
            {
                return null;
            }

            // An affix of another script than the words' can never be met: the step would match nothing.
            foreach ((string key, ImmutableEquatableArray<string>? affixes) in new[] { ("prefix", prefixes), ("suffix", suffixes) })
            {
                if (affixes?.FirstOrDefault(affix => affix.Any(c => !InScript(c, script))) is { } foreign)
                {
                    Report(DiagnosticDescriptors.InvalidStep, keys[key].Value.Location, foreign, $"{key}: of step {index + 1}", $"no {script.ToString().ToLowerInvariant()} word begins or ends with it, so the step could never match");
                    return null;
                }
            }

            return new WordsStep(target, node.Location, min, max, script, refused, prefixes, suffixes);
        }

        /// <summary>Whether <paramref name="c"/> can stand in a word of <paramref name="script"/> (as the runtime's words step reads it).</summary>
        private static bool InScript(char c, WordScriptKind script) => script switch
        {
            WordScriptKind.Arabic => c is >= '\u0600' and <= '\u06FF' && char.IsLetter(c),
            WordScriptKind.Latin => c < '\u0250' && char.IsLetter(c),
            WordScriptKind.Digits => char.IsDigit(c),
            _ => char.IsLetterOrDigit(c),
        };

        /// <summary>A words step's <c>prefix:</c> or <c>suffix:</c>: one affix or a list, normalized as the text is; none when the key is absent.</summary>
        private bool TryAffixes(Dictionary<string, KeyValuePair<YamlScalar, YamlNodeBase>> keys, string key, int index, out ImmutableEquatableArray<string>? affixes)
        {
            affixes = null;
            if (!keys.TryGetValue(key, out KeyValuePair<YamlScalar, YamlNodeBase> entry))
            {
                return true;
            }

            IReadOnlyList<YamlNodeBase> items = entry.Value is YamlList list ? list.Items : [entry.Value];
            var normalized = new List<string>();
            foreach (YamlNodeBase item in items)
            {
                string affix = item is YamlScalar { IsNull: false } scalar ? NormalizeForm(scalar.Value) : string.Empty;
                if (affix.Length == 0 || affix.Any(c => !char.IsLetterOrDigit(c)))
                {
                    Report(DiagnosticDescriptors.InvalidStep, item.Location, (item as YamlScalar)?.Value ?? item.KindName, $"{key}: of step {index + 1}", "an affix is letters a word begins or ends with, such as ال or ية");
                    return false;
                }

                if (!normalized.Contains(affix))
                {
                    normalized.Add(affix);
                }
            }

            if (normalized.Count == 0)
            {
                Report(DiagnosticDescriptors.InvalidStep, entry.Value.Location, key + ":", $"step {index + 1}", "give an affix or a list of them");
                return false;
            }

            affixes = normalized.ToEquatable();
            return true;
        }

        /// <summary>The most words a words step takes (the runtime's <c>SequenceStep.MaxWords</c>).</summary>
        private const int MaxStepWords = 8;

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
    }
}
