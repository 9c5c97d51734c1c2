using System;
using System.ComponentModel;
using System.Linq;

namespace CorpusKit.CompilerServices;

/// <summary>
/// One step of a <c>sequence</c> rule. Generated extractors build their steps once, from data
/// the generator checked at build time (tries laid out, patterns validated).
/// </summary>
/// <remarks>For generated code: CorpusKit's generator emits the calls to this type; it is not meant to be called by hand and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class SequenceStep
{
    private SequenceStep(SequenceStepKind kind, int input, TermIndex? index, int dictionary, Pattern? pattern, int min, int max, WordScript script = WordScript.Any, string[]? prefixes = null, string[]? suffixes = null)
    {
        Script = script;
        Prefixes = prefixes;
        Suffixes = suffixes;
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

    /// <summary>For <see cref="SequenceStepKind.Terms"/>: the index that holds the forms; for <see cref="SequenceStepKind.Words"/>, the forms the words must not begin, if any.</summary>
    public TermIndex? Index { get; }

    /// <summary>For <see cref="SequenceStepKind.Terms"/>: the dictionary of <see cref="Index"/> whose forms the step matches.</summary>
    public int Dictionary { get; }

    /// <summary>For <see cref="SequenceStepKind.Regex"/>: the pattern; a step after the first begins with <c>\G</c> (where the step before it ended).</summary>
    public Pattern? Pattern { get; }

    /// <summary>Whether the sequence may go on without this step (tried with it first).</summary>
    public bool IsOptional { get; private init; }

    /// <summary>This step, made optional: the sequence tries it, and goes on without it when that fails.</summary>
    public SequenceStep Optional()
    {
        if (Kind == SequenceStepKind.Gap)
        {
            throw new InvalidOperationException("A gap of 0 words is already optional.");
        }

        return new SequenceStep(Kind, Input, Index, Dictionary, Pattern, Min, Max, Script, Prefixes, Suffixes) { IsOptional = true, Choices = Choices, MayBeginWithJoiner = MayBeginWithJoiner };
    }

    /// <summary>For <see cref="SequenceStepKind.Any"/>: the steps it may be, tried in order.</summary>
    public SequenceStep[]? Choices { get; private init; }

    /// <summary>
    /// A step that is the first of <paramref name="choices"/> through which the rest of the sequence
    /// matches, tried in order; <see cref="StepMatch.Value"/> is the chosen step's value.
    /// </summary>
    /// <param name="choices">Entity, terms, regex or words steps (not gaps, not alternatives), at least two.</param>
    public static SequenceStep Any(params SequenceStep[] choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        if (choices.Length < 2 || choices.Any(c => c is null || c.Kind is SequenceStepKind.Gap or SequenceStepKind.Any || c.IsOptional))
        {
            throw new ArgumentException("Give two or more entity, terms, regex or words steps, none of them optional.", nameof(choices));
        }

        return new SequenceStep(SequenceStepKind.Any, -1, null, -1, null, 0, 0) { Choices = [.. choices] };
    }

    /// <summary>For <see cref="SequenceStepKind.Words"/>: the script of every word.</summary>
    public WordScript Script { get; }

    /// <summary>For <see cref="SequenceStepKind.Words"/>: one of these begins every word (normalized), or null for any word.</summary>
    public string[]? Prefixes { get; }

    /// <summary>For <see cref="SequenceStepKind.Words"/>: one of these ends every word (normalized), or null for any word.</summary>
    public string[]? Suffixes { get; }

    /// <summary>The fewest chars a word keeps besides the affixes a words step asks of it (الي is no nisba of a stem).</summary>
    public const int MinStemLength = 2;

    /// <summary>For <see cref="SequenceStepKind.Gap"/>: the fewest words skipped; for <see cref="SequenceStepKind.Words"/>, the fewest taken.</summary>
    public int Min { get; }

    /// <summary>For <see cref="SequenceStepKind.Gap"/>: the most words skipped; for <see cref="SequenceStepKind.Words"/>, the most taken.</summary>
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
    public static SequenceStep Regex(Pattern pattern) => Regex(pattern, mayBeginWithJoiner: true);

    /// <summary>
    /// A step that matches <paramref name="pattern"/>, after the joiners that follow the step before
    /// it (white space, a comma, a colon, a dash) and, when <paramref name="mayBeginWithJoiner"/>, also
    /// before them (a pattern such as <c>:\s*«</c> takes a joiner itself). The generator passes false
    /// where no match of the pattern can begin with a joiner, so a failed step is not run twice.
    /// </summary>
    public static SequenceStep Regex(Pattern pattern, bool mayBeginWithJoiner)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return new SequenceStep(SequenceStepKind.Regex, -1, null, -1, pattern, 0, 0) { MayBeginWithJoiner = mayBeginWithJoiner };
    }

    /// <summary>For <see cref="SequenceStepKind.Regex"/>: whether a match may begin with a joiner, so the step is tried before the joiners too.</summary>
    public bool MayBeginWithJoiner { get; private init; }

    /// <summary>The most words a <see cref="SequenceStepKind.Words"/> step takes.</summary>
    public const int MaxWords = 8;

    /// <summary>
    /// A step that takes <paramref name="min"/> to <paramref name="max"/> whole words in a row (most
    /// first), each made of <paramref name="script"/>'s chars and separated by spaces only; a word
    /// where a form of dictionary <paramref name="notDictionary"/> of <paramref name="notIndex"/>
    /// begins (after proclitics, covering the word) is not taken.
    /// </summary>
    /// <param name="min">The fewest words, at least 1.</param>
    /// <param name="max">The most words, at most <see cref="MaxWords"/>.</param>
    /// <param name="script">The chars of every word.</param>
    /// <param name="notIndex">The index of the forms the words must not begin, or null.</param>
    /// <param name="notDictionary">The dictionary of <paramref name="notIndex"/>; ignored without it.</param>
    /// <param name="prefixes">
    /// One of these must begin every word (the article ال), or null; with <paramref name="suffixes"/>,
    /// a word keeps at least <see cref="MinStemLength"/> chars besides them.
    /// </param>
    /// <param name="suffixes">One of these must end every word (a nisba ending ي, ية), or null.</param>
    public static SequenceStep Words(int min, int max, WordScript script, TermIndex? notIndex = null, int notDictionary = 0, string[]? prefixes = null, string[]? suffixes = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(min, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, min);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(max, MaxWords);
        if (notIndex is not null)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(notDictionary);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(notDictionary, notIndex.DictionaryCount);
        }

        if (prefixes is { Length: 0 } || suffixes is { Length: 0 } || prefixes?.Any(string.IsNullOrEmpty) == true || suffixes?.Any(string.IsNullOrEmpty) == true)
        {
            throw new ArgumentException("Give at least one affix, none of them empty, or null for none.", prefixes is { Length: 0 } ? nameof(prefixes) : nameof(suffixes));
        }

        return new SequenceStep(SequenceStepKind.Words, -1, notIndex, notIndex is null ? -1 : notDictionary, null, min, max, script, prefixes, suffixes);
    }

    /// <summary>A step that skips <paramref name="min"/> to <paramref name="max"/> words.</summary>
    public static SequenceStep Gap(int min, int max)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(min);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, min);
        return new SequenceStep(SequenceStepKind.Gap, -1, null, -1, null, min, max);
    }
}
