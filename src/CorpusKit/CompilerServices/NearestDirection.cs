using System.ComponentModel;

namespace CorpusKit.CompilerServices;

/// <summary>Which way <c>nearest(…)</c> looks from an entity.</summary>
/// <remarks>For generated code: CorpusKit's generator emits the calls to this type; it is not meant to be called by hand and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum NearestDirection
{
    /// <summary>Entities that end at or before the entity's start.</summary>
    Before,

    /// <summary>Entities that start at or after the entity's end.</summary>
    After,
}
