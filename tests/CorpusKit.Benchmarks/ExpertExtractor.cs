using System;
using System.Buffers;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

namespace CorpusKit.Benchmarks;

/// <summary>
/// The expert baseline, what a strong .NET developer writes without CorpusKit, on the raw text
/// and without normalization:
/// <list type="bullet">
/// <item>every lexicon form in one <see cref="SearchValues{T}"/> of strings, scanned with
/// <see cref="MemoryExtensions.IndexOfAny(ReadOnlySpan{char}, SearchValues{string})"/> in a loop;
/// at each hit the longest form there that is a whole word counts (a proclitic و ف ب ل ك may
/// stand before it, as CorpusKit allows), and the scan goes on after it;</item>
/// <item>every regex rule in one alternation, a named group per rule telling which rule matched,
/// run by the <see cref="RegexOptions.NonBacktracking"/> engine. An expert measures before
/// choosing: the same alternation with <see cref="RegexOptions.Compiled"/> (what
/// <c>[GeneratedRegex]</c> emits too) ran four to five times slower here, because a match of
/// the combined pattern can start at a digit, a colon or a common Arabic letter, so every rule
/// is tried at almost every position; the automaton tries them all at once. The month names come
/// from the schema at run time, so the pattern is built then.</item>
/// </list>
/// Like the naive baseline it maps no spans back, resolves no overlaps between forms and rules,
/// and has no document logic.
/// </summary>
internal sealed class ExpertExtractor
{
    private const string Proclitics = "وفبلك";

    private readonly SearchValues<string> _forms;
    private readonly FrozenDictionary<char, string[]> _formsByFirstChar;
    private readonly Regex _patterns;
    private readonly int[] _ruleGroups;

    /// <summary>Prepares the forms and the combined pattern of <paramref name="schema"/>.</summary>
    public ExpertExtractor(NewsDeskSchema schema)
    {
        string[] forms = [.. schema.Forms];
        _forms = SearchValues.Create(forms, StringComparison.Ordinal);
        _formsByFirstChar = forms
            .GroupBy(form => form[0])
            .ToFrozenDictionary(group => group.Key, group => group.OrderByDescending(form => form.Length).ToArray());
        IReadOnlyList<BaselineRule> rules = BaselineRules.For(schema);
        _patterns = new Regex(
            string.Join("|", rules.Select(rule => $"(?<{rule.Name}>{rule.Pattern})")),
            RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);
        _ruleGroups = [.. rules.Select(rule => _patterns.GroupNumberFromName(rule.Name))];
    }

    /// <summary>How many lexicon forms and rule matches the baseline finds in <paramref name="text"/>.</summary>
    public int Count(string text)
    {
        Span<int> perRule = stackalloc int[_ruleGroups.Length];
        return CountTerms(text) + CountPatterns(text, perRule);
    }

    /// <summary>How many whole-word lexicon forms <paramref name="text"/> holds, leftmost longest first, none overlapping.</summary>
    public int CountTerms(string text)
    {
        int found = 0;
        int at = 0;
        while (true)
        {
            int hit = text.AsSpan(at).IndexOfAny(_forms);
            if (hit < 0)
            {
                return found;
            }

            int start = at + hit;
            int length = StartsWord(text, start) ? LongestWholeWord(text, start) : 0;
            if (length > 0)
            {
                found++;
                at = start + length;
            }
            else
            {
                at = start + 1;
            }
        }
    }

    /// <summary>How many matches the combined pattern finds in <paramref name="text"/>, each counted for the rule whose group matched.</summary>
    /// <param name="text">The document.</param>
    /// <param name="perRule">Receives each rule's count, in the order of <see cref="BaselineRules.For"/>.</param>
    public int CountPatterns(string text, Span<int> perRule)
    {
        int found = 0;
        for (Match match = _patterns.Match(text); match.Success; match = match.NextMatch())
        {
            int rule = 0;
            while (!match.Groups[_ruleGroups[rule]].Success)
            {
                rule++;
            }

            perRule[rule]++;
            found++;
        }

        return found;
    }

    /// <summary>The length of the longest form at <paramref name="start"/> that ends a word there, or 0.</summary>
    private int LongestWholeWord(string text, int start)
    {
        ReadOnlySpan<char> rest = text.AsSpan(start);
        foreach (string form in _formsByFirstChar[text[start]])
        {
            if (rest.StartsWith(form, StringComparison.Ordinal) && (form.Length == rest.Length || !IsWordChar(rest[form.Length])))
            {
                return form.Length;
            }
        }

        return 0;
    }

    /// <summary>Whether a word starts at <paramref name="start"/>, or only one or two proclitics stand before it in its word.</summary>
    private static bool StartsWord(string text, int start)
    {
        for (int clitics = 0; ; clitics++)
        {
            if (start == 0 || !IsWordChar(text[start - 1]))
            {
                return true;
            }

            if (clitics == 2 || !Proclitics.Contains(text[start - 1], StringComparison.Ordinal))
            {
                return false;
            }

            start--;
        }
    }

    /// <summary>Letters, digits and the diacritics written on them.</summary>
    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark;
}
