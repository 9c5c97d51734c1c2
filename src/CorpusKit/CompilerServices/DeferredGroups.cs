using System.Collections;
using System.Collections.Generic;
using System.Threading;
using CorpusKit.Documents;

namespace CorpusKit.CompilerServices;

/// <summary>
/// A document's groups of one entity type, formed from its mentions at the first read: see
/// <see cref="EntityGroups.Defer{T}"/>.
/// </summary>
/// <typeparam name="T">The entity type.</typeparam>
internal sealed class DeferredGroups<T>(IReadOnlyList<T> mentions, SameEntity same, TextNormalization normalization) : IReadOnlyList<EntityGroup<T>>
    where T : IEntity
{
    private EntityGroup<T>[]? _groups;

    /// <summary>Whether the groups have been formed (for tests: a document that was only counted has not).</summary>
    internal bool IsFormed => Volatile.Read(ref _groups) is not null;

    /// <inheritdoc />
    public int Count => Groups.Length;

    /// <inheritdoc />
    public EntityGroup<T> this[int index] => Groups[index];

    private EntityGroup<T>[] Groups => Volatile.Read(ref _groups) ?? Form();

    /// <inheritdoc />
    public IEnumerator<EntityGroup<T>> GetEnumerator() => ((IEnumerable<EntityGroup<T>>)Groups).GetEnumerator();

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private EntityGroup<T>[] Form()
    {
        EntityGroup<T>[] formed = EntityGroups.Collect(mentions, same, normalization, EntityGroups.IndexedGroups);
        return Interlocked.CompareExchange(ref _groups, formed, null) ?? formed;
    }
}
