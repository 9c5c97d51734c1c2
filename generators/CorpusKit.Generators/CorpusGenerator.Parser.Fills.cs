using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using CorpusKit.Generators.Model;
using CorpusKit.Generators.Yaml;

namespace CorpusKit.Generators;

public sealed partial class CorpusGenerator
{
    // The binder of field values: what fills each field of a rule (a group, a key, the match, a step) and the set: mini-language (constants, int(), date(), nearest()).
    internal sealed partial class Parser
    {
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

        /// <summary>
        /// How a field of a <c>builtin:</c> rule is filled: a set: value naming one of the
        /// recognizer's parts (<c>value: date</c>), a part named like the field, any other set:
        /// value as a constant, or the matched text for the key field.
        /// </summary>
        private FieldFill? BuiltinFillOf(FieldSpec field, BuiltinBody builtin, Dictionary<string, KeyValuePair<YamlScalar, YamlScalar>> sets, bool isKey, string ruleId, ref bool ok)
        {
            string? part = null;
            YamlScalar? named = null;
            if (sets.TryGetValue(field.Name, out KeyValuePair<YamlScalar, YamlScalar> set))
            {
                if (builtin.Parts.Contains(set.Value.Value.Trim()))
                {
                    part = set.Value.Value.Trim();
                    named = set.Value;
                }
                else
                {
                    return FillFromSet(field, set.Value, ruleId, false, [], new Dictionary<string, List<string>>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal), ref ok);
                }
            }
            else if (builtin.Parts.Contains(field.Name))
            {
                part = field.Name;
            }
            else if (isKey && (builtin.Kind, field.Type.Kind) is (Builtin.Date, FieldKind.Date) or (Builtin.Number, FieldKind.Int or FieldKind.Decimal))
            {
                // The key field takes the recognizer's value: a date rule's date, a number rule's number.
                part = builtin.Kind == Builtin.Date ? "date" : "value";
            }

            if (part is null)
            {
                return isKey && CanConvertText(field.Type) ? new MatchTextFill(field.Name) : null;
            }

            if (!Builtin.Fits(builtin.Kind, part, field.Type))
            {
                string want = (builtin.Kind, part) switch
                {
                    (Builtin.Date, "date") => "a date or string field",
                    (Builtin.Date, _) => "an int or decimal field",
                    (_, "value") => "an int, decimal or string field",
                    _ => "a bool field",
                };
                if (named is not null)
                {
                    Report(DiagnosticDescriptors.InvalidValue, named.Location, named.Value, $"field '{field.Name}' of rule '{ruleId}'", $"the {builtin.Kind} recognizer's part {part} fills {want}");
                    ok = false;
                }

                return null;
            }

            return new BuiltinFill(field.Name, part);
        }

        private static bool CanConvertText(FieldType type) => !type.IsList && !type.IsReference;

        /// <summary>A group fills a single field with its text, a list field with every capture; never a reference.</summary>
        private static FieldFill? GroupFill(FieldSpec field, string group)
            => field.Type.IsReference ? null
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
                    case "hijri":
                        return DateFill(field, value, ruleId, arguments, groups, groupLexicons, usedGroups, ref ok, DateCalendar.Hijri);
                    case "shamsi":
                        return DateFill(field, value, ruleId, arguments, groups, groupLexicons, usedGroups, ref ok, DateCalendar.Shamsi);
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
                    case "speaker":
                        return SpeakerFill(field, value, text, arguments, ref ok);
                    default:
                        Report(DiagnosticDescriptors.InvalidFill, value.Location, text, $"set: {field.Name}", $"unknown function '{function}'; use date(year, month, day), hijri(year, month, day), shamsi(year, month, day), int(group), nearest(Entity, before|after, sentence|paragraph) or speaker(Entity|Entity, verbs: lexicon)");
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
            string[]? members = arguments.Length == 3 ? arguments[0].Split('|').Select(m => m.Trim()).ToArray() : null;
            if (members is null || !members.All(Names.IsIdentifier) || arguments[1] is not ("before" or "after") || arguments[2] is not ("sentence" or "paragraph" or "document"))
            {
                Report(DiagnosticDescriptors.InvalidFill, value.Location, text, $"set: {field.Name}", "write nearest(Entity, before or after, sentence, paragraph or document), or nearest(Entity|Entity, …) for a union");
                ok = false;
                return null;
            }

