using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace NewsDesk.Tests;

/// <summary>
/// The progress bar as a user sees it: the program run in a pseudo-terminal (util-linux's
/// <c>script</c>), its stdout to a file, over 2.8 MB of files and over one 16 MB document. The bar
/// is drawn on a terminal, and moves within a long document; not when stderr goes to a file, nor
/// when <c>CI</c> is set.
/// </summary>
public sealed class ProgressTests : IDisposable
{
    private const string Bar = "Extracting";

    private readonly string _folder = Directory.CreateTempSubdirectory("newsdesk-progress-").FullName;

    public ProgressTests()
    {
        string corpus = Directory.CreateDirectory(Path.Combine(_folder, "corpus")).FullName;
        for (int copy = 0; copy < 120; copy++)
        {
            foreach (string seed in Repository.SeedFiles)
            {
                File.Copy(seed, Path.Combine(corpus, $"{copy:000}-{Path.GetFileName(seed)}"));
            }
        }
    }

    [Fact]
    public void A_terminal_sees_the_bar_to_its_end()
    {
        (string terminal, string output) = RunInTerminal("env -u CI", redirectError: false);
        Assert.Contains(Bar, terminal, StringComparison.Ordinal);
        Assert.Contains("100%", terminal, StringComparison.Ordinal);
        Assert.Contains("600 article(s)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Stderr_in_a_file_gets_no_bar()
    {
        (string terminal, string output) = RunInTerminal("env -u CI", redirectError: true);
        Assert.DoesNotContain(Bar, terminal, StringComparison.Ordinal);
        Assert.DoesNotContain(Bar, File.ReadAllText(Path.Combine(_folder, "error.txt")), StringComparison.Ordinal);
        Assert.Contains("600 article(s)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ci_job_gets_no_bar()
    {
        (string terminal, string output) = RunInTerminal("env CI=true", redirectError: false);
        Assert.DoesNotContain(Bar, terminal, StringComparison.Ordinal);
        Assert.Contains("600 article(s)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void One_long_document_moves_the_bar_before_it_ends()
    {
        // 16 MB in one document: the seeds' paragraphs again and again, each line numbered so that
        // none repeats an earlier one (a repeated line would be marked and its rules' work differ).
        string[] paragraphs = [.. Repository.SeedFiles.SelectMany(File.ReadLines).Where(line => line.Length > 100)];
        var text = new StringBuilder();
        long bytes = 0;
        for (int line = 0; bytes < 16 << 20; line++)
        {
            string numbered = $"{line} {paragraphs[line % paragraphs.Length]}\n";
            text.Append(numbered);
            bytes += Encoding.UTF8.GetByteCount(numbered);
        }

        File.WriteAllText(Path.Combine(_folder, "long.txt"), text.ToString());

        (string terminal, string output) = RunInTerminal("env -u CI", redirectError: false, corpus: "long.txt");

        Assert.Contains(Bar, terminal, StringComparison.Ordinal);
        Assert.Contains("1 article(s)", output, StringComparison.Ordinal);

        // Between 0% and 100%: the bar moved while the one document was extracted.
        MatchCollection shown = Regex.Matches(terminal, @"(?<!\d)(\d{1,3})%");
        Assert.Contains(shown, m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) is > 0 and < 100);
        Assert.Contains("100%", terminal, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>
    /// Runs NewsDesk over the corpus (a file or folder of the test's own) in a pseudo-terminal, its stdout to a file (and its stderr too when
    /// <paramref name="redirectError"/>); returns what the terminal showed and what stdout got.
    /// </summary>
    private (string Terminal, string Output) RunInTerminal(string environment, bool redirectError, string corpus = "corpus")
    {
        Assert.True(File.Exists("/usr/bin/script"), "These tests need util-linux's script (a pseudo-terminal).");
        string program = Path.Combine(AppContext.BaseDirectory, "NewsDesk.dll");
        string output = Path.Combine(_folder, "output.txt");
        string command = $"{environment} dotnet '{program}' --format summary '{Path.Combine(_folder, corpus)}' > '{output}'"
            + (redirectError ? $" 2> '{Path.Combine(_folder, "error.txt")}'" : string.Empty);
        var start = new ProcessStartInfo("/usr/bin/script", ["-qfec", command, "/dev/null"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using Process process = Process.Start(start)!;
        process.StandardInput.Close();
        var error = process.StandardError.ReadToEndAsync();
        string terminal = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {terminal} {error.Result}");
        return (terminal, File.ReadAllText(output));
    }
}
