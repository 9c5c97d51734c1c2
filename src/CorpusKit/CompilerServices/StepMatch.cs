using System.ComponentModel;

namespace CorpusKit.CompilerServices;

/// <summary>Where one step of a sequence matched, in normalized text.</summary>
/// <param name="Start">Index of the step's first char (after any proclitic).</param>
/// <param name="End">Index just past the step.</param>
/// <param name="Value">Entity steps: the entity's index in its input list. Terms steps: the form's value. Gap and words steps: the words. An optional step that was skipped: -1.</param>
/// <param name="Match">Regex steps: the match, for its groups.</param>
/// <remarks>For generated code: CorpusKit's generator emits the calls to this type; it is not meant to be called by hand and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly record struct StepMatch(int Start, int End, int Value, PatternMatch? Match)
{
    /// <summary>Whether the step is optional and was skipped (it matched nothing, where the step before it ended).</summary>
    public bool IsSkipped => Value < 0;
}
