using System;
using System.Collections.Generic;

namespace CorpusKit.CompilerServices;

/// <summary>
/// The matches an extraction's rules find (patterns' and sequences'), made from objects and
/// buffers kept by the thread: a rule reads its matches only while it runs, so once the extraction
/// ends they are made again into the next document's, instead of allocating a match object, a
/// captures array and a steps array for each. A match's captures and steps are segments of shared
/// buffers; a buffer that fills up is replaced by a larger one, and the matches already made keep
/// the one they were made in.
/// </summary>
internal sealed class MatchArena
{
    /// <summary>An arena that held more than this many matches, or ints of captures, is let go rather than kept for the thread.</summary>
    internal const int MostKept = 4096;

    [ThreadStatic]
    private static MatchArena? t_free;

    private readonly List<PatternMatch> _patternMatches = [];
    private int _patternMatchesUsed;
    private readonly List<SequenceMatch> _sequenceMatches = [];
    private int _sequenceMatchesUsed;

    private int[] _captures = new int[256];
    private int _capturesUsed;
    private StepMatch[] _steps = new StepMatch[64];
    private int _stepsUsed;

    /// <summary>This thread's arena, or a new one while the thread's is in use.</summary>
    public static MatchArena Take()
    {
        MatchArena arena = t_free ?? new MatchArena();
        t_free = null;
        return arena;
    }

    /// <summary>
    /// Ends the extraction's use of its matches: they let go of their texts (a document's normalized
    /// chars), and the arena is kept for the thread's next extraction unless it grew past <see cref="MostKept"/>.
    /// </summary>
    public void Give()
    {
        for (int i = 0; i < _patternMatchesUsed; i++)
        {
            _patternMatches[i].Clear();
        }

        for (int i = 0; i < _sequenceMatchesUsed; i++)
        {
            _sequenceMatches[i].Reset(0, 0, [], 0, 0);
        }

        _steps.AsSpan(0, _stepsUsed).Clear();
        if (_patternMatches.Count > MostKept || _sequenceMatches.Count > MostKept || _captures.Length > MostKept || _steps.Length > MostKept)
        {
            return;
        }

        _patternMatchesUsed = 0;
        _sequenceMatchesUsed = 0;
        _capturesUsed = 0;
        _stepsUsed = 0;
        t_free = this;
    }

    /// <summary>A match of <paramref name="length"/> chars at <paramref name="index"/> of <paramref name="input"/>, with a copy of <paramref name="captures"/>.</summary>
    public PatternMatch PatternMatch(ReadOnlyMemory<char> input, int index, int length, string[] groups, ReadOnlySpan<int> captures)
    {
        int start = Append(ref _captures, ref _capturesUsed, captures);

        PatternMatch match;
        if (_patternMatchesUsed < _patternMatches.Count)
        {
            match = _patternMatches[_patternMatchesUsed];
            match.Reset(input, index, length, groups, _captures, start, captures.Length);
        }
        else
        {
            match = new PatternMatch(input, index, length, groups, []);
            match.Reset(input, index, length, groups, _captures, start, captures.Length);
            _patternMatches.Add(match);
        }

        _patternMatchesUsed++;
        return match;
    }

    /// <summary>A sequence match from <paramref name="start"/> to <paramref name="end"/>, with a copy of its <paramref name="steps"/>.</summary>
    public SequenceMatch SequenceMatch(int start, int end, ReadOnlySpan<StepMatch> steps)
    {
        int first = Append(ref _steps, ref _stepsUsed, steps);

        if (_sequenceMatchesUsed == _sequenceMatches.Count)
        {
            _sequenceMatches.Add(new SequenceMatch());
        }

        SequenceMatch match = _sequenceMatches[_sequenceMatchesUsed++];
        match.Reset(start, end, _steps, first, steps.Length);
        return match;
    }

    /// <summary>
    /// Copies <paramref name="items"/> after the <paramref name="used"/> items of <paramref name="buffer"/>
    /// and returns where they start; a buffer without room is replaced by a larger one (the matches made
    /// in it keep it).
    /// </summary>
    private static int Append<T>(ref T[] buffer, ref int used, ReadOnlySpan<T> items)
    {
        if (used + items.Length > buffer.Length)
        {
            buffer = new T[Math.Max(buffer.Length * 2, items.Length)];
            used = 0;
        }

        int start = used;
        items.CopyTo(buffer.AsSpan(start));
        used += items.Length;
        return start;
    }
}
