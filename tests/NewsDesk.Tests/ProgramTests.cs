using System;
using System.IO;
using System.Linq;
using System.Text;
using CorpusKit.Evaluation;

namespace NewsDesk.Tests;

/// <summary>The NewsDesk program and the toolkit's eval command, run as a user runs them.</summary>
public sealed class ProgramTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("newsdesk-").FullName;

    [Fact]
    public void With_no_argument_it_runs_over_the_seeds_and_prints_a_table()
    {
        (int exit, string output, string error) = Repository.RunProgram("NewsDesk.dll", string.Empty);

        Assert.True(exit == 0, error);
        foreach (string seed in Repository.SeedFiles.Select(f => Path.GetFileName(f)))
        {
            Assert.Contains(seed, output, StringComparison.Ordinal);
        }

        Assert.Contains("لافروف: روسيا تعمل على تشكيل هيكل أمني جديد في أوراسيا", output, StringComparison.Ordinal);
        Assert.Contains("5 article(s)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_or_broken_file_is_reported_and_skipped_and_the_rest_still_runs()
    {
        string good = Path.Combine(_folder, "good.txt");
        string latin1 = Path.Combine(_folder, "latin1.txt");
        string missing = Path.Combine(_folder, "missing.txt");
        File.WriteAllText(good, "قال وزير الخارجية الروسي سيرغي لافروف في موسكو", new UTF8Encoding(false));
        File.WriteAllBytes(latin1, [0x4C, 0x61, 0x76, 0x72, 0x6F, 0x76, 0x20, 0xE9, 0x74, 0xE9]); // "Lavrov été" in Latin-1

        (int exit, string output, string error) = Repository.RunProgram("NewsDesk.dll", $"--format mentions \"{missing}\" \"{latin1}\" \"{good}\"");

        Assert.Equal(1, exit);
        Assert.Contains("missing.txt does not exist", error, StringComparison.Ordinal);
        Assert.Contains("latin1.txt is not valid UTF-8", error, StringComparison.Ordinal);
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            [
                """{"doc":"good.txt","type":"Person","start":25,"end":37,"text":"سيرغي لافروف","rule":"titled","attrs":{"name":"سيرغي لافروف","title":"وزير الخارجية الروسي"}}""",
                """{"doc":"good.txt","type":"Place","start":41,"end":46,"text":"موسكو","rule":"known","attrs":{"id":"Moscow"}}""",
            ],
            lines);
    }

    [Fact]
    public void Nothing_to_run_is_an_error_of_its_own()
    {
        (int exit, _, string error) = Repository.RunProgram("NewsDesk.dll", $"\"{Path.Combine(_folder, "nothing.txt")}\"");
        Assert.Equal(2, exit);
        Assert.Contains("no file could be read", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_to_run_writes_no_output_in_the_streamed_formats()
    {
        foreach (string format in new[] { "json", "mentions" })
        {
            (int exit, string output, string error) = Repository.RunProgram("NewsDesk.dll", $"--format {format} \"{Path.Combine(_folder, "nothing.txt")}\"");
            Assert.Equal(2, exit);
            Assert.Empty(output);
            Assert.Contains("nothing.txt does not exist", error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_toolkit_scores_the_exported_mentions_as_the_sample_does()
    {
        (int exportExit, string mentions, string exportError) = Repository.RunProgram("NewsDesk.dll", "--format mentions");
        Assert.True(exportExit == 0, exportError);
        string file = Path.Combine(_folder, "mentions.jsonl");
        File.WriteAllText(file, mentions);

        (int exit, string report, string error) = Repository.RunProgram("CorpusKit.Cli.dll", $"eval --gold \"{Repository.GoldMentions}\" --mentions \"{file}\"");

        Assert.True(exit == 0, error);
        var problems = new System.Collections.Generic.List<string>();
        EvaluationReport inProcess = EvaluationReport.Compare(Mention.ReadFile(Repository.GoldMentions, problems), Mentions.Of(SeedSnapshotTests.Articles()));
        Assert.Equal(inProcess.ToText(), report.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    /// <summary>
    /// Corpus QA between two runs: the new articles' mentions of a run where one organisation's name
    /// is no longer listed (the lines of one id taken out, as a changed lexicon would) against the
    /// whole run: each change counted per type and rule and shown in its sentence.
    /// </summary>
    [Fact]
    public void The_toolkit_diffs_two_runs_as_entities_in_their_sentences()
    {
        string articles = Path.Combine(Repository.Root, "samples", "NewsDesk", "articles");
        (int exportExit, string mentions, string exportError) = Repository.RunProgram("NewsDesk.dll", $"--format mentions \"{articles}\"");
        Assert.True(exportExit == 0, exportError);
        string[] lines = mentions.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        string[] sco = [.. lines.Where(line => line.Contains("\"id\":\"SCO\"", StringComparison.Ordinal))];
        Assert.NotEmpty(sco);
        string old = Path.Combine(_folder, "old.jsonl");
        string @new = Path.Combine(_folder, "new.jsonl");
        File.WriteAllLines(old, lines);
        File.WriteAllLines(@new, lines.Except(sco));

        (int exit, string report, string error) = Repository.RunProgram("CorpusKit.Cli.dll", $"diff \"{old}\" \"{@new}\" --texts \"{articles}\"");

        Assert.True(exit == 0, error);
        int documents = sco.Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("doc").GetString()).Distinct().Count();
        Assert.StartsWith($"{sco.Length} Organization removed in {documents} document{(documents == 1 ? string.Empty : "s")} ({lines.Length - sco.Length} mention(s) the same in both)", report, StringComparison.Ordinal);
        Assert.Contains($"| Organization | known | 0 | {sco.Length} | 0 | 0 |", report, StringComparison.Ordinal);
        Assert.Contains("⟦منظمة شنغهاي للتعاون⟧", report, StringComparison.Ordinal);
        Assert.Equal(sco.Length, report.Split('\n').Count(line => line.StartsWith("removed  ", StringComparison.Ordinal)));
    }

    [Fact]
    public void One_thread_and_two_threads_write_the_same_mentions_over_the_seeds()
    {
        (int oneExit, string one, string oneError) = Repository.RunProgram("NewsDesk.dll", "--format mentions --threads 1");
        (int twoExit, string two, string twoError) = Repository.RunProgram("NewsDesk.dll", "--format mentions --threads 2");

        Assert.True(oneExit == 0, oneError);
        Assert.True(twoExit == 0, twoError);
        Assert.NotEmpty(one);
        Assert.Equal(one, two);
        Assert.Equal(
            Repository.SeedFiles.Select(f => Path.GetFileName(f)),
            one.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => Mention.TryParse(line, out Mention? mention, out _) ? mention!.Doc : "?").Distinct());
    }

    [Fact]
    public void The_summary_format_prints_only_the_figures_of_the_run()
    {
        (int exit, string output, string error) = Repository.RunProgram("NewsDesk.dll", "--format summary --threads 1");

        Assert.True(exit == 0, error);
        string line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Matches(@"^5 article\(s\), [0-9.]+ KB of UTF-8 in \d+ ms \([0-9.]+ MB/s\) on 1 thread\(s\)\.$", line);
    }

    /// <summary>Two shards over the seeds write, together, the mentions of one run, each article once.</summary>
    [Fact]
    public void Two_shards_write_together_what_one_run_writes()
    {
        (int allExit, string all, string allError) = Repository.RunProgram("NewsDesk.dll", "--format mentions");
        (int firstExit, string first, string firstError) = Repository.RunProgram("NewsDesk.dll", "--format mentions --shard 1/2");
        (int secondExit, string second, string secondError) = Repository.RunProgram("NewsDesk.dll", "--format mentions --shard 2/2");

        Assert.True(allExit == 0 && firstExit == 0 && secondExit == 0, allError + firstError + secondError);
        static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(Lines(first));
        Assert.NotEmpty(Lines(second));
        Assert.Equal(Lines(all).Order(StringComparer.Ordinal), Lines(first).Concat(Lines(second)).Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// <c>-</c> reads standard input: JSON Lines of id and text give the mentions a run over the
    /// files gives, under the ids given; raw text is one document named <c>-</c>.
    /// </summary>
    [Fact]
    public void Standard_input_takes_json_lines_and_raw_text()
    {
        string[] seeds = [.. Repository.SeedFiles.Take(2)];
        string lines = string.Concat(seeds.Select(seed => System.Text.Json.JsonSerializer.Serialize(new { id = "piped-" + Path.GetFileName(seed), text = File.ReadAllText(seed) }) + "\n"));
        (int exit, string piped, string error) = Repository.RunProgram("NewsDesk.dll", "--format mentions -", input: lines);
        (int filesExit, string files, string filesError) = Repository.RunProgram("NewsDesk.dll", $"--format mentions \"{seeds[0]}\" \"{seeds[1]}\"");
        (int rawExit, string raw, string rawError) = Repository.RunProgram("NewsDesk.dll", "--format mentions -", input: File.ReadAllText(seeds[0]));

        Assert.True(exit == 0 && filesExit == 0 && rawExit == 0, error + filesError + rawError);
        Assert.NotEmpty(piped);
        Assert.Equal(files.Replace("\"doc\":\"", "\"doc\":\"piped-", StringComparison.Ordinal), piped);
        string first = Path.GetFileName(seeds[0]);
        Assert.Equal(
            string.Concat(files.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(line => line.Contains(first, StringComparison.Ordinal)).Select(line => line.Replace(first, "-", StringComparison.Ordinal) + "\n")),
            raw);
    }

    [Theory]
    [InlineData("0/2")]
    [InlineData("3/2")]
    [InlineData("1/0")]
    [InlineData("half")]
    public void A_shard_that_is_not_one_of_n_is_refused(string shard)
    {
        (int exit, _, string error) = Repository.RunProgram("NewsDesk.dll", $"--shard {shard}");
        Assert.NotEqual(0, exit);
        Assert.Contains("--shard takes i/n", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Fewer_than_one_thread_is_refused()
    {
        (int exit, _, string error) = Repository.RunProgram("NewsDesk.dll", "--threads 0");
        Assert.NotEqual(0, exit);
        Assert.Contains("--threads must be 1 or more", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_json_format_writes_the_typed_documents_with_arabic_as_text()
    {
        (int exit, string output, string error) = Repository.RunProgram("NewsDesk.dll", $"--format json \"{Repository.SeedFiles[3]}\"");

        Assert.True(exit == 0, error);
        Assert.StartsWith("[", output.TrimStart(), StringComparison.Ordinal);
        Assert.Contains("\"headline\": \"بوتين: العمل مع رابطة الدول المستقلة", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u06", output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
