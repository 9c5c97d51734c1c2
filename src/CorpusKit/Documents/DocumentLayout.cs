using System;
using System.Diagnostics;
using System.Collections.Generic;
using CorpusKit.CompilerServices;
using CorpusKit.Text;

namespace CorpusKit.Documents;

/// <summary>
/// The lines of a document sorted out before extraction: boilerplate (dropped from rules, offsets
/// unchanged), the headline, and body lines that repeat earlier ones.
/// </summary>
public sealed class DocumentLayout
{
    /// <summary>The fewest words a line needs before it can count as a duplicate (short lines repeat by chance).</summary>
    public const int MinDuplicateWords = 4;

    /// <summary>
    /// The most words of a document's first line that is dropped with the boilerplate line right
    /// under it: a site's name above its menu (<c>الأناضول</c> over <c>الرئيسية</c>), not a headline.
    /// The first two lines, each as short, right above such a line are dropped together (<c>كونا</c>
    /// over <c>وكالة الأنباء الكويتية</c> over the menu).
    /// </summary>
    public const int MaxSiteNameWords = 3;

    private readonly string _text;
    private readonly byte[] _kinds;

    /// <summary>The <see cref="DocumentLine.Rule"/> of each boilerplate and duplicate line, in line order.</summary>
    private readonly string[] _rules;
    private readonly int _boilerplateCount;

    // Made from the kinds, the rules and the text when first read (two threads may both make one
    // at first: either is right).
    private DocumentLine[]? _lines;
    private DocumentLine[]? _boilerplate;
    private DocumentLine[]? _duplicates;

    private DocumentLayout(string text, byte[] kinds, DocumentLine? headline, string[] rules, int boilerplateCount)
    {
        _text = text;
        _kinds = kinds;
        Headline = headline;
        _rules = rules;
        _boilerplateCount = boilerplateCount;
    }

    /// <summary>Every line of the document, in order.</summary>
    /// <remarks>
    /// A layout keeps one byte per line (its kind), the headline, and the rule of each boilerplate
    /// and duplicate line; the lists of lines are made from those and the text when they are first
    /// asked for, so a run that reads none of them (a count of mentions) never makes one.
    /// </remarks>
    public IReadOnlyList<DocumentLine> Lines => _lines ??= MakeLines();

    /// <summary>The number of lines (lines split at <c>\n</c>), without making <see cref="Lines"/>.</summary>
    public int LineCount => _kinds.Length;

    /// <summary>The headline, if the document has a body line at all.</summary>
    public DocumentLine? Headline { get; }

    /// <summary>The lines a boilerplate rule dropped, in order; <see cref="DocumentLine.Rule"/> names the rule.</summary>
    public IReadOnlyList<DocumentLine> Boilerplate => _boilerplate ??= MakeLines(LineKind.Boilerplate, _boilerplateCount);

    /// <summary>
    /// The body lines that repeat an earlier line, in order; <see cref="DocumentLine.Rule"/> gives the
    /// number of the line each repeats.
    /// </summary>
    public IReadOnlyList<DocumentLine> Duplicates => _duplicates ??= MakeLines(LineKind.Duplicate, _rules.Length - _boilerplateCount);

    /// <summary>Every line, from the kinds and rules kept, split from the text again.</summary>
    private DocumentLine[] MakeLines()
    {
        var lines = new DocumentLine[_kinds.Length];
        int marked = 0;
        int start = 0;
        for (int i = 0; i < lines.Length; i++)
        {
            TextSpan line = LineAt(_text, start, out start);
            var kind = (LineKind)_kinds[i];
            lines[i] = kind switch
            {
                LineKind.Headline => Headline!.Value,
                LineKind.Boilerplate or LineKind.Duplicate => new DocumentLine(i + 1, line, kind, _rules[marked++]),
                _ => new DocumentLine(i + 1, line, kind, null),
            };
        }

        return lines;
    }

    /// <summary>The <paramref name="count"/> lines of one kind (boilerplate or duplicate), in order, split from the text again.</summary>
    private DocumentLine[] MakeLines(LineKind kind, int count)
    {
        if (count == 0)
        {
            return [];
        }

        var lines = new DocumentLine[count];
        int made = 0;
        int marked = 0;
        int start = 0;
        for (int i = 0; made < count; i++)
        {
            TextSpan line = LineAt(_text, start, out start);
            var lineKind = (LineKind)_kinds[i];
            if (lineKind is LineKind.Boilerplate or LineKind.Duplicate)
            {
                if (lineKind == kind)
                {
                    lines[made++] = new DocumentLine(i + 1, line, kind, _rules[marked]);
                }

                marked++;
            }
        }

        return lines;
    }

    /// <summary>The line of <paramref name="text"/> from <paramref name="start"/>, without its break (<c>\n</c> or <c>\r\n</c>); <paramref name="next"/> is where the line after it starts.</summary>
    private static TextSpan LineAt(string text, int start, out int next)
    {
        int newline = text.IndexOf('\n', start);
        int end = newline < 0 ? text.Length : newline;
        next = end + 1;
        return TextSpan.FromBounds(start, end > start && text[end - 1] == '\r' ? end - 1 : end);
    }

