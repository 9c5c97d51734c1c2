using System;
using System.Buffers;
using System.ComponentModel;
using System.Globalization;

namespace CorpusKit.CompilerServices;

/// <summary>
/// Where in a text a pattern can start matching, decided by the generator from the pattern: after
/// a literal every match begins with, at a char of the set every match begins with (decimal
/// digits among them), at the start of the text or of a line. The runtime tries the pattern,
/// anchored, only at those places; vectorized searches skip the rest of the text.
/// </summary>
/// <remarks>For generated code: CorpusKit's generator emits the calls to this type; it is not meant to be called by hand and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class PatternPrefilter
{
    /// <summary>Every decimal digit outside ASCII, for a text that holds some (see <see cref="NormalizedText"/>).</summary>
    private static readonly Lazy<string> s_otherDigits = new(() =>
    {
        var digits = new System.Text.StringBuilder();
        for (int c = 0x80; c <= char.MaxValue; c++)
        {
            if (char.GetUnicodeCategory((char)c) == UnicodeCategory.DecimalDigitNumber)
            {
                digits.Append((char)c);
            }
        }

        return digits.ToString();
    });

    /// <summary>Every decimal digit of every script (what <c>\d</c> takes), for one search on a text that holds other digits than ASCII.</summary>
    private static readonly Lazy<SearchValues<char>> s_allDigits = new(() => SearchValues.Create("0123456789" + s_otherDigits.Value));

    /// <summary>The decimal digits of every script, ASCII's and others' (what <c>\d</c> takes).</summary>
    internal static SearchValues<char> AllDigits => s_allDigits.Value;

    private readonly string? _literal;
    private readonly SearchValues<char>? _chars;

    // _chars below U+0800 a bit each, asked one char at a time (a line's first char, a digit's
    // place): a bit read where SearchValues' Contains of a set of Arabic chars hashes.
    private readonly ulong[]? _charBits;

    // _chars and the digits of other scripts, in one set: made on the first search of a text that
    // holds one (threads that make it at once make equal sets; either is kept).
    private readonly string? _charList;
    private SearchValues<char>? _charsAndOtherDigits;
    private readonly bool _digits;
    private readonly PrefilterAnchor _anchor;
    private readonly string? _inner;

    // The chars a match takes, when the inner literal is given with them: below U+0800 a bit each,
    // and whether any above can be taken. A match lies in one run of them; null: a run is a line.
    private readonly ulong[]? _held;
    private readonly bool _heldBeyond;

    // Per offset after the first char: the chars below U+0800 that can stand there (a bit each), and whether one above can.
    private readonly ulong[][] _follow;
    private readonly bool[] _followBeyond;

    /// <summary>A prefilter the generator computed.</summary>
    /// <param name="literal">The text every match begins with (two chars or more), or null.</param>
    /// <param name="chars">The chars a match can begin with (ASCII digits included when <paramref name="digits"/>), or null when any char can begin one.</param>
    /// <param name="digits">Whether a match can begin with any decimal digit (<c>\d</c>), not only the ASCII ones.</param>
    /// <param name="anchor">Where a match must begin.</param>
    /// <param name="follow">
    /// For the second char of a match, the third and so on (as far as every match reaches), the chars
    /// that can stand there: ranges, each as its first and last char; none when null.
    /// </param>
    /// <param name="inner">
    /// A literal every match holds, for a pattern none of whose matches takes a line break: a match
    /// begins only on a line that holds it, at or before it; none when null.
    /// </param>
    /// <param name="held">
    /// With <paramref name="inner"/>, the chars a match can take, as ranges (first and last char
    /// of each; a line break is none of them): a match then begins only in a run of such chars
    /// that holds the literal, at or before it, a narrower place than its line; null: the line.
    /// </param>
    public PatternPrefilter(string? literal, string? chars, bool digits, PrefilterAnchor anchor, string[]? follow = null, string? inner = null, string? held = null)
    {
        if (literal is { Length: 0 })
        {
            throw new ArgumentException("A literal prefilter needs text.", nameof(literal));
        }

        if (inner is { Length: 0 } || (inner is not null && inner.Contains('\n', StringComparison.Ordinal)))
        {
            throw new ArgumentException("An inner literal needs text, on one line.", nameof(inner));
        }

        if (held is not null && (inner is null || held.Length % 2 != 0 || InRanges(held, '\n')))
        {
            throw new ArgumentException("The chars a match takes go with an inner literal, as ranges (a first and a last char each), and a line break is none of them.", nameof(held));
        }

        _literal = literal;
        _inner = inner;
        if (held is not null)
        {
            (_held, _heldBeyond) = RangeBits(held);
        }

        _chars = chars is null ? null : SearchValues.Create(chars);
        _charBits = chars is null ? null : Bits(chars);
        _charList = chars;
        _digits = digits;
        _anchor = anchor;
        BeginsWithDigit = literal is null && digits && chars == "0123456789" && anchor == PrefilterAnchor.None;
        follow ??= [];
        _follow = new ulong[follow.Length][];
        _followBeyond = new bool[follow.Length];
        for (int offset = 0; offset < follow.Length; offset++)
        {
            string ranges = follow[offset];
            if (ranges.Length % 2 != 0)
            {
                throw new ArgumentException("Follow sets are ranges: a first and a last char each.", nameof(follow));
            }

            (_follow[offset], _followBeyond[offset]) = RangeBits(ranges);
        }
    }

    /// <summary>Chars below this are told one by one in the follow sets; those above only as "some can stand here".</summary>
    private const char FollowLow = '\u0800';

    /// <summary>The chars of <paramref name="chars"/> below <see cref="FollowLow"/>, a bit each.</summary>
    private static ulong[] Bits(string chars)
    {
        var bits = new ulong[FollowLow / 64];
        foreach (char c in chars)
        {
            if (c < FollowLow)
            {
                bits[c >> 6] |= 1UL << c;
            }
        }

        return bits;
    }

    /// <summary>The chars of <paramref name="ranges"/> (a first and a last char each) below <see cref="FollowLow"/>, a bit each, and whether a range reaches above.</summary>
    private static (ulong[] Bits, bool Beyond) RangeBits(string ranges)
    {
        var bits = new ulong[FollowLow / 64];
        bool beyond = false;
        for (int r = 0; r < ranges.Length; r += 2)
        {
            for (int c = ranges[r]; c <= ranges[r + 1] && c < FollowLow; c++)
            {
                bits[c >> 6] |= 1UL << c;
            }

            beyond |= ranges[r + 1] >= FollowLow;
        }

        return (bits, beyond);
    }

    /// <summary>Whether <paramref name="c"/> lies in one of <paramref name="ranges"/> (a first and a last char each).</summary>
    private static bool InRanges(string ranges, char c)
    {
        for (int r = 0; r + 1 < ranges.Length; r += 2)
        {
            if (c >= ranges[r] && c <= ranges[r + 1])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether no match takes <paramref name="c"/>: a run of the inner literal ends there (a line break at least).</summary>
    private bool EndsRun(char c)
        => _held is null ? c == '\n' : c < FollowLow ? (_held[c >> 6] & (1UL << c)) == 0 : !_heldBeyond;

    /// <summary>Whether <paramref name="c"/> is among the first chars: a bit below <see cref="FollowLow"/>, the set above.</summary>
    private bool IsFirstChar(char c)
        => c < FollowLow ? (_charBits![c >> 6] & (1UL << c)) != 0 : _chars!.Contains(c);

    /// <summary>Where a match must begin.</summary>
    internal PrefilterAnchor Anchor => _anchor;

    /// <summary>
    /// Whether a match may begin with <paramref name="c"/> (a text that may hold digits of other
    /// scripts is told by <paramref name="otherDigits"/>); what follows is not looked at.
    /// </summary>
    internal bool MayBeginWith(char c, bool otherDigits)
        => _literal is not null
            ? _literal[0] == c
            : _chars is null || IsFirstChar(c) || (_digits && otherDigits && c >= '\u0080' && char.IsDigit(c));

    /// <summary>Whether a match may begin exactly at <paramref name="at"/> of <paramref name="text"/>, as far as the anchor and the first chars tell.</summary>
    /// <remarks>
    /// The inner literal is not asked here: for one place it would cost a search of the rest of
    /// its run, more than the match it saves (the patterns given one are tried once per line
    /// start or char by a scan, which asks it once per run). A false answer is sure; a true one
    /// is the match's to settle.
    /// </remarks>
    internal bool MayBeginAt(ReadOnlySpan<char> text, int at, bool otherDigits)
    {
        if (at > text.Length
            || (at == text.Length && (_literal is not null || _chars is not null))
            || (_anchor == PrefilterAnchor.TextStart && at != 0)
            || (_anchor == PrefilterAnchor.LineStart && at != 0 && text[at - 1] != '\n'))
        {
            return false;
        }

        if (at == text.Length)
        {
            return true; // an anchored pattern that may take no char, at the end
        }

        return (_literal is not null ? text[at..].StartsWith(_literal, StringComparison.Ordinal) : MayBeginWith(text[at], otherDigits))
            && Follows(text, at);
    }

    /// <summary>
    /// Whether a match begins with a decimal digit (<c>\d</c>, of any script) and nothing else is
    /// asked of where: the places to try are then the text's digits (<see cref="NormalizedText.DigitPlaces"/>),
    /// found once for every such pattern.
    /// </summary>
    internal bool BeginsWithDigit { get; }

    /// <summary>Whether the chars after <paramref name="at"/> can follow the first char of a match there (every match is that long).</summary>
    internal bool Follows(ReadOnlySpan<char> text, int at)
    {
        ulong[][] follow = _follow;
        for (int offset = 0; offset < follow.Length; offset++)
        {
            int i = at + 1 + offset;
            if ((uint)i >= (uint)text.Length)
            {
                return false;
            }

            char c = text[i];
            if (c < FollowLow ? (follow[offset][c >> 6] & (1UL << c)) == 0 : !_followBeyond[offset])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The first place at or after <paramref name="from"/> where a match of the pattern can begin
    /// in <paramref name="text"/>, or -1.
    /// </summary>
    /// <param name="text">The text the pattern runs over.</param>
    /// <param name="from">Where to look from.</param>
    /// <param name="otherDigits">Whether the text may hold decimal digits outside ASCII (they then count for a <c>\d</c> prefilter).</param>
    public int Next(ReadOnlySpan<char> text, int from, bool otherDigits)
    {
        var run = InnerRun.None;
        return Next(text, from, otherDigits, ref run);
    }

    /// <summary>
    /// The run a scan last found to hold the inner literal (its line, or with the chars a match
    /// takes, the longest stretch of them around the literal): where it ends and where the literal
    /// last begins in it. A scan that goes on from a later place keeps it for its next call, so no
    /// run is searched twice.
    /// </summary>
    internal struct InnerRun
    {
        /// <summary>No run found yet.</summary>
        public static InnerRun None => new() { End = -1, LastLiteral = -1 };

        /// <summary>Where the run ends: the first char no match takes (a line break, at least), or the text's end.</summary>
        public int End;

        /// <summary>Where the inner literal last begins in the run: a match begins at or before it.</summary>
        public int LastLiteral;
    }

    /// <summary>
    /// <see cref="Next(ReadOnlySpan{char}, int, bool)"/> for a scan that calls it again from a later
    /// place each time, keeping the run of the inner literal in <paramref name="run"/>.
    /// </summary>
    internal int Next(ReadOnlySpan<char> text, int from, bool otherDigits, ref InnerRun run)
    {
        if (_inner is null)
        {
            return NextBegin(text, from, otherDigits);
        }

        while (from <= text.Length)
        {
            if (from > run.LastLiteral)
            {
                // Past the last literal of the run known: on from the next run that holds one.
                if (from <= run.End)
                {
                    from = run.End + 1;
                }

                int found = from <= text.Length ? text[from..].IndexOf(_inner, StringComparison.Ordinal) : -1;
                if (found < 0)
                {
                    return -1;
                }

                found += from;
                run.End = RunEnd(text, found + _inner.Length);
                run.LastLiteral = found + text[found..run.End].LastIndexOf(_inner, StringComparison.Ordinal);
                from = RunStart(text, from, found);
            }

            int candidate = NextBegin(text, from, otherDigits);
            if (candidate < 0 || candidate <= run.LastLiteral)
            {
                return candidate;
            }

            from = candidate;
        }

        return -1;
    }

    /// <summary>Where the run that holds <paramref name="at"/> begins, looking back no further than <paramref name="from"/>.</summary>
    private int RunStart(ReadOnlySpan<char> text, int from, int at)
    {
        if (_held is null)
        {
            return from + text[from..at].LastIndexOf('\n') + 1;
        }

        // A run is a few words at most (what stops it is a mark, a digit, a line break): read back char by char.
        for (int i = at - 1; i >= from; i--)
        {
            if (EndsRun(text[i]))
            {
                return i + 1;
            }
        }

        return from;
    }

    /// <summary>Where the run that goes on at <paramref name="at"/> ends: the first char from there that no match takes, or the text's end.</summary>
    private int RunEnd(ReadOnlySpan<char> text, int at)
    {
        if (_held is null)
        {
            int lineBreak = text[at..].IndexOf('\n');
            return lineBreak < 0 ? text.Length : at + lineBreak;
        }

        for (int i = at; i < text.Length; i++)
        {
            if (EndsRun(text[i]))
            {
                return i;
            }
        }

        return text.Length;
    }

    /// <summary>The first place at or after <paramref name="from"/> where a match can begin as far as its start tells (the inner literal aside), or -1.</summary>
    private int NextBegin(ReadOnlySpan<char> text, int from, bool otherDigits)
    {
        while (from <= text.Length)
        {
            int at = _anchor switch
            {
                PrefilterAnchor.TextStart => from == 0 ? 0 : -1,
                PrefilterAnchor.LineStart => LineStartAtOrAfter(text, from),
                _ => from,
            };
            // A pattern with no char to ask for (one that may take none, anchored) may also match
            // at the text's end; every other takes a char there is none of.
            if (at < 0 || at > text.Length || (at == text.Length && (_literal is not null || _chars is not null)))
            {
                return -1;
            }

            int candidate = _anchor == PrefilterAnchor.None ? Search(text, at, otherDigits) : (Accepts(text, at, otherDigits) ? at : -2);
            if (candidate >= 0 && !Follows(text, candidate))
            {
                // The first char fits and what follows does not: on from the next char.
                from = candidate + 1;
                continue;
            }

            if (candidate != -2)
            {
                return candidate;
            }

            from = at + 1;
        }

        return -1;
    }

    /// <summary>The next place at or after <paramref name="from"/> whose text passes the literal and the chars, or -1.</summary>
    private int Search(ReadOnlySpan<char> text, int from, bool otherDigits)
    {
        if (_literal is not null)
        {
            int found = text[from..].IndexOf(_literal, StringComparison.Ordinal);
            return found < 0 ? -1 : from + found;
        }

        if (_chars is null)
        {
            return from;
        }

        // \d also takes digits of other scripts: a larger set, searched only in texts that hold one
        // (one search, not two: a second search for the next such digit would run to it on every call).
        SearchValues<char> chars = _digits && otherDigits
            ? _charsAndOtherDigits ??= SearchValues.Create(_charList + s_otherDigits.Value)
            : _chars;
        int next = text[from..].IndexOfAny(chars);
        return next < 0 ? -1 : from + next;
    }

    /// <summary>Whether a match may begin at <paramref name="at"/>.</summary>
    private bool Accepts(ReadOnlySpan<char> text, int at, bool otherDigits)
    {
        if (_literal is not null)
        {
            return text[at..].StartsWith(_literal, StringComparison.Ordinal);
        }

        if (_chars is null)
        {
            return true;
        }

        char c = text[at];
        return IsFirstChar(c) || (_digits && otherDigits && c >= '\u0080' && char.IsDigit(c));
    }

    private static int LineStartAtOrAfter(ReadOnlySpan<char> text, int from)
    {
        if (from == 0)
        {
            return 0;
        }

        int newline = text[(from - 1)..].IndexOf('\n');
        return newline < 0 ? -1 : from + newline;
    }
}
