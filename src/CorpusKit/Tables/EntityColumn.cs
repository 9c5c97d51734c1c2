namespace CorpusKit.Tables;

/// <summary>One field of an entity type as a column of its table.</summary>
/// <param name="Name">The field's name as the schema writes it (and JSON).</param>
/// <param name="Kind">What each value is: see <see cref="EntityTable.Value"/> for the .NET type.</param>
/// <param name="IsList">Whether a value is a list of such values (<c>int[]</c>, <c>Person[]</c>).</param>
/// <param name="IsOptional">Whether a value may be missing (null).</param>
public sealed record EntityColumn(string Name, ColumnKind Kind, bool IsList, bool IsOptional);
