using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using CorpusKit.Evaluation;
using CorpusKit.Json;
using CorpusKit.DuckDB;
using CorpusKit.Parquet;
using CorpusKit.Running;
using CorpusKit.Tables;
using Spectre.Console;

namespace NewsDesk;

/// <summary>How the results are printed.</summary>
public enum OutputFormat
{
    /// <summary>A readable summary per article.</summary>
    Table,

    /// <summary>The typed document results, as one JSON array.</summary>
    Json,

    /// <summary>One JSON line per mention.</summary>
    Mentions,

    /// <summary>Only the run's figures: articles, UTF-8 read, time, throughput, threads.</summary>
    Summary,
}

/// <summary>Runs the NewsDesk corpus over files and prints what it found.</summary>
public static class Runner
{
    /// <summary>Exit code: everything ran.</summary>
    public const int Success = 0;

    /// <summary>Exit code: some files were skipped (missing, unreadable, not UTF-8); the rest ran.</summary>
    public const int SomeSkipped = 1;

    /// <summary>Exit code: nothing could run (no corpus, no gold).</summary>
    public const int Failed = 2;

    /// <summary>Above this much text a run shows a progress bar (on a terminal).</summary>
    private const long ProgressThreshold = 512 * 1024;

    /// <summary>
    /// Whether stderr is a terminal a person watches: not redirected, and not a CI job (<c>CI</c>
    /// set). Decided here, not by Spectre.Console's own guess, which says no on a real terminal
    /// (tmux, a pseudo-terminal) when it finds no TERM it knows of.
    /// </summary>
    private static readonly bool s_terminal = !Console.IsErrorRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    private static readonly IAnsiConsole s_error = AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Console.Error),
        Interactive = s_terminal ? InteractionSupport.Yes : InteractionSupport.No,
    });

    public static int Run(IReadOnlyList<string> paths, OutputFormat format, int threads, (int Shard, int Shards)? shard = null, string? output = null)
    {
        if (Inputs(paths, shard) is not { } inputs)
        {
            return Failed;
        }

        if (output is not null)
        {
            return RunInto(inputs, threads, output);
        }

        CorpusRunSummary run;
        switch (format)
        {
            case OutputFormat.Json:
                // Each article is written and flushed as it arrives; the array opens with the first one,
                // so a run where nothing could be read prints nothing, as before.
                bool opened = false;
                using (Stream stdout = Console.OpenStandardOutput())
                using (var writer = new Utf8JsonWriter(stdout, CorpusJson.Indented))
                {
                    run = Extract(inputs, threads, streaming: true, article =>
                    {
                        if (!opened)
                        {
                            writer.WriteStartArray();
                            opened = true;
                        }

                        article.WriteTo(writer);
                        writer.Flush();
                    });
                    if (opened)
                    {
                        writer.WriteEndArray();
                    }
                }

                if (run.Documents == 0)
                {
                    return NothingRan();
                }

                Console.WriteLine();
                break;
            case OutputFormat.Mentions:
                // Each article's lines are written as JSON by the worker that extracted it; the sink,
                // one thread for all workers, only copies the bytes out in input order.
                using (Stream stdout = Console.OpenStandardOutput())
                using (var buffered = new BufferedStream(stdout, 1 << 16))
                {
                    run = Extract(inputs, threads, streaming: true, Mentions.Lines, chunks =>
                    {
                        foreach (byte[] chunk in chunks)
                        {
                            buffered.Write(chunk);
                        }

                        buffered.Flush();
                    });
                }

                if (run.Documents == 0)
                {
                    return NothingRan();
                }

                break;
            case OutputFormat.Summary:
                run = Extract(inputs, threads, streaming: false, static article => article, static _ => { });
                if (run.Documents == 0)
                {
                    return NothingRan();
                }

                Console.WriteLine(Figures(run) + $" on {run.Threads} thread(s).");
                break;
            default:
                // The tables follow the run (a progress bar may be on the terminal meanwhile), so they keep the articles.
                var articles = new List<Article>();
                run = Extract(inputs, threads, streaming: false, articles.Add);
                if (run.Documents == 0)
                {
                    return NothingRan();
                }

                foreach (Article article in articles)
                {
                    ArticleView.Write(AnsiConsole.Console, article);
                }

                AnsiConsole.MarkupLine($"[grey]{Markup.Escape(Figures(run))}.[/]");
                break;
        }

        return run.Skipped == 0 ? Success : SomeSkipped;
    }

    /// <summary>
    /// Runs the corpus into the tables of <paramref name="output"/>, a DuckDB database when it ends in
    /// <c>.duckdb</c>, else a folder of Parquet files (a path with no extension, or a folder that
    /// exists): every document, extracted or skipped, every mention, and a typed table per entity
    /// type. A file gets its name only once the run is done; stdout gets the run's figures.
    /// </summary>
    private static int RunInto(IReadOnlyList<CorpusInput> inputs, int threads, string output)
    {
        bool database = output.EndsWith(".duckdb", StringComparison.OrdinalIgnoreCase);
        if (!database && Path.HasExtension(Path.TrimEndingDirectorySeparator(output)) && !Directory.Exists(output))
        {
            s_error.MarkupLine($"[red]error:[/] --out {Markup.Escape(output)}: give a file ending in .duckdb (a DuckDB database) or a folder (Parquet files, one per table).");
            return Failed;
        }

        CorpusRunSummary run;
        using (ITableSink sink = database ? new DuckDBTableSink(output, NewsDeskCorpus.Tables) : new ParquetTableSink(output, NewsDeskCorpus.Tables))
        {
            run = ExtractEach(inputs, threads, streaming: false, static article => article, result =>
            {
                if (result.Extracted)
                {
                    sink.Add(result.Id, result.Document.Mentions(), result.Utf8Length);
                }
                else
                {
                    sink.AddSkipped(result.Id, result.Problem);
                }
            });
            if (run.Documents == 0)
            {
                // Disposed without Complete: no file is left.
                return NothingRan();
            }

            sink.Complete();
        }

        Console.WriteLine(Figures(run) + $" on {run.Threads} thread(s), written to {Path.GetFullPath(output)}.");
        return run.Skipped == 0 ? Success : SomeSkipped;
    }

    public static int Evaluate(FileInfo gold, IReadOnlyList<string> paths, bool summary, int threads)
    {
        if (!gold.Exists)
        {
            s_error.MarkupLine($"[red]error:[/] the gold file {Markup.Escape(gold.FullName)} does not exist.");
            return Failed;
        }

        if (Inputs(paths) is not { } inputs)
        {
            return Failed;
        }

        // Only the mentions and the ids of the documents that ran are kept, not the articles.
        var found = new List<Mention>();
        var documents = new HashSet<string>(StringComparer.Ordinal);
        CorpusRunSummary run = Extract(inputs, threads, streaming: false, article =>
        {
            documents.Add(article.Id!);
            found.AddRange(Mentions.Of([article]));
        });
        if (run.Documents == 0)
        {
            return NothingRan();
        }

        var problems = new List<string>();
        List<Mention> expected = Mention.ReadFile(gold.FullName, problems);
        foreach (string problem in problems)
        {
            s_error.MarkupLine($"[yellow]warning:[/] {Markup.Escape(problem)} (line skipped)");
        }

        // Score only the documents that ran: a gold file may cover more of the corpus.
        EvaluationReport report = EvaluationReport.Compare(expected.Where(m => documents.Contains(m.Doc)).ToList(), found);
        ReportView.Write(AnsiConsole.Console, report, details: !summary);
        return run.Skipped == 0 && problems.Count == 0 ? Success : SomeSkipped;
    }

    /// <summary>The inputs named by <paramref name="paths"/>, or the seeds; null (reported) when there is nothing to name.</summary>
    private static IReadOnlyList<CorpusInput>? Inputs(IReadOnlyList<string> paths, (int Shard, int Shards)? shard = null)
    {
        if (paths.Count == 0)
        {
            string? seeds = CorpusFiles.FindSeeds();
            if (seeds is null)
            {
                s_error.MarkupLine("[red]error:[/] no paths given and no seeds/ folder found above this folder; pass folders or files.");
                return null;
            }

            paths = [seeds];
        }

        IReadOnlyList<CorpusInput> inputs = CorpusInput.FromPaths(paths);
        return shard is (int index, int count) ? [CorpusInput.Shard(inputs, index, count)] : inputs;
    }

    /// <summary>
    /// Runs the corpus over <paramref name="inputs"/> on <paramref name="threads"/> threads; each article reaches
    /// <paramref name="found"/> in input order, each skipped file is reported on stderr in its place.
    /// </summary>
    /// <param name="streaming">Whether <paramref name="found"/> prints as it goes; then a progress bar is shown only when the output is not the terminal too.</param>
    private static CorpusRunSummary Extract(IReadOnlyList<CorpusInput> inputs, int threads, bool streaming, Action<Article> found)
        => Extract(inputs, threads, streaming, static article => article, found);

    /// <summary>
    /// Like <see cref="Extract(IReadOnlyList{CorpusInput}, int, bool, Action{Article})"/>, with
    /// <paramref name="prepare"/> run on the worker that extracted each article (formatting it, say),
    /// so the sink, one thread for all workers, has little left to do.
    /// </summary>
    private static CorpusRunSummary Extract<T>(IReadOnlyList<CorpusInput> inputs, int threads, bool streaming, Func<Article, T> prepare, Action<T> found)
        => ExtractEach(inputs, threads, streaming, prepare, result =>
        {
            if (result.Extracted)
            {
                found(result.Document);
            }
        });

    /// <summary>
    /// Like <see cref="Extract{T}(IReadOnlyList{CorpusInput}, int, bool, Func{Article, T}, Action{T})"/>,
    /// with every document's result, skipped ones too, given to <paramref name="delivered"/> (after a
    /// skipped one is reported on stderr).
    /// </summary>
    private static CorpusRunSummary ExtractEach<T>(IReadOnlyList<CorpusInput> inputs, int threads, bool streaming, Func<Article, T> prepare, Action<DocumentResult<T>> delivered)
    {
        void Sink(DocumentResult<T> result)
        {
            if (!result.Extracted)
            {
                s_error.MarkupLine($"[yellow]skipped:[/] {Markup.Escape(result.Origin)} {Markup.Escape(result.Problem)}");
            }

            delivered(result);
        }

        T Work(string text, string id) => prepare(NewsDeskCorpus.Instance.Extract(text, id));

        long total = inputs.Sum(i => i.Length ?? 0);
        bool progressBar = total > ProgressThreshold
            && s_terminal
            && (!streaming || Console.IsOutputRedirected);
        if (!progressBar)
        {
            return new CorpusRunner<T>(Work, threads).Run(inputs, Sink);
        }

        CorpusRunSummary? run = null;
        s_error.Progress().Start(progress =>
        {
            ProgressTask task = progress.AddTask("Extracting", maxValue: total);
            var runner = new CorpusRunner<T>(Work, threads) { Progress = p => task.Value = p.Bytes };
            run = runner.Run(inputs, Sink);
        });
        return run!;
    }

    /// <summary>What a run did and how fast: articles, UTF-8 read, time, throughput, files skipped.</summary>
    private static string Figures(CorpusRunSummary run)
        => $"{run.Documents} article(s), {run.Bytes / 1024.0:0.#} KB of UTF-8 in {run.Elapsed.TotalMilliseconds:0} ms ({run.Bytes / 1048576.0 / Math.Max(run.Elapsed.TotalSeconds, 1e-6):0.#} MB/s){(run.Skipped > 0 ? $", {run.Skipped} file(s) skipped" : string.Empty)}";

    private static int NothingRan()
    {
        s_error.MarkupLine("[red]error:[/] no file could be read.");
        return Failed;
    }
}
