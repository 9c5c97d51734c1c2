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

    // A line's kind is kept as a byte: a LineKind, but a boilerplate line's byte is
    // FirstRuleByte plus the index of its rule in the set, and OverflowRuleByte when that index is
    // past what a byte holds (then the index is in _overflowRules). A layout keeps no rule's
    // name: the set has them.
    private const byte FirstRuleByte = 8;
    private const byte OverflowRuleByte = byte.MaxValue;

    /// <summary>The most rules whose index a line's byte holds; a set with more keeps the rest's indexes apart.</summary>
    internal const int RulesInKinds = OverflowRuleByte - FirstRuleByte;

    private readonly string _text;
    private readonly byte[] _kinds;
    private readonly LineRuleSet _rules;

    /// <summary>The number of the line each duplicate line repeats, in line order.</summary>
    private readonly int[] _repeats;

    /// <summary>The rule index of each boilerplate line whose byte is <see cref="OverflowRuleByte"/>, in line order.</summary>
    private readonly int[] _overflowRules;
    private readonly int _boilerplateCount;

    // Made from the kinds, the rules and the text when first read (two threads may both make one
    // at first: either is right).
    private DocumentLine[]? _lines;
    private DocumentLine[]? _boilerplate;
    private DocumentLine[]? _duplicates;

    private DocumentLayout(string text, byte[] kinds, DocumentLine? headline, LineRuleSet rules, int[] repeats, int[] overflowRules, int boilerplateCount)
    {
        _text = text;
        _kinds = kinds;
        Headline = headline;
        _rules = rules;
        _repeats = repeats;
        _overflowRules = overflowRules;
        _boilerplateCount = boilerplateCount;
    }

    /// <summary>Every line of the document, in order.</summary>
    /// <remarks>
    /// A layout keeps one byte per line (its kind, and a boilerplate line's rule), the headline, and
    /// the line each duplicate line repeats; the lists of lines are made from those and the text
    /// when they are first asked for, so a run that reads none of them (a count of mentions) never
    /// makes one.
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
    public IReadOnlyList<DocumentLine> Duplicates => _duplicates ??= MakeLines(LineKind.Duplicate, _repeats.Length);

    /// <summary>Every line, from the kinds and rules kept, split from the text again.</summary>
    private DocumentLine[] MakeLines()
    {
        var lines = new DocumentLine[_kinds.Length];
        var marks = new Marks(this);
        int start = 0;
        for (int i = 0; i < lines.Length; i++)
        {
            TextSpan line = LineAt(_text, start, out start);
            lines[i] = KindOf(_kinds[i]) switch
            {
                LineKind.Headline => Headline!.Value,
                LineKind.Boilerplate => new DocumentLine(i + 1, line, LineKind.Boilerplate, marks.NextRule(_kinds[i])),
                LineKind.Duplicate => new DocumentLine(i + 1, line, LineKind.Duplicate, marks.NextRepeat()),
                var kind => new DocumentLine(i + 1, line, kind, null),
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
        var marks = new Marks(this);
        int made = 0;
        int start = 0;
        for (int i = 0; made < count; i++)
        {
            TextSpan line = LineAt(_text, start, out start);
            LineKind lineKind = KindOf(_kinds[i]);
            if (lineKind is LineKind.Boilerplate or LineKind.Duplicate)
            {
                string rule = lineKind == LineKind.Boilerplate ? marks.NextRule(_kinds[i]) : marks.NextRepeat();
                if (lineKind == kind)
                {
                    lines[made++] = new DocumentLine(i + 1, line, kind, rule);
                }
            }
        }

        return lines;
    }

    /// <summary>The kind a line's byte stands for.</summary>
    private static LineKind KindOf(byte kind) => kind >= FirstRuleByte ? LineKind.Boilerplate : (LineKind)kind;

    /// <summary>The byte of a line of <paramref name="kind"/> (a boilerplate line's holds its rule's index too).</summary>
    private static byte ByteOf(LineKind kind, int ruleIndex)
        => kind != LineKind.Boilerplate ? (byte)kind : ruleIndex < RulesInKinds ? (byte)(FirstRuleByte + ruleIndex) : OverflowRuleByte;

    /// <summary>Where a walk through the lines, in order, is in the layout's lists of repeats and of rules kept apart.</summary>
    private struct Marks(DocumentLayout layout)
    {
        private int _repeat;
        private int _overflow;

        /// <summary>The rule id of the next boilerplate line, whose byte is <paramref name="kind"/>.</summary>
        public string NextRule(byte kind)
            => layout._rules[kind == OverflowRuleByte ? layout._overflowRules[_overflow++] : kind - FirstRuleByte].Id;

        /// <summary>The number, as text, of the line the next duplicate line repeats.</summary>
        public string NextRepeat() => LineNumber(layout._repeats[_repeat++]);
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
        List<DocumentLine> marked = FreeLists<DocumentLine>.Take(); // the boilerplate lines
        List<int> repeated = FreeLists<int>.Take(); // the line each duplicate line repeats
        int boilerplateLines = 0;
        // The work collections are the thread's, emptied after each document.
        List<TextSpan> hidden = FreeLists<TextSpan>.Take();
        Dictionary<string, string> dropped = t_dropped ?? new Dictionary<string, string>(StringComparer.Ordinal);
        t_dropped = null;
        RepeatIndex seen = RepeatIndex.Take(normalizedText.Chars);
        Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> droppedLookup = dropped.GetAlternateLookup<ReadOnlySpan<char>>();
        string? restRule = null;
        string? blockRule = null;
        bool blockAboveHeadline = false; // whether the block began before the headline was found
        bool headlineFound = false;
        TextSpan headlineLine = default; // the headline's whole line, as boilerplate would mark it
        DocumentLine? secondLine = null; // the body line right under the first line, while no other has come
        int number = 0;
        int ended = 0; // the offset anchors passed so far: lines are mapped in order
        int? lastClosingLine = null; // where the last boilerplate line after an open list begins, once asked
        int? lastBlankLine = null; // the line break that opens the text's last blank line, once asked

        for (int start = 0; start <= text.Length; number++)
        {
            int newline = text.IndexOf('\n', start);
            int end = newline < 0 ? text.Length : newline;
            int contentEnd = end > start && text[end - 1] == '\r' ? end - 1 : end;
            var span = TextSpan.FromBounds(start, contentEnd);
            (int from, int to) = Trimmed(normalized, normalizedText.ToNormalized(start, ref ended), normalizedText.ToNormalized(contentEnd, ref ended));
            ReadOnlySpan<char> line = normalized.Slice(from, to - from);
            DocumentLine documentLine;
            bool blockBegins = false; // whether a block begins at this line
            if (blockRule is not null && blockAboveHeadline && EndsMenu(line))
            {
                // A block that began above the headline (a site's menu) ends at a line longer than
                // a menu's items too, on a page without blank lines; that line is read as any line
                // is. One that began below it may be a "read also" list with the site's appended
                // articles after it, which go with it.
                blockRule = null;
            }
            else if (blockRule is not null && !blockAboveHeadline && IsParagraph(line)
                && ((lastBlankLine ??= LastBlankLine(text)) < start || ParagraphBeforeBlank(normalized, to))
                && (lastClosingLine ??= LastClosingLine(normalized, to, boilerplate, otherDigits, context, entity)) > to)
            {
                // A block begun below the headline (a "read also" list) on a page whose paragraphs
                // no blank line sets apart (none after this one, or another paragraph before the
                // next blank line) ends at a paragraph when boilerplate (the article's tags, a
                // footer) comes after it: the list stood inside the article, whose text goes on.
                // With no closing line after it, the paragraphs are the site's appended articles,
                // which go with the list; a paragraph alone before a blank line goes with it too.
                blockRule = null;
            }

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
            else if ((blockRule ??= BlockStart(boilerplate.Match(line, LineRuleReach.Block, otherDigits, context, entity)?.Id, !headlineFound, ref blockAboveHeadline, ref blockBegins)) is not null)
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
                documentLine = new DocumentLine(number + 1, span, LineKind.Duplicate, null);
                repeated.Add(original);
            }
            else
            {
                documentLine = new DocumentLine(number + 1, span, LineKind.Body, null);
                seen.Add(number + 1, from, to);
            }

            if (documentLine.Kind == LineKind.Boilerplate && headline is { } above && marked.Count == 0 && repeated.Count == 0
                && ((IsShort(text, above.Span) && (above.Number == number || (above.Number == number - 1 && secondLine is { } second && second.Number == number && IsShort(text, second.Span))))
                    || (blockBegins && above.Number == number && (lastBlankLine ??= LastBlankLine(text)) < end)))
            {
                // The first line that is not blank, short, right above a line the boilerplate drops
                // (or two such lines, a site's name over its full name): a site's name above its
                // menu, dropped with it; the headline is the next body line. So is the first line
                // right above a block that no blank line ends, however long (وكالة الأنباء والمعلومات
                // الفلسطينية - وفا over الرئيسية): read as the headline, it would leave the block below
                // it to run to the end of the text and take the whole article with it.
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
                blockAboveHeadline = true; // a menu this line begins is above the headline after all
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

        // The boilerplate lines are marked in line order (the lines of a site's name above its menu
        // are the first marked), and a marked line's span is its whole line: the layout makes its
        // lists of lines again from the kinds (with the rules' indexes), the lines repeated and the text.
        List<int>? overflow = null;
        for (int i = 0; i < marked.Count; i++)
        {
            DocumentLine line = marked[i];
            Debug.Assert(i == 0 || marked[i - 1].Number < line.Number, "Lines are marked in order.");
            int rule = boilerplate.IndexOf(line.Rule!);
            Debug.Assert(rule >= 0, "A line is dropped by a rule of the set.");
            kinds[line.Number - 1] = ByteOf(LineKind.Boilerplate, rule);
            if (rule >= RulesInKinds)
            {
                // A set of more rules than a byte tells apart: the rest's indexes are kept in order.
                (overflow ??= []).Add(rule);
            }
        }

        int[] overflowRules = overflow is null ? [] : [.. overflow];
        int[] repeats = repeated.Count == 0 ? [] : [.. repeated];
        DocumentLayout layout = new(text, kinds, headline, boilerplate, repeats, overflowRules, boilerplateLines);
        FreeLists<DocumentLine>.Give(marked);
        FreeLists<int>.Give(repeated);
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

    /// <summary>The rule of a block that begins at this line, noting that it begins and whether it began above the headline.</summary>
    private static string? BlockStart(string? rule, bool aboveHeadline, ref bool blockAboveHeadline, ref bool begins)
    {
        if (rule is not null)
        {
            blockAboveHeadline = aboveHeadline;
            begins = true;
        }

        return rule;
    }

    /// <summary>
    /// The most words of a menu's item: a longer line ends a block begun above the headline (see
    /// <see cref="EndsMenu"/>).
    /// </summary>
    public const int MaxMenuItemWords = 5;

    /// <summary>
    /// Whether <paramref name="line"/> (trimmed) ends a block that began above the headline (a
    /// site's menu) on a page without blank lines: a line of more than
    /// <see cref="MaxMenuItemWords"/> words. A menu's items are a word or a few; a headline, a
    /// ticker or a paragraph is longer.
    /// </summary>
    private static bool EndsMenu(ReadOnlySpan<char> line) => NormalizerCore.CountWords(line) > MaxMenuItemWords;

    /// <summary>
    /// The most words of a line in a list of headlines ("read also"): a longer line is a paragraph,
    /// which may end such a list (see <see cref="LastClosingLine"/>). The lists of the NewsDesk
    /// pages hold headlines of up to 13 words; a paragraph of news runs to 30 and more.
    /// </summary>
    public const int MaxListedHeadlineWords = 20;

    /// <summary>Whether <paramref name="line"/> (trimmed) is longer than a listed headline: a paragraph.</summary>
    private static bool IsParagraph(ReadOnlySpan<char> line) => NormalizerCore.CountWords(line) > MaxListedHeadlineWords;

    /// <summary>
    /// Where the last line after <paramref name="from"/> (in the normalized text) begins that is
    /// boilerplate, or begins a block or the rest of the text as boilerplate (an article's tags, a
    /// share line, a footer), or -1: what closes an article, so the paragraphs before it are still
    /// the article's. Asked once a document, where an open list first meets a paragraph on a page
    /// without blank lines (rare): the lines after are read once more, and a later paragraph is
    /// before the last such line or not, so the layout stays linear in the text.
    /// </summary>
    private static int LastClosingLine(ReadOnlySpan<char> normalized, int from, LineRuleSet boilerplate, bool otherDigits, ExtractionContext context, string entity)
    {
        int last = -1;
        for (int start = NextLineStart(normalized, from); start < normalized.Length;)
        {
            (int lineFrom, int lineTo) = TrimmedLineAt(normalized, start, out start);
            ReadOnlySpan<char> line = normalized[lineFrom..lineTo];
            if (!line.IsEmpty && (boilerplate.Match(line, LineRuleReach.Line, otherDigits, context, entity) is not null
                || boilerplate.Match(line, LineRuleReach.Block, otherDigits, context, entity) is not null
                || boilerplate.Match(line, LineRuleReach.Rest, otherDigits, context, entity) is not null))
            {
                last = lineFrom;
            }
        }

        return last;
    }

    /// <summary>Where the line after the one that holds <paramref name="from"/> starts (the text's length past its last line).</summary>
    private static int NextLineStart(ReadOnlySpan<char> normalized, int from)
    {
        int newline = normalized[from..].IndexOf('\n');
        return newline < 0 ? normalized.Length : from + newline + 1;
    }

    /// <summary>The line of <paramref name="normalized"/> from <paramref name="start"/>, trimmed; <paramref name="next"/> is where the line after it starts.</summary>
    private static (int From, int To) TrimmedLineAt(ReadOnlySpan<char> normalized, int start, out int next)
    {
        int newline = normalized[start..].IndexOf('\n');
        int end = newline < 0 ? normalized.Length : start + newline;
        next = end + 1;
        return Trimmed(normalized, start, end);
    }

    /// <summary>
    /// Whether a paragraph (<see cref="IsParagraph"/>) comes after the line that ends at
    /// <paramref name="from"/> (in the normalized text) before the next blank line: the page sets
    /// its paragraphs apart by line breaks alone. Asked where an open list first meets a paragraph
    /// with a blank line still to come; when it says no, no paragraph comes before that blank
    /// line to ask again, so each line is read once more at most.
    /// </summary>
    private static bool ParagraphBeforeBlank(ReadOnlySpan<char> normalized, int from)
    {
        for (int start = NextLineStart(normalized, from); start < normalized.Length;)
        {
            (int lineFrom, int lineTo) = TrimmedLineAt(normalized, start, out start);
            ReadOnlySpan<char> line = normalized[lineFrom..lineTo];
            if (line.IsEmpty)
            {
                return false;
            }

            if (IsParagraph(line))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the line at <paramref name="span"/> is short enough to be a site's name (<see cref="MaxSiteNameWords"/>).</summary>
    private static bool IsShort(string text, TextSpan span) => NormalizerCore.CountWords(text.AsSpan(span.Start, span.Length)) <= MaxSiteNameWords;

    /// <summary>
    /// The line break that opens the last blank line (empty, or white space and marks of direction
    /// only) with text after it, or -1: a blank line comes after an offset, to end a block that
    /// begins there, when this is at or past it. Read once a document, where it is first asked
    /// (a page's first line above a block, or a paragraph in an open list), so the layout stays
    /// linear on a page of many lines and none blank.
    /// </summary>
    private static int LastBlankLine(string text)
    {
        int contentEnd = text.AsSpan().TrimEnd().Length;
        int last = -1;
        for (int newline = text.IndexOf('\n'); newline >= 0 && newline < contentEnd; newline = text.IndexOf('\n', newline + 1))
        {
            int next = newline + 1;
            while (next < contentEnd && text[next] is ' ' or '\t' or '\r' or '\u00A0' or '\u200B' or '\u200E' or '\u200F' or '\uFEFF')
            {
                next++;
            }

            if (next < contentEnd && text[next] == '\n')
            {
                last = newline;
            }
        }

        return last;
    }

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
