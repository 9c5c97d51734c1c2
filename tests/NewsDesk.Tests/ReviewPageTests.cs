using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using CorpusKit.Json;
using CorpusKit.Testing;

namespace NewsDesk.Tests;

/// <summary>
/// The review page (<c>diff --html</c>, <c>snapshots review --html</c>): its content, and the page in a
/// real browser, Debian's headless Chromium: the filter script runs, the sentences read right to left
/// with their spans marked, and a screenshot is taken. Chromium comes from <c>apt-get install chromium</c>
/// (<c>.ci/run</c> installs it when missing).
/// </summary>
public sealed class ReviewPageTests : IDisposable
{
    private const string Chromium = "/usr/bin/chromium";

    private readonly string _folder = Directory.CreateTempSubdirectory("corpuskit-review-page-").FullName;

    [Fact]
    public void The_diff_page_marks_each_change_in_its_sentence_and_reads_right_to_left_in_a_browser()
    {
        // The new articles' mentions, then the same without the SCO and with Russia's id changed.
        string articles = Path.Combine(Repository.Root, "samples", "NewsDesk", "articles");
        (int exportExit, string mentions, string exportError) = Repository.RunProgram("NewsDesk.dll", $"--format mentions \"{articles}\"");
        Assert.True(exportExit == 0, exportError);
        string[] lines = mentions.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        int removed = lines.Count(l => l.Contains("\"id\":\"SCO\"", StringComparison.Ordinal));
        int changed = lines.Count(l => l.Contains("\"id\":\"RU\"", StringComparison.Ordinal));
        Assert.True(removed > 0 && changed > 0);
        string old = Path.Combine(_folder, "old.jsonl");
        string @new = Path.Combine(_folder, "new.jsonl");
        File.WriteAllLines(old, lines);
        File.WriteAllLines(@new, lines.Where(l => !l.Contains("\"id\":\"SCO\"", StringComparison.Ordinal)).Select(l => l.Replace("\"id\":\"RU\"", "\"id\":\"RUS\"", StringComparison.Ordinal)));
        string page = Path.Combine(_folder, "review.html");

        (int exit, string output, string error) = Repository.RunProgram("CorpusKit.Cli.dll", $"diff \"{old}\" \"{@new}\" --texts \"{articles}\" --summary --html \"{page}\"");

        Assert.True(exit == 0, error);
        Assert.Contains(page, output, StringComparison.Ordinal);
        string html = File.ReadAllText(page);
        Assert.Equal(removed + changed, Regex.Count(html, "<div class=\"change\" "));
        Assert.Equal(removed, Regex.Count(html, "<mark class=\"removed\">"));
        Assert.Equal(changed, Regex.Count(html, "<mark class=\"changed\">"));
        Assert.Contains("<mark class=\"changed\">روسيا</mark>", html, StringComparison.Ordinal); // and روسيا الاتحادية once
        Assert.Contains("<mark class=\"removed\">منظمة شنغهاي للتعاون</mark>", html, StringComparison.Ordinal);
        Assert.Contains("id: <bdi>RU</bdi> → <bdi>RUS</bdi>", html, StringComparison.Ordinal);
        Assert.Contains("data-filter=\"type\" value=\"Organization\"", html, StringComparison.Ordinal);
        Assert.Contains("data-filter=\"type\" value=\"Place\"", html, StringComparison.Ordinal);
        Assert.Contains("data-filter=\"rule\" value=\"known\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=\"http", html, StringComparison.Ordinal); // self-contained
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp"));

        // In the browser: the script filtered (every change shown), the first sentence runs right to
        // left (its first letter stands right of its last one on its first line), its mark is laid out.
        string probe = Path.Combine(_folder, "probe.html");
        File.WriteAllText(probe, html.Replace("</body>", """
            <script>
            const sentence = document.querySelector(".sentence");
            const text = sentence.firstChild;
            const range = document.createRange();
            range.setStart(text, 0); range.setEnd(text, 1);
            const first = range.getBoundingClientRect();
            range.setStart(text, 4); range.setEnd(text, 5);
            const fifth = range.getBoundingClientRect();
            const mark = sentence.querySelector("mark").getBoundingClientRect();
            document.body.dataset.layout = [getComputedStyle(sentence).direction, first.left > fifth.left ? "right-to-left" : "left-to-right", mark.width > 0 ? "marked" : "unmarked"].join(" ");
            </script>
            </body>
            """, StringComparison.Ordinal));
        string dom = Browser($"--dump-dom \"file://{probe}\"");
        Assert.Contains($"{removed + changed} of {removed + changed} changes shown", dom, StringComparison.Ordinal);
        Assert.Contains("data-layout=\"rtl right-to-left marked\"", dom, StringComparison.Ordinal);

        string screenshot = Path.Combine(_folder, "review.png");
        Browser($"--window-size=1100,1400 --screenshot=\"{screenshot}\" \"file://{page}\"");
        byte[] png = File.ReadAllBytes(screenshot);
        Assert.True(png.Length > 20_000, $"a screenshot of {png.Length} bytes");
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
    }

