using System;
using System.Collections.Generic;
using CorpusKit.Text;

namespace CorpusKit.Documents;

/// <summary>
/// The body lines of a document seen so far, so that a new line can be checked against all of
/// them: is it a repeat of an earlier line, a piece of one (a truncated copy), or does it begin
/// with one? The answer is the earliest such line.
/// </summary>
/// <remarks>
/// <para>
/// While the earlier lines are short in all (an article), the new line is looked for in each of
/// them with a vectorized search. Past <see cref="IndexThreshold"/> chars the lines are indexed,
/// so a check costs time that grows with the new line, not with the document:
/// </para>
/// <list type="bullet">
/// <item>A line that is a piece of an earlier line holds its inner words (all but its first and
/// last, which the earlier line may carry as parts of longer words) as whole words of the earlier
/// line, at the same distances. Each earlier line's words are listed by their hash, and the new
/// line is compared, char for char, only where its rarest inner word stands, earliest line first.</item>
/// <item>A line that begins with an earlier line is found by hashing: the prefix of the new line
/// as long as each earlier line is hashed and looked up, a collision ruled out by comparing chars.</item>
/// </list>
/// <para>
/// Only lines of at least <see cref="DocumentLayout.MinDuplicateWords"/> words take part, both as
/// earlier lines and as repeats: short lines repeat by chance.
/// </para>
/// </remarks>
internal sealed class RepeatIndex
{
    /// <summary>The chars of earlier lines past which they are indexed instead of searched one by one.</summary>
    internal const int IndexThreshold = 16 * 1024;

    private const ulong HashBase = 0x100000001B3;

    private readonly string _text;
    private readonly int _threshold;
    private readonly List<(int Number, int Start, int End)> _lines = [];
    private int _chars;

    // The index, built once the earlier lines pass the threshold.
    private Dictionary<ulong, List<(int Line, int Offset)>>? _words;
    private Dictionary<ulong, List<int>>? _hashes;
    private SortedSet<int>? _lengths;

    /// <param name="text">The text the lines are ranges of (the document's normalized text).</param>
    /// <param name="threshold">The chars of earlier lines past which they are indexed (tests lower it).</param>
    public RepeatIndex(string text, int threshold = IndexThreshold)
    {
        _text = text;
        _threshold = threshold;
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

        ReadOnlySpan<char> line = _text.AsSpan(start, end - start);
        if (CountWords(line) < DocumentLayout.MinDuplicateWords)
        {
            return null;
        }

        int earliest = _words is null ? Search(line) : Math.Min(Holder(line), Prefix(line));
        return earliest == int.MaxValue ? null : _lines[earliest].Number;
    }

    /// <summary>Adds the line <c>[start, end)</c> of the text, numbered <paramref name="number"/>; a line too short to take part is left out.</summary>
    public void Add(int number, int start, int end)
    {
        if (CountWords(_text.AsSpan(start, end - start)) < DocumentLayout.MinDuplicateWords)
        {
            return;
        }

        _lines.Add((number, start, end));
        _chars += end - start;
        if (_words is not null)
        {
            Index(_lines.Count - 1);
        }
        else if (_chars > _threshold)
        {
            _words = [];
            _hashes = [];
            _lengths = [];
            for (int i = 0; i < _lines.Count; i++)
            {
                Index(i);
            }
        }
    }

