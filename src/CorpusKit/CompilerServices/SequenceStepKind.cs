using System.ComponentModel;

namespace CorpusKit.CompilerServices;

/// <summary>What one step of a <c>sequence</c> rule matches.</summary>
/// <remarks>For generated code: CorpusKit's generator emits the calls to this type; it is not meant to be called by hand and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
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

    /// <summary>
    /// Between a minimum and a maximum number of whole words in a row, most first, each of one
    /// script and none beginning a form of a dictionary it must not take.
    /// </summary>
    Words,

    /// <summary>One of several steps (not gaps): the first in order through which the sequence matches.</summary>
    Any,
}
