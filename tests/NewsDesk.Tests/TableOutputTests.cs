using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using DuckDB.NET.Data;

namespace NewsDesk.Tests;

/// <summary>
/// <c>NewsDesk --out FILE.duckdb</c> and <c>--out FOLDER</c> (Parquet) as a user runs them, over the
/// seeds and the new articles, read back through DuckDB and compared with what
/// <c>--format mentions</c> prints for the same files.
/// </summary>
public sealed class TableOutputTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("newsdesk-tables-").FullName;

    [Theory]
    [InlineData("corpus.duckdb", new[] { "corpus.duckdb" })]
    [InlineData("corpus", new[] { "corpus/Date.parquet", "corpus/Organization.parquet", "corpus/Person.parquet", "corpus/Place.parquet", "corpus/Quote.parquet", "corpus/Source.parquet", "corpus/documents.parquet", "corpus/mentions.parquet" })]
    public void The_tables_hold_every_mention_the_json_lines_hold_with_each_field_in_its_typed_column(string target, string[] files)
    {
        string inputs = $"\"{Repository.Seeds}\" {string.Join(' ', Repository.NewArticleFiles.Select(f => $"\"{f}\""))}";
        string database = Path.Combine(_folder, target);
        (int jsonExit, string json, string jsonError) = Repository.RunProgram("NewsDesk.dll", $"--format mentions {inputs}");
        (int exit, string output, string error) = Repository.RunProgram("NewsDesk.dll", $"{inputs} --out \"{database}\"");

        Assert.True(jsonExit == 0, jsonError);
        Assert.True(exit == 0, error);
        Assert.Contains($"187 article(s)", output, StringComparison.Ordinal);
        Assert.Contains(database, output, StringComparison.Ordinal);
        Assert.Equal(files, Directory.GetFiles(_folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(_folder, f)).Order(StringComparer.Ordinal)); // no temporary file left

        List<JsonElement> lines = [.. json.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement)];
        Assert.True(lines.Count > 500);
        using DuckDBConnection connection = Open(database);

        // The mentions table: the same mentions, span for span.
        List<string> expected = [.. lines.Select(l => Row(l.GetProperty("doc").GetString(), l.GetProperty("type").GetString(), l.GetProperty("start").GetInt32(), l.GetProperty("end").GetInt32(), l.GetProperty("text").GetString(), l.GetProperty("rule").GetString())).Order(StringComparer.Ordinal)];
        List<string> mentions = [.. Query(connection, "SELECT document_id, entity_type, span_start, span_end, span_text, rule FROM mentions").Select(r => Row(r)).Order(StringComparer.Ordinal)];
        Assert.Equal(expected, mentions);

        // Each type's table: a row per mention, its fields in typed columns equal to the JSON attributes.
        foreach (IGrouping<string, JsonElement> type in lines.GroupBy(l => l.GetProperty("type").GetString()!))
        {
            Dictionary<string, string> types = Query(connection, $"SELECT column_name, column_type FROM (DESCRIBE \"{type.Key}\")")
                .ToDictionary(r => (string)r[0]!, r => (string)r[1]!);
            Dictionary<string, Dictionary<string, object?>> rows = Rows(connection, type.Key)
                .ToDictionary(r => Row(r["document_id"], r["span_start"], r["span_end"], r["rule"]));
            Assert.Equal(type.Count(), rows.Count);
            foreach (JsonElement line in type)
            {
                Dictionary<string, object?> row = rows[Row(line.GetProperty("doc").GetString(), line.GetProperty("start").GetInt32(), line.GetProperty("end").GetInt32(), line.GetProperty("rule").GetString())];
                Assert.Equal(line.GetProperty("text").GetString(), row["span_text"]);
                var written = new HashSet<string>(StringComparer.Ordinal);
                foreach (JsonProperty attribute in line.GetProperty("attrs").EnumerateObject())
                {
                    Assert.Equal(attribute.Value.ValueKind is JsonValueKind.True or JsonValueKind.False ? "BOOLEAN" : "VARCHAR", types[attribute.Name]);
                    object? value = row[attribute.Name];
                    written.Add(attribute.Name);
                    if (attribute.Value.ValueKind == JsonValueKind.Object)
                    {
                        // A reference to one of several types ({"type", "key"}): its key in the field's column, its type beside it.
                        Assert.Equal(attribute.Value.GetProperty("key").GetString(), value);
                        Assert.Equal(attribute.Value.GetProperty("type").GetString(), row[attribute.Name + "_type"]);
                        written.Add(attribute.Name + "_type");
                        continue;
                    }

                    Assert.Equal(
                        attribute.Value.ValueKind == JsonValueKind.String ? attribute.Value.GetString() : attribute.Value.GetRawText(),
                        value is bool flag ? (flag ? "true" : "false") : value);
                }

                // A field the JSON leaves out (an optional one without a value) is NULL.
                foreach (string column in types.Keys.Except(["document_id", "span_start", "span_end", "span_text", "rule"]).Where(c => !written.Contains(c)))
                {
                    Assert.Null(row[column]);
                }
            }
        }

        // The documents table: each document with its mention count.
        Dictionary<string, int> perDocument = lines.GroupBy(l => l.GetProperty("doc").GetString()!).ToDictionary(g => g.Key, g => g.Count());
        var documents = Query(connection, "SELECT document_id, extracted, mentions FROM documents").ToList();
        Assert.Equal(187, documents.Count);
        Assert.All(documents, d => Assert.Equal((true, perDocument[(string)d[0]!]), ((bool)d[1]!, (int)d[2]!)));
    }

    [Theory]
    [InlineData("none.duckdb")]
    [InlineData("none")]
    public void A_run_where_nothing_could_be_read_leaves_no_file_and_a_skipped_file_is_a_documents_row(string target)
    {
        string database = Path.Combine(_folder, target);
        string missing = Path.Combine(_folder, "missing.txt");
        (int exit, _, string error) = Repository.RunProgram("NewsDesk.dll", $"\"{missing}\" --out \"{database}\"");

        Assert.Equal(2, exit);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(_folder));

        string seed = Repository.SeedFiles[0];
        (exit, _, error) = Repository.RunProgram("NewsDesk.dll", $"\"{seed}\" \"{missing}\" --out \"{database}\"");
        Assert.Equal(1, exit);
        using DuckDBConnection connection = Open(database);
        var documents = Query(connection, "SELECT document_id, extracted, problem FROM documents ORDER BY extracted DESC").Select(r => Row(r)).ToList();
        Assert.Equal([Row(Path.GetFileName(seed), true, null), Row("missing.txt", false, "does not exist")], documents);
    }

    [Fact]
    public void An_out_path_that_is_neither_a_database_nor_a_folder_is_refused()
    {
        (int exit, _, string error) = Repository.RunProgram("NewsDesk.dll", $"--out \"{Path.Combine(_folder, "corpus.csv")}\"");

        Assert.Equal(2, exit);
        Assert.Contains(".duckdb", error, StringComparison.Ordinal);
        Assert.Contains("folder", error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(_folder));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>The output through DuckDB: the database, or a view per Parquet file of the folder.</summary>
    private static DuckDBConnection Open(string output)
    {
        if (output.EndsWith(".duckdb", StringComparison.Ordinal))
        {
            var database = new DuckDBConnection($"Data Source={output};ACCESS_MODE=READ_ONLY");
            database.Open();
            return database;
        }

        var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        foreach (string file in Directory.GetFiles(output, "*.parquet"))
        {
            using DuckDBCommand command = connection.CreateCommand();
            command.CommandText = $"CREATE VIEW \"{Path.GetFileNameWithoutExtension(file)}\" AS SELECT * FROM read_parquet('{file}')";
            command.ExecuteNonQuery();
        }

        return connection;
    }

    private static string Row(params object?[] values)
        => string.Join(" | ", values.Select(v => v switch
        {
            null => "NULL",
            bool b => b ? "true" : "false",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => v.ToString(),
        }));

    private static IEnumerable<object?[]> Query(DuckDBConnection connection, string sql)
    {
        using DuckDBCommand command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (int i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            yield return row;
        }
    }

    private static IEnumerable<Dictionary<string, object?>> Rows(DuckDBConnection connection, string table)
    {
        using DuckDBCommand command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\"";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (int i = 0; i < reader.FieldCount; i++)
            {
                row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            yield return row;
        }
    }
}
