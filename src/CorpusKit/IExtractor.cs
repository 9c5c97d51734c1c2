using System.Collections.Generic;

namespace CorpusKit;

/// <summary>Finds the entities of one type; every generated extractor implements it.</summary>
/// <typeparam name="T">The entity type.</typeparam>
public interface IExtractor<T>
    where T : IEntity
{
    /// <summary>Finds the entities in the context's text, in document order, overlaps resolved.</summary>
    IReadOnlyList<T> Extract(ExtractionContext context);
}
