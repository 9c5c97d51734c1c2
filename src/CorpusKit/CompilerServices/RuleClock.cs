using System.ComponentModel;

namespace CorpusKit.CompilerServices;

/// <summary>
/// Where the rules of an entity type start: where the context's matches stood (each rule's matches
/// are let go when it has run, <see cref="ExtractionContext.NextRule"/>); and, for the rule being
/// timed, the <see cref="System.Diagnostics.Stopwatch"/> timestamp, how many candidates its type
/// had then, and how much time the context's profile had recorded by then (what is recorded while
/// the rule runs, a lexicon scan or another type's rules that it made run, is not its own time),
/// all zero when the context has no <see cref="ExtractionContext.Profile"/>
/// (<see cref="ExtractionContext.StartRule"/>).
/// </summary>
/// <remarks>For generated code: CorpusKit's generator emits the calls to this type; it is not meant to be called by hand and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct RuleClock
{
    /// <summary>Creates a clock started at <paramref name="started"/> with <paramref name="candidates"/> candidates so far and <paramref name="recorded"/> ticks recorded.</summary>
    public RuleClock(long started, int candidates, long recorded)
    {
        Started = started;
        Candidates = candidates;
        Recorded = recorded;
    }

    internal RuleClock(long started, int candidates, long recorded, MatchArena.Mark matches)
        : this(started, candidates, recorded)
    {
        Matches = matches;
        HasMatches = true;
    }

    /// <summary>Where the context's matches stood when the type's rules started.</summary>
    internal MatchArena.Mark Matches { get; }

    /// <summary>
    /// Whether <see cref="Matches"/> was taken (by <see cref="ExtractionContext.StartRule"/>): a clock
    /// made otherwise, or <c>default</c>, lets go of no match, not those of a rule still running.
    /// </summary>
    internal bool HasMatches { get; }

    /// <summary>The <see cref="System.Diagnostics.Stopwatch"/> timestamp the rule started at.</summary>
    public long Started { get; }

    /// <summary>How many candidates the rule's type had when it started.</summary>
    public int Candidates { get; }

    /// <summary>How many <see cref="System.Diagnostics.Stopwatch"/> ticks the context's profile had recorded when it started.</summary>
    public long Recorded { get; }
}
