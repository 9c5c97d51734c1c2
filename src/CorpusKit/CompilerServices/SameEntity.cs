using System.ComponentModel;

namespace CorpusKit.CompilerServices;

/// <summary>How a document list decides that two mentions name the same entity.</summary>
/// <remarks>For generated code: CorpusKit's generator emits the calls to this type; it is not meant to be called by hand and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum SameEntity
{
    /// <summary>Equal keys.</summary>
    Key,

    /// <summary>
    /// Equal keys, or one key's words (normalized) are a run of the other's: <c>لافروف</c> and
    /// <c>سيرغي لافروف</c>; a quote and the longer quote it was cut from.
    /// </summary>
    Contained,
}
