using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using DiffEngine;

namespace CorpusKit.Testing;

/// <summary>
/// Snapshot assertions with Verify's conventions: <c>{Class}.{Method}.verified.{ext}</c> beside
/// the test file; on a mismatch a <c>.received.</c> file beside it and a unified diff in the failure.
/// </summary>
/// <remarks>
/// Texts are compared after turning CRLF into LF; files are written as UTF-8 without BOM, LF.
/// Setting <c>CORPUSKIT_ACCEPT=1</c> accepts every snapshot as it is received, except when
/// <c>CI</c> is set: CI never accepts.
/// </remarks>
public static class Snapshot
{
    /// <summary>The environment variable that accepts received snapshots.</summary>
    public const string AcceptVariable = "CORPUSKIT_ACCEPT";

    /// <summary>Whether received snapshots are accepted automatically in this run.</summary>
    public static bool AutoAccept
        => Environment.GetEnvironmentVariable(AcceptVariable) is "1" or "true"
            && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    /// <summary>Checks <paramref name="actual"/> against <c>{Class}.{Method}.verified.{extension}</c>.</summary>
    /// <param name="actual">The text the test produced.</param>
    /// <param name="extension">The snapshot's file extension, without the dot.</param>
    /// <param name="name">An extra name part, for tests that produce several snapshots (<c>{Class}.{Method}#{name}</c>).</param>
    /// <param name="sourceFile">Filled in by the compiler: the test's file.</param>
    /// <param name="method">Filled in by the compiler: the test's method.</param>
    public static void Verify(
        string actual,
        string extension = "txt",
        string? name = null,
        [CallerFilePath] string sourceFile = "",
        [CallerMemberName] string method = "")
    {
        ArgumentNullException.ThrowIfNull(actual);
        string directory = Path.GetDirectoryName(sourceFile) ?? ".";
        string testClass = Path.GetFileNameWithoutExtension(sourceFile);
        string stem = name is null ? $"{testClass}.{method}" : $"{testClass}.{method}#{name}";
        VerifyFile(Path.Combine(directory, $"{stem}.verified.{extension}"), actual);
    }

