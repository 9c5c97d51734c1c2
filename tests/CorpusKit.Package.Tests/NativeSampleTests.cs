using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text.Json;
using DuckDB.NET.Data;

namespace CorpusKit.Package.Tests;

/// <summary>
/// The NewsDesk sample published as a native binary with the README's command: no trim or AOT
/// warning (its project lists the two third-party assemblies that warn as a whole, DuckDB.NET and
/// Parquet.Net; everything else is analyzed one warning at a time), and the binary writes what the
/// managed program writes: the same mention lines over the seeds, and DuckDB and Parquet tables that
/// hold those mentions, read back through DuckDB. The table sinks are the code those suppressed
/// warnings are about, so they run here natively, not only under the JIT.
/// </summary>
[Collection(RepositoryBuilds.Name)]
public sealed class NativeSampleTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("corpuskit-native-sample-").FullName;

    [Fact]
    public void The_native_sample_writes_the_mentions_and_the_tables_the_managed_program_writes()
    {
        string root = Shell.RepositoryRoot();
        string sample = Path.Combine(root, "samples", "NewsDesk");
        string rid = RuntimeInformation.RuntimeIdentifier;
        string output = Path.Combine(_work, "native");
        (int exit, string log) = Shell.Run("dotnet", $"publish \"{sample}\" -c Release -r {rid} -o \"{output}\"", root);

        Assert.True(exit == 0, log);
        Assert.DoesNotContain(log.Split('\n'), line => line.Contains("warning", StringComparison.OrdinalIgnoreCase) && !line.Contains("0 Warning", StringComparison.OrdinalIgnoreCase));
        Assert.False(File.Exists(Path.Combine(output, "NewsDesk.dll")), "a native publish leaves no managed entry assembly");

        string native = Path.Combine(output, "NewsDesk");
        string managed = Path.Combine(sample, "bin", "Release", "net10.0", rid, "NewsDesk.dll");
        string seeds = Path.Combine(root, "seeds");
        (int nativeExit, string nativeLines) = Shell.Run(native, $"--format mentions \"{seeds}\"", _work);
        (int managedExit, string managedLines) = Shell.Run("dotnet", $"\"{managed}\" --format mentions \"{seeds}\"", _work);
        Assert.True(nativeExit == 0, nativeLines);
        Assert.True(managedExit == 0, managedLines);
        string[] lines = Lines(nativeLines);
        Assert.True(lines.Length > 150, nativeLines);
        Assert.Equal(Lines(managedLines), lines);

        // The mentions of the lines, as rows: the tables must hold exactly these.
        List<string> expected = [.. lines.Select(line => JsonDocument.Parse(line).RootElement)
            .Select(m => Row(m.GetProperty("doc").GetString(), m.GetProperty("type").GetString(), m.GetProperty("start").GetInt32(), m.GetProperty("end").GetInt32(), m.GetProperty("text").GetString(), m.GetProperty("rule").GetString()))
            .Order(StringComparer.Ordinal)];
        Dictionary<string, int> perType = lines.Select(line => JsonDocument.Parse(line).RootElement.GetProperty("type").GetString()!)
            .GroupBy(type => type).ToDictionary(g => g.Key, g => g.Count());

        string database = Path.Combine(_work, "corpus.duckdb");
        string folder = Path.Combine(_work, "corpus");
        (int duckExit, string duckOutput) = Shell.Run(native, $"\"{seeds}\" --out \"{database}\"", _work);
        (int parquetExit, string parquetOutput) = Shell.Run(native, $"\"{seeds}\" --out \"{folder}\"", _work);
        Assert.True(duckExit == 0, duckOutput);
        Assert.True(parquetExit == 0, parquetOutput);

        using (var connection = new DuckDBConnection($"Data Source={database};ACCESS_MODE=READ_ONLY"))
        {
            connection.Open();
            Assert.Equal(expected, Mentions(connection, "mentions"));
            foreach ((string type, int count) in perType)
            {
                Assert.Equal(count, Count(connection, $"\"{type}\""));
            }
        }

        using (var connection = new DuckDBConnection("Data Source=:memory:"))
        {
            connection.Open();
            Assert.Equal(expected, Mentions(connection, Parquet(folder, "mentions")));
            foreach ((string type, int count) in perType)
            {
                Assert.Equal(count, Count(connection, Parquet(folder, type)));
            }
        }
    }

    private static string[] Lines(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static string Parquet(string folder, string table) => $"read_parquet('{Path.Combine(folder, table + ".parquet")}')";

    private static List<string> Mentions(DuckDBConnection connection, string table)
    {
        using DuckDBCommand command = connection.CreateCommand();
        command.CommandText = $"SELECT document_id, entity_type, span_start, span_end, span_text, rule FROM {table}";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(Row(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetString(4), reader.GetString(5)));
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    private static int Count(DuckDBConnection connection, string table)
    {
        using DuckDBCommand command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {table}";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Row(params object?[] values) => string.Join('\u001f', values);

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
