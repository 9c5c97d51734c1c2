using System;
using System.IO;
using System.Linq;
using CorpusKit.Json;
using CorpusKit.Testing;

namespace NewsDesk.Tests;

/// <summary>
/// The review loop a user goes through: a changed seed makes a snapshot fail with a readable
/// diff; <c>snapshots review</c> lists it (no terminal here), <c>snapshots accept</c> takes the
/// change and the snapshot passes again; <c>snapshots reject</c> drops a change and keeps the
/// verified text. Runs the real command-line tool in a folder of its own.
/// </summary>
public sealed class SnapshotWorkflowTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("corpuskit-snapshots-").FullName;

    [Fact]
    public void A_changed_seed_fails_with_a_diff_and_accepting_it_makes_the_snapshot_pass()
    {
        string seed = File.ReadAllText(Repository.SeedFiles[3]);
        string verified = Path.Combine(_folder, "Flow.Seed003.verified.json");
        File.WriteAllText(verified, Json(seed));

        // The publication date of 003 changes by a day.
        string changed = Json(seed.Replace("10th, February 2024", "11th, February 2024", StringComparison.Ordinal));
        SnapshotMismatchException failure = Assert.Throws<SnapshotMismatchException>(() => Snapshot.VerifyFile(verified, changed, launchDiffTool: false));
        Assert.Contains("-    \"value\": \"2024-02-10\",", failure.Message, StringComparison.Ordinal);
        Assert.Contains("+    \"value\": \"2024-02-11\",", failure.Message, StringComparison.Ordinal);
        Assert.Contains("+    \"text\": \"11th, February 2024\",", failure.Message, StringComparison.Ordinal);
        string received = Snapshot.ReceivedPath(verified);
        Assert.True(File.Exists(received));

        (int reviewExit, string listing, _) = Repository.RunProgram("CorpusKit.Cli.dll", $"snapshots review --root \"{_folder}\"");
        Assert.Equal(1, reviewExit);
        Assert.Contains("1 received snapshot(s)", listing, StringComparison.Ordinal);
        Assert.Contains("snapshots accept", listing, StringComparison.Ordinal);
        Assert.Contains("Flow.Seed003.received.json", listing, StringComparison.Ordinal);

        (int acceptExit, string accepted, string error) = Repository.RunProgram("CorpusKit.Cli.dll", $"snapshots accept --all --root \"{_folder}\"");
        Assert.True(acceptExit == 0, error);
        Assert.Contains("accepted", accepted, StringComparison.Ordinal);
        Assert.False(File.Exists(received));
        Snapshot.VerifyFile(verified, changed);
    }

    /// <summary>
    /// Before the raw diffs, the review says what changed as entities: over every pending snapshot
    /// (one line for the whole change), then per snapshot. A date changed in one seed; in another,
    /// the minister named by his title alone (الوزير) where his name stood.
    /// </summary>
    [Fact]
    public void A_review_says_first_what_changed_as_entities_over_all_snapshots_and_in_each()
    {
        string date = File.ReadAllText(Repository.SeedFiles[3]);
        string names = File.ReadAllText(Repository.SeedFiles[0]);
        string dated = Path.Combine(_folder, "Flow.Seed003.verified.json");
        string named = Path.Combine(_folder, "Flow.Seed000.verified.json");
        File.WriteAllText(dated, Json(date));
        File.WriteAllText(named, Json(names, "000"));
        Assert.Throws<SnapshotMismatchException>(() => Snapshot.VerifyFile(dated, Json(date.Replace("10th, February 2024", "11th, February 2024", StringComparison.Ordinal)), launchDiffTool: false));
        string renamed = names.Replace("لافروف", "الوزير", StringComparison.Ordinal);
        Article before = NewsDeskCorpus.Instance.Extract(names, "000");
        Article after = NewsDeskCorpus.Instance.Extract(renamed, "000");
        int lost = before.Mentions().Count(m => m is Person) - after.Mentions().Count(m => m is Person);
        Assert.True(lost > 0);
        Assert.Throws<SnapshotMismatchException>(() => Snapshot.VerifyFile(named, Json(renamed, "000"), launchDiffTool: false));

        (int exit, string listing, _) = Repository.RunProgram("CorpusKit.Cli.dll", $"snapshots review --root \"{_folder}\"");

        Assert.Equal(1, exit);
        string[] lines = listing.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        Assert.StartsWith("As entities, in 2 snapshot(s): ", lines[0], StringComparison.Ordinal);
        Assert.Contains("1 dates changed in 1 document", lines[0], StringComparison.Ordinal);
        Assert.Contains("Flow.Seed003.received.json: 1 dates changed in 1 document", listing, StringComparison.Ordinal);
        Assert.Contains("Flow.Seed000.received.json: ", listing, StringComparison.Ordinal);
        Assert.Contains("people removed in 1 document", listing, StringComparison.Ordinal);
        Assert.Contains("2 received snapshot(s)", listing, StringComparison.Ordinal);
    }

    /// <summary>
    /// The user's diff tool, through DiffEngine: never on CI or when turned off, otherwise on; and a
    /// tool DiffEngine knows (here a script registered as one) is started on the received and the
    /// verified file, and not at all when the test asks for none.
    /// </summary>
    [Fact]
    public void A_failing_snapshot_opens_the_diff_tool_on_a_developers_machine_only()
    {
        Assert.False(Snapshot.LaunchesDiffToolUnder(name => name == "CI" ? "true" : null));
        Assert.False(Snapshot.LaunchesDiffToolUnder(name => name == Snapshot.DiffToolVariable ? "0" : null));
        Assert.False(Snapshot.LaunchesDiffToolUnder(name => name == "DiffEngine_Disabled" ? "true" : null));
        Assert.Equal(!DiffEngine.DiffRunner.Disabled && !DiffEngine.BuildServerDetector.Detected, Snapshot.LaunchesDiffToolUnder(_ => null));

        // A diff tool of the test's own: a script that writes down the files it is given.
        string log = Path.Combine(_folder, "tool.log");
        string tool = Path.Combine(_folder, "difftool.sh");
        File.WriteAllText(tool, $"#!/bin/sh\nprintf '%s\\n' \"$@\" >> '{log}'\n");
        Assert.True(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "the test's diff tool is a shell script");
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
        {
            File.SetUnixFileMode(tool, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        DiffEngine.DiffTools.AddTool(
            name: "CorpusKitTestTool",
            autoRefresh: false,
            isMdi: false,
            supportsText: true,
            requiresTarget: true,
            useShellExecute: false,
            launchArguments: new DiffEngine.LaunchArguments(Left: (temp, target) => $"\"{temp}\" \"{target}\"", Right: (temp, target) => $"\"{temp}\" \"{target}\""),
            exePath: tool,
            binaryExtensions: [],
            createNoWindow: true);
        string verified = Path.Combine(_folder, "Tool.Case.verified.txt");
        File.WriteAllText(verified, "old\n");

        Assert.Throws<SnapshotMismatchException>(() => Snapshot.VerifyFile(verified, "new\n", launchDiffTool: false));
        Assert.False(File.Exists(log));
        Assert.True(Snapshot.LaunchDiffTool(Snapshot.ReceivedPath(verified), verified));
        for (int wait = 0; wait < 100 && !File.Exists(log); wait++)
        {
            System.Threading.Thread.Sleep(50);
        }

        Assert.Equal([Snapshot.ReceivedPath(verified), verified], File.ReadAllLines(log));

        // A tool whose program is gone (another test's, removed with its folder) opens nothing and
        // throws nothing: the snapshot's own failure is what the test reports.
        File.Delete(tool);
        Assert.False(Snapshot.LaunchDiffTool(Snapshot.ReceivedPath(verified), verified));
    }

    [Fact]
    public void Rejecting_a_change_keeps_the_verified_text()
    {
        string verified = Path.Combine(_folder, "Flow.Reject.verified.txt");
        File.WriteAllText(verified, "لافروف\n");
        Assert.Throws<SnapshotMismatchException>(() => Snapshot.VerifyFile(verified, "بوتين\n", launchDiffTool: false));

        (int exit, string output, string error) = Repository.RunProgram("CorpusKit.Cli.dll", $"snapshots reject \"{Snapshot.ReceivedPath(verified)}\"");
        Assert.True(exit == 0, error);
        Assert.Contains("rejected", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Snapshot.ReceivedPath(verified)));
        Assert.Equal("لافروف\n", File.ReadAllText(verified));
        Assert.Empty(SnapshotStore.FindPending(_folder));
    }

    /// <summary>
    /// The prompt itself, as a reviewer meets it: <c>snapshots review</c> in a pseudo-terminal
    /// (util-linux's <c>script</c>), answered at its prompt: accept A, reject B, skip C, then quit
    /// at D. The files show each answer.
    /// </summary>
    [Fact]
    public async System.Threading.Tasks.Task A_review_in_a_terminal_takes_each_answer_at_its_prompt()
    {
        Assert.True(File.Exists("/usr/bin/script"), "This test needs util-linux's script (a pseudo-terminal).");
        string[] names = ["A", "B", "C", "D"];
        foreach (string name in names)
        {
            string verified = Path.Combine(_folder, $"Prompt.{name}.verified.txt");
            File.WriteAllText(verified, "old " + name + "\n");
            Assert.Throws<SnapshotMismatchException>(() => Snapshot.VerifyFile(verified, "new " + name + "\n", launchDiffTool: false));
        }

        string program = Path.Combine(AppContext.BaseDirectory, "CorpusKit.Cli.dll");
        var start = new System.Diagnostics.ProcessStartInfo("/usr/bin/script", ["-qfec", $"env -u CI dotnet '{program}' snapshots review --root '{_folder}'", "/dev/null"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["DOTNET_NOLOGO"] = "1";
        using System.Diagnostics.Process process = System.Diagnostics.Process.Start(start)!;
        process.StandardInput.Write("a\nr\ns\nq\n");
        process.StandardInput.Flush();
        var error = process.StandardError.ReadToEndAsync();
        string terminal = await process.StandardOutput.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "the review did not end");
        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {terminal} {await error}");

        // A prompt under each diff: A, B, C, and D, where the reviewer quits.
        Assert.Equal(4, System.Text.RegularExpressions.Regex.Count(terminal, @"\[a\]ccept, \[r\]eject, \[s\]kip"));
        Assert.Contains("+new D", terminal, StringComparison.Ordinal);
        Assert.Contains("1 accepted", terminal, StringComparison.Ordinal);
        Assert.Contains("1 rejected", terminal, StringComparison.Ordinal);
        Assert.Contains("2 left for the next review", terminal, StringComparison.Ordinal);
        string Verified(string name) => File.ReadAllText(Path.Combine(_folder, $"Prompt.{name}.verified.txt"));
        Assert.Equal(["new A\n", "old B\n", "old C\n", "old D\n"], names.Select(Verified));
        Assert.Equal(["Prompt.C.received.txt", "Prompt.D.received.txt"], SnapshotStore.FindPending(_folder).Select(p => Path.GetFileName(p.Received)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_review_takes_one_answer_per_snapshot_and_all_of_them_covers_the_rest()
    {
        string[] names = ["A", "B", "C", "D", "E"];
        foreach (string name in names)
        {
            string verified = Path.Combine(_folder, $"Review.{name}.verified.txt");
            File.WriteAllText(verified, "old " + name + "\n");
            Assert.Throws<SnapshotMismatchException>(() => Snapshot.VerifyFile(verified, "new " + name + "\n", launchDiffTool: false));
        }

        // A accepted, B rejected, C skipped, then "accept all" for D and E.
        var answers = new System.Collections.Generic.Queue<char>(['a', 'r', 's', 'A']);
        var asked = new System.Collections.Generic.List<string>();
        ReviewResult result = SnapshotReview.Run(SnapshotStore.FindPending(_folder), (snapshot, _) =>
        {
            asked.Add(Path.GetFileName(snapshot.Verified));
            Assert.Contains("+new ", snapshot.Diff(), StringComparison.Ordinal);
            return answers.Dequeue();
        });

        Assert.Equal(new ReviewResult(3, 1, 1), result);
        Assert.Equal(["Review.A.verified.txt", "Review.B.verified.txt", "Review.C.verified.txt", "Review.D.verified.txt"], asked);
        Assert.Equal(["new A\n", "old B\n", "old C\n", "new D\n", "new E\n"], names.Select(n => File.ReadAllText(Path.Combine(_folder, $"Review.{n}.verified.txt"))));
        Assert.Equal(["Review.C.received.txt"], SnapshotStore.FindPending(_folder).Select(p => Path.GetFileName(p.Received)));

        // Quitting leaves the rest waiting.
        Assert.Equal(new ReviewResult(0, 0, 1), SnapshotReview.Run(SnapshotStore.FindPending(_folder), (_, _) => 'q'));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Json(string text, string id = "003") => CorpusJson.Serialize(NewsDeskCorpus.Instance.Extract(text, id)) + "\n";
}
