using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using CorpusKit.Tables;
using Parquet;
using Parquet.Schema;

namespace CorpusKit.Parquet;

/// <summary>
/// One table of a <see cref="ParquetTableSink"/>: its file, written under a temporary name, and
/// the rows of the row group being gathered, a buffer per column.
/// </summary>
internal sealed class ParquetTable
{
    private readonly string _path;
    private readonly string _temporary;
    private readonly ColumnBuffer[] _columns;
    private FileStream? _stream;
    private ParquetWriter? _writer;
    private int _rows;

    /// <summary>Creates the temporary file and its schema.</summary>
    /// <param name="path">The file it will be.</param>
    /// <param name="columns">Its columns, in order.</param>
    /// <param name="wideIntegers">Integer columns written as 64-bit (a document's bytes).</param>
    public ParquetTable(string path, IReadOnlyList<EntityColumn> columns, IReadOnlyCollection<string> wideIntegers)
    {
        _path = path;
        _temporary = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        _columns = [.. columns.Select(column => ColumnBuffer.For(column, wideIntegers.Contains(column.Name)))];
        var schema = new ParquetSchema(_columns.Select(column => column.Field));
        _stream = new FileStream(_temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        _writer = Wait(ParquetWriter.CreateAsync(schema, _stream));
    }

    /// <summary>Adds a row of the documents or mentions table, its values in column order.</summary>
    public void Add(params object?[] values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            _columns[i].Add(values[i]);
        }

        EndRow();
    }

    /// <summary>Adds a mention's row of its entity type's table: the mention columns (<see cref="EntityTable.MentionColumns"/>), then its fields.</summary>
    public void Add(IEntity mention, EntityTable table, string documentId)
    {
        TextSpan span = mention.Span;
        _columns[0].Add(documentId);
        _columns[1].Add(span.Start);
        _columns[2].Add(span.End);
        _columns[3].Add(mention.Text);
        _columns[4].Add(mention.Rule);
        int fields = EntityTable.MentionColumns.Count;
        for (int column = 0; column < table.Columns.Count; column++)
        {
            _columns[fields + column].Add(table.Value(mention, column));
        }

        EndRow();
    }

    /// <summary>Writes the last row group and the file's footer, and closes it.</summary>
    public void Finish()
    {
        Flush();
        Wait(_writer!.DisposeAsync().AsTask());
        _writer = null;
        _stream!.Dispose();
        _stream = null;
    }

    /// <summary>Gives the finished file its name.</summary>
    public void Publish() => File.Move(_temporary, _path, overwrite: true);

    /// <summary>Closes the file, if open, and deletes it.</summary>
    public void Abandon()
    {
        try
        {
            if (_writer is not null)
            {
                Wait(_writer.DisposeAsync().AsTask());
            }
        }
        catch (Exception exception) when (exception is IOException or InvalidOperationException)
        {
            // A file being given up may be unfinished (a row group half written): it is deleted below.
        }
        finally
        {
            _writer = null;
            _stream?.Dispose();
            _stream = null;
            File.Delete(_temporary);
        }
    }

    private void EndRow()
    {
        if (++_rows == ParquetTableSink.RowGroupRows)
        {
            Flush();
        }
    }

    private void Flush()
    {
        if (_rows == 0)
        {
            return;
        }

        using (ParquetRowGroupWriter group = _writer!.CreateRowGroup())
        {
            foreach (ColumnBuffer column in _columns)
            {
                Wait(column.Write(group));
                column.Clear();
            }
        }

        _rows = 0;
    }

    private static void Wait(Task task) => task.GetAwaiter().GetResult();

    private static T Wait<T>(Task<T> task) => task.GetAwaiter().GetResult();

    /// <summary>A column's values in the row group being gathered, and how they are written.</summary>
    private abstract class ColumnBuffer
    {
        /// <summary>The column in the file's schema.</summary>
        public abstract Field Field { get; }

        public static ColumnBuffer For(EntityColumn column, bool wide)
        {
            if (column.IsList)
            {
                return column.Kind switch
                {
                    ColumnKind.Integer => new ListBuffer<int>(column, new DataField<int>("element")),
                    ColumnKind.Decimal => new ListBuffer<decimal>(column, new DecimalDataField("element", 38, 10)),
                    ColumnKind.Boolean => new ListBuffer<bool>(column, new DataField<bool>("element")),
                    ColumnKind.Date => new TextListBuffer(column, static date => ((PartialDate)date!).ToString()),
                    _ => new TextListBuffer(column, static text => (string)text!),
                };
            }

            return column.Kind switch
            {
                ColumnKind.Integer when wide => new ValueBuffer<long>(new DataField(column.Name, typeof(long), column.IsOptional), column.IsOptional, static value => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)),
                ColumnKind.Integer => new ValueBuffer<int>(new DataField(column.Name, typeof(int), column.IsOptional), column.IsOptional),
                ColumnKind.Decimal => new ValueBuffer<decimal>(new DecimalDataField(column.Name, 38, 10, isNullable: column.IsOptional), column.IsOptional),
                ColumnKind.Boolean => new ValueBuffer<bool>(new DataField(column.Name, typeof(bool), column.IsOptional), column.IsOptional),
                ColumnKind.Date => new TextBuffer(column, static date => ((PartialDate)date).ToString()),
                _ => new TextBuffer(column, static text => (string)text),
            };
        }

