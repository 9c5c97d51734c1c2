using System;

namespace CorpusKit.Matching;

/// <summary>What one step of a <c>sequence</c> rule matches.</summary>
public enum SequenceStepKind
{
    /// <summary>An entity found by another extractor.</summary>
    Entity,

    /// <summary>A form of a dictionary, as a whole word (proclitics allowed under <c>arabic</c>).</summary>
    Terms,

    /// <summary>A regex, anchored where the step begins.</summary>
    Regex,

    /// <summary>Between a minimum and a maximum number of words, fewest first.</summary>
    Gap,
}

/// <summary>
/// One step of a <c>sequence</c> rule. Generated extractors build their steps once, from data
/// the generator checked at build time (tries laid out, patterns validated).
/// </summary>
public sealed class SequenceStep
{
    private SequenceStep(SequenceStepKind kind, int input, TermIndex? index, int dictionary, Pattern? pattern, int min, int max)
    {
        Kind = kind;
        Input = input;
        Index = index;
        Dictionary = dictionary;
        Pattern = pattern;
        Min = min;
        Max = max;
    }

    /// <summary>What the step matches.</summary>
    public SequenceStepKind Kind { get; }

    /// <summary>For <see cref="SequenceStepKind.Entity"/>: the index of the entity list among the inputs.</summary>
    public int Input { get; }

    /// <summary>For <see cref="SequenceStepKind.Terms"/>: the index that holds the forms.</summary>
    public TermIndex? Index { get; }

    /// <summary>For <see cref="SequenceStepKind.Terms"/>: the dictionary of <see cref="Index"/> whose forms the step matches.</summary>
    public int Dictionary { get; }

    /// <summary>For <see cref="SequenceStepKind.Regex"/>: the pattern; a step after the first begins with <c>\G</c> (where the step before it ended).</summary>
    public Pattern? Pattern { get; }

    /// <summary>For <see cref="SequenceStepKind.Gap"/>: the fewest words skipped.</summary>
    public int Min { get; }

    /// <summary>For <see cref="SequenceStepKind.Gap"/>: the most words skipped.</summary>
    public int Max { get; }

    /// <summary>A step that matches an entity of the input list <paramref name="input"/>.</summary>
    public static SequenceStep Entity(int input)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(input);
        return new SequenceStep(SequenceStepKind.Entity, input, null, -1, null, 0, 0);
    }

    /// <summary>A step that matches a form of <paramref name="trie"/>.</summary>
    public static SequenceStep Terms(TermTrie trie)
    {
        ArgumentNullException.ThrowIfNull(trie);
        return Terms(TermIndex.Of(trie), 0);
    }

    /// <summary>A step that matches a form of dictionary <paramref name="dictionary"/> of <paramref name="index"/>.</summary>
    public static SequenceStep Terms(TermIndex index, int dictionary)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentOutOfRangeException.ThrowIfNegative(dictionary);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(dictionary, index.DictionaryCount);
        return new SequenceStep(SequenceStepKind.Terms, -1, index, dictionary, null, 0, 0);
    }

    /// <summary>A step that matches <paramref name="pattern"/>.</summary>
    public static SequenceStep Regex(Pattern pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return new SequenceStep(SequenceStepKind.Regex, -1, null, -1, pattern, 0, 0);
    }

    /// <summary>A step that skips <paramref name="min"/> to <paramref name="max"/> words.</summary>
    public static SequenceStep Gap(int min, int max)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(min);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, min);
        return new SequenceStep(SequenceStepKind.Gap, -1, null, -1, null, min, max);
    }
}

/// <summary>Where one step of a sequence matched, in normalized text.</summary>
/// <param name="Start">Index of the step's first char (after any proclitic).</param>
/// <param name="End">Index just past the step.</param>
/// <param name="Value">Entity steps: the entity's index in its input list. Terms steps: the form's value.</param>
/// <param name="Match">Regex steps: the match, for its groups.</param>
public readonly record struct StepMatch(int Start, int End, int Value, PatternMatch? Match);

/// <summary>One match of a whole sequence: its range in normalized text and each step's match.</summary>
/// <remarks>
/// Like a rule's <see cref="PatternMatch"/>, it is the extraction's: once the extraction ends it is
/// made again into a match of the thread's next document, so it must not be kept past it.
/// </remarks>
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
