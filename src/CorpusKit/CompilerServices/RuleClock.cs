using System.ComponentModel;

namespace CorpusKit.CompilerServices;

/// <summary>
/// Where the rule being timed started: the <see cref="System.Diagnostics.Stopwatch"/> timestamp and
/// how many candidates its type had then (<see cref="ExtractionContext.StartRule"/>); default when
/// the context has no <see cref="ExtractionContext.Profile"/>.
/// </summary>
/// <remarks>For generated code: CorpusKit's generator emits the calls to this type; it is not meant to be called by hand and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct RuleClock
{
    /// <summary>Creates a clock started at <paramref name="started"/> with <paramref name="candidates"/> candidates so far.</summary>
    public RuleClock(long started, int candidates)
    {
        Started = started;
        Candidates = candidates;
    }

    /// <summary>The <see cref="System.Diagnostics.Stopwatch"/> timestamp the rule started at.</summary>
    public long Started { get; }

    /// <summary>How many candidates the rule's type had when it started.</summary>
    public int Candidates { get; }
}
