using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using CorpusKit.Tables;
using DuckDB.NET.Data;

namespace CorpusKit.DuckDB;

/// <summary>
/// A corpus run's results in one embedded DuckDB database file, to query with SQL: a
/// <c>documents</c> table, a <c>mentions</c> table and a table per entity type with its typed
/// fields (see <see cref="ITableSink"/> for what each holds).
/// </summary>
/// <remarks>
/// <para>
/// The tables, and their SQL types:
/// </para>
/// <list type="bullet">
/// <item><c>documents</c>: <c>document_id VARCHAR</c>, <c>extracted BOOLEAN</c>, <c>problem VARCHAR</c>
/// (why a skipped document was skipped), <c>utf8_bytes BIGINT</c>, <c>mentions INTEGER</c>.</item>
/// <item><c>mentions</c>: <c>document_id</c>, <c>entity_type</c>, <c>key</c>, <c>span_start</c>,
/// <c>span_end</c> (UTF-16 offsets into the original text, end exclusive), <c>span_text</c>, <c>rule</c>.</item>
/// <item>one per entity type, named as the schema names it (<c>"Person"</c>): the mention columns
/// <c>document_id</c>, <c>span_start</c>, <c>span_end</c>, <c>span_text</c>, <c>rule</c>, then each
/// field: <c>string</c>, an enum and a reference (the referenced entity's key) as <c>VARCHAR</c>,
/// <c>int</c> as <c>INTEGER</c>, <c>decimal</c> as <c>DECIMAL(38, 10)</c>, <c>bool</c> as
/// <c>BOOLEAN</c>, a date as <c>VARCHAR</c> in ISO form (a partial date such as <c>2024-05</c> or
/// <c>--02-10</c> is no SQL <c>DATE</c>), a list as a DuckDB list of those (<c>INTEGER[]</c>). A
/// field that is not optional is <c>NOT NULL</c>.</item>
/// </list>
/// <para>
/// The database is written as <c>.NAME.GUID.tmp</c> beside <c>NAME</c> and moved to its name by
/// <see cref="Complete"/>, replacing any file there; disposed before, the sink deletes it. Rows go
/// in through DuckDB's appenders, one per table, kept open for the run.
/// </para>
/// </remarks>
public sealed class DuckDBTableSink : ITableSink
{
    private readonly string _path;
    private readonly string _temporary;
    private readonly DuckDBConnection _connection;
    private readonly List<DuckDBAppender> _appenders = [];
    private readonly DuckDBAppender _documents;
    private readonly DuckDBAppender _mentions;
    private readonly Dictionary<Type, (EntityTable Table, DuckDBAppender Appender)> _tables = [];
    private bool _completed;
    private bool _closed;

    /// <summary>Starts a database that will be <paramref name="path"/>, with a table for each of <paramref name="tables"/>.</summary>
    /// <param name="path">The database file to write (its folder is made if missing; a file there is replaced on <see cref="Complete"/>).</param>
    /// <param name="tables">The corpus's entity tables (<c>NewsDeskCorpus.Tables</c>).</param>
    /// <exception cref="ArgumentException">Two tables share a name, or one is named as the documents or mentions table (names are compared ignoring case, as SQL does).</exception>
    public DuckDBTableSink(string path, IReadOnlyList<EntityTable> tables)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        EntityTable.CheckNames(tables);

        _path = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(_path)!;
        Directory.CreateDirectory(folder);
        _temporary = Path.Combine(folder, $".{Path.GetFileName(_path)}.{Guid.NewGuid():N}.tmp");
        _connection = new DuckDBConnection(new DuckDBConnectionStringBuilder { DataSource = _temporary }.ConnectionString);
        try
        {
            _connection.Open();
            Execute($"CREATE TABLE {EntityTable.DocumentsTable} (document_id VARCHAR NOT NULL, extracted BOOLEAN NOT NULL, problem VARCHAR, utf8_bytes BIGINT, mentions INTEGER NOT NULL)");
            Execute($"CREATE TABLE {EntityTable.MentionsTable} (document_id VARCHAR NOT NULL, entity_type VARCHAR NOT NULL, key VARCHAR NOT NULL, span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, span_text VARCHAR NOT NULL, rule VARCHAR NOT NULL)");
            foreach (EntityTable table in tables)
            {
                Execute(CreateTable(table));
            }

            _documents = Appender(EntityTable.DocumentsTable);
            _mentions = Appender(EntityTable.MentionsTable);
            foreach (EntityTable table in tables)
            {
                _tables.Add(table.EntityType, (table, Appender(table.Name)));
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The database file the sink writes, once <see cref="Complete"/> has run.</summary>
    public string OutputPath => _path;

    /// <inheritdoc />
    public void Add(string documentId, IReadOnlyList<IEntity> mentions, long utf8Bytes)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        ArgumentNullException.ThrowIfNull(mentions);
        ObjectDisposedException.ThrowIf(_closed, this);
        foreach (IEntity mention in mentions)
        {
            if (!_tables.TryGetValue(mention.GetType(), out (EntityTable Table, DuckDBAppender Appender) entry))
            {
                throw new ArgumentException($"No table was given for entity type {mention.GetType().Name} ({mention.EntityType}).", nameof(mentions));
            }

            TextSpan span = mention.Span;
            _mentions.CreateRow()
                .AppendValue(documentId)
                .AppendValue(mention.EntityType)
                .AppendValue(mention.Key)
                .AppendValue((int?)span.Start)
                .AppendValue((int?)span.End)
                .AppendValue(mention.Text)
                .AppendValue(mention.Rule)
                .EndRow();
            IDuckDBAppenderRow row = entry.Appender.CreateRow()
                .AppendValue(documentId)
                .AppendValue((int?)span.Start)
                .AppendValue((int?)span.End)
                .AppendValue(mention.Text)
                .AppendValue(mention.Rule);
            IReadOnlyList<EntityColumn> columns = entry.Table.Columns;
            for (int column = 0; column < columns.Count; column++)
            {
                row = Append(row, columns[column], entry.Table.Value(mention, column));
            }

            row.EndRow();
        }

        _documents.CreateRow()
            .AppendValue(documentId)
            .AppendValue((bool?)true)
            .AppendNullValue()
            .AppendValue((long?)utf8Bytes)
            .AppendValue((int?)mentions.Count)
            .EndRow();
    }

    /// <inheritdoc />
    public void AddSkipped(string documentId, string problem)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        ArgumentNullException.ThrowIfNull(problem);
        ObjectDisposedException.ThrowIf(_closed, this);
        _documents.CreateRow()
            .AppendValue(documentId)
            .AppendValue((bool?)false)
            .AppendValue(problem)
            .AppendNullValue()
            .AppendValue((int?)0)
            .EndRow();
    }