    [Fact]
    public void The_snapshot_page_shows_each_snapshot_with_its_entities_raw_diff_and_commands()
    {
        // The seed under its file name, as the seed snapshots name it: --texts finds its text by that name.
        string seed = Repository.SeedFiles[0];
        string text = File.ReadAllText(seed);
        string verified = Path.Combine(_folder, "Page.Seed000.verified.json");
        File.WriteAllText(verified, Json(text, Path.GetFileName(seed)));
        Assert.Throws<SnapshotMismatchException>(() => Snapshot.VerifyFile(verified, Json(text.Replace("لافروف", "الوزير", StringComparison.Ordinal), Path.GetFileName(seed)), launchDiffTool: false));
        string page = Path.Combine(_folder, "snapshots.html");

        (int exit, string output, _) = Repository.RunProgram("CorpusKit.Cli.dll", $"snapshots review --root \"{_folder}\" --html \"{page}\" --texts \"{Repository.Seeds}\"");

        Assert.Equal(1, exit); // snapshots still wait for a decision
        Assert.Contains(page, output, StringComparison.Ordinal);
        string html = File.ReadAllText(page);
        Assert.Contains("people removed in 1 document", html, StringComparison.Ordinal);
        Assert.Contains("<mark class=\"removed\">لافروف</mark>", html, StringComparison.Ordinal);
        Assert.Matches("<p class=\"sentence\" dir=\"auto\">[^<]+<mark class=\"removed\">سيرغي لافروف</mark>[^<]+</p>", html); // in its sentence
        Assert.Matches("<tr><td>people</td><td>known</td><td class=\"n\">0</td><td class=\"n\">[1-9]", html); // counted per rule: the document's mentions carry theirs
        Assert.Matches("<tr><td>people</td><td>titled</td><td class=\"n\">0</td><td class=\"n\">[1-9]", html);
        Assert.Contains("snapshots accept &quot;", html, StringComparison.Ordinal);
        Assert.Contains("snapshots reject &quot;", html, StringComparison.Ordinal);
        Assert.Contains("Page.Seed000.received.json", html, StringComparison.Ordinal);
        Assert.Contains("<details><summary>The raw diff</summary>", html, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Chromium's profile for this test: a folder of the test's own, deleted with it.</summary>
    private string Profile => Path.Combine(_folder, "chromium-profile");

    private static string Json(string text, string id) => CorpusJson.Serialize(NewsDeskCorpus.Instance.Extract(text, id)) + "\n";

    /// <summary>Runs headless Chromium with <paramref name="arguments"/>; what it printed.</summary>
    private string Browser(string arguments)
    {
        Assert.True(File.Exists(Chromium), $"This test needs Debian's Chromium at {Chromium}: apt-get install chromium.");
        var start = new ProcessStartInfo(Chromium, $"--headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir=\"{Profile}\" {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using Process process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "Chromium did not finish in two minutes");
        Assert.True(process.ExitCode == 0, $"chromium exited {process.ExitCode}: {error.Result}");
        return output;
    }
}
