using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using CorpusKit.DuckDB;
using CorpusKit.Parquet;
using CorpusKit.Tables;
using DuckDB.NET.Data;

namespace CorpusKit.Tests;

/// <summary>
/// Entity tables as the generator makes them, and the DuckDB and Parquet sinks: every field kind in
/// its typed column (int[], decimal, bool, an optional enum, an optional reference, a date), read
/// back through DuckDB; files written whole or not at all; row groups of a bounded size; names that
/// would clash refused.
/// </summary>
public sealed class TableSinkTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tablesink-").FullName;

    [Fact]
    public void The_generated_tables_give_each_field_its_column_kind_and_value()
    {
        Assert.Equal(["Place", "Person", "Date", "Quote", "YearRange", "Share", "Figure"], NewsCorpus.Tables.Select(t => t.Name));
        Assert.Equal(
            [new("first", ColumnKind.Integer, false, false), new("years", ColumnKind.Integer, true, false), new("closed", ColumnKind.Boolean, false, false)],
            YearRangeExtractor.Table.Columns);
        Assert.Equal(
            [new("text", ColumnKind.Text, false, false), new("speaker", ColumnKind.Text, false, true), new("marks", ColumnKind.Text, false, true)],
            QuoteExtractor.Table.Columns);

        YearRange range = Assert.Single(YearRangeExtractor.Instance.Extract("للأعوام من ٢٠٢٥ إلى ٢٠٢٧"));
        Assert.Equal([range.First, range.Years, range.Closed], Enumerable.Range(0, 3).Select(c => YearRangeExtractor.Table.Value(range, c)));
        Quote quote = Assert.Single(QuoteExtractor.Instance.Extract("وقال بوتين للصحفيين: “بادئ ذي بدء، أود أن أؤكد على التعاون”."));
        Assert.Equal([quote.Text, "فلاديمير بوتين", "curly"], Enumerable.Range(0, 3).Select(c => QuoteExtractor.Table.Value(quote, c)));

        Assert.Throws<ArgumentException>(() => QuoteExtractor.Table.Value(range, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => QuoteExtractor.Table.Value(quote, 3));
    }

    [Theory]
    [InlineData(Sink.DuckDB)]
    [InlineData(Sink.Parquet)]
    public void Every_field_kind_goes_into_its_typed_column_and_reads_back_the_same(Sink kind)
    {
        string path = Path.Combine(_folder, kind == Sink.DuckDB ? "news.duckdb" : "news");
        Article[] articles = [.. Seeds.Names.Select(name => NewsCorpus.Instance.Extract(Seeds.Read(name), name))];
        string extra = "للأعوام من ٢٠٢٥ إلى ٢٠٢٧ وبنسبة ١٢٫٥ بالمئة. وقال بوتين للصحفيين: “بادئ ذي بدء، أود أن أؤكد على التعاون”. وقال: “هذه جملة طويلة بلا متكلم معروف هنا”.";
        Article more = NewsCorpus.Instance.Extract(extra, "extra");
        using (ITableSink sink = Start(kind, path, NewsCorpus.Tables))
        {
            foreach (Article article in articles.Append(more))
            {
                sink.Add(article.Id!, article.Mentions(), System.Text.Encoding.UTF8.GetByteCount(article.Id == "extra" ? extra : Seeds.Read(article.Id!)));
            }

            sink.AddSkipped("broken.txt", "is not valid UTF-8");
            sink.Complete();
        }

        using var connection = Open(kind, path);
        IEntity[] all = [.. articles.Append(more).SelectMany(a => a.Mentions())];
        Assert.Equal(all.Length, Scalar<long>(connection, "SELECT count(*) FROM mentions"));
        Assert.Equal(
            [.. articles.Append(more).SelectMany(a => a.Mentions().Select(m => $"{a.Id} {m.EntityType} {m.Key} {m.Span.Start} {m.Span.End} {m.Text} {m.Rule}"))],
            Strings(connection, "SELECT concat_ws(' ', document_id, entity_type, key, span_start, span_end, span_text, rule) FROM mentions ORDER BY rowid"));

        Assert.Equal(
            "document_id VARCHAR NO, span_start INTEGER NO, span_end INTEGER NO, span_text VARCHAR NO, rule VARCHAR NO, first INTEGER NO, years INTEGER[] NO, closed BOOLEAN NO",
            Columns(kind, connection, path, "YearRange"));
        Assert.Equal(
            "document_id VARCHAR NO, span_start INTEGER NO, span_end INTEGER NO, span_text VARCHAR NO, rule VARCHAR NO, text VARCHAR NO, speaker VARCHAR YES, marks VARCHAR YES",
            Columns(kind, connection, path, "Quote"));
        Assert.Contains("value DECIMAL(38,10) NO", Columns(kind, connection, path, "Share"), StringComparison.Ordinal);
        Assert.Contains("value VARCHAR NO", Columns(kind, connection, path, "Date"), StringComparison.Ordinal);

        // Values, typed: a list of years, a decimal, a boolean, a missing speaker as NULL, a date in ISO form.
        YearRange range = more.Mentions().OfType<YearRange>().Single();
        Assert.Equal(2025, range.First);
        Assert.Equal([2027], range.Years);
        Assert.Equal(range.Years, Scalar<List<int>>(connection, "SELECT years FROM \"YearRange\" WHERE document_id = 'extra'"));
        Assert.Equal(range.Closed, Scalar<bool>(connection, "SELECT closed FROM \"YearRange\" WHERE document_id = 'extra'"));
        Assert.Equal(
            [.. all.OfType<YearRange>().Select(r => $"{r.First} [{string.Join(", ", r.Years)}] {r.Closed.ToString().ToLowerInvariant()}")],
            Strings(connection, "SELECT concat_ws(' ', first, years, closed) FROM \"YearRange\" ORDER BY rowid"));
        Assert.Equal(12.5m, Scalar<decimal>(connection, "SELECT value FROM \"Share\" WHERE document_id = 'extra'"));
        Assert.Equal(
            [.. all.OfType<Quote>().Select(q => $"{q.Speaker?.Key ?? "NULL"} {q.Marks?.ToString().ToLowerInvariant() ?? "NULL"}")],
            Strings(connection, "SELECT concat_ws(' ', coalesce(speaker, 'NULL'), coalesce(marks, 'NULL')) FROM \"Quote\" ORDER BY rowid"));
        Assert.Contains("NULL curly", Strings(connection, "SELECT concat_ws(' ', coalesce(speaker, 'NULL'), marks) FROM \"Quote\" WHERE document_id = 'extra'"));
        Assert.Equal(
            [.. all.OfType<Date>().Select(d => d.Value.ToString())],
            Strings(connection, "SELECT value FROM \"Date\" ORDER BY rowid"));

        // Documents: each with its bytes and mentions, the skipped one with its problem.
        Assert.Equal(
            [.. articles.Select(a => $"{a.Id} true {a.Mentions().Count}"), $"extra true {more.Mentions().Count}", "broken.txt false 0 is not valid UTF-8"],
            Strings(connection, "SELECT concat_ws(' ', document_id, extracted, mentions, problem) FROM documents ORDER BY rowid"));
    }

    [Theory]
    [InlineData(Sink.DuckDB)]
    [InlineData(Sink.Parquet)]
    public void A_sink_disposed_before_it_completes_leaves_the_old_files_and_no_other_and_one_that_completes_replaces_them(Sink kind)
    {
        string path = Path.Combine(_folder, kind == Sink.DuckDB ? "run.duckdb" : "run");
        string old = kind == Sink.DuckDB ? path : Path.Combine(path, "mentions.parquet");
        Directory.CreateDirectory(Path.GetDirectoryName(old)!);
        File.WriteAllText(old, "the last run's output");
        string[] Files() => [.. Directory.GetFiles(_folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(_folder, f)).Order(StringComparer.Ordinal)];
        string[] before = Files();
        Article article = NewsCorpus.Instance.Extract(Seeds.Read("000"), "000");
        using (ITableSink sink = Start(kind, path, NewsCorpus.Tables))
        {
            sink.Add("000", article.Mentions(), 1);
            Assert.All(Files().Except(before), f => Assert.Matches(@"(^|/)\.[^/]+\.[0-9a-f]{32}\.tmp(\.wal)?$", f));
        }

        Assert.Equal(before, Files());
        Assert.Equal("the last run's output", File.ReadAllText(old));

        using (ITableSink sink = Start(kind, path, NewsCorpus.Tables))
        {
            sink.Add("000", article.Mentions(), 1);
            sink.Complete();
            Assert.Throws<ObjectDisposedException>(() => sink.Add("001", [], 1));
        }

        Assert.All(Files(), f => Assert.DoesNotContain(".tmp", f, StringComparison.Ordinal));
        using var connection = Open(kind, path);
        Assert.Equal(article.Mentions().Count, Scalar<long>(connection, "SELECT count(*) FROM mentions"));
    }

    [Fact]
    public void Names_that_would_clash_in_sql_are_refused()
    {
        string path = Path.Combine(_folder, "clash.duckdb");
        var mentions = new EntityTable<Place>("Mentions", [], static (_, _) => null);
        var twice = new EntityTable<Person>("place", [], static (_, _) => null);

        Assert.Throws<ArgumentException>(() => new DuckDBTableSink(path, [mentions]));
        Assert.Throws<ArgumentException>(() => new DuckDBTableSink(path, [PlaceExtractor.Table, twice]));
        Assert.Throws<ArgumentException>(() => new ParquetTableSink(Path.Combine(_folder, "clash"), [mentions]));
        Assert.Throws<ArgumentException>(() => new ParquetTableSink(Path.Combine(_folder, "clash"), [PlaceExtractor.Table, twice]));
        Assert.Throws<ArgumentException>(() => new EntityTable<Place>("Place", [new("Span_Start", ColumnKind.Integer, false, false)], static (_, _) => null));
        Assert.Throws<ArgumentException>(() => new EntityTable<Place>("Place", [new("id", ColumnKind.Text, false, false), new("ID", ColumnKind.Text, false, false)], static (_, _) => null));
        Assert.Empty(Directory.GetFiles(_folder, "*", SearchOption.AllDirectories));

        Person person = Assert.Single(PersonExtractor.Instance.Extract("قال لافروف"));
        using var sink = new DuckDBTableSink(path, [PlaceExtractor.Table]);
        Assert.Throws<ArgumentException>(() => sink.Add("a", [person], 1)); // no table for Person
        using var files = new ParquetTableSink(Path.Combine(_folder, "files"), [PlaceExtractor.Table]);
        Assert.Throws<ArgumentException>(() => files.Add("a", [person], 1));
    }

    [Theory]
    [InlineData(Sink.DuckDB, "[روسيا, الروسية] | [] | NULL")]
    [InlineData(Sink.Parquet, "[روسيا, الروسية] | [] | []")] // Parquet.Net writes strings with repetition levels only: no list is an empty one
    public void A_list_of_strings_keeps_its_items_and_an_empty_list_stays_empty(Sink kind, string expected)
    {
        // A table of its own over Place, whose list column gives two names, none, or no list at all.
        string path = Path.Combine(_folder, kind == Sink.DuckDB ? "names.duckdb" : "names");
        var names = new EntityTable<Place>(
            "Place",
            [new("names", ColumnKind.Text, IsList: true, IsOptional: true), new("seen", ColumnKind.Date, IsList: true, IsOptional: false)],
            static (place, column) => column == 1 ? new[] { PartialDate.Create(2024, 5, null) }
                : place.Span.Start switch { 0 => new[] { "روسيا", "الروسية" }, 7 => Array.Empty<string>(), _ => null });
        IReadOnlyList<Place> places = PlaceExtractor.Instance.Extract("روسيا وروسيا وروسيا");
        Assert.Equal([0, 7, 14], places.Select(p => p.Span.Start)); // the proclitic و left out
        using (ITableSink sink = Start(kind, path, [names]))
        {
            sink.Add("a", [.. places], 1);
            sink.Complete();
        }

        using var connection = Open(kind, path);
        Assert.Equal(expected, string.Join(" | ", Strings(connection, "SELECT coalesce(CAST(names AS VARCHAR), 'NULL') FROM \"Place\" ORDER BY span_start")));
        Assert.Equal(["[2024-05]", "[2024-05]", "[2024-05]"], Strings(connection, "SELECT CAST(seen AS VARCHAR) FROM \"Place\" ORDER BY span_start"));
    }

    [Fact]
    public void Parquet_files_take_row_groups_of_a_bounded_size_and_read_back_whole()
    {
        // Past one row group: the mentions of enough copies of a seed to fill more than two.
        string path = Path.Combine(_folder, "many");
        Article article = NewsCorpus.Instance.Extract(Seeds.Read("000"), "000");
        int copies = (2 * ParquetTableSink.RowGroupRows / article.Mentions().Count) + 1;
        using (var sink = new ParquetTableSink(path, NewsCorpus.Tables))
        {
            for (int copy = 0; copy < copies; copy++)
            {
                sink.Add($"{copy}", article.Mentions(), 1);
            }

            sink.Complete();
        }

        using var connection = Open(Sink.Parquet, path);
        Assert.Equal((long)copies * article.Mentions().Count, Scalar<long>(connection, "SELECT count(*) FROM mentions"));
        Assert.Equal(3, Scalar<long>(connection, $"SELECT count(DISTINCT row_group_id) FROM parquet_metadata('{Path.Combine(path, "mentions.parquet")}')"));
        Assert.Equal(copies, Scalar<long>(connection, "SELECT count(DISTINCT document_id) FROM \"Place\""));
        Assert.Equal(
            [.. article.Mentions().Select(m => $"{m.EntityType} {m.Span.Start} {m.Text}")],
            Strings(connection, $"SELECT concat_ws(' ', entity_type, span_start, span_text) FROM mentions WHERE document_id = '{copies - 1}' ORDER BY rowid"));
    }

    /// <summary>The two sinks.</summary>
    public enum Sink
    {
        /// <summary>One DuckDB database.</summary>
        DuckDB,

        /// <summary>A folder of Parquet files.</summary>
        Parquet,
    }

    private static ITableSink Start(Sink kind, string path, IReadOnlyList<EntityTable> tables)
        => kind == Sink.DuckDB ? new DuckDBTableSink(path, tables) : new ParquetTableSink(path, tables);

    /// <summary>The sink's output through DuckDB: the database, or a view per Parquet file (its row number as rowid).</summary>
    private static DuckDBConnection Open(Sink kind, string path)
    {
        if (kind == Sink.DuckDB)
        {
            return Open(path);
        }

        var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        foreach (string file in Directory.GetFiles(path, "*.parquet"))
        {
            using DuckDBCommand command = connection.CreateCommand();
            command.CommandText = $"CREATE VIEW \"{Path.GetFileNameWithoutExtension(file)}\" AS SELECT * EXCLUDE (file_row_number), file_row_number AS rowid FROM read_parquet('{file}', file_row_number = true)";
            command.ExecuteNonQuery();
        }

        return connection;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static DuckDBConnection Open(string path)
    {
        var connection = new DuckDBConnection($"Data Source={path};ACCESS_MODE=READ_ONLY");
        connection.Open();
        return connection;
    }

    private static T Scalar<T>(DuckDBConnection connection, string sql)
    {
        using DuckDBCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)command.ExecuteScalar()!;
    }

    private static List<string> Strings(DuckDBConnection connection, string sql)
    {
        using DuckDBCommand command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)!);
        }

        return values;
    }

    /// <summary>
    /// A table's columns: name, type as DuckDB reads it, and whether NULL may stand (a DuckDB
    /// column's NOT NULL, a Parquet column's repetition; a Parquet list is an optional group
    /// whatever its field, so a list column is read as the schema types it).
    /// </summary>
    private static string Columns(Sink kind, DuckDBConnection connection, string path, string table)
    {
        if (kind == Sink.DuckDB)
        {
            return string.Join(", ", Strings(connection, $"SELECT concat_ws(' ', column_name, data_type, is_nullable) FROM information_schema.columns WHERE table_name = '{table}' ORDER BY ordinal_position"));
        }

        string file = Path.Combine(path, table + ".parquet");
        Dictionary<string, string> repetition = Strings(connection, $"SELECT concat_ws(' ', name, repetition_type) FROM parquet_schema('{file}')")
            .Select(line => line.Split(' ')).Where(parts => parts.Length == 2).GroupBy(parts => parts[0]).ToDictionary(g => g.Key, g => g.First()[1]);
        EntityTable? entity = NewsCorpus.Tables.FirstOrDefault(t => t.Name == table);
        return string.Join(", ", Strings(connection, $"SELECT concat_ws(' ', column_name, column_type) FROM (DESCRIBE \"{table}\") WHERE column_name <> 'rowid'")
            .Select(line =>
            {
                string name = line.Split(' ')[0];
                bool list = line.EndsWith("[]", StringComparison.Ordinal);
                bool optional = list ? entity!.Columns.Single(c => c.Name == name).IsOptional : repetition[name] == "OPTIONAL";
                return $"{line} {(optional ? "YES" : "NO")}";
            }));
    }
}
