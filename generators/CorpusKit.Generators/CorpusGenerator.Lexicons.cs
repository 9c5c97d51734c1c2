using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using CorpusKit.Generators.Model;
using CorpusKit.Text;

namespace CorpusKit.Generators;

public sealed partial class CorpusGenerator
{
    /// <summary>
    /// Reads the lexicons a schema keeps in files (<c>people: { file: lexicons/people.tsv, key: 1, forms: [1, 2..] }</c>)
    /// from the project's additional files, once per schema and file set, so an edit of one file
    /// changes only the modules that read it.
    /// </summary>
    /// <remarks>
    /// A line is a key and its forms, cells apart by tabs (or commas, with CSV's quoting). Blank
    /// lines and lines that start with <c>#</c> are skipped, and with <c>header: true</c> the first
    /// other line (the columns' names). The lines of one key add up; each form is normalized as the text will
    /// be. What is wrong is reported at its line of the file: a missing key or no form (CK0028),
    /// a form under two keys (CK0029, a warning: the first key wins, as in a schema's lexicon).
    /// </remarks>
    internal static class LexiconFiles
    {
        /// <summary>The module with its file lexicons' entries filled, and what went wrong reading them.</summary>
        public static ParseResult Load(ParseResult parsed, ImmutableArray<LexiconText> texts)
        {
            if (parsed.Module is not { } module || module.Lexicons.All(l => l.File is null))
            {
                return parsed;
            }

            var diagnostics = new List<DiagnosticInfo>(parsed.Diagnostics);
            var lexicons = new List<LexiconSpec>(module.Lexicons.Count);
            foreach (LexiconSpec lexicon in module.Lexicons)
            {
                if (lexicon.File is not { } file)
                {
                    lexicons.Add(lexicon);
                    continue;
                }

                LexiconText? text = texts.FirstOrDefault(t => string.Equals(t.Path, file.Path, StringComparison.Ordinal));
                // A lexicon that cannot be read stays, empty, so the rules that use it still compile
                // (the build fails on the error anyway) and nothing else is reported about them.
                if (text is null)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.LexiconFileNotFound, file.Location, lexicon.Name, file.Written));
                    lexicons.Add(lexicon);
                    continue;
                }