    /// <summary>
    /// Sorts the lines of <paramref name="context"/>'s text and hides the boilerplate from every
    /// rule that runs after (see <see cref="ExtractionContext.Exclude(IEnumerable{TextSpan})"/>).
    /// </summary>
    /// <param name="context">The document; no rule may have run on it yet.</param>
    /// <param name="normalization">How the boilerplate patterns see a line.</param>
    /// <param name="boilerplate">The boilerplate rules, tried in order on each line.</param>
    /// <param name="entity">The document type, for problem reports.</param>
    /// <param name="dropDuplicates">Whether lines that repeat earlier ones are hidden from rules too.</param>
    public static DocumentLayout Apply(ExtractionContext context, TextNormalization normalization, LineRuleSet boilerplate, string entity, bool dropDuplicates = false)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(boilerplate);
        string text = context.Text;

        // Lines are read in the text the rules see (normalized once, for the whole document), as
        // ranges of it: no line is copied out.
        NormalizedDraft normalizedText = context.Draft(normalization);
        ReadOnlySpan<char> normalized = normalizedText.Chars.Span;
        bool otherDigits = normalizedText.HasOtherDigits;
        var kinds = new byte[text.AsSpan().Count('\n') + 1];
        DocumentLine? headline = null;
        List<DocumentLine> marked = FreeLists<DocumentLine>.Take();
        int boilerplateLines = 0;
        // The work collections are the thread's, emptied after each document.
        List<TextSpan> hidden = FreeLists<TextSpan>.Take();
        Dictionary<string, string> dropped = t_dropped ?? new Dictionary<string, string>(StringComparer.Ordinal);
        t_dropped = null;
        RepeatIndex seen = RepeatIndex.Take(normalizedText.Chars);
        Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> droppedLookup = dropped.GetAlternateLookup<ReadOnlySpan<char>>();
        string? restRule = null;
        string? blockRule = null;
        bool headlineFound = false;
        TextSpan headlineLine = default; // the headline's whole line, as boilerplate would mark it
        DocumentLine? secondLine = null; // the body line right under the first line, while no other has come
        int number = 0;
        int ended = 0; // the offset anchors passed so far: lines are mapped in order

        for (int start = 0; start <= text.Length; number++)
        {
            int newline = text.IndexOf('\n', start);
            int end = newline < 0 ? text.Length : newline;
            int contentEnd = end > start && text[end - 1] == '\r' ? end - 1 : end;
            var span = TextSpan.FromBounds(start, contentEnd);
            (int from, int to) = Trimmed(normalized, normalizedText.ToNormalized(start, ref ended), normalizedText.ToNormalized(contentEnd, ref ended));
            ReadOnlySpan<char> line = normalized.Slice(from, to - from);
            DocumentLine documentLine;
            if (line.IsEmpty)
            {
                // A blank line ends a block.
                blockRule = null;
                documentLine = new DocumentLine(number + 1, span, LineKind.Blank, null);
            }
            else if ((restRule ??= boilerplate.Match(line, LineRuleReach.Rest, otherDigits, context, entity)?.Id) is not null)
            {
                documentLine = new DocumentLine(number + 1, span, LineKind.Boilerplate, restRule);
            }
            else if ((blockRule ??= boilerplate.Match(line, LineRuleReach.Block, otherDigits, context, entity)?.Id) is not null)
            {
                documentLine = new DocumentLine(number + 1, span, LineKind.Boilerplate, blockRule);
            }
            else if ((boilerplate.Match(line, LineRuleReach.Line, otherDigits, context, entity)?.Id ?? RepeatedBoilerplate(droppedLookup, line)) is { } rule)
            {
                // A menu lists its items twice (a bullet list, then the same items as cards): a
                // line that repeats a dropped line is dropped by the same rule. (The same menu
                // items come in every document of a site: their short texts are the thread's
                // shared strings, not copies.)
                dropped[SharedStrings.Of(Content(line))] = rule;
                documentLine = new DocumentLine(number + 1, span, LineKind.Boilerplate, rule);
            }
            else if (!headlineFound)
            {
                headlineFound = true;
                documentLine = new DocumentLine(number + 1, Trim(text, span), LineKind.Headline, null);
                seen.Add(number + 1, from, to);
            }
            else if (seen.RepeatOf(from, to) is int original)
            {
                documentLine = new DocumentLine(number + 1, span, LineKind.Duplicate, LineNumber(original));
            }
            else
            {
                documentLine = new DocumentLine(number + 1, span, LineKind.Body, null);
                seen.Add(number + 1, from, to);
            }

            if (documentLine.Kind == LineKind.Boilerplate && headline is { } above && marked.Count == 0 && IsShort(text, above.Span)
                && (above.Number == number || (above.Number == number - 1 && secondLine is { } second && second.Number == number && IsShort(text, second.Span))))
            {
                // The first line that is not blank, short, right above a line the boilerplate drops
                // (or two such lines, a site's name over its full name): a site's name above its
                // menu, dropped with it; the headline is the next body line.
                kinds[above.Number - 1] = (byte)LineKind.Boilerplate;
                boilerplateLines++;
                marked.Add(new DocumentLine(above.Number, headlineLine, LineKind.Boilerplate, documentLine.Rule));
                hidden.Add(headlineLine);
                if (above.Number != number && secondLine is { } under)
                {
                    kinds[under.Number - 1] = (byte)LineKind.Boilerplate;
                    boilerplateLines++;
                    marked.Add(new DocumentLine(under.Number, under.Span, LineKind.Boilerplate, documentLine.Rule));
                    hidden.Add(under.Span);
                }

                headline = null;
                headlineFound = false;
            }

            if (documentLine.Kind == LineKind.Body && headline is { } first && first.Number == number && secondLine is null)
            {
                // The line right under the first: with it, maybe a site's two names above its menu.
                secondLine = documentLine;
            }

            kinds[number] = (byte)documentLine.Kind;
            switch (documentLine.Kind)
            {
                case LineKind.Headline:
                    headline = documentLine;
                    headlineLine = span;
                    break;
                case LineKind.Boilerplate:
                    boilerplateLines++;
                    marked.Add(documentLine);
                    hidden.Add(span);
                    break;
                case LineKind.Duplicate:
                    marked.Add(documentLine);
                    if (dropDuplicates)
                    {
                        hidden.Add(span);
                    }

                    break;
            }

            if (newline < 0)
            {
                break;
            }

            start = newline + 1;
        }

