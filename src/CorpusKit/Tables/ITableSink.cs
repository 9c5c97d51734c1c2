using System;
using System.Collections.Generic;

namespace CorpusKit.Tables;

/// <summary>
/// Where a corpus run's results go as tables: a documents table (one row per document, extracted
/// or skipped), a mentions table (one row per mention of any type) and a table per entity type with
/// its typed fields (<see cref="EntityTable"/>). A sink writes under a temporary name and gives its
/// output its name only in <see cref="Complete"/>: a run that stops before leaves no half file.
/// </summary>
/// <remarks>Calls come from one thread at a time, in document order (a runner's sink callback).</remarks>
public interface ITableSink : IDisposable
{
    /// <summary>Adds an extracted document and its mentions (any entity types, in document order).</summary>
    /// <param name="documentId">The document's id (a file name, a JSON Lines id).</param>
    /// <param name="mentions">Its mentions; each type must be one of the sink's tables.</param>
    /// <param name="utf8Bytes">The document's length in UTF-8 bytes.</param>
    void Add(string documentId, IReadOnlyList<IEntity> mentions, long utf8Bytes);

    /// <summary>Adds a document that could not be read or extracted, and why.</summary>
    void AddSkipped(string documentId, string problem);

    /// <summary>Finishes the output and gives it its name; nothing may be added after.</summary>
    void Complete();
}
