using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace NewsDesk.Tests;

/// <summary>Paths of the repository, the seeds, and the two programs under test.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Seeds => Path.Combine(Root, "seeds");

    public static string GoldMentions => Path.Combine(Root, "samples", "NewsDesk", "gold", "seeds.gold.jsonl");

    public static string GoldArticles => Path.Combine(Root, "samples", "NewsDesk", "gold", "seeds.articles.jsonl");

    /// <summary>The five articles written apart from the seeds to measure how the rules generalise (samples/NewsDesk/articles).</summary>
    public static IReadOnlyList<string> NewArticleFiles => Directory.GetFiles(Path.Combine(Root, "samples", "NewsDesk", "articles"), "*.txt").OrderBy(f => f, StringComparer.Ordinal).ToList();

    public static string NewArticlesGold => Path.Combine(Root, "samples", "NewsDesk", "gold", "articles.gold.jsonl");

    public static IReadOnlyList<string> SeedFiles => Directory.GetFiles(Seeds, "*.txt").OrderBy(f => f, StringComparer.Ordinal).ToList();

    /// <summary>Runs a program of this test's output folder (NewsDesk.dll, CorpusKit.Cli.dll) with dotnet.</summary>
    public static (int ExitCode, string Output, string Error) RunProgram(string assembly, string arguments, string? workingDirectory = null, string? input = null)
    {
        var start = new ProcessStartInfo("dotnet", $"\"{Path.Combine(AppContext.BaseDirectory, assembly)}\" {arguments}")
        {
            WorkingDirectory = workingDirectory ?? Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
            StandardErrorEncoding = System.Text.Encoding.UTF8,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.StandardInputEncoding = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        using Process process = Process.Start(start)!;
        if (input is not null)
        {
            process.StandardInput.Write(input);
        }

        process.StandardInput.Close();
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }

    private static string FindRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CorpusKit.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (CorpusKit.slnx) was not found.");
    }
}
