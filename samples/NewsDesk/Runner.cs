using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using CorpusKit.Evaluation;
using CorpusKit.Json;
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

    /// <summary>Above this much text the patterns are compiled to IL (see <c>PatternRunner.CompiledPatterns</c>).</summary>
    private const long CompiledPatternsThreshold = 4 * 1024 * 1024;

    /// <summary>Above this much text a run shows a progress bar (on a terminal).</summary>
    private const long ProgressThreshold = 512 * 1024;

    private static readonly IAnsiConsole s_error = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });

    public static int Run(IReadOnlyList<string> paths, OutputFormat format)
    {
        if (Extract(paths, out List<Article> articles, out int skipped, out TimeSpan elapsed, out long bytes) is { } failure)
        {
            return failure;
        }

        switch (format)
        {
            case OutputFormat.Json:
                using (Stream stdout = Console.OpenStandardOutput())
                using (var writer = new Utf8JsonWriter(stdout, CorpusJson.Indented))
                {
                    writer.WriteStartArray();
                    foreach (Article article in articles)
                    {
                        article.WriteTo(writer);
                    }

                    writer.WriteEndArray();
                }

                Console.WriteLine();
                break;
            case OutputFormat.Mentions:
                foreach (Article article in articles)
                {
                    foreach (CorpusKit.IEntity mention in article.Mentions())
                    {
                        Console.WriteLine(Mentions.Line(article.Id, mention));
                    }
                }

                break;
            default:
                foreach (Article article in articles)
                {
                    ArticleView.Write(AnsiConsole.Console, article);
                }

                AnsiConsole.MarkupLine($"[grey]{articles.Count} article(s), {bytes / 1024.0:0.#} KB of UTF-8 in {elapsed.TotalMilliseconds:0} ms ({bytes / 1048576.0 / Math.Max(elapsed.TotalSeconds, 1e-6):0.#} MB/s){(skipped > 0 ? $", {skipped} file(s) skipped" : string.Empty)}.[/]");
                break;
        }

        return skipped == 0 ? Success : SomeSkipped;
    }

    public static int Evaluate(FileInfo gold, IReadOnlyList<string> paths, bool summary)
    {
        if (!gold.Exists)
        {
            s_error.MarkupLine($"[red]error:[/] the gold file {Markup.Escape(gold.FullName)} does not exist.");
            return Failed;
        }

        if (Extract(paths, out List<Article> articles, out int skipped, out _, out _) is { } failure)
        {
            return failure;
        }

        var problems = new List<string>();
        List<Mention> expected = MentionFile.Read(gold.FullName, problems);
        foreach (string problem in problems)
        {
            s_error.MarkupLine($"[yellow]warning:[/] {Markup.Escape(problem)} (line skipped)");
        }

        // Score only the documents that ran: a gold file may cover more of the corpus.
        var documents = articles.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        EvaluationReport report = Scorer.Score(expected.Where(m => documents.Contains(m.Doc)).ToList(), Mentions.Of(articles));
        ReportView.Write(AnsiConsole.Console, report, details: !summary);
        return skipped == 0 && problems.Count == 0 ? Success : SomeSkipped;
    }

    /// <summary>Reads and extracts every file; returns an exit code when nothing could run.</summary>
    private static int? Extract(IReadOnlyList<string> paths, out List<Article> articles, out int skipped, out TimeSpan elapsed, out long bytes)
    {
        articles = [];
        skipped = 0;
        elapsed = TimeSpan.Zero;
        bytes = 0;
        if (paths.Count == 0)
        {
            string? seeds = CorpusFiles.FindSeeds();
            if (seeds is null)
            {
                s_error.MarkupLine("[red]error:[/] no paths given and no seeds/ folder found above this folder; pass folders or files.");
                return Failed;
            }

            paths = [seeds];
        }

        List<string> files = CorpusFiles.Expand(paths);
        long total = files.Where(File.Exists).Sum(f => new FileInfo(f).Length);

        // On a large corpus, patterns compiled to IL repay the tens of milliseconds each takes to build.
        if (total > CompiledPatternsThreshold)
        {
            AppContext.SetSwitch(CorpusKit.Matching.PatternRunner.CompiledPatternsSwitch, true);
        }

        var found = new List<Article>();
        int problems = 0;
        var clock = Stopwatch.StartNew();
        long read = 0;
        void RunAll(Action<long>? advance)
        {
            foreach (string path in files)
            {
                CorpusFile file = CorpusFiles.Read(path);
                if (file.Text is null)
                {
                    s_error.MarkupLine($"[yellow]skipped:[/] {Markup.Escape(file.Path)} {Markup.Escape(file.Problem!)}");
                    problems++;
                    continue;
                }

                found.Add(NewsDeskCorpus.Instance.Extract(file.Text, file.Id));
                long size = System.Text.Encoding.UTF8.GetByteCount(file.Text);
                read += size;
                advance?.Invoke(size);
            }
        }

        if (total > ProgressThreshold && !Console.IsErrorRedirected && s_error.Profile.Capabilities.Interactive)
        {
            s_error.Progress().Start(progress =>
            {
                ProgressTask task = progress.AddTask("Extracting", maxValue: total);
                RunAll(size => task.Increment(size));
            });
        }
        else
        {
            RunAll(null);
        }

        clock.Stop();
        articles = found;
        skipped = problems;
        elapsed = clock.Elapsed;
        bytes = read;
        if (found.Count == 0)
        {
            s_error.MarkupLine("[red]error:[/] no file could be read.");
            return Failed;
        }

        return null;
    }
}
