using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using CorpusKit.Evaluation;

namespace CorpusKit.Cli;

/// <summary>
/// <c>diff OLD NEW [--texts PATH…]</c>: two runs' mention files compared as entities (added, removed,
/// changed fields, moved spans, per type and rule), the new run scored against the old one, and each
/// change in its sentence when the documents' texts are given.
/// </summary>
internal static class DiffCommand
{
    public static Command Create()
    {
        var old = new Argument<FileInfo>("old") { Description = "The old run's mentions (JSON Lines, as `--format mentions` writes them)." };
        var @new = new Argument<FileInfo>("new") { Description = "The new run's mentions." };
        var texts = new Option<string[]>("--texts") { Description = "The documents (folders of *.txt files, or files), to show each change in its sentence.", AllowMultipleArgumentsPerToken = true };
        var summary = new Option<bool>("--summary") { Description = "The counts and scores only, without each change." };
        var html = new Option<FileInfo?>("--html") { Description = "Also write one self-contained HTML page of the changes (right-to-left text, spans marked, filters by kind, type and rule)." };
        var command = new Command("diff", "Compare two runs' mentions as entities: what was added, removed, changed or moved, per type and rule.") { old, @new, texts, summary, html };
        command.SetAction(result => Run(result.GetValue(old)!, result.GetValue(@new)!, result.GetValue(texts) ?? [], result.GetValue(summary), result.GetValue(html)));
        return command;
    }

    /// <summary>The documents' texts by file name (a document's id), from folders of *.txt files and files; a path with none is a problem.</summary>
    public static Dictionary<string, string> ReadTexts(IEnumerable<string> paths, List<string> problems)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string path in paths)
        {
            IEnumerable<string> files = Directory.Exists(path) ? Directory.EnumerateFiles(path, "*.txt") : File.Exists(path) ? [path] : [];
            if (!files.Any())
            {
                problems.Add($"{path}: no .txt file there");
            }

            foreach (string file in files)
            {
                texts[Path.GetFileName(file)] = File.ReadAllText(file);
            }
        }

        return texts;
    }

    private static int Run(FileInfo old, FileInfo @new, string[] textPaths, bool summary, FileInfo? html)
    {
        foreach (FileInfo file in new[] { old, @new })
        {
            if (!file.Exists)
            {
                Console.Error.WriteLine($"error: {file.FullName} does not exist.");
                return 2;
            }
        }

        var problems = new List<string>();
        List<Mention> before = Mention.ReadFile(old.FullName, problems);
        List<Mention> after = Mention.ReadFile(@new.FullName, problems);
        Dictionary<string, string> texts = ReadTexts(textPaths, problems);

        foreach (string problem in problems)
        {
            Console.Error.WriteLine("warning: " + problem + " (skipped)");
        }

        MentionDiff diff = MentionDiff.Compare(before, after);
        Console.Write(diff.ToText(textPaths.Length > 0 ? texts : null, details: !summary));
        if (html is not null)
        {
            HtmlReview.Write(html.FullName, $"{old.Name} → {@new.Name}", [new HtmlReview.Section($"{old.Name} → {@new.Name}", diff, texts, [], null)]);
            Console.WriteLine($"The review page: {html.FullName}");
        }
        return problems.Count == 0 ? 0 : 1;
    }
}
