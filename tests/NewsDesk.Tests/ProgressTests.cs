using System;
using System.Diagnostics;
using System.IO;

namespace NewsDesk.Tests;

/// <summary>
/// The progress bar as a user sees it: the program run in a pseudo-terminal (util-linux's
/// <c>script</c>), its stdout to a file, over 2.8 MB of files. The bar is drawn on a terminal; not
/// when stderr goes to a file, nor when <c>CI</c> is set.
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

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>
    /// Runs NewsDesk over the corpus in a pseudo-terminal, its stdout to a file (and its stderr too when
    /// <paramref name="redirectError"/>); returns what the terminal showed and what stdout got.
    /// </summary>
    private (string Terminal, string Output) RunInTerminal(string environment, bool redirectError)
    {
        Assert.True(File.Exists("/usr/bin/script"), "These tests need util-linux's script (a pseudo-terminal).");
        string program = Path.Combine(AppContext.BaseDirectory, "NewsDesk.dll");
        string output = Path.Combine(_folder, "output.txt");
        string command = $"{environment} dotnet '{program}' --format summary '{Path.Combine(_folder, "corpus")}' > '{output}'"
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
