namespace CorpusKit.Matching;

/// <summary>Which way <c>nearest(…)</c> looks from an entity.</summary>
public enum NearestDirection
{
    /// <summary>Entities that end at or before the entity's start.</summary>
    Before,

    /// <summary>Entities that start at or after the entity's end.</summary>
    After,
}
