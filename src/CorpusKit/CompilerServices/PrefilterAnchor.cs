using System.ComponentModel;

namespace CorpusKit.CompilerServices;

/// <summary>Where every match of a pattern must begin, besides its first chars.</summary>
/// <remarks>For generated code: CorpusKit's generator emits the calls to this type; it is not meant to be called by hand and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum PrefilterAnchor
{
    /// <summary>Anywhere.</summary>
    None,

    /// <summary>At the start of the text only (<c>^</c>, <c>\A</c>).</summary>
    TextStart,

    /// <summary>At the start of a line (<c>(?m)^</c>).</summary>
    LineStart,
}
