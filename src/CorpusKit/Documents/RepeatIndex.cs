using System;
using System.Collections.Generic;
using CorpusKit.Text;

namespace CorpusKit.Documents;

/// <summary>
/// The body lines of a document seen so far, indexed so that a new line is checked against all
/// of them in time that grows with the new line, not with the document: is it a repeat of an
/// earlier line, a piece of one (a truncated copy), or does it begin with one? The answer is the
/// earliest such line.
/// </summary>
/// <remarks>
/// <para>
/// While the earlier lines are short in all (an article), a new line is first looked for in the
/// text before it with one vectorized search; only a line found there is compared with each
/// earlier line. Past <see cref="IndexThreshold"/> chars of earlier lines, they are indexed:
/// </para>
/// <list type="bullet">
/// <item>A line that is a piece of an earlier line holds its inner words (all but its first and
/// last, which the earlier line may carry as parts of longer words) as whole words of the earlier
/// line, at the same distances. Each earlier line's words are listed by their hash, and the new
/// line is compared, char for char, only where its rarest inner word stands, earliest line first.</item>
/// <item>A line that begins with an earlier line begins with that line's first word, whole (the
/// earlier line goes on after it). Earlier lines are listed by their first word, and only those
/// that share the new line's are compared.</item>
/// </list>
/// <para>
/// A line is compared with at most <see cref="Comparisons"/> earlier lines, the earliest first.
/// Without that bound, thousands of lines that differ in one number only (a log, a table, a page
/// of numbered items) would each be compared with all the earlier ones, and the time would grow
/// with the square of the document: a line whose rarest word stands in more earlier lines than
/// that finds a repeat only among the first of them.
/// </para>
/// <para>
/// Only lines of at least <see cref="DocumentLayout.MinDuplicateWords"/> words take part, both as
/// earlier lines and as repeats: short lines repeat by chance.
/// </para>
/// </remarks>
internal sealed class RepeatIndex
{
    /// <summary>The chars of earlier lines past which they are indexed instead of searched.</summary>
    internal const int IndexThreshold = 8 * 1024;

    /// <summary>Past this many lines, an index is left to the collector rather than kept for the thread's next document.</summary>
    private const int MostKeptLines = 4096;

    [ThreadStatic]
    private static RepeatIndex? t_free;

    private ReadOnlyMemory<char> _text;
    private readonly int _threshold;
    private int _chars;
    private bool _indexed;
    private int _indexedLines;
    private readonly List<(int Number, int Start, int End)> _lines = [];
    private readonly Dictionary<ulong, List<(int Line, int Offset)>> _words = [];
    private readonly Dictionary<ulong, List<int>> _firstWords = [];

    // The words of the line looked at last, kept for Add: (start, end, hash), offsets within the line.
    private readonly List<(int Start, int End, ulong Hash)> _lineWords = [];
    private (int Start, int End) _analysed = (-1, -1);

    // The line whose words were counted last, and whether it had enough.
    private (int Start, int End) _counted = (-1, -1);
    private bool _enoughWords;

    /// <param name="text">The text the lines are ranges of (the document's normalized text).</param>
    /// <param name="threshold">The chars of earlier lines past which they are indexed (tests lower it).</param>
    public RepeatIndex(string text, int threshold = IndexThreshold)
        : this(text.AsMemory(), threshold)
    {
    }

    /// <param name="text">The chars the lines are ranges of (the document's normalized text, before it is masked).</param>
    /// <param name="threshold">The chars of earlier lines past which they are indexed (tests lower it).</param>
    public RepeatIndex(ReadOnlyMemory<char> text, int threshold = IndexThreshold)
    {
        _text = text;
        _threshold = threshold;
    }

    /// <summary>An empty index over <paramref name="text"/>: the one this thread gave back last, or a new one.</summary>
    public static RepeatIndex Take(ReadOnlyMemory<char> text)
    {
        RepeatIndex index = t_free ?? new RepeatIndex(text);
        t_free = null;
        index._text = text;
        return index;
    }

