using System;
using System.Diagnostics;
using System.IO;

namespace CorpusKit.Package.Tests;

/// <summary>What the package tests do as a user does: find the repository, run dotnet.</summary>
internal static class Shell
{
    /// <summary>The repository's root: the folder above the tests that holds CorpusKit.slnx.</summary>
    public static string RepositoryRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CorpusKit.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (CorpusKit.slnx) was not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Runs a program as a user would, with telemetry and build servers off; its stdout then stderr, and its exit code (-1 after five minutes).</summary>
    public static (int ExitCode, string Output) Run(string file, string arguments, string directory)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using Process process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            return (-1, output + "\n(timed out)");
        }

        return (process.ExitCode, output + error.Result);
    }

    /// <summary>A package version no earlier run can have left in the NuGet cache: <c>0.0.0-TAG.TIME.PROCESS</c>.</summary>
    public static string FreshVersion(string tag)
        => $"0.0.0-{tag}." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture) + "." + Environment.ProcessId;

    /// <summary>Deletes the test's folder and what its packages of <paramref name="version"/> left in the NuGet cache.</summary>
    public static void CleanUp(string work, string version, params string[] packages)
    {
        try
        {
            Directory.Delete(work, recursive: true);
            string cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            foreach (string package in packages)
            {
                string cached = Path.Combine(cache, package.ToLowerInvariant(), version);
                if (Directory.Exists(cached))
                {
                    Directory.Delete(cached, recursive: true);
                }
            }
        }
        catch (IOException)
        {
            // A build server may still hold a file; the temp folder is cleaned by the system.
        }
    }
}