    /// <inheritdoc />
    public void Complete()
    {
        ObjectDisposedException.ThrowIf(_closed, this);

        // Closing the appenders writes their last rows; closing the connection checkpoints the
        // database into its one file (no write-ahead log is left beside it).
        Close();
        File.Move(_temporary, _path, overwrite: true);
        _completed = true;
    }

    /// <summary>Closes the database; unless <see cref="Complete"/> ran, deletes what was written.</summary>
    public void Dispose()
    {
        Close();
        if (!_completed)
        {
            File.Delete(_temporary);
            File.Delete(_temporary + ".wal");
        }
    }

    private void Close()
    {
        if (_closed)
        {
            return;
        }

        _closed = true;
        try
        {
            foreach (DuckDBAppender appender in _appenders)
            {
                appender.Dispose();
            }
        }
        finally
        {
            _connection.Dispose();
        }
    }

    private DuckDBAppender Appender(string table)
    {
        DuckDBAppender appender = _connection.CreateAppender(table);
        _appenders.Add(appender);
        return appender;
    }

    private void Execute(string sql)
    {
        using DuckDBCommand command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>The table of an entity type: the mention columns, then its fields with their SQL types.</summary>
    internal static string CreateTable(EntityTable table)
        => $"CREATE TABLE {Quoted(table.Name)} ({string.Join(", ", EntityTable.MentionColumns.Concat(table.Columns).Select(column => $"{Quoted(column.Name)} {SqlType(column)}{(column.IsOptional ? string.Empty : " NOT NULL")}"))})";

    /// <summary>The SQL type of a column (see the class remarks).</summary>
    internal static string SqlType(EntityColumn column)
    {
        string type = column.Kind switch
        {
            ColumnKind.Integer => "INTEGER",
            ColumnKind.Decimal => "DECIMAL(38, 10)",
            ColumnKind.Boolean => "BOOLEAN",
            _ => "VARCHAR",
        };
        return column.IsList ? type + "[]" : type;
    }

    private static string Quoted(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static IDuckDBAppenderRow Append(IDuckDBAppenderRow row, EntityColumn column, object? value)
    {
        if (value is null)
        {
            return row.AppendNullValue();
        }

        if (column.IsList)
        {
            return column.Kind switch
            {
                ColumnKind.Integer => row.AppendValue((IReadOnlyList<int>)value),
                ColumnKind.Decimal => row.AppendValue((IReadOnlyList<decimal>)value),
                ColumnKind.Boolean => row.AppendValue((IReadOnlyList<bool>)value),
                ColumnKind.Date => row.AppendValue(DateTexts((IReadOnlyList<PartialDate>)value)),
                _ => row.AppendValue((IReadOnlyList<string>)value),
            };
        }

        return column.Kind switch
        {
            ColumnKind.Integer => row.AppendValue((int?)(int)value),
            ColumnKind.Decimal => row.AppendValue((decimal?)(decimal)value),
            ColumnKind.Boolean => row.AppendValue((bool?)(bool)value),
            ColumnKind.Date => row.AppendValue(((PartialDate)value).ToString()),
            _ => row.AppendValue((string)value),
        };
    }

    private static string[] DateTexts(IReadOnlyList<PartialDate> dates)
    {
        var texts = new string[dates.Count];
        for (int i = 0; i < texts.Length; i++)
        {
            texts[i] = dates[i].ToString();
        }

        return texts;
    }
}