    /// <summary>
    /// Empties the index and keeps it for this thread's next <see cref="Take"/>, unless a long
    /// document grew it (its lines indexed by word, or more than <see cref="MostKeptLines"/>).
    /// </summary>
    public void Give()
    {
        if (_threshold != IndexThreshold || _indexed || _lines.Count > MostKeptLines)
        {
            return;
        }

        _text = default;
        _chars = 0;
        _indexed = false;
        _indexedLines = 0;
        _lines.Clear();
        _words.Clear();
        _firstWords.Clear();
        _lineWords.Clear();
        _analysed = (-1, -1);
        _counted = (-1, -1);
        _enoughWords = false;
        t_free = this;
    }

    /// <summary>
    /// The number of the earliest line added so far that holds the line <c>[start, end)</c> of the
    /// text or that it begins with; null when there is none or the line is too short to tell.
    /// </summary>
    public int? RepeatOf(int start, int end)
    {
        if (_lines.Count == 0)
        {
            return null;
        }

        ReadOnlySpan<char> line = _text.Span.Slice(start, end - start);
        if (!TakesPart(start, end))
        {
            return null;
        }

        IndexPending();
        if (!_indexed)
        {
            int found = Search(start, line);
            return found == int.MaxValue ? null : _lines[found].Number;
        }

        Analyse(start, end);
        int earliest = Math.Min(Holder(line), Prefix(line));
        return earliest == int.MaxValue ? null : _lines[earliest].Number;
    }

    /// <summary>Adds the line <c>[start, end)</c> of the text, numbered <paramref name="number"/>; a line too short to take part is left out.</summary>
    public void Add(int number, int start, int end)
    {
        if (!TakesPart(start, end))
        {
            return;
        }

        // A line is indexed only once a later line is looked up: the last line of a document (the
        // only one of a document on one line) never is.
        _lines.Add((number, start, end));
        _chars += end - start;
    }

    /// <summary>Indexes the lines added since the last look-up, once the earlier lines pass the threshold.</summary>
    private void IndexPending()
    {
        if (!_indexed && _chars <= _threshold)
        {
            return;
        }

        _indexed = true;
        for (; _indexedLines < _lines.Count; _indexedLines++)
        {
            (_, int lineStart, int lineEnd) = _lines[_indexedLines];
            Analyse(lineStart, lineEnd);
            Index(_indexedLines, _lineWords);
        }
    }

