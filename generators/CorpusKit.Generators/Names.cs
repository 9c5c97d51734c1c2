using System;
using System.Collections.Generic;
using System.Text;

namespace CorpusKit.Generators;

/// <summary>
/// Turns YAML names into C# names: the one place that decides what each name of a schema becomes in
/// generated code. The specs expose these as properties (<c>FieldSpec.ValueLocal</c>,
/// <c>RuleSpec.MemberName</c> …); the parser checks clashes with the same functions and the
/// emitter prints what the specs say, so a name is never derived twice.
/// </summary>
internal static class Names
{
    private static readonly HashSet<string> s_keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
    };

    /// <summary>Whether <paramref name="name"/> is an ASCII identifier: a letter or _, then letters, digits, _.</summary>
    public static bool IsIdentifier(string name)
    {
        if (name.Length == 0 || !(IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!(IsAsciiLetter(c) || (c >= '0' && c <= '9') || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="name"/> is a rule id or lexicon name: an identifier that may also hold '-'.</summary>
    public static bool IsKebabIdentifier(string name)
        => name.Length > 0 && IsAsciiLetter(name[0]) && IsIdentifier(name.Replace('-', '_')) && !name.EndsWith("-", StringComparison.Ordinal);

    /// <summary>Whether <paramref name="name"/> is a dotted namespace of identifiers.</summary>
    public static bool IsNamespace(string name)
    {
        foreach (string part in name.Split('.'))
        {
            if (!IsIdentifier(part) || s_keywords.Contains(part))
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsKeyword(string name) => s_keywords.Contains(name);

    /// <summary><c>day-month_year</c> and <c>dayMonth</c> become <c>DayMonthYear</c> and <c>DayMonth</c>.</summary>
    public static string ToPascalCase(string name)
    {
        var builder = new StringBuilder(name.Length);
        bool upper = true;
        foreach (char c in name)
        {
            if (c is '-' or '_' or ' ' or '.')
            {
                upper = true;
                continue;
            }

            builder.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        string result = builder.ToString();
        return result.Length == 0 || char.IsDigit(result[0]) ? "_" + result : result;
    }

    /// <summary>The C# member a YAML name becomes (a rule id, a lexicon, an enum member, a scope): <c>day-month</c> becomes <c>DayMonth</c>.</summary>
    public static string Member(string name) => ToPascalCase(name);

    /// <summary>The member of a sequence step's pattern or inline dictionary: <c>titled-step2</c> becomes <c>TitledStep2</c>.</summary>
    public static string StepMember(string ruleId, int index)
        => ToPascalCase(ruleId + "-step" + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The member of choice <paramref name="choice"/> of an alternative step's pattern or inline dictionary: <c>TitledStep2Choice1</c>.</summary>
    public static string ChoiceMember(string ruleId, int index, int choice)
        => ToPascalCase(ruleId + "-step" + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + "-choice" + (choice + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>A type's extractor class.</summary>
    public static string Extractor(string entity) => entity + "Extractor";

    /// <summary>The corpus class of a module.</summary>
    public static string CorpusClass(string corpus) => corpus + "Corpus";

    /// <summary>The class that holds a module's term index and lexicon ids.</summary>
    public static string LexiconsClass(string corpus) => corpus + "Lexicons";

    /// <summary>The document record of a module that declares none.</summary>
    public static string DefaultDocument(string corpus) => corpus + "Document";

    /// <summary>A declared document's list of an entity type's mentions.</summary>
    public static string MentionList(string entity) => entity + "Mentions";

    /// <summary>A rule's method in its extractor.</summary>
    public static string RuleMethod(string ruleId) => "Match" + ToPascalCase(ruleId);

    /// <summary>The keys array of a lexicon or inline dictionary whose member is <paramref name="member"/>.</summary>
    public static string Keys(string member) => member + "Keys";

    /// <summary>The key numbers (integer keys) of a lexicon whose member is <paramref name="member"/>.</summary>
    public static string Numbers(string member) => member + "Numbers";

    /// <summary>An enum field's nested type.</summary>
    public static string EnumType(string property) => property + "Kind";

    /// <summary>An enum field's parser method.</summary>
    public static string EnumParser(string property) => "Parse" + EnumType(property);

    /// <summary>The local that holds a field's value in a rule's method (no field's property can end so: they are PascalCase).</summary>
    public static string ValueLocal(string property) => Camel(property) + "Value";

    /// <summary>
    /// The local that holds a nearest() index for a field: the field's name and <c>Nearest</c>,
    /// which no value local (the field's name and <c>Value</c>) and no fixed local (<c>text</c>,
    /// <c>span</c>, <c>match</c>, <c>step0</c> …) can be.
    /// </summary>
    public static string NearestLocal(string property) => Camel(property) + "Nearest";

    /// <summary>The local that holds an entity type's mentions in a corpus's Extract (verbatim, so a keyword plural is fine).</summary>
    public static string ListLocal(string plural) => "@" + Camel(plural);

    /// <summary>A JSON property from a C# name: the first letter lower-cased.</summary>
    public static string Json(string name) => Camel(name);

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name.Substring(1);

    /// <summary>English nouns whose plural no rule below makes.</summary>
    private static readonly (string Singular, string Plural)[] s_irregular =
    [
        ("Person", "People"),
        ("Child", "Children"),
        ("Man", "Men"),
        ("Woman", "Women"),
    ];

    /// <summary>A parameter's name for a PascalCase type name: its first letter lower-cased, with <c>@</c> before a keyword.</summary>
    public static string ToCamelCase(string name)
    {
        string camel = name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name.Substring(1);
        return IsKeyword(camel) ? "@" + camel : camel;
    }

    /// <summary>The C# name of a union of entity types: their names joined by Or (<c>PersonOrOrganization</c>).</summary>
    public static string Union(IEnumerable<string> members) => string.Join("Or", members);

    /// <summary>The English plural of an entity name, for the document's list properties.</summary>
    /// <remarks>The last word of a PascalCase name decides: <c>NewsPerson</c> becomes <c>NewsPeople</c>; the irregular words are capitalized, so a match is a whole word.</remarks>
    public static string Plural(string name)
    {
        foreach ((string singular, string plural) in s_irregular)
        {
            if (name.EndsWith(singular, StringComparison.Ordinal))
            {
                return name.Substring(0, name.Length - singular.Length) + plural;
            }
        }

        if (name.EndsWith("y", StringComparison.Ordinal) && name.Length > 1 && "aeiouAEIOU".IndexOf(name[name.Length - 2]) < 0)
        {
            return name.Substring(0, name.Length - 1) + "ies";
        }

        if (name.EndsWith("s", StringComparison.Ordinal) || name.EndsWith("x", StringComparison.Ordinal) || name.EndsWith("z", StringComparison.Ordinal)
            || name.EndsWith("ch", StringComparison.Ordinal) || name.EndsWith("sh", StringComparison.Ordinal))
        {
            return name + "es";
        }

        return name + "s";
    }

    /// <summary>A hint-name-safe version of a relative path (folders joined with '.').</summary>
    public static string ToHintPrefix(string relativePath)
    {
        var builder = new StringBuilder(relativePath.Length);
        foreach (char c in relativePath)
        {
            builder.Append(c switch
            {
                '/' or '\\' => '.',
                _ when IsAsciiLetter(c) || (c >= '0' && c <= '9') || c is '_' or '-' or '.' => c,
                _ => '_',
            });
        }

        return builder.ToString().Trim('.');
    }

    private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
