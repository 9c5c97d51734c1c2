namespace CorpusKit.Matching;

/// <summary>How far <c>nearest(…)</c> looks: the entity's sentence or its paragraph.</summary>
public enum TextScope
{
    /// <summary>Up to the sentence ends around the entity: <c>. ! ? ؟ …</c> or a line break.</summary>
    Sentence,

    /// <summary>Up to the line breaks around the entity.</summary>
    Paragraph,

    /// <summary>The whole document: the speaker of a quote may be named paragraphs before it.</summary>
    Document,
}