    /// <summary>
    /// The earliest earlier line that holds <paramref name="line"/> (which begins at
    /// <paramref name="start"/>) or that it begins with, or <see cref="int.MaxValue"/>: each earlier
    /// line is tried in turn, and for a piece only once the text before the line is known to hold it.
    /// </summary>
    private int Search(int start, ReadOnlySpan<char> line)
    {
        bool inTextBefore = _text.Span.Slice(0, start).IndexOf(line, StringComparison.Ordinal) >= 0;
        for (int i = 0; i < _lines.Count; i++)
        {
            ReadOnlySpan<char> earlier = _text.Span.Slice(_lines[i].Start, _lines[i].End - _lines[i].Start);
            if (line.StartsWith(earlier, StringComparison.Ordinal) || (inTextBefore && earlier.IndexOf(line, StringComparison.Ordinal) >= 0))
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    private void Index(int index, List<(int Start, int End, ulong Hash)> words)
    {
        foreach ((int wordStart, _, ulong hash) in words)
        {
            Listed(_words, hash).Add((index, wordStart));
        }

        Listed(_firstWords, words[0].Hash).Add(index);
    }

    /// <summary>
    /// How many earlier lines a line of <paramref name="words"/> words is compared with at most, by
    /// each of the two rules: 64, and 8 more per word, so that the work for a document is at most
    /// in proportion to its words.
    /// </summary>
    internal static int Comparisons(int words) => 64 + (8 * words);

    /// <summary>How many earlier lines the indexed rules have compared lines with so far (for tests).</summary>
    internal long Compared { get; private set; }

    /// <summary>The earliest indexed line that holds <paramref name="line"/> (among the first <see cref="Comparisons"/> candidates), or <see cref="int.MaxValue"/>.</summary>
    private int Holder(ReadOnlySpan<char> line)
    {
        // The inner word fewest earlier lines hold; a word no earlier line holds rules every line out.
        List<(int Line, int Offset)>? rarest = null;
        int rarestOffset = 0;
        for (int w = 1; w < _lineWords.Count - 1; w++)
        {
            if (!_words.TryGetValue(_lineWords[w].Hash, out List<(int Line, int Offset)>? places))
            {
                return int.MaxValue;
            }

            if (rarest is null || places.Count < rarest.Count)
            {
                rarest = places;
                rarestOffset = _lineWords[w].Start;
            }
        }

        ReadOnlySpan<char> text = _text.Span;
        int compared = Math.Min(rarest!.Count, Comparisons(_lineWords.Count));
        for (int i = 0; i < compared; i++)
        {
            (int index, int offset) = rarest[i];
            (_, int start, int end) = _lines[index];
            int at = start + offset - rarestOffset;

            // The last char first: lines that differ in a number at their end differ there.
            Compared++;
            if (at >= start && at + line.Length <= end && text[at + line.Length - 1] == line[^1] && text.Slice(at, line.Length).SequenceEqual(line))
            {
                return index;
            }
        }

        return int.MaxValue;
    }

    /// <summary>The earliest indexed line that <paramref name="line"/> begins with (among the first <see cref="Comparisons"/> candidates), or <see cref="int.MaxValue"/>.</summary>
    private int Prefix(ReadOnlySpan<char> line)
    {
        if (_firstWords.TryGetValue(_lineWords[0].Hash, out List<int>? candidates))
        {
            ReadOnlySpan<char> text = _text.Span;
            int compared = Math.Min(candidates.Count, Comparisons(_lineWords.Count));
            for (int i = 0; i < compared; i++)
            {
                (_, int start, int end) = _lines[candidates[i]];
                int length = end - start;
                Compared++;
                if (length <= line.Length && line[length - 1] == text[end - 1] && line.StartsWith(text.Slice(start, length), StringComparison.Ordinal))
                {
                    return candidates[i];
                }
            }
        }

        return int.MaxValue;
    }

    /// <summary>Cuts the line <c>[start, end)</c> into words (maximal runs of letters and digits) and hashes them, unless it was the last line cut.</summary>
    private void Analyse(int start, int end)
    {
        if (_analysed == (start, end))
        {
            return;
        }

        _analysed = (start, end);
        _lineWords.Clear();
        ReadOnlySpan<char> line = _text.Span.Slice(start, end - start);
        int at = 0;
        while (Words.Next(line, ref at, out int wordStart, out ulong hash))
        {
            _lineWords.Add((wordStart, at, hash));
        }
    }

    /// <summary>
    /// Whether the line <c>[start, end)</c> has enough words to take part; the answer for the line
    /// asked about last is kept, since a body line is looked up and then added.
    /// </summary>
    private bool TakesPart(int start, int end)
    {
        if (_counted != (start, end))
        {
            _counted = (start, end);
            _enoughWords = HasEnoughWords(_text.Span.Slice(start, end - start));
        }

        return _enoughWords;
    }

    /// <summary>Whether a line has at least <see cref="DocumentLayout.MinDuplicateWords"/> words (counted no further).</summary>
    private static bool HasEnoughWords(ReadOnlySpan<char> line)
    {
        int words = 0;
        bool inWord = false;
        foreach (char c in line)
        {
            bool letter = CharKinds.IsLetterOrDigit(c);
            if (letter && !inWord && ++words == DocumentLayout.MinDuplicateWords)
            {
                return true;
            }

            inWord = letter;
        }

        return false;
    }

    private static List<T> Listed<T>(Dictionary<ulong, List<T>> lists, ulong key)
    {
        if (!lists.TryGetValue(key, out List<T>? list))
        {
            lists.Add(key, list = []);
        }

        return list;
    }
}