        context.Exclude(hidden, normalizedText);
        seen.Give();
        FreeLists<TextSpan>.Give(hidden);
        if (dropped.Count <= MostKeptDropped)
        {
            dropped.Clear();
            t_dropped = dropped;
        }

        // The lines are marked in line order (the lines of a site's name above its menu are the
        // first marked), so the rules are too, and a marked line's span is its whole line: the
        // layout makes its lists of lines again from the rules, the kinds and the text.
        string[] rules = marked.Count == 0 ? [] : new string[marked.Count];
        for (int i = 0; i < rules.Length; i++)
        {
            Debug.Assert(i == 0 || marked[i - 1].Number < marked[i].Number, "Lines are marked in order.");
            rules[i] = marked[i].Rule!;
        }

        DocumentLayout layout = new(text, kinds, headline, rules, boilerplateLines);
        FreeLists<DocumentLine>.Give(marked);
        return layout;
    }


    /// <summary>The numbers of the first lines as text, made once: a duplicate line names the line it repeats.</summary>
    private static readonly string?[] s_lineNumbers = new string?[1024];

    /// <summary><paramref name="number"/> as text (invariant digits), shared for the first lines.</summary>
    private static string LineNumber(int number)
    {
        if ((uint)number >= (uint)s_lineNumbers.Length)
        {
            return number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        // Two threads may both make a number's text at first: either string is right.
        return s_lineNumbers[number] ??= number.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Past this many dropped texts, the set of them is left to the collector rather than kept for the thread's next document.</summary>
    private const int MostKeptDropped = 1024;

    [ThreadStatic]
    private static Dictionary<string, string>? t_dropped;

    /// <summary>Whether the line at <paramref name="span"/> is short enough to be a site's name (<see cref="MaxSiteNameWords"/>).</summary>
    private static bool IsShort(string text, TextSpan span) => NormalizerCore.CountWords(text.AsSpan(span.Start, span.Length)) <= MaxSiteNameWords;

    /// <summary>The range <c>[from, to)</c> of <paramref name="text"/> without the white space at its ends (never inverted).</summary>
    private static (int From, int To) Trimmed(ReadOnlySpan<char> text, int from, int to)
    {
        to = Math.Max(from, to);
        while (from < to && CharKinds.IsWhiteSpace(text[from]))
        {
            from++;
        }

        while (to > from && CharKinds.IsWhiteSpace(text[to - 1]))
        {
            to--;
        }

        return (from, to);
    }

    private static string? RepeatedBoilerplate(Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> dropped, ReadOnlySpan<char> line)
        => dropped.Dictionary.Count > 0 && dropped.TryGetValue(Content(line), out string? rule) ? rule : null;

    /// <summary>A line without the bullets and punctuation around its words.</summary>
    private static ReadOnlySpan<char> Content(ReadOnlySpan<char> line)
    {
        int start = 0;
        int end = line.Length;
        while (start < end && !char.IsLetterOrDigit(line[start]))
        {
            start++;
        }

        while (end > start && !char.IsLetterOrDigit(line[end - 1]))
        {
            end--;
        }

        return line[start..end];
    }

    private static TextSpan Trim(string text, TextSpan span)
    {
        int start = span.Start;
        int end = span.End;
        while (start < end && CharKinds.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && CharKinds.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return TextSpan.FromBounds(start, end);
    }
}
