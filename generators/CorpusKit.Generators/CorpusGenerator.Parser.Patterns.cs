using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using CorpusKit.Generators.Model;
using CorpusKit.Generators.Patterns;
using CorpusKit.Generators.Yaml;
using CorpusKit.Text;

namespace CorpusKit.Generators;

public sealed partial class CorpusGenerator
{
    // The pattern expander: a rule's or step's regex with its lexicons expanded and its literals normalized as the text will be, checked with .NET's engine at the options it runs with.
    internal sealed partial class Parser
    {
        /// <summary>
        /// Expands, checks and compiles a pattern the way the runtime will (anchored with \G for a
        /// sequence step that is not the first), adding its named groups to <paramref name="groups"/>.
        /// A pattern of the original text (<c>written:</c>) keeps its literals as written
        /// (<paramref name="literalsAsWritten"/>): its marks are what it asks for.
        /// </summary>
        private PatternSpec? CheckedPattern(YamlScalar node, string owner, bool anchored, Dictionary<string, List<string>> groupLexicons, List<string> groups, bool literalsAsWritten = false)
        {
            string? pattern = ExpandPattern(node, groupLexicons, literalsAsWritten);
            if (pattern is null)
            {
                return null;
            }

            if (anchored)
            {
                pattern = @"\G(?:" + pattern + ")";
            }

            var options = RegexOptions.CultureInvariant | (_normalize == NormalizationKind.Arabic ? RegexOptions.IgnoreCase : RegexOptions.None);
            PatternMemo.Checked check = PatternMemo.Check(pattern, options, s_checkTimeout);
            if (check.Groups is null)
            {
                Report(DiagnosticDescriptors.InvalidRegex, node.Location, owner, RegexMessage(check.Error!));
                return null;
            }

            groups.AddRange(check.Groups);

            if (Backtracking.FindNestedQuantifier(node.Value) is { } risky)
            {
                Report(DiagnosticDescriptors.BacktrackingRisk, node.Location, owner, risky);
            }

            return new PatternSpec(node.Value, pattern, node.Location);
        }

        /// <summary>
        /// Expands <c>{lexicon}</c> into an escaped alternation (longest form first) and, under
        /// <c>arabic</c>, normalizes the pattern's non-ASCII literal chars as the text will be (unless
        /// <paramref name="literalsAsWritten"/>). Records which lexicons each named group contains (for month names in date()).
        /// </summary>
        private string? ExpandPattern(YamlScalar node, Dictionary<string, List<string>> groupLexicons, bool literalsAsWritten)
        {
            string pattern = node.Value;
            var output = new StringBuilder(pattern.Length);
            var openGroups = new List<string?>();
            bool inClass = false;
            for (int i = 0; i < pattern.Length; i++)
            {
                char c = pattern[i];
                if (c == '\\' && i + 1 < pattern.Length)
                {
                    char next = pattern[i + 1];
                    output.Append(c).Append(next);
                    i++;
                    if ((next is 'p' or 'P' or 'k') && i + 1 < pattern.Length && pattern[i + 1] is '{' or '<' or '\'')
                    {
                        char close = pattern[i + 1] switch { '{' => '}', '<' => '>', _ => '\'' };
                        int end = pattern.IndexOf(close, i + 2);
                        if (end > 0)
                        {
                            output.Append(pattern, i + 1, end - i);
                            i = end;
                        }
                    }

                    continue;
                }

                if (inClass)
                {
                    if (c == ']')
                    {
                        inClass = false;
                    }

                    AppendLiteral(output, c, literalsAsWritten);
                    continue;
                }

                switch (c)
                {
                    case '[':
                        inClass = true;
                        output.Append(c);
                        if (i + 1 < pattern.Length && pattern[i + 1] == '^')
                        {
                            output.Append('^');
                            i++;
                        }

                        if (i + 1 < pattern.Length && pattern[i + 1] == ']')
                        {
                            output.Append(']');
                            i++;
                        }

                        continue;
                    case '(':
                        openGroups.Add(GroupName(pattern, i));
                        output.Append(c);
                        continue;
                    case ')':
                        if (openGroups.Count > 0)
                        {
                            openGroups.RemoveAt(openGroups.Count - 1);
                        }

                        output.Append(c);
                        continue;
                    case '{':
                        int close = pattern.IndexOf('}', i + 1);
                        string inner = close > i ? pattern.Substring(i + 1, close - i - 1) : string.Empty;
                        if (close > i && Names.IsKebabIdentifier(inner))
                        {
                            if (!_lexicons.TryGetValue(inner, out LexiconSpec? lexicon))
                            {
                                Report(DiagnosticDescriptors.UnknownLexicon, node.Location, inner, DefinedLexicons());
                                return null;
                            }

                            _usedLexicons.Add(inner);
                            if (lexicon.File is not null)
                            {
                                // Its forms are read once the generator is given the file, after the pattern is compiled.
                                Report(DiagnosticDescriptors.WrongShape, node.Location, $"{{{inner}}} in a regex", "a lexicon written in the schema", $"one read from {lexicon.File.Written} (match it with terms: {inner}, as a rule or a sequence step)");
                                return null;
                            }

                            foreach (string? group in openGroups)
                            {
                                if (group is not null)
                                {
                                    if (!groupLexicons.TryGetValue(group, out List<string>? list))
                                    {
                                        groupLexicons[group] = list = [];
                                    }

                                    list.Add(inner);
                                }
                            }

                            output.Append(Alternation(lexicon));
                            i = close;
                            continue;
                        }

                        output.Append(c);
                        continue;
                    default:
                        AppendLiteral(output, c, literalsAsWritten);
                        continue;
                }
            }

            return output.ToString();
        }

        private void AppendLiteral(StringBuilder output, char c, bool asWritten)
        {
            if (_normalize == NormalizationKind.Arabic && c >= '\u0080' && !asWritten)
            {
                output.Append(NormalizerCore.NormalizeArabic(c.ToString()));
            }
            else
            {
                output.Append(c);
            }
        }

        private static string? GroupName(string pattern, int open)
        {
            if (open + 2 < pattern.Length && pattern[open + 1] == '?' && pattern[open + 2] is '<' or '\'')
            {
                char close = pattern[open + 2] == '<' ? '>' : '\'';
                int end = pattern.IndexOf(close, open + 3);
                if (end > open + 3 && pattern[open + 3] is not ('=' or '!'))
                {
                    string name = pattern.Substring(open + 3, end - open - 3);
                    int dash = name.IndexOf('-');
                    return dash >= 0 ? name.Substring(0, dash) : name;
                }
            }

            return null;
        }

        private static string Alternation(LexiconSpec lexicon)
        {
            IEnumerable<string> forms = lexicon.Entries
                .SelectMany(e => e.Forms)
                .Distinct(StringComparer.Ordinal)
                .OrderByDescending(f => f.Length)
                .ThenBy(f => f, StringComparer.Ordinal)
                .Select(Regex.Escape);
            return "(?:" + string.Join("|", forms) + ")";
        }

        private static string RegexMessage(string message)
        {
            // "Invalid pattern '…' at offset 5. Not enough )'s." -> keep the reason, drop the echoed pattern.
            int at = message.IndexOf(" at offset ", StringComparison.Ordinal);
            return at >= 0 && message.StartsWith("Invalid pattern", StringComparison.Ordinal)
                ? message.Substring(at + 1).TrimEnd('.')
                : message.TrimEnd('.');
        }
    }
}
