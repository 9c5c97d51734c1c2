using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using CorpusKit.Evaluation;
using CorpusKit.Testing;
using Spectre.Console;

namespace CorpusKit.Cli;

/// <summary><c>snapshots review|accept|reject</c>: decide what becomes of received snapshots.</summary>
internal static class SnapshotsCommand
{
    /// <summary>How to run this tool again: as the installed .NET tool, or as the README runs it from the repository root.</summary>
    private static string Invocation
        => string.Equals(Path.GetFileNameWithoutExtension(Environment.ProcessPath), "corpuskit", StringComparison.OrdinalIgnoreCase)
            ? "corpuskit"
            : "dotnet run --project src/CorpusKit.Cli --";

    public static Command Create()
    {
        var command = new Command("snapshots", "Review, accept or reject the *.received.* files failing snapshot tests wrote.");
        command.Subcommands.Add(Review());
        command.Subcommands.Add(Decide("accept", "Make received snapshots the verified ones.", SnapshotStore.Accept, "accepted"));
        command.Subcommands.Add(Decide("reject", "Delete received snapshots; the verified ones stay.", SnapshotStore.Reject, "rejected"));
        return command;
    }

    private static Option<DirectoryInfo> RootOption() => new("--root")
    {
        Description = "Where to look for received snapshots (default: the current folder).",
        DefaultValueFactory = _ => new DirectoryInfo(Environment.CurrentDirectory),
    };

    private static Command Review()
    {
        Option<DirectoryInfo> root = RootOption();
        var html = new Option<FileInfo?>("--html") { Description = "Write one self-contained HTML page of every pending snapshot (its changes as entities, its raw diff, the commands that decide it) instead of asking." };
        var texts = new Option<string[]>("--texts") { Description = "The documents the snapshots are of (folders of *.txt files, or files), to show each change in its sentence.", AllowMultipleArgumentsPerToken = true };
        var command = new Command("review", "Show each received snapshot with its diff and accept, reject or skip it.") { root, html, texts };
        command.SetAction(result => RunReview(result.GetValue(root)!, result.GetValue(html), DiffCommand.ReadTexts(result.GetValue(texts) ?? [], [])));
        return command;
    }

