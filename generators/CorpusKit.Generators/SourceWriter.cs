using System;
using System.Text;

namespace CorpusKit.Generators;

/// <summary>An indented writer for generated C#, with '\n' line ends whatever the platform (after STJ's SourceWriter).</summary>
internal sealed class SourceWriter
{
    private const int IndentSize = 4;
    private readonly StringBuilder _builder = new();
    private int _indent;

    /// <summary>How deep the next line is indented, in steps of four spaces.</summary>
    public int IndentLevel => _indent;

    public void Indent() => _indent++;

    public void Unindent() => _indent = Math.Max(0, _indent - 1);

    public void OpenBrace()
    {
        Line("{");
        Indent();
    }

    public void CloseBrace(string suffix = "")
    {
        Unindent();
        Line("}" + suffix);
    }

    public void Line() => _builder.Append('\n');

    /// <summary>Appends text another writer wrote at this one's indentation, as it is.</summary>
    public void Written(string text) => _builder.Append(text);

    /// <summary>Writes one line at the current indentation as it is, unwrapped (a long literal of data).</summary>
    public void LineAsIs(string line) => _builder.Append(' ', _indent * IndentSize).Append(line).Append('\n');

    /// <summary>
    /// Writes each line of <paramref name="text"/> at the current indentation, wrapped near
    /// <see cref="LineWrapper.Limit"/> columns. The text may be a template of several lines (a raw
    /// string literal): a line's own leading spaces indent it further, and count for its wrapping.
    /// </summary>
    public void Line(string text)
    {
        foreach (string line in text.Replace("\r\n", "\n").Split('\n'))
        {
            if (line.Length == 0)
            {
                _builder.Append('\n');
                continue;
            }

            int own = line.Length - line.TrimStart(' ').Length;
            int column = (_indent * IndentSize) + own;
            foreach (string wrapped in LineWrapper.Wrap(line.Substring(own), column))
            {
                _builder.Append(' ', column).Append(wrapped).Append('\n');
            }
        }
    }

    /// <summary>Writes an XML doc summary from plain text (a YAML doc:), escaping it and keeping its line breaks.</summary>
    public void Summary(string text) => SummaryXml(Xml(text));

    /// <summary>Writes an XML doc summary whose text is already XML (it may hold see and c tags).</summary>
    public void SummaryXml(string xml)
    {
        Line("/// <summary>");
        foreach (string line in xml.Trim().Replace("\r\n", "\n").Split('\n'))
        {
            Line("/// " + line.Trim());
        }

        Line("/// </summary>");
    }

    public void Param(string name, string text) => Line($"/// <param name=\"{name}\">{Xml(text.Trim().Replace("\r\n", " ").Replace('\n', ' '))}</param>");

    public override string ToString() => _builder.ToString();

    /// <summary>Escapes text for XML doc comments.</summary>
    public static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>
    /// Text for a <c>//</c> comment, as it is but for what would change how the line reads:
    /// controls and format chars (bidirectional overrides among them) become <c>\uXXXX</c>.
    /// </summary>
    public static string CommentText(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            System.Globalization.UnicodeCategory category = char.GetUnicodeCategory(c);
            if (category is System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.Format
                or System.Globalization.UnicodeCategory.LineSeparator or System.Globalization.UnicodeCategory.ParagraphSeparator)
            {
                builder.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>A C# string literal. Letters stay readable; controls, format chars and surrogates are escaped.</summary>
    public static string Literal(string value, bool escapeNonAscii = false)
    {
        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                default:
                    System.Globalization.UnicodeCategory category = char.GetUnicodeCategory(c);
                    bool escape = c < ' ' || (escapeNonAscii && c > '~')
                        || (category == System.Globalization.UnicodeCategory.SpaceSeparator && c != ' ')
                        || category is System.Globalization.UnicodeCategory.Format or System.Globalization.UnicodeCategory.Control
                            or System.Globalization.UnicodeCategory.Surrogate or System.Globalization.UnicodeCategory.LineSeparator
                            or System.Globalization.UnicodeCategory.ParagraphSeparator or System.Globalization.UnicodeCategory.OtherNotAssigned
                            or System.Globalization.UnicodeCategory.PrivateUse or System.Globalization.UnicodeCategory.NonSpacingMark;
                    if (escape)
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }
}