            if (!Refers(field.Type, members))
            {
                Report(DiagnosticDescriptors.InvalidFill, value.Location, text, $"set: {field.Name}", $"nearest({arguments[0]}, …) fills a field that refers to {arguments[0]}, such as {field.Name}: {arguments[0]}?");
                ok = false;
                return null;
            }

            return members.Length == 1
                ? new NearestFill(field.Name, arguments[0], arguments[1] == "before", arguments[2], EntityRef: null)
                : new NearestFill(field.Name, arguments[0], arguments[1] == "before", arguments[2], EntityRef: null, members.ToEquatable());
        }

        /// <summary>
        /// Whether a fill that finds entities of <paramref name="members"/> can fill a field of
        /// <paramref name="type"/>: a single reference to the one type, or a union that holds every one.
        /// </summary>
        private static bool Refers(FieldType type, string[] members)
            => !type.IsList
               && (type.Kind == FieldKind.Entity && members.Length == 1 && type.EntityName == members[0]
                   || type.Members is { } union && members.All(union.Contains));

        /// <summary><c>speaker(Entity|Entity, verbs: lexicon[, statements: lexicon])</c>.</summary>
        private FieldFill? SpeakerFill(FieldSpec field, YamlScalar value, string text, string[] arguments, ref bool ok)
        {
            const string Form = "write speaker(Person|Organization, verbs: a lexicon of speech verbs), then if you like statements: a lexicon of words such as بيان, and titles: the field that holds a title";
            string[] members = arguments[0].Split('|').Select(m => m.Trim()).ToArray();
            var named = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (string argument in arguments.Skip(1))
            {
                int colon = argument.IndexOf(':');
                string key = colon > 0 ? argument.Substring(0, colon).Trim() : string.Empty;
                if (key is not ("verbs" or "statements" or "titles") || named.ContainsKey(key) || argument.Substring(colon + 1).Trim() is not { Length: > 0 } lexicon)
                {
                    Report(DiagnosticDescriptors.InvalidFill, value.Location, text, $"set: {field.Name}", Form);
                    ok = false;
                    return null;
                }

                named[key] = lexicon;
            }

            if (!members.All(Names.IsIdentifier) || !named.ContainsKey("verbs"))
            {
                Report(DiagnosticDescriptors.InvalidFill, value.Location, text, $"set: {field.Name}", Form);
                ok = false;
                return null;
            }

            if (!Refers(field.Type, members) || !field.Type.IsOptional)
            {
                Report(DiagnosticDescriptors.InvalidFill, value.Location, text, $"set: {field.Name}", $"speaker({arguments[0]}, …) fills an optional field that refers to {arguments[0]} (a quote the text gives no speaker keeps none), such as {field.Name}: {arguments[0]}?");
                ok = false;
                return null;
            }

            if (named.TryGetValue("titles", out string? titles) && !Names.IsIdentifier(Names.ToPascalCase(titles)))
            {
                Report(DiagnosticDescriptors.InvalidFill, value.Location, text, $"set: {field.Name}", Form);
                ok = false;
                return null;
            }

            foreach (string lexicon in named.Where(p => p.Key != "titles").Select(p => p.Value))
            {
                if (!_lexicons.ContainsKey(lexicon))
                {
                    Report(DiagnosticDescriptors.UnknownLexicon, value.Location, lexicon, DefinedLexicons());
                    ok = false;
                    return null;
                }

                _usedLexicons.Add(lexicon);
            }

            return new SpeakerFill(field.Name, members.ToEquatable(), named["verbs"], named.TryGetValue("statements", out string? statements) ? statements : null, MemberRefs: null, titles);
        }

        private FieldFill? DateFill(
            FieldSpec field,
            YamlScalar value,
            string ruleId,
            string[] arguments,
            List<string> groups,
            Dictionary<string, List<string>> groupLexicons,
            HashSet<string> usedGroups,
            ref bool ok,
            DateCalendar calendar = DateCalendar.Gregorian)
        {
            string function = calendar switch { DateCalendar.Hijri => "hijri", DateCalendar.Shamsi => "shamsi", _ => "date" };
            bool whole = calendar != DateCalendar.Gregorian;
            if (field.Type.Kind != FieldKind.Date || field.Type.IsList)
            {
                Report(DiagnosticDescriptors.InvalidFill, value.Location, value.Value, $"set: {field.Name}", $"{function}(…) fills a date field");
                ok = false;
                return null;
            }

            if (arguments.Length != 3)
            {
                Report(DiagnosticDescriptors.InvalidFill, value.Location, value.Value, $"set: {field.Name}", whole
                    ? $"write {function}(year, month, day), naming groups of the regex"
                    : "write date(year, month, day), naming groups of the regex; use _ for a part the rule never has");
                ok = false;
                return null;
            }

            if (whole && arguments.Any(argument => argument is "_" or ""))
            {
                // A Hijri month falls in a different Gregorian season each year, and a Solar Hijri
                // month straddles two Gregorian ones: without all three parts no Gregorian date,
                // however partial, can be given.
                string calendarName = calendar == DateCalendar.Hijri ? "a Hijri" : "a Solar Hijri";
                Report(DiagnosticDescriptors.InvalidFill, value.Location, value.Value, $"set: {field.Name}", $"{function}(year, month, day) needs all three parts: {calendarName} date without its year or day names no Gregorian one");
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
                    Report(DiagnosticDescriptors.InvalidFill, value.Location, argument, $"{function}(…) in rule '{ruleId}'", "no named group of the regex has that name");
                    ok = false;
                    return null;
                }
            }

            // A month group that uses a keyed lexicon with keys 1-12 reads month names; a day group
            // that uses one with keys 1-31 reads named days (الخامس من يونيو).
            if (!NamedNumbers(parts[1], 12, "month", groupLexicons, value, ruleId, out string? monthLexicon)
                || !NamedNumbers(parts[2], 31, "day", groupLexicons, value, ruleId, out string? dayLexicon))
            {
                ok = false;
                return null;
            }

            string? Part(int i) => parts[i].Length == 0 ? null : parts[i];
            return new DateFill(field.Name, Part(0), Part(1), Part(2), monthLexicon, dayLexicon, calendar);
        }

        /// <summary>
        /// The keyed lexicon with keys 1 to <paramref name="max"/> that the date part group
        /// <paramref name="group"/> uses to name its numbers (null when the group matches digits);
        /// false, reported, when the group uses lexicons but none of that kind.
        /// </summary>
        private bool NamedNumbers(string group, int max, string what, Dictionary<string, List<string>> groupLexicons, YamlScalar value, string ruleId, out string? named)
        {
            named = null;
            if (group.Length == 0 || !groupLexicons.TryGetValue(group, out List<string>? lexicons))
            {
                return true;
            }

            named = lexicons.Distinct(StringComparer.Ordinal).FirstOrDefault(lexicon =>
                _lexicons[lexicon] is { Keyed: true, IntegerKeys: true } spec && spec.Entries.All(e => int.Parse(e.Key, CultureInfo.InvariantCulture) >= 1 && int.Parse(e.Key, CultureInfo.InvariantCulture) <= max));
            if (named is null)
            {
                Report(DiagnosticDescriptors.InvalidFill, value.Location, group, $"the {what} of date(…) in rule '{ruleId}'", $"a {what} group must use a keyed lexicon whose keys are 1 to {max.ToString(CultureInfo.InvariantCulture)}, or match digits");
                return false;
            }

            return true;
        }

        private static string? ConstantError(FieldType type, string text)
        {
            if (type.IsList || type.IsReference)
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
    }
}
