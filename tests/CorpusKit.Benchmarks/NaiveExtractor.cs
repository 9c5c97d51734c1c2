using System;
using System.Linq;
using System.Text.RegularExpressions;

namespace CorpusKit.Benchmarks;

/// <summary>
/// The naive baseline, what a .NET developer writes first without CorpusKit: an ordinal
/// <see cref="string.IndexOf(string, StringComparison)"/> loop per lexicon form over the raw
/// text, and one compiled <see cref="Regex"/> per rule, each run over the whole text on its own.
/// It does less than CorpusKit (no word boundaries, no normalization, no clitics, no overlaps,
/// no spans mapped back, no documents), and counts a form inside a longer word or a longer form.
/// </summary>
internal sealed class NaiveExtractor
{
    private readonly string[] _forms;
    private readonly Regex[] _patterns;

    /// <summary>Prepares the forms and patterns of <paramref name="schema"/>.</summary>
    public NaiveExtractor(NewsDeskSchema schema)
    {
        _forms = [.. schema.Forms];
        _patterns = [.. BaselineRules.For(schema).Select(rule => new Regex(rule.Pattern, RegexOptions.Compiled | RegexOptions.CultureInvariant))];
    }

    /// <summary>How many lexicon forms and rule matches the baseline finds in <paramref name="text"/>.</summary>
    public int Count(string text)
    {
        Span<int> perRule = stackalloc int[_patterns.Length];
        return CountTerms(text) + CountPatterns(text, perRule);
    }

    /// <summary>How many times a lexicon form occurs in <paramref name="text"/>, form by form.</summary>
    public int CountTerms(string text)
    {
        int found = 0;
        foreach (string form in _forms)
        {
            for (int at = text.IndexOf(form, StringComparison.Ordinal); at >= 0; at = text.IndexOf(form, at + form.Length, StringComparison.Ordinal))
            {
                found++;
            }
        }

        return found;
    }

    /// <summary>How many matches the rules find in <paramref name="text"/>, rule by rule.</summary>
    /// <param name="text">The document.</param>
    /// <param name="perRule">Receives each rule's count, in the order of <see cref="BaselineRules.For"/>.</param>
    public int CountPatterns(string text, Span<int> perRule)
    {
        int found = 0;
        for (int rule = 0; rule < _patterns.Length; rule++)
        {
            for (Match match = _patterns[rule].Match(text); match.Success; match = match.NextMatch())
            {
                perRule[rule]++;
                found++;
            }
        }

        return found;
    }
}
