using System;
using System.Collections.Generic;

namespace CorpusKit.CompilerServices;

/// <summary>
/// The matches an extraction's rules find (patterns' and sequences'), made from objects and
/// buffers kept by the thread: a rule reads its matches only while it runs, so once it has run
/// they are made again into the next rule's (<see cref="Rewind"/>), and once the extraction ends
/// into the next document's, instead of allocating a match object, a captures array and a steps
/// array for each. A match's captures and steps are segments of shared buffers; a buffer that
/// fills up is replaced by a larger one, and the matches already made keep the one they were made in.
/// </summary>
/// <remarks>
/// Rewinding after each rule keeps the arena as large as the rule with the most matches rather
/// than all of them: over a 64 MB document the rules made 320,000 pattern matches, whose objects,
/// captures and steps (about 40 MB) were all held until the extraction ended.
/// </remarks>
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

    // The lists the rules' matches are returned in, handed out in turn and made again as matches are.
    private readonly List<List<PatternMatch>> _patternLists = [];
    private int _patternListsUsed;
    private readonly List<List<SequenceMatch>> _sequenceLists = [];
    private int _sequenceListsUsed;

    private int[] _captures = new int[256];
    private int _capturesUsed;
    private StepMatch[] _steps = new StepMatch[64];
    private int _stepsUsed;

    // How far the matches and steps were ever used since the arena was last given back (a rewind
    // lowers the used counts, and what lies above them still refers to this document's text).
    private int _patternMatchesDirty;
    private int _sequenceMatchesDirty;
    private int _stepsDirty;

    // How many times the captures and steps buffers were replaced: a mark taken in a buffer since
    // replaced has nothing in the new one below it.
    private int _capturesGeneration;
    private int _stepsGeneration;

    /// <summary>Where the arena stands: the matches (and lists of them) made before it are kept by <see cref="Rewind"/>.</summary>
    public Mark Here => new(_patternMatchesUsed, _sequenceMatchesUsed, _capturesUsed, _capturesGeneration, _stepsUsed, _stepsGeneration, _patternListsUsed, _sequenceListsUsed);

    /// <summary>
    /// Forgets the matches made since <paramref name="mark"/> (their objects and buffer segments are
    /// made again into the next ones); those made before it are untouched. For the end of a rule,
    /// whose matches nobody reads once it has run: a rule that another rule made run (through an
    /// entity it needs) ends before the outer rule does, and rewinds only to its own mark, above
    /// the outer rule's matches.
    /// </summary>
    public void Rewind(Mark mark)
    {
        _patternMatchesDirty = Math.Max(_patternMatchesDirty, _patternMatchesUsed);
        _sequenceMatchesDirty = Math.Max(_sequenceMatchesDirty, _sequenceMatchesUsed);
        _stepsDirty = Math.Max(_stepsDirty, _stepsUsed);
        _patternMatchesUsed = Math.Min(_patternMatchesUsed, mark.PatternMatches);
        _sequenceMatchesUsed = Math.Min(_sequenceMatchesUsed, mark.SequenceMatches);
        _patternListsUsed = Math.Min(_patternListsUsed, mark.PatternLists);
        _sequenceListsUsed = Math.Min(_sequenceListsUsed, mark.SequenceLists);

        // A buffer replaced since the mark holds only what was made after it.
        _capturesUsed = mark.CapturesGeneration == _capturesGeneration ? Math.Min(_capturesUsed, mark.Captures) : 0;
        _stepsUsed = mark.StepsGeneration == _stepsGeneration ? Math.Min(_stepsUsed, mark.Steps) : 0;
    }

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
        int patternMatches = Math.Max(_patternMatchesDirty, _patternMatchesUsed);
        for (int i = 0; i < patternMatches; i++)
        {
            _patternMatches[i].Clear();
        }

        int sequenceMatches = Math.Max(_sequenceMatchesDirty, _sequenceMatchesUsed);
        for (int i = 0; i < sequenceMatches; i++)
        {
            _sequenceMatches[i].Reset(0, 0, [], 0, 0);
        }

        _steps.AsSpan(0, Math.Max(_stepsDirty, _stepsUsed)).Clear();
        bool kept = _patternMatches.Count <= MostKept && _sequenceMatches.Count <= MostKept && _captures.Length <= MostKept && _steps.Length <= MostKept;
        kept &= ClearLists(_patternLists);
        kept &= ClearLists(_sequenceLists);
        if (!kept)
        {
            return;
        }

        _patternMatchesUsed = 0;
        _sequenceMatchesUsed = 0;
        _patternListsUsed = 0;
        _sequenceListsUsed = 0;
        _capturesUsed = 0;
        _stepsUsed = 0;
        _patternMatchesDirty = 0;
        _sequenceMatchesDirty = 0;
        _stepsDirty = 0;
        t_free = this;
    }

    /// <summary>An empty list for a rule's pattern matches, the arena's until a rewind past it or the extraction's end.</summary>
    public List<PatternMatch> PatternList() => NextList(_patternLists, ref _patternListsUsed);

    /// <summary>An empty list for a rule's sequence matches, the arena's until a rewind past it or the extraction's end.</summary>
    public List<SequenceMatch> SequenceList() => NextList(_sequenceLists, ref _sequenceListsUsed);

    private static List<T> NextList<T>(List<List<T>> lists, ref int used)
    {
        if (used == lists.Count)
        {
            lists.Add([]);
        }

        List<T> list = lists[used++];
        list.Clear();
        return list;
    }

    /// <summary>Empties every list (so none holds a spent match); false when one grew past <see cref="MostKept"/>.</summary>
    private static bool ClearLists<T>(List<List<T>> lists)
    {
        bool small = lists.Count <= MostKept;
        foreach (List<T> list in lists)
        {
            small &= list.Capacity <= MostKept;
            list.Clear();
        }

        return small;
    }

    /// <summary>A match of <paramref name="length"/> chars at <paramref name="index"/> of <paramref name="input"/>, with a copy of <paramref name="captures"/>.</summary>
    public PatternMatch PatternMatch(ReadOnlyMemory<char> input, int index, int length, string[] groups, ReadOnlySpan<int> captures)
    {
        int start = Append(ref _captures, ref _capturesUsed, ref _capturesGeneration, captures);

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
        int stepsBefore = _stepsGeneration;
        int first = Append(ref _steps, ref _stepsUsed, ref _stepsGeneration, steps);
        if (_stepsGeneration != stepsBefore)
        {
            // The old buffer is the matches' made in it; the new one is clean from its start.
            _stepsDirty = 0;
        }

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
    private static int Append<T>(ref T[] buffer, ref int used, ref int generation, ReadOnlySpan<T> items)
    {
        if (used + items.Length > buffer.Length)
        {
            buffer = new T[Math.Max(buffer.Length * 2, items.Length)];
            used = 0;
            generation++;
        }

        int start = used;
        items.CopyTo(buffer.AsSpan(start));
        used += items.Length;
        return start;
    }

    /// <summary>A place in an arena (<see cref="Here"/>), to <see cref="Rewind"/> to.</summary>
    internal readonly record struct Mark(int PatternMatches, int SequenceMatches, int Captures, int CapturesGeneration, int Steps, int StepsGeneration, int PatternLists, int SequenceLists);
}