    /// <summary>Checks several named texts at once, each in its own verified file; reports every mismatch together.</summary>
    public static void VerifyAll(
        IEnumerable<KeyValuePair<string, string>> snapshots,
        string extension,
        [CallerFilePath] string sourceFile = "",
        [CallerMemberName] string method = "")
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        var failures = new List<string>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, string> snapshot in snapshots)
        {
            names.Add(snapshot.Key);
            try
            {
                Verify(snapshot.Value, extension, snapshot.Key, sourceFile, method);
            }
            catch (SnapshotMismatchException exception)
            {
                failures.Add(exception.Message);
            }
        }

        // A verified file of this test under a name it no longer produces (a seed removed, a
        // generated file renamed) is left behind: report it, or drop it when accepting.
        string directory = Path.GetDirectoryName(sourceFile) ?? ".";
        string prefix = $"{Path.GetFileNameWithoutExtension(sourceFile)}.{method}#";
        string suffix = $".verified.{extension}";
        foreach (string path in Directory.Exists(directory) ? Directory.EnumerateFiles(directory, prefix + "*" + suffix) : [])
        {
            string file = Path.GetFileName(path);
            if (!names.Contains(file[prefix.Length..^suffix.Length]))
            {
                if (AutoAccept)
                {
                    File.Delete(path);
                }
                else
                {
                    failures.Add($"Snapshot {file} is left behind: the test no longer produces that name. Delete it if that is right.");
                }
            }
        }

        if (failures.Count > 0)
        {
            throw new SnapshotMismatchException(string.Join("\n\n", failures));
        }
    }

    /// <summary>
    /// The verified files under <paramref name="directory"/> named after one of
    /// <paramref name="testClasses"/> but after no method it has: snapshots left behind by a
    /// renamed or removed test.
    /// </summary>
    public static IReadOnlyList<string> FindOrphans(string directory, IEnumerable<Type> testClasses)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(testClasses);
        // Types of one name in several namespaces share their snapshots' names: pool their methods.
        var methods = testClasses
            .Where(type => !type.Name.Contains('<', StringComparison.Ordinal))
            .GroupBy(type => type.Name, StringComparer.Ordinal)
            .ToDictionary(
                group => group.Key,
                group => group.SelectMany(type => type.GetMethods()).Select(m => m.Name).ToHashSet(StringComparer.Ordinal),
                StringComparer.Ordinal);
        return Directory.EnumerateFiles(directory, "*.verified.*", SearchOption.AllDirectories)
            .Where(path =>
            {
                string[] parts = Path.GetFileName(path).Split('.');
                string method = parts.Length > 2 ? parts[1].Split('#')[0] : string.Empty;
                return methods.TryGetValue(parts[0], out HashSet<string>? names) ? !names.Contains(method) : true;
            })
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .OrderBy(path => path, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The environment variable that keeps the diff tool closed (<c>0</c> or <c>false</c>).</summary>
    public const string DiffToolVariable = "CORPUSKIT_DIFF_TOOL";

    /// <summary>
    /// Whether a failing snapshot opens the user's diff tool on the received and verified files,
    /// through DiffEngine as Verify does (the tool it finds installed, in the order
    /// <c>DiffEngine_ToolOrder</c> gives): on a developer's machine, never on CI (<c>CI</c> set, or a
    /// build server DiffEngine recognises), never with <c>DiffEngine_Disabled=true</c> or
    /// <c>CORPUSKIT_DIFF_TOOL=0</c>.
    /// </summary>
    public static bool LaunchesDiffTool => LaunchesDiffToolUnder(Environment.GetEnvironmentVariable);

    /// <summary><see cref="LaunchesDiffTool"/> under the environment variables <paramref name="environment"/> reads.</summary>
    internal static bool LaunchesDiffToolUnder(Func<string, string?> environment)
        => string.IsNullOrEmpty(environment("CI"))
            && environment(DiffToolVariable) is not ("0" or "false")
            && !string.Equals(environment("DiffEngine_Disabled"), "true", StringComparison.OrdinalIgnoreCase)
            && !DiffRunner.Disabled
            && !BuildServerDetector.Detected;

    /// <summary>Opens the diff tool on a received and a verified file, whatever the environment says; false when none opened.</summary>
    internal static bool LaunchDiffTool(string received, string verified)
    {
        try
        {
            return DiffRunner.Launch(received, verified) is LaunchResult.StartedNewInstance or LaunchResult.AlreadyRunningAndSupportsRefresh;
        }
        catch (Exception exception) when (exception is not (OutOfMemoryException or StackOverflowException))
        {
            // A diff tool that cannot start must not hide the snapshot's own failure, whatever
            // DiffEngine wraps the cause in (a tool whose program was removed gives an Exception
            // around a Win32Exception).
            return false;
        }
    }

    /// <summary>Checks <paramref name="actual"/> against the verified file at <paramref name="verifiedPath"/>.</summary>
    /// <param name="verifiedPath">The verified file.</param>
    /// <param name="actual">The text the test produced.</param>
    /// <param name="launchDiffTool">Whether a mismatch may open the diff tool (see <see cref="LaunchesDiffTool"/>); false for a test that fails a snapshot on purpose.</param>
    public static void VerifyFile(string verifiedPath, string actual, bool launchDiffTool = true)
    {
        ArgumentNullException.ThrowIfNull(verifiedPath);
        ArgumentNullException.ThrowIfNull(actual);
        string received = ReceivedPath(verifiedPath);
        string normalized = Normalize(actual);
        string? expected = File.Exists(verifiedPath) ? Normalize(File.ReadAllText(verifiedPath, Encoding.UTF8)) : null;
        if (expected == normalized)
        {
            if (File.Exists(received))
            {
                File.Delete(received);
            }

            return;
        }

        if (AutoAccept)
        {
            WriteWhole(verifiedPath, normalized);
            if (File.Exists(received))
            {
                File.Delete(received);
            }

            return;
        }

        WriteWhole(received, normalized);
        bool opened = launchDiffTool && LaunchesDiffTool && LaunchDiffTool(received, verifiedPath);
        string diff = expected is null
            ? $"There is no verified snapshot yet. Received:\n{normalized}"
            : UnifiedDiff.Create(expected, normalized, Path.GetFileName(verifiedPath), Path.GetFileName(received));
        throw new SnapshotMismatchException(
            $"Snapshot {Path.GetFileName(verifiedPath)} does not match; the new text is in {Path.GetFileName(received)}.\n"
            + (opened ? "It is open in your diff tool. " : string.Empty)
            + "Review it with `dotnet run --project src/CorpusKit.Cli -- snapshots review`, or rename received to verified to accept.\n"
            + diff);
    }

    /// <summary>The received path that goes with a verified path.</summary>
    public static string ReceivedPath(string verifiedPath)
    {
        ArgumentNullException.ThrowIfNull(verifiedPath);
        int marker = verifiedPath.LastIndexOf(".verified.", StringComparison.Ordinal);
        return marker < 0
            ? throw new ArgumentException("Not a verified snapshot path.", nameof(verifiedPath))
            : string.Concat(verifiedPath.AsSpan(0, marker), ".received.", verifiedPath.AsSpan(marker + ".verified.".Length));
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>Writes a file whole or not at all: to a temporary file first, then renamed over.</summary>
    internal static void WriteWhole(string path, string content)
    {
        string temporary = path + ".tmp";
        File.WriteAllText(temporary, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        File.Move(temporary, path, overwrite: true);
    }
}