                List<LexiconEntry> entries = Read(lexicon.Name, file, text.Text, module.Normalize, diagnostics);
                if (entries.Count == 0)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.EmptyValue, file.Location, file.Written, $"lexicon '{lexicon.Name}'", "the file has no line with a form"));
                    lexicons.Add(lexicon);
                    continue;
                }

                bool integerKeys = lexicon.Keyed && entries.All(e => int.TryParse(e.Key, NumberStyles.None, CultureInfo.InvariantCulture, out _));
                lexicons.Add(lexicon with { Entries = entries.ToEquatable(), IntegerKeys = integerKeys });
            }

            return new ParseResult(module with { Lexicons = lexicons.ToEquatable() }, diagnostics.ToEquatable());
        }

        private static List<LexiconEntry> Read(string name, LexiconFileSpec file, string text, NormalizationKind normalization, List<DiagnosticInfo> diagnostics)
        {
            var formsOf = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            var keys = new List<string>();
            var keyOfForm = new Dictionary<string, string>(StringComparer.Ordinal);
            string[] lines = text.Split('\n');
            int offset = 0;
            bool header = file.Header;
            for (int index = 0; index < lines.Length; offset += lines[index].Length + 1, index++)
            {
                string line = lines[index].TrimEnd('\r');
                if (line.Trim().Length == 0 || line.TrimStart().StartsWith("#", StringComparison.Ordinal))
                {
                    continue;
                }

                if (header)
                {
                    header = false; // the first line that is no comment names the columns
                    continue;
                }

                LocationInfo Where(int column, int length) => new(file.Path, offset + column, length, index, column, index, column + length);
                if (Cells(line, file.Separator) is not { } cells)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidLexiconLine, Where(0, line.Length), (index + 1).ToString(CultureInfo.InvariantCulture), name, "a quoted cell is not closed on its line"));
                    continue;
                }

                string? key = null;
                if (file.KeyColumn is int keyColumn)
                {
                    if (keyColumn > cells.Count || cells[keyColumn - 1].Text.Trim().Length == 0)
                    {
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidLexiconLine, Where(0, line.Length), (index + 1).ToString(CultureInfo.InvariantCulture), name, $"no key in column {keyColumn} (the line has {cells.Count} column(s))"));
                        continue;
                    }

                    key = cells[keyColumn - 1].Text.Trim();
                }

                var columns = new List<int>(file.FormColumns);
                if (file.FormsOnward)
                {
                    for (int column = file.FormColumns[file.FormColumns.Count - 1] + 1; column <= cells.Count; column++)
                    {
                        columns.Add(column);
                    }
                }

                var forms = new List<(string Form, int Column)>();
                foreach (int column in columns)
                {
                    if (column <= cells.Count && Normalize(cells[column - 1].Text, normalization) is { Length: > 0 } form)
                    {
                        forms.Add((form, column));
                    }
                }

                if (forms.Count == 0)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidLexiconLine, Where(0, line.Length), (index + 1).ToString(CultureInfo.InvariantCulture), name, $"no form in column(s) {string.Join(", ", file.FormColumns)}{(file.FormsOnward ? " on" : string.Empty)}"));
                    continue;
                }

                key ??= forms[0].Form;
                if (!formsOf.TryGetValue(key, out List<string>? list))
                {
                    formsOf[key] = list = [];
                    keys.Add(key);
                }

                foreach ((string form, int column) in forms)
                {
                    if (keyOfForm.TryGetValue(form, out string? other))
                    {
                        if (other != key)
                        {
                            (int start, int length) = (cells[column - 1].Start, cells[column - 1].Text.Length);
                            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.FormWithTwoKeys, Where(start, length), form, name, other, key));
                        }

                        continue;
                    }

                    keyOfForm[form] = key;
                    list.Add(form);
                }
            }

            return [.. keys.Where(k => formsOf[k].Count > 0).Select(k => new LexiconEntry(k, formsOf[k].ToEquatable()))];
        }

        private static string Normalize(string form, NormalizationKind normalization)
            => (normalization == NormalizationKind.Arabic ? NormalizerCore.NormalizeArabic(form.Trim()) : form).Trim();

        /// <summary>The cells of a line and where each starts; with commas, CSV's quoting (<c>"a, b"</c>, <c>""</c> for a quote). Null for a quote left open.</summary>
        internal static List<(string Text, int Start)>? Cells(string line, char separator)
        {
            var cells = new List<(string, int)>();
            if (separator != ',')
            {
                int start = 0;
                foreach (string cell in line.Split(separator))
                {
                    cells.Add((cell, start));
                    start += cell.Length + 1;
                }

                return cells;
            }

            int at = 0;
            while (true)
            {
                int cellStart = at;
                var text = new System.Text.StringBuilder();
                if (at < line.Length && line[at] == '"')
                {
                    at++;
                    while (true)
                    {
                        if (at >= line.Length)
                        {
                            return null;
                        }

                        if (line[at] == '"')
                        {
                            if (at + 1 < line.Length && line[at + 1] == '"')
                            {
                                text.Append('"');
                                at += 2;
                                continue;
                            }

                            at++;
                            break;
                        }

                        text.Append(line[at++]);
                    }

                    while (at < line.Length && line[at] != ',')
                    {
                        text.Append(line[at++]);
                    }
                }
                else
                {
                    while (at < line.Length && line[at] != ',')
                    {
                        text.Append(line[at++]);
                    }
                }

                cells.Add((text.ToString(), cellStart));
                if (at >= line.Length)
                {
                    return cells;
                }

                at++; // the comma
            }
        }
    }
}
