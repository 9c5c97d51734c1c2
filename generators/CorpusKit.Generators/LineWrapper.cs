using System.Collections.Generic;

namespace CorpusKit.Generators;

/// <summary>
/// Wraps generated lines near <see cref="Limit"/> columns, the way a person would: a call's or a
/// declaration's arguments one per line, indented one step, and doc comments at word breaks.
/// </summary>
/// <remarks>
/// It reads only what the emitter writes: string literals (regular, verbatim, char), brackets,
/// and generic argument lists written without spaces (<c>List&lt;T&gt;</c>; a comparison is
/// written <c>a &lt; b</c>). A line with nothing to break at (one long literal) stays as it is,
/// and so does a plain <c>//</c> comment, which holds a pattern as the schema writes it.
/// </remarks>
internal static class LineWrapper
{
    /// <summary>The column a line should end by.</summary>
    public const int Limit = 120;

    private const string Step = "    ";

    private static readonly string[] s_blockElements = ["summary", "remarks", "returns"];

    /// <summary>The lines <paramref name="line"/> becomes when it starts at column <paramref name="column"/>.</summary>
    public static List<string> Wrap(string line, int column)
    {
        var lines = new List<string>();
        Add(line, column, lines);
        return lines;
    }

    private static void Add(string line, int column, List<string> lines)
    {
        if (column + line.Length <= Limit)
        {
            lines.Add(line);
            return;
        }

        if (line.StartsWith("///", System.StringComparison.Ordinal))
        {
            WrapComment(line, column, lines);
            return;
        }

        if (line.StartsWith("//", System.StringComparison.Ordinal) || !TryFindList(line, out int open, out List<int> commas))
        {
            lines.Add(line);
            return;
        }

        // prefix(        the opening bracket ends the first line
        //     first,     each argument on a line of its own, one step further in
        //     last)suffix
        string indent = line.Substring(0, line.Length - line.TrimStart().Length) + Step;
        lines.Add(line.Substring(0, open + 1));
        int start = open + 1;
        foreach (int comma in commas)
        {
            Add(indent + line.Substring(start, comma - start + 1).Trim(), column, lines);
            start = comma + 1;
        }

        Add(indent + line.Substring(start).TrimStart(), column, lines);
    }

    /// <summary>
    /// A doc comment cut at spaces; each piece keeps the <c>/// </c> in front. A one-line element
    /// (<c>&lt;summary&gt;…&lt;/summary&gt;</c>) opens and closes on lines of their own around its text.
    /// </summary>
    private static void WrapComment(string line, int column, List<string> lines)
    {
        const string Prefix = "/// ";
        string text = line.Length > Prefix.Length ? line.Substring(Prefix.Length) : string.Empty;
        foreach (string element in s_blockElements)
        {
            string start = "<" + element + ">";
            string end = "</" + element + ">";
            if (text.StartsWith(start, System.StringComparison.Ordinal) && text.EndsWith(end, System.StringComparison.Ordinal) && text.Length > start.Length + end.Length)
            {
                lines.Add(Prefix + start);
                WrapComment(Prefix + text.Substring(start.Length, text.Length - start.Length - end.Length), column, lines);
                lines.Add(Prefix + end);
                return;
            }
        }

        int room = Limit - column - Prefix.Length;
        while (text.Length > room)
        {
            // The last break that fits, else the first one past: a space outside tags and <c> code.
            List<int> breaks = Breaks(text);
            int cut = -1;
            foreach (int at in breaks)
            {
                if (at <= room || cut < 0)
                {
                    cut = at;
                }

                if (at > room)
                {
                    break;
                }
            }

            if (cut <= 0)
            {
                break;
            }

            lines.Add(Prefix + text.Substring(0, cut));
            text = text.Substring(cut + 1);
        }

        lines.Add(Prefix + text);
    }

    /// <summary>The spaces of a doc comment's text where a line may end: not inside a tag, nor inside a <c>&lt;c&gt;</c> element.</summary>
    private static List<int> Breaks(string text)
    {
        var breaks = new List<int>();
        bool inTag = false;
        int inCode = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '<')
            {
                inTag = true;
                if (string.CompareOrdinal(text, i, "<c>", 0, 3) == 0)
                {
                    inCode++;
                }
                else if (string.CompareOrdinal(text, i, "</c>", 0, 4) == 0)
                {
                    inCode = System.Math.Max(0, inCode - 1);
                }
            }
            else if (c == '>')
            {
                inTag = false;
            }
            else if (c == ' ' && !inTag && inCode == 0 && i > 0)
            {
                breaks.Add(i);
            }
        }

        return breaks;
    }

    /// <summary>
    /// The outermost bracket pair, ( or [, that opens and closes on the line and holds a comma at
    /// its own depth (the first of them, if several): where it opens, and those commas.
    /// </summary>
    private static bool TryFindList(string line, out int open, out List<int> commas)
    {
        var opens = new Stack<(int At, List<int> Commas, bool Generic)>();
        open = -1;
        commas = [];
        bool found = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (c == '"' || c == '\'')
            {
                i = SkipLiteral(line, i);
                continue;
            }

            if (c == '/' && i + 1 < line.Length && line[i + 1] == '/')
            {
                // A comment ends the line: nothing in it is code.
                break;
            }

            switch (c)
            {
                case '(' or '[' or '{':
                    opens.Push((i, new List<int>(), false));
                    break;
                case '<' when i > 0 && IsNamePart(line[i - 1]) && i + 1 < line.Length && (IsNamePart(line[i + 1]) || line[i + 1] == ':'):
                    opens.Push((i, new List<int>(), true));
                    break;
                case '>' when opens.Count > 0 && opens.Peek().Generic:
                    opens.Pop();
                    break;
                case ')' or ']' or '}':
                    // A generic list left open is a comparison after all: it closes with the bracket.
                    while (opens.Count > 0 && opens.Peek().Generic)
                    {
                        opens.Pop();
                    }

                    if (opens.Count == 0)
                    {
                        return found;
                    }

                    // Pairs close inner first: a pair that opened before the one kept holds it.
                    (int at, List<int> listed, _) = opens.Pop();
                    if (listed.Count > 0 && line[at] != '{' && (!found || at < open))
                    {
                        open = at;
                        commas = listed;
                        found = true;
                    }

                    break;
                case ',' when opens.Count > 0:
                    opens.Peek().Commas.Add(i);
                    break;
            }
        }

        return found;
    }

    /// <summary>The index of the last char of the literal that starts at <paramref name="start"/> (its quote, or @ before it).</summary>
    private static int SkipLiteral(string line, int start)
    {
        char quote = line[start];
        bool verbatim = quote == '"' && start > 0 && line[start - 1] == '@';
        for (int i = start + 1; i < line.Length; i++)
        {
            if (!verbatim && line[i] == '\\')
            {
                i++;
            }
            else if (line[i] == quote)
            {
                if (verbatim && i + 1 < line.Length && line[i + 1] == '"')
                {
                    i++;
                    continue;
                }

                return i;
            }
        }

        return line.Length - 1;
    }

    private static bool IsNamePart(char c) => char.IsLetterOrDigit(c) || c == '_';
}
