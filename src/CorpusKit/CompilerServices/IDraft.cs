using System.ComponentModel;

namespace CorpusKit.CompilerServices;

/// <summary>
/// What a rule found, kept as the values of its entity until overlaps are resolved: the entity
/// itself (a record, and what it holds) is made only for a candidate that wins
/// (<see cref="OverlapResolver.Make{TDraft, TEntity}"/>).
/// </summary>
/// <typeparam name="TEntity">The entity type.</typeparam>
/// <remarks>For generated code: CorpusKit's generator emits a struct of this kind per entity type; it is not meant to be implemented by hand and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IDraft<out TEntity>
{
    /// <summary>Where the entity stands in the original text.</summary>
    TextSpan Span { get; }

    /// <summary>The entity of these values.</summary>
    TEntity ToEntity();
}
