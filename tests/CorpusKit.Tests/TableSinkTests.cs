using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using CorpusKit.DuckDB;
using CorpusKit.Tables;
using DuckDB.NET.Data;

namespace CorpusKit.Tests;

/// <summary>
/// Entity tables as the generator makes them, and the DuckDB sink: every field kind in its typed
/// column (int[], decimal, bool, an optional enum, an optional reference, a date), read back through
/// DuckDB; the file written whole or not at all; names that would clash refused.
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

    [Fact]
    public void Every_field_kind_goes_into_its_typed_column_and_reads_back_the_same()
    {
        string path = Path.Combine(_folder, "news.duckdb");
        Article[] articles = [.. Seeds.Names.Select(name => NewsCorpus.Instance.Extract(Seeds.Read(name), name))];
        string extra = "للأعوام من ٢٠٢٥ إلى ٢٠٢٧ وبنسبة ١٢٫٥ بالمئة. وقال بوتين للصحفيين: “بادئ ذي بدء، أود أن أؤكد على التعاون”. وقال: “هذه جملة طويلة بلا متكلم معروف هنا”.";
        Article more = NewsCorpus.Instance.Extract(extra, "extra");
        using (var sink = new DuckDBTableSink(path, NewsCorpus.Tables))
        {
            foreach (Article article in articles.Append(more))
            {
                sink.Add(article.Id!, article.Mentions(), System.Text.Encoding.UTF8.GetByteCount(article.Id == "extra" ? extra : Seeds.Read(article.Id!)));
            }

            sink.AddSkipped("broken.txt", "is not valid UTF-8");
            sink.Complete();
        }

        using var connection = Open(path);
        IEntity[] all = [.. articles.Append(more).SelectMany(a => a.Mentions())];
        Assert.Equal(all.Length, Scalar<long>(connection, "SELECT count(*) FROM mentions"));
        Assert.Equal(
            [.. articles.Append(more).SelectMany(a => a.Mentions().Select(m => $"{a.Id} {m.EntityType} {m.Key} {m.Span.Start} {m.Span.End} {m.Text} {m.Rule}"))],
            Strings(connection, "SELECT concat_ws(' ', document_id, entity_type, key, span_start, span_end, span_text, rule) FROM mentions ORDER BY rowid"));

        Assert.Equal(
            "document_id VARCHAR NO, span_start INTEGER NO, span_end INTEGER NO, span_text VARCHAR NO, rule VARCHAR NO, first INTEGER NO, years INTEGER[] NO, closed BOOLEAN NO",
            Columns(connection, "YearRange"));
        Assert.Equal(
            "document_id VARCHAR NO, span_start INTEGER NO, span_end INTEGER NO, span_text VARCHAR NO, rule VARCHAR NO, text VARCHAR NO, speaker VARCHAR YES, marks VARCHAR YES",
            Columns(connection, "Quote"));
        Assert.Contains("value DECIMAL(38,10) NO", Columns(connection, "Share"), StringComparison.Ordinal);
        Assert.Contains("value VARCHAR NO", Columns(connection, "Date"), StringComparison.Ordinal);

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

    [Fact]
    public void A_sink_disposed_before_it_completes_leaves_the_old_file_and_no_other_and_one_that_completes_replaces_it()
    {
        string path = Path.Combine(_folder, "run.duckdb");
        File.WriteAllText(path, "the last run's database");
        Article article = NewsCorpus.Instance.Extract(Seeds.Read("000"), "000");
        using (var sink = new DuckDBTableSink(path, NewsCorpus.Tables))
        {
            sink.Add("000", article.Mentions(), 1);
            Assert.All(Directory.GetFiles(_folder).Select(Path.GetFileName).Where(f => f != "run.duckdb"), f => Assert.StartsWith(".run.duckdb.", f, StringComparison.Ordinal));
        }

        Assert.Equal(["run.duckdb"], Directory.GetFiles(_folder).Select(Path.GetFileName));
        Assert.Equal("the last run's database", File.ReadAllText(path));

        using (var sink = new DuckDBTableSink(path, NewsCorpus.Tables))
        {
            sink.Add("000", article.Mentions(), 1);
            sink.Complete();
            Assert.Throws<ObjectDisposedException>(() => sink.Add("001", [], 1));
        }

        Assert.Equal(["run.duckdb"], Directory.GetFiles(_folder).Select(Path.GetFileName));
        using var connection = Open(path);
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
        Assert.Throws<ArgumentException>(() => new EntityTable<Place>("Place", [new("Span_Start", ColumnKind.Integer, false, false)], static (_, _) => null));
        Assert.Throws<ArgumentException>(() => new EntityTable<Place>("Place", [new("id", ColumnKind.Text, false, false), new("ID", ColumnKind.Text, false, false)], static (_, _) => null));
        Assert.Empty(Directory.GetFiles(_folder));

        using var sink = new DuckDBTableSink(path, [PlaceExtractor.Table]);
        Person person = Assert.Single(PersonExtractor.Instance.Extract("قال لافروف"));
        Assert.Throws<ArgumentException>(() => sink.Add("a", [person], 1)); // no table for Person
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

    /// <summary>A table's columns as DuckDB describes them: name, type, whether NULL may stand.</summary>
    private static string Columns(DuckDBConnection connection, string table)
        => string.Join(", ", Strings(connection, $"SELECT concat_ws(' ', column_name, data_type, is_nullable) FROM information_schema.columns WHERE table_name = '{table}' ORDER BY ordinal_position"));
}
