using System.Collections.Generic;
using System.ComponentModel;

namespace CorpusKit.CompilerServices;

/// <summary>
/// A document's lists of mentions, one per entity type, each in document order: what
/// <see cref="MentionOrder.Merge(IMentionLists)"/> reads, from the document itself, as it merges them.
/// </summary>
/// <remarks>For generated code: a generated document type implements it explicitly; it is not meant to be called by hand and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IMentionLists
{
    /// <summary>How many lists the document has (one per entity type).</summary>
    int MentionListCount { get; }

    /// <summary>The list at <paramref name="index"/>, in the order the document declares its types.</summary>
    IReadOnlyList<IEntity> MentionList(int index);
}