    private static Command Decide(string name, string description, Action<PendingSnapshot> action, string done)
    {
        Option<DirectoryInfo> root = RootOption();
        var all = new Option<bool>("--all") { Description = "Every received snapshot under --root." };
        var paths = new Argument<string[]>("paths") { Description = "Received (or verified) snapshot files.", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command(name, description) { paths, all, root };
        command.SetAction(result =>
        {
            string[] given = result.GetValue(paths) ?? [];
            if (given.Length == 0 && !result.GetValue(all))
            {
                Console.Error.WriteLine($"error: name the snapshots to {name}, or pass --all.");
                return 2;
            }

            int missing = 0;
            var pending = new List<PendingSnapshot>();
            if (result.GetValue(all))
            {
                pending.AddRange(SnapshotStore.FindPending(result.GetValue(root)!.FullName));
            }

            foreach (string path in given)
            {
                if (SnapshotStore.Resolve(path) is { } snapshot)
                {
                    pending.Add(snapshot);
                }
                else
                {
                    Console.Error.WriteLine($"error: no received snapshot for {path}.");
                    missing++;
                }
            }

            foreach (PendingSnapshot snapshot in pending.DistinctBy(s => s.Received))
            {
                action(snapshot);
                Console.WriteLine($"{done} {Relative(snapshot.Verified)}");
            }

            return missing == 0 ? 0 : 1;
        });
        return command;
    }

    private static int RunReview(DirectoryInfo root, FileInfo? html, IReadOnlyDictionary<string, string> texts)
    {
        IReadOnlyList<PendingSnapshot> pending = SnapshotStore.FindPending(root.FullName);
        if (pending.Count == 0)
        {
            Console.WriteLine("No received snapshots: every snapshot test agrees with its verified file.");
            return 0;
        }

        // What changed as entities, over every pending snapshot that holds entities, then each one's.
        var diffs = pending.ToDictionary(snapshot => snapshot, EntityDiff);
        List<(List<Mention> Before, List<Mention> After)> sides = [.. diffs.Values.Where(d => d is not null).Select(d => d!.Value)];
        if (sides.Count > 0)
        {
            MentionDiff all = MentionDiff.Compare([.. sides.SelectMany(s => s.Before)], [.. sides.SelectMany(s => s.After)]);
            Console.WriteLine($"As entities, in {sides.Count} snapshot(s): {all.Summary()}.");
        }

        if (html is not null)
        {
            var sections = new List<HtmlReview.Section>();
            foreach ((PendingSnapshot snapshot, (List<Mention> Before, List<Mention> After)? entities) in diffs)
            {
                string path = Relative(snapshot.Received);
                MentionDiff diff = entities is { } sidesOfOne ? MentionDiff.Compare(sidesOfOne.Before, sidesOfOne.After) : MentionDiff.Compare([], []);
                sections.Add(new HtmlReview.Section(
                    Relative(snapshot.Verified),
                    diff,
                    texts,
                    [$"{Invocation} snapshots accept \"{path}\"", $"{Invocation} snapshots reject \"{path}\""],
                    snapshot.Diff()));
            }

            HtmlReview.Write(html.FullName, $"{pending.Count} received snapshot(s)", sections);
            Console.WriteLine($"The review page: {html.FullName}");
            return 1;
        }

        if (Console.IsInputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            // No one to ask: say what there is and how to decide.
            foreach ((PendingSnapshot snapshot, (List<Mention> Before, List<Mention> After)? diff) in diffs)
            {
                if (diff is { } sidesOfOne)
                {
                    Console.WriteLine($"  {Relative(snapshot.Received)}: {MentionDiff.Compare(sidesOfOne.Before, sidesOfOne.After).Summary()}");
                }
            }

            Console.WriteLine($"{pending.Count} received snapshot(s). Read each diff, then run one of:");
            foreach (PendingSnapshot snapshot in pending)
            {
                string path = Relative(snapshot.Received);
                Console.WriteLine($"  {Invocation} snapshots accept \"{path}\"    # or: snapshots reject");
            }

            string rootArgument = Path.GetFullPath(root.FullName) == Path.GetFullPath(Environment.CurrentDirectory) ? string.Empty : $" --root \"{Relative(root.FullName)}\"";
            Console.WriteLine($"  {Invocation} snapshots accept --all{rootArgument}    # or: snapshots reject --all{rootArgument}");
            return 1;
        }

        ReviewResult result = SnapshotReview.Run(pending, (snapshot, index) =>
        {
            AnsiConsole.Write(new Rule($"[bold]{Markup.Escape(Relative(snapshot.Verified))}[/] ({index + 1}/{pending.Count})").LeftJustified());
            if (diffs[snapshot] is { } entities)
            {
                // The entities first: what a reviewer decides on; the raw diff after, for the rest.
                MentionDiff diff = MentionDiff.Compare(entities.Before, entities.After);
                AnsiConsole.MarkupLine($"[bold]{Markup.Escape(diff.Summary())}[/]");
                foreach (MentionChange change in diff.Changes.Take(MostChangesShown))
                {
                    string style = change.Kind == MentionChangeKind.Added ? "green" : change.Kind == MentionChangeKind.Removed ? "red" : "yellow";
                    AnsiConsole.MarkupLine($"[{style}]{Markup.Escape(change.Describe())}[/]");
                    if (texts.TryGetValue(change.Mention.Doc, out string? text) && change.Mention.End <= text.Length)
                    {
                        AnsiConsole.MarkupLine($"    [grey]{Markup.Escape(MentionDiff.Sentence(text, change.Mention.Start, change.Mention.End))}[/]");
                    }
                }

                if (diff.Changes.Count > MostChangesShown)
                {
                    AnsiConsole.MarkupLine($"[grey]… and {diff.Changes.Count - MostChangesShown} more[/]");
                }
            }

            foreach (string line in snapshot.Diff().Split('\n'))
            {
                string style = line.StartsWith('+') ? "green" : line.StartsWith('-') ? "red" : line.StartsWith('@') ? "cyan" : "grey";
                AnsiConsole.MarkupLine($"[{style}]{Markup.Escape(line)}[/]");
            }

            return Ask();
        });
        AnsiConsole.MarkupLine($"[green]{result.Accepted} accepted[/], [red]{result.Rejected} rejected[/], {result.Skipped} left for the next review.");
        return 0;
    }

    private static char Ask()
    {
        while (true)
        {
            AnsiConsole.Markup("[bold][[a]]ccept, [[r]]eject, [[s]]kip, [[A]]ccept all, [[R]]eject all, [[q]]uit?[/] ");
            string? answer = Console.ReadLine()?.Trim();
            if (answer is null)
            {
                return 'q';
            }

            if (answer.Length == 1 && "arsARq".Contains(answer[0], StringComparison.Ordinal))
            {
                return answer[0];
            }
        }
    }

    private static string Relative(string path) => Path.GetRelativePath(Environment.CurrentDirectory, path);

    /// <summary>How many entity changes a snapshot's review lists before the raw diff.</summary>
    private const int MostChangesShown = 40;

    /// <summary>The mentions of a snapshot's verified and received sides, when both hold entities (a new snapshot's verified side is empty).</summary>
    private static (List<Mention> Before, List<Mention> After)? EntityDiff(PendingSnapshot snapshot)
    {
        string name = Path.GetFileName(snapshot.Verified);
        List<Mention>? after = SnapshotEntities.Read(snapshot.Received, name);
        List<Mention>? before = File.Exists(snapshot.Verified) ? SnapshotEntities.Read(snapshot.Verified, name) : after is null ? null : [];
        return before is null || after is null ? null : (before, after);
    }
}