    /// <summary>The earliest line that holds <paramref name="line"/> or that it begins with, each line searched in turn.</summary>
    private int Search(ReadOnlySpan<char> line)
    {
        for (int i = 0; i < _lines.Count; i++)
        {
            ReadOnlySpan<char> earlier = _text.AsSpan(_lines[i].Start, _lines[i].End - _lines[i].Start);
            if (earlier.IndexOf(line, StringComparison.Ordinal) >= 0 || line.StartsWith(earlier, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    private void Index(int index)
    {
        (_, int start, int end) = _lines[index];
        ReadOnlySpan<char> line = _text.AsSpan(start, end - start);
        int i = 0;
        while (NextWord(line, ref i) is (int wordStart, int wordEnd))
        {
            ulong hash = Hash(line[wordStart..wordEnd]);
            if (!_words!.TryGetValue(hash, out List<(int Line, int Offset)>? places))
            {
                _words.Add(hash, places = []);
            }

            places.Add((index, wordStart));
        }

        ulong lineHash = Hash(line);
        if (!_hashes!.TryGetValue(lineHash, out List<int>? lines))
        {
            _hashes.Add(lineHash, lines = []);
        }

        lines.Add(index);
        _lengths!.Add(line.Length);
    }

    /// <summary>The earliest indexed line that holds <paramref name="line"/>, or <see cref="int.MaxValue"/>.</summary>
    private int Holder(ReadOnlySpan<char> line)
    {
        // The inner word fewest earlier lines hold; a word no earlier line holds rules every line out.
        List<(int Line, int Offset)>? rarest = null;
        int rarestOffset = 0;
        int i = 0;
        _ = NextWord(line, ref i); // the first word may be the end of a longer one
        (int Start, int End)? word = NextWord(line, ref i);
        while (word is (int wordStart, int wordEnd))
        {
            (int Start, int End)? next = NextWord(line, ref i);
            if (next is null)
            {
                break; // the last word may be the start of a longer one
            }

            if (!_words!.TryGetValue(Hash(line[wordStart..wordEnd]), out List<(int Line, int Offset)>? places))
            {
                return int.MaxValue;
            }

            if (rarest is null || places.Count < rarest.Count)
            {
                rarest = places;
                rarestOffset = wordStart;
            }

            word = next;
        }

        foreach ((int index, int offset) in rarest!)
        {
            (_, int start, int end) = _lines[index];
            int at = start + offset - rarestOffset;
            if (at >= start && at + line.Length <= end && _text.AsSpan(at, line.Length).SequenceEqual(line))
            {
                return index;
            }
        }

        return int.MaxValue;
    }

    /// <summary>The earliest indexed line that <paramref name="line"/> begins with, or <see cref="int.MaxValue"/>.</summary>
    private int Prefix(ReadOnlySpan<char> line)
    {
        int best = int.MaxValue;
        ulong hash = 0;
        int hashed = 0;
        foreach (int length in _lengths!)
        {
            if (length > line.Length)
            {
                break;
            }

            for (; hashed < length; hashed++)
            {
                hash = Step(hash, line[hashed]);
            }

            if (_hashes!.TryGetValue(hash, out List<int>? candidates))
            {
                foreach (int index in candidates)
                {
                    (_, int start, int end) = _lines[index];
                    if (index < best && end - start == length && _text.AsSpan(start, length).SequenceEqual(line[..length]))
                    {
                        best = index;
                    }
                }
            }
        }

        return best;
    }

    private static ulong Hash(ReadOnlySpan<char> text)
    {
        ulong hash = 0;
        foreach (char c in text)
        {
            hash = Step(hash, c);
        }

        return hash;
    }

    private static ulong Step(ulong hash, char c) => (hash * HashBase) + c + 1;

    /// <summary>The next word (maximal run of letters and digits) at or after <paramref name="i"/>, which moves past it; null at the end.</summary>
    private static (int Start, int End)? NextWord(ReadOnlySpan<char> line, ref int i)
    {
        while (i < line.Length && !CharKinds.IsLetterOrDigit(line[i]))
        {
            i++;
        }

        int start = i;
        while (i < line.Length && CharKinds.IsLetterOrDigit(line[i]))
        {
            i++;
        }

        return i > start ? (start, i) : null;
    }

    private static int CountWords(ReadOnlySpan<char> line)
    {
        int words = 0;
        int i = 0;
        while (NextWord(line, ref i) is not null)
        {
            words++;
        }

        return words;
    }
}
