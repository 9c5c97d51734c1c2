using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace CorpusKit.Testing;

/// <summary>A received snapshot waiting for review, and the verified file it would replace.</summary>
/// <param name="Received">The <c>*.received.*</c> file a failing test wrote.</param>
/// <param name="Verified">The <c>*.verified.*</c> file beside it (it may not exist yet).</param>
public sealed record PendingSnapshot(string Received, string Verified)
{
    /// <summary>The unified diff from the verified text (or nothing) to the received one.</summary>
    public string Diff()
    {
        string received = File.ReadAllText(Received, Encoding.UTF8);
        string verified = File.Exists(Verified) ? File.ReadAllText(Verified, Encoding.UTF8) : string.Empty;
        return UnifiedDiff.Create(verified, received, Path.GetFileName(Verified), Path.GetFileName(Received));
    }
}

/// <summary>Finds, accepts and rejects received snapshots: what <c>snapshots review|accept|reject</c> do.</summary>
public static class SnapshotStore
{
    /// <summary>Every received snapshot under <paramref name="root"/> (bin and obj folders left out), by path.</summary>
    public static IReadOnlyList<PendingSnapshot> FindPending(string root)
    {
        ArgumentNullException.ThrowIfNull(root);
        return Directory.EnumerateFiles(root, "*.received.*", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(root, path))
            .Select(path => Path.GetFullPath(path))
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => new PendingSnapshot(path, VerifiedPath(path)))
            .ToList();
    }

    /// <summary>Makes the received text the verified one: written whole, then the received file removed.</summary>
    public static void Accept(PendingSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        Snapshot.WriteWhole(snapshot.Verified, File.ReadAllText(snapshot.Received, Encoding.UTF8));
        File.Delete(snapshot.Received);
    }

    /// <summary>Drops the received text; the verified file stays as it was.</summary>
    public static void Reject(PendingSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        File.Delete(snapshot.Received);
    }

    /// <summary>The pending snapshot of <paramref name="path"/>: a received file, or the verified file it goes with.</summary>
    public static PendingSnapshot? Resolve(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string full = Path.GetFullPath(path);
        string received = full.Contains(".verified.", StringComparison.Ordinal) ? Snapshot.ReceivedPath(full) : full;
        return received.Contains(".received.", StringComparison.Ordinal) && File.Exists(received)
            ? new PendingSnapshot(received, VerifiedPath(received))
            : null;
    }

    private static string VerifiedPath(string received)
    {
        int marker = received.LastIndexOf(".received.", StringComparison.Ordinal);
        return string.Concat(received.AsSpan(0, marker), ".verified.", received.AsSpan(marker + ".received.".Length));
    }

    private static bool IsBuildOutput(string root, string path)
    {
        string[] parts = Path.GetRelativePath(root, path).Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        return parts.Any(p => p is "bin" or "obj" or ".git");
    }
}

/// <summary>What a review did.</summary>
/// <param name="Accepted">Snapshots made verified.</param>
/// <param name="Rejected">Received texts dropped.</param>
/// <param name="Skipped">Snapshots left waiting (skipped, or after a quit).</param>
public readonly record struct ReviewResult(int Accepted, int Rejected, int Skipped);

/// <summary>
/// The decision loop of <c>snapshots review</c>: one snapshot at a time, the reviewer answers
/// <c>a</c> accept, <c>r</c> reject, <c>s</c> skip, <c>A</c> accept this and all the rest,
/// <c>R</c> reject this and all the rest, <c>q</c> stop (the rest keep waiting).
/// </summary>
public static class SnapshotReview
{
    /// <summary>Reviews <paramref name="pending"/>, asking <paramref name="decide"/> until an answer covers the rest.</summary>
    public static ReviewResult Run(IReadOnlyList<PendingSnapshot> pending, Func<PendingSnapshot, int, char> decide)
    {
        ArgumentNullException.ThrowIfNull(pending);
        ArgumentNullException.ThrowIfNull(decide);
        int accepted = 0;
        int rejected = 0;
        char? everything = null;
        for (int i = 0; i < pending.Count; i++)
        {
            char answer = everything ?? decide(pending[i], i);
            switch (answer)
            {
                case 'a' or 'A':
                    SnapshotStore.Accept(pending[i]);
                    accepted++;
                    break;
                case 'r' or 'R':
                    SnapshotStore.Reject(pending[i]);
                    rejected++;
                    break;
                case 'q':
                    return new ReviewResult(accepted, rejected, pending.Count - accepted - rejected);
                default:
                    break;
            }

            if (answer is 'A' or 'R')
            {
                everything = answer;
            }
        }

        return new ReviewResult(accepted, rejected, pending.Count - accepted - rejected);
    }
}
