using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using CorpusKit.Evaluation;

namespace CorpusKit.Cli;

/// <summary><c>eval --gold FILE --mentions FILE</c>: precision, recall and F1 per type, exact and overlapping.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var gold = new Option<FileInfo>("--gold") { Description = "The gold mentions (JSON Lines).", Required = true };
        var mentions = new Option<FileInfo>("--mentions") { Description = "The predicted mentions (JSON Lines, as `--format mentions` writes them).", Required = true };
        var summary = new Option<bool>("--summary") { Description = "Print the table only, without the misses and false hits." };
        var command = new Command("eval", "Score a mention file against a gold file.") { gold, mentions, summary };
        command.SetAction(result => Run(result.GetValue(gold)!, result.GetValue(mentions)!, result.GetValue(summary)));
        return command;
    }

    private static int Run(FileInfo gold, FileInfo mentions, bool summary)
    {
        foreach (FileInfo file in new[] { gold, mentions })
        {
            if (!file.Exists)
            {
                Console.Error.WriteLine($"error: {file.FullName} does not exist.");
                return 2;
            }
        }

        var problems = new List<string>();
        List<Mention> expected = Mention.ReadFile(gold.FullName, problems);
        List<Mention> predicted = Mention.ReadFile(mentions.FullName, problems);
        foreach (string problem in problems)
        {
            Console.Error.WriteLine("warning: " + problem + " (line skipped)");
        }

        Console.Write(EvaluationReport.Compare(expected, predicted).ToText(details: !summary));
        return problems.Count == 0 ? 0 : 1;
    }
}
