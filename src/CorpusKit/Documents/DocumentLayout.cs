using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace CorpusKit.Documents;

/// <summary>
/// The lines of a document sorted out before extraction: boilerplate (dropped from rules, offsets
/// unchanged), the headline, and body lines that repeat earlier ones.
/// </summary>
public sealed class DocumentLayout
{
    /// <summary>The fewest words a line needs before it can count as a duplicate (short lines repeat by chance).</summary>
    public const int MinDuplicateWords = 4;

    private DocumentLayout(IReadOnlyList<DocumentLine> lines)
    {
        Lines = lines;
        foreach (DocumentLine line in lines)
        {
            if (line.Kind == LineKind.Headline)
            {
                Headline = line;
            }
        }
    }

    /// <summary>Every line of the document, in order.</summary>
    public IReadOnlyList<DocumentLine> Lines { get; }

    /// <summary>The headline, if the document has a body line at all.</summary>
    public DocumentLine? Headline { get; }

    /// <summary>
    /// Sorts the lines of <paramref name="context"/>'s text and hides the boilerplate from every
    /// rule that runs after (see <see cref="ExtractionContext.Exclude(IEnumerable{TextSpan})"/>).
    /// </summary>
    /// <param name="context">The document; no rule may have run on it yet.</param>
    /// <param name="normalization">How the boilerplate patterns see a line.</param>
    /// <param name="boilerplate">The boilerplate rules, tried in order on each line.</param>
    /// <param name="entity">The document type, for problem reports.</param>
    /// <param name="dropDuplicates">Whether lines that repeat earlier ones are hidden from rules too.</param>
    public static DocumentLayout Apply(ExtractionContext context, TextNormalization normalization, IReadOnlyList<LineRule> boilerplate, string entity, bool dropDuplicates = false)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(boilerplate);
        string text = context.Text;

        // Lines are read in the text the rules see (normalized once, for the whole document).
        NormalizedText normalizedText = context.GetText(normalization);
        var lines = new List<DocumentLine>();
        var hidden = new List<TextSpan>();
        var seen = new List<(int Number, string Normalized)>();
        var dropped = new Dictionary<string, string>(StringComparer.Ordinal);
        string? restRule = null;
        bool headlineFound = false;
        int number = 0;
        for (int start = 0; start <= text.Length; number++)
        {
            int newline = text.IndexOf('\n', start);
            int end = newline < 0 ? text.Length : newline;
            int contentEnd = end > start && text[end - 1] == '\r' ? end - 1 : end;
            var span = TextSpan.FromBounds(start, contentEnd);
            int from = normalizedText.ToNormalized(start);
            int to = Math.Max(from, normalizedText.ToNormalized(contentEnd));
            string normalized = normalizedText.Text[from..to].Trim();
            DocumentLine line;
            if (normalized.Length == 0)
            {
                line = new DocumentLine(number + 1, span, LineKind.Blank, null);
            }
            else if ((restRule ??= Match(boilerplate, normalized, LineRuleReach.Rest, normalizedText.HasOtherDigits, context, entity)) is not null)
            {
                line = new DocumentLine(number + 1, span, LineKind.Boilerplate, restRule);
            }
            else if ((Match(boilerplate, normalized, LineRuleReach.Line, normalizedText.HasOtherDigits, context, entity) ?? RepeatedBoilerplate(dropped, normalized)) is { } rule)
            {
                // A menu lists its items twice (a bullet list, then the same items as cards): a
                // line that repeats a dropped line is dropped by the same rule.
                dropped[Content(normalized)] = rule;
                line = new DocumentLine(number + 1, span, LineKind.Boilerplate, rule);
            }
            else if (!headlineFound)
            {
                headlineFound = true;
                line = new DocumentLine(number + 1, Trim(text, span), LineKind.Headline, null);
                seen.Add((number + 1, normalized));
            }
            else if (RepeatOf(seen, normalized) is int original)
            {
                line = new DocumentLine(number + 1, span, LineKind.Duplicate, original.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                line = new DocumentLine(number + 1, span, LineKind.Body, null);
                seen.Add((number + 1, normalized));
            }

            lines.Add(line);
            if (line.Kind == LineKind.Boilerplate || (dropDuplicates && line.Kind == LineKind.Duplicate))
            {
                hidden.Add(span);
            }

            if (newline < 0)
            {
                break;
            }

            start = newline + 1;
        }

        context.Exclude(hidden);
        return new DocumentLayout(lines);
    }

    private static string? RepeatedBoilerplate(Dictionary<string, string> dropped, string normalized)
        => dropped.Count > 0 && dropped.TryGetValue(Content(normalized), out string? rule) ? rule : null;

    /// <summary>A line without the bullets and punctuation around its words.</summary>
    private static string Content(string normalized)
    {
        int start = 0;
        int end = normalized.Length;
        while (start < end && !char.IsLetterOrDigit(normalized[start]))
        {
            start++;
        }

        while (end > start && !char.IsLetterOrDigit(normalized[end - 1]))
        {
            end--;
        }

        return normalized[start..end];
    }

    /// <summary>The number of an earlier line that <paramref name="normalized"/> repeats, or that repeats it in part.</summary>
    private static int? RepeatOf(List<(int Number, string Normalized)> seen, string normalized)
    {
        if (CountWords(normalized) < MinDuplicateWords)
        {
            return null;
        }

        foreach ((int number, string earlier) in seen)
        {
            if (CountWords(earlier) < MinDuplicateWords)
            {
                continue;
            }

            // A repeated paragraph, or a truncated copy on either side.
            if (earlier.Contains(normalized, StringComparison.Ordinal) || normalized.StartsWith(earlier, StringComparison.Ordinal))
            {
                return number;
            }
        }

        return null;
    }

    private static int CountWords(string text)
    {
        int words = 0;
        bool inWord = false;
        foreach (char c in text)
        {
            bool letter = char.IsLetterOrDigit(c);
            if (letter && !inWord)
            {
                words++;
            }

            inWord = letter;
        }

        return words;
    }

    private static string? Match(IReadOnlyList<LineRule> rules, string line, LineRuleReach reach, bool otherDigits, ExtractionContext context, string entity)
    {
        foreach (LineRule rule in rules)
        {
            if (rule.Reach != reach)
            {
                continue;
            }

            if (rule.Prefilter is { } prefilter && prefilter.Next(line, 0, otherDigits) < 0)
            {
                continue;
            }

            try
            {
                if (rule.Pattern.IsMatch(line))
                {
                    return rule.Id;
                }
            }
            catch (RegexMatchTimeoutException exception)
            {
                Matching.PatternRunner.ReportTimeout(context, entity, rule.Id, exception, "The boilerplate pattern", "the line was kept");
            }
        }

        return null;
    }

    private static TextSpan Trim(string text, TextSpan span)
    {
        int start = span.Start;
        int end = span.End;
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return TextSpan.FromBounds(start, end);
    }
}
