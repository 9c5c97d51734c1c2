using System.ComponentModel;

namespace CorpusKit.CompilerServices;

/// <summary>How far <c>nearest(…)</c> looks: the entity's sentence or its paragraph.</summary>
/// <remarks>For generated code: CorpusKit's generator emits the calls to this type; it is not meant to be called by hand and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum TextScope
{
    /// <summary>Up to the sentence ends around the entity: <c>. ! ? ؟ …</c> or a line break.</summary>
    Sentence,

    /// <summary>Up to the line breaks around the entity.</summary>
    Paragraph,

    /// <summary>The whole document: the speaker of a quote may be named paragraphs before it.</summary>
    Document,
}
