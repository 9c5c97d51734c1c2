using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CorpusKit.Tables;

namespace CorpusKit.Parquet;

/// <summary>
/// A corpus run's results as Parquet files in one folder, one per table: <c>documents.parquet</c>,
/// <c>mentions.parquet</c> and <c>NAME.parquet</c> per entity type (<c>Person.parquet</c>), with
/// the columns <see cref="ITableSink"/> describes, to read with Spark, DuckDB
/// (<c>read_parquet('out/*.parquet')</c>), pandas or Arrow.
/// </summary>
/// <remarks>
/// <para>
/// Column types: <c>string</c>, an enum, a reference (the referenced entity's key) and a date (ISO
/// text: a partial date is no Parquet <c>DATE</c>) as <c>BYTE_ARRAY</c> UTF-8 strings, <c>int</c> as
/// <c>INT32</c>, <c>decimal</c> as <c>DECIMAL(38, 10)</c>, <c>bool</c> as <c>BOOLEAN</c>, a list as a
/// Parquet <c>LIST</c> of those; offsets as <c>INT32</c>, a document's UTF-8 length as <c>INT64</c>.
/// A field that is not optional is <c>REQUIRED</c>.
/// </para>
/// <para>
/// Rows are kept per table and written as a row group every <see cref="RowGroupRows"/> rows, so
/// memory stays bounded however long the run. Each file is written as <c>.NAME.GUID.tmp</c> in
/// the folder and renamed by <see cref="Complete"/>, replacing a file of that name; disposed before,
/// the sink deletes them. Parquet.Net's writer is asynchronous: the sink waits for it on the
/// calling thread (a runner's sink thread, where no synchronization context waits for it in turn).
/// </para>
/// </remarks>
public sealed class ParquetTableSink : ITableSink
{
    /// <summary>How many rows of a table a row group holds (the last one fewer).</summary>
    public const int RowGroupRows = 64 * 1024;

    private readonly string _folder;
    private readonly ParquetTable _documents;
    private readonly ParquetTable _mentions;
    private readonly Dictionary<Type, (EntityTable Table, ParquetTable File)> _tables = [];
    private readonly List<ParquetTable> _files = [];
    private readonly bool _madeFolder;
    private bool _completed;
    private bool _closed;

    /// <summary>Starts the files of <paramref name="tables"/> and the documents and mentions tables in <paramref name="folder"/> (made if missing).</summary>
    /// <param name="folder">The folder the files go into.</param>
    /// <param name="tables">The corpus's entity tables (<c>NewsDeskCorpus.Tables</c>).</param>
    /// <exception cref="ArgumentException">Two tables would have one file (names are compared ignoring case, as on Windows and macOS).</exception>
    public ParquetTableSink(string folder, IReadOnlyList<EntityTable> tables)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        EntityTable.CheckNames(tables);

        _folder = Path.GetFullPath(folder);
        _madeFolder = !Directory.Exists(_folder);
        Directory.CreateDirectory(_folder);
        try
        {
            _documents = Start(EntityTable.DocumentsTable,
            [
                new("document_id", ColumnKind.Text, false, false),
                new("extracted", ColumnKind.Boolean, false, false),
                new("problem", ColumnKind.Text, false, true),
                new("utf8_bytes", ColumnKind.Integer, false, true),
                new("mentions", ColumnKind.Integer, false, false),
            ],
            wideIntegers: ["utf8_bytes"]);
            _mentions = Start(EntityTable.MentionsTable,
            [
                new("document_id", ColumnKind.Text, false, false),
                new("entity_type", ColumnKind.Text, false, false),
                new("key", ColumnKind.Text, false, false),
                new("span_start", ColumnKind.Integer, false, false),
                new("span_end", ColumnKind.Integer, false, false),
                new("span_text", ColumnKind.Text, false, false),
                new("rule", ColumnKind.Text, false, false),
            ]);
            foreach (EntityTable table in tables)
            {
                _tables.Add(table.EntityType, (table, Start(table.Name, [.. EntityTable.MentionColumns, .. table.Columns])));
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The folder the files go into.</summary>
    public string Folder => _folder;

    /// <inheritdoc />
    public void Add(string documentId, IReadOnlyList<IEntity> mentions, long utf8Bytes)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        ArgumentNullException.ThrowIfNull(mentions);
        ObjectDisposedException.ThrowIf(_closed, this);

        // Every mention's table is known before any row is added: a document goes in whole or not at all.
        foreach (IEntity mention in mentions)
        {
            if (!_tables.ContainsKey(mention.GetType()))
            {
                throw new ArgumentException($"No table was given for entity type {mention.GetType().Name} ({mention.EntityType}).", nameof(mentions));
            }
        }

        foreach (IEntity mention in mentions)
        {
            (EntityTable table, ParquetTable file) = _tables[mention.GetType()];
            TextSpan span = mention.Span;
            _mentions.Add(documentId, mention.EntityType, mention.Key, span.Start, span.End, mention.Text, mention.Rule);
            file.Add(mention, table, documentId);
        }

        _documents.Add(documentId, true, null, utf8Bytes, mentions.Count);
    }

    /// <inheritdoc />
    public void AddSkipped(string documentId, string problem)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        ArgumentNullException.ThrowIfNull(problem);
        ObjectDisposedException.ThrowIf(_closed, this);
        _documents.Add(documentId, false, problem, null, 0);
    }

    /// <inheritdoc />
    public void Complete()
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        foreach (ParquetTable file in _files)
        {
            file.Finish();
        }

        _closed = true;
        foreach (ParquetTable file in _files)
        {
            file.Publish();
        }

        _completed = true;
    }

    /// <summary>Closes the files; unless <see cref="Complete"/> ran, deletes them, and the folder if the sink made it.</summary>
    public void Dispose()
    {
        _closed = true;
        if (_completed)
        {
            return;
        }

        foreach (ParquetTable file in _files)
        {
            file.Abandon();
        }

        _files.Clear();
        if (_madeFolder && Directory.Exists(_folder) && !Directory.EnumerateFileSystemEntries(_folder).Any())
        {
            Directory.Delete(_folder);
        }
    }

    private ParquetTable Start(string name, IReadOnlyList<EntityColumn> columns, IReadOnlyCollection<string>? wideIntegers = null)
    {
        var file = new ParquetTable(Path.Combine(_folder, name + ".parquet"), columns, wideIntegers ?? []);
        _files.Add(file);
        return file;
    }
}
