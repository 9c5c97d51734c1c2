using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;

namespace CorpusKit.Tables;

/// <summary>
/// An entity type as a table, for sinks that write typed columns (a DuckDB database, Parquet
/// files): its name and its fields as columns, and the value of each for an entity. The generator
/// makes one per entity type (<c>PersonExtractor.Table</c>) and lists a corpus's in
/// <c>NewsDeskCorpus.Tables</c>; a sink adds the document, span and rule of each mention itself.
/// </summary>
/// <remarks>
/// Nothing is read by reflection: the values come from code the generator writes, so a sink works
/// under NativeAOT and trimming.
/// </remarks>
public abstract class EntityTable
{
    private protected EntityTable(string name, Type entityType, IReadOnlyList<EntityColumn> columns)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(columns);
        var names = new HashSet<string>(MentionColumns.Select(column => column.Name), StringComparer.OrdinalIgnoreCase);
        foreach (EntityColumn column in columns)
        {
            if (!names.Add(column.Name))
            {
                throw new ArgumentException($"Entity table '{name}' has two columns named '{column.Name}' (names are compared ignoring case, as SQL does, and {string.Join(", ", MentionColumns.Select(column => column.Name))} are the sinks').", nameof(columns));
            }
        }

        Name = name;
        EntityType = entityType;
        Columns = columns;
    }

    /// <summary>
    /// The columns a sink writes before the fields, for each mention: the document's id, where the
    /// span starts and ends in the original text (UTF-16 offsets, end exclusive), its text and the
    /// rule that found it. No field may take one of these names.
    /// </summary>
    public static IReadOnlyList<EntityColumn> MentionColumns { get; } =
    [
        new("document_id", ColumnKind.Text, IsList: false, IsOptional: false),
        new("span_start", ColumnKind.Integer, IsList: false, IsOptional: false),
        new("span_end", ColumnKind.Integer, IsList: false, IsOptional: false),
        new("span_text", ColumnKind.Text, IsList: false, IsOptional: false),
        new("rule", ColumnKind.Text, IsList: false, IsOptional: false),
    ];

    /// <summary>The name of the documents table every sink writes beside the entity types' tables.</summary>
    public const string DocumentsTable = "documents";

    /// <summary>The name of the mentions table every sink writes beside the entity types' tables.</summary>
    public const string MentionsTable = "mentions";

    /// <summary>
    /// For sinks: throws when two of <paramref name="tables"/>, or one of them and the documents or
    /// mentions table, would have the same name ignoring case (as SQL compares table names, and
    /// Windows and macOS file names).
    /// </summary>
    /// <exception cref="ArgumentException">Two names clash.</exception>
    public static void CheckNames(IReadOnlyList<EntityTable> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var names = new HashSet<string>([DocumentsTable, MentionsTable], StringComparer.OrdinalIgnoreCase);
        foreach (EntityTable table in tables)
        {
            if (!names.Add(table.Name))
            {
                throw new ArgumentException($"The table of entity type '{table.Name}' would have the name of another table (the {DocumentsTable} and {MentionsTable} tables included; names are compared ignoring case).", nameof(tables));
            }
        }
    }

    /// <summary>The entity type's name as the schema spells it: the table's name.</summary>
    public string Name { get; }

    /// <summary>The generated record type of the entities.</summary>
    public Type EntityType { get; }

    /// <summary>The entity's fields, in schema order.</summary>
    public IReadOnlyList<EntityColumn> Columns { get; }

    /// <summary>
    /// The value of column <paramref name="column"/> for <paramref name="entity"/>: a
    /// <see cref="string"/>, <see cref="int"/>, <see cref="decimal"/>, <see cref="bool"/> or
    /// <see cref="PartialDate"/> as <see cref="EntityColumn.Kind"/> says, an
    /// <see cref="IReadOnlyList{T}"/> of those for a list, or null for a missing value.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="entity"/> is not of <see cref="EntityType"/>.</exception>
    public abstract object? Value(IEntity entity, int column);

    /// <summary>For generated code: the keys of referenced entities, in order (null for a missing list).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static IReadOnlyList<string>? Keys<T>(IReadOnlyList<T>? entities)
        where T : IEntity
    {
        if (entities is null)
        {
            return null;
        }

        var keys = new string[entities.Count];
        for (int i = 0; i < keys.Length; i++)
        {
            keys[i] = entities[i].Key;
        }

        return keys;
    }
}

/// <summary>The table of entity type <typeparamref name="T"/> (see <see cref="EntityTable"/>).</summary>
/// <typeparam name="T">The generated entity record.</typeparam>
public sealed class EntityTable<T> : EntityTable
    where T : IEntity
{
    private readonly Func<T, int, object?> _value;

    /// <summary>For generated code: a table of <paramref name="columns"/> whose values <paramref name="value"/> reads.</summary>
    /// <param name="name">The entity type's name.</param>
    /// <param name="columns">Its fields as columns, in schema order; names distinct ignoring case.</param>
    /// <param name="value">The value of a column (by index) for an entity, as <see cref="EntityTable.Value"/> describes.</param>
    public EntityTable(string name, IReadOnlyList<EntityColumn> columns, Func<T, int, object?> value)
        : base(name, typeof(T), columns)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <inheritdoc />
    public override object? Value(IEntity entity, int column)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, Columns.Count);
        return entity is T typed
            ? _value(typed, column)
            : throw new ArgumentException($"The table of {Name} reads {typeof(T).Name} entities, not {entity?.GetType().Name ?? "null"}.", nameof(entity));
    }
}
