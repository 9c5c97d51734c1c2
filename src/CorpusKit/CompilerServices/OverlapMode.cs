using System.ComponentModel;

namespace CorpusKit.CompilerServices;

/// <summary>What an extractor keeps when matches of one entity type overlap: the <c>overlap:</c> setting.</summary>
/// <remarks>For generated code: CorpusKit's generator emits the calls to this type; it is not meant to be called by hand and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum OverlapMode
{
    /// <summary>The longest match wins; on equal length the earlier rule, then the leftmost match.</summary>
    Longest = 0,

    /// <summary>The earlier rule wins; within a rule the leftmost, then the longest match.</summary>
    First = 1,

    /// <summary>Every match is kept.</summary>
    All = 2,
}