        public abstract void Add(object? value);

        public abstract Task Write(ParquetRowGroupWriter group);

        public abstract void Clear();
    }

    /// <summary>Strings (text, and dates as ISO text), null where a value is missing.</summary>
    private sealed class TextBuffer(EntityColumn column, Func<object, string> text) : ColumnBuffer
    {
        private readonly DataField _field = new DataField<string>(column.Name, column.IsOptional);
        private readonly List<string?> _values = [];

        public override Field Field => _field;

        public override void Add(object? value) => _values.Add(value is null ? null : text(value));

        public override Task Write(ParquetRowGroupWriter group) => group.WriteAsync(_field, _values!);

        public override void Clear() => _values.Clear();
    }

    /// <summary>Numbers and booleans, written as required values or as nullable ones.</summary>
    private sealed class ValueBuffer<T>(DataField column, bool optional, Func<object, T>? convert = null) : ColumnBuffer
        where T : struct
    {
        private readonly List<T?> _values = [];

        public override Field Field => column;

        public override void Add(object? value) => _values.Add(value is null ? null : convert is null ? (T)value : convert(value));

        public override Task Write(ParquetRowGroupWriter group)
        {
            if (optional)
            {
                return group.WriteAsync<T>(column, new ReadOnlyMemory<T?>([.. _values]), null, null, default);
            }

            var values = new T[_values.Count];
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = _values[i] ?? throw new InvalidOperationException($"Column '{column.Name}' is required but a value is missing.");
            }

            return group.WriteAsync<T>(column, new ReadOnlyMemory<T>(values), null, null, default);
        }

        public override void Clear() => _values.Clear();
    }

    /// <summary>
    /// A list per row, as a Parquet LIST: the elements of every row in one run, with the levels that
    /// say where each row's list starts (repetition 0), and which rows have an empty list
    /// (definition one short of the element's) or none at all (definition 0).
    /// </summary>
    private sealed class ListBuffer<T>(EntityColumn column, DataField element, Func<object?, T>? convert = null) : ColumnBuffer
        where T : struct
    {
        private readonly ListField _field = new(column.Name, element);
        private readonly List<T> _values = [];
        private readonly List<int> _definitions = [];
        private readonly List<int> _repetitions = [];

        public override Field Field => _field;

        public override void Add(object? value)
        {
            // The element's levels are set once the file's schema holds the list.
            int present = element.MaxDefinitionLevel;
            if (value is null)
            {
                _definitions.Add(0);
                _repetitions.Add(0);
                return;
            }

            var list = (IEnumerable)value;
            bool first = true;
            foreach (object? item in list)
            {
                _values.Add(convert is null ? (T)item! : convert(item));
                _definitions.Add(present);
                _repetitions.Add(first ? 0 : 1);
                first = false;
            }

            if (first)
            {
                _definitions.Add(present - 1);
                _repetitions.Add(0);
            }
        }

        public override Task Write(ParquetRowGroupWriter group)
            => group.WriteAllPartsAsync<T>(element, new ReadOnlyMemory<T>([.. _values]), new ReadOnlyMemory<int>([.. _definitions]), new ReadOnlyMemory<int>([.. _repetitions]), default);

        public override void Clear()
        {
            _values.Clear();
            _definitions.Clear();
            _repetitions.Clear();
        }
    }

    /// <summary>
    /// A list of strings per row (text, dates as ISO text). Parquet.Net writes strings with
    /// repetition levels only: a row's empty list is one missing element at its start, and a
    /// missing list (an optional list field without a value) is written as an empty one too.
    /// </summary>
    private sealed class TextListBuffer(EntityColumn column, Func<object?, string> text) : ColumnBuffer
    {
        private readonly DataField _element = new DataField<string>("element", false);
        private readonly List<string?> _values = [];
        private readonly List<int> _repetitions = [];
        private ListField? _field;

        public override Field Field => _field ??= new ListField(column.Name, _element);

        public override void Add(object? value)
        {
            bool first = true;
            if (value is IEnumerable list)
            {
                foreach (object? item in list)
                {
                    _values.Add(text(item));
                    _repetitions.Add(first ? 0 : 1);
                    first = false;
                }
            }

            if (first)
            {
                _values.Add(null);
                _repetitions.Add(0);
            }
        }

        public override Task Write(ParquetRowGroupWriter group)
            => group.WriteAsync(_element, _values!, new ReadOnlyMemory<int>([.. _repetitions]));

        public override void Clear()
        {
            _values.Clear();
            _repetitions.Clear();
        }
    }
}
