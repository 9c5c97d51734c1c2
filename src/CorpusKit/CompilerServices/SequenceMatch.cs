using System;
using System.ComponentModel;

namespace CorpusKit.CompilerServices;

/// <summary>One match of a whole sequence: its range in normalized text and each step's match.</summary>
/// <remarks>
/// <para>For generated code: CorpusKit's generator emits the calls to this type; it is not meant to be called by hand and may change in any release.</para>
/// Like a rule's <see cref="PatternMatch"/>, it is the extraction's: once the extraction ends it is
/// made again into a match of the thread's next document, so it must not be kept past it.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class SequenceMatch
{
    // The steps: the first _count of _steps from _first (a buffer of the extraction's).
    private StepMatch[] _steps = [];
    private int _first;
    private int _count;

    internal SequenceMatch()
    {
    }

    /// <summary>Index of the first step's first char.</summary>
    public int Start { get; private set; }

    /// <summary>Index just past the last step.</summary>
    public int End { get; private set; }

    /// <summary>One entry per step, in step order.</summary>
    public ReadOnlySpan<StepMatch> Steps => _steps.AsSpan(_first, _count);

    /// <summary>Makes this (spent) match into another, whose steps are the <paramref name="count"/> from <paramref name="first"/> of <paramref name="steps"/>.</summary>
    internal void Reset(int start, int end, StepMatch[] steps, int first, int count)
    {
        Start = start;
        End = end;
        _steps = steps;
        _first = first;
        _count = count;
    }

    /// <inheritdoc />
    public override string ToString() => $"[{Start}..{End}) in {_count} steps";
}
