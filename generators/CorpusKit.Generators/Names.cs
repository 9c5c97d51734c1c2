using System;
using System.Collections.Generic;
using System.Text;

namespace CorpusKit.Generators;

/// <summary>Turns YAML names into C# names.</summary>
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

    /// <summary>English nouns whose plural no rule below makes.</summary>
    private static readonly (string Singular, string Plural)[] s_irregular =
    [
        ("Person", "People"),
        ("Child", "Children"),
        ("Man", "Men"),
        ("Woman", "Women"),
    ];

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
