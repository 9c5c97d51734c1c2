using System;

namespace CorpusKit.Running;

/// <summary>What a run did, measured: documents extracted and skipped, UTF-8 bytes, wall-clock time.</summary>
public sealed class CorpusRunSummary
{
    internal CorpusRunSummary(long documents, long skipped, long bytes, TimeSpan elapsed, int threads, int window)
    {
        Documents = documents;
        Skipped = skipped;
        Bytes = bytes;
        Elapsed = elapsed;
        Threads = threads;
        Window = window;
    }

    /// <summary>Documents extracted.</summary>
    public long Documents { get; }

    /// <summary>Documents skipped: unreadable, or the extractor threw.</summary>
    public long Skipped { get; }

    /// <summary>UTF-8 bytes of the extracted documents' text.</summary>
    public long Bytes { get; }

    /// <summary>Wall-clock time from the start of the run until the sink had the last document (sink time included).</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>How many documents were extracted at once, at most.</summary>
    public int Threads { get; }

    /// <summary>How many documents were read ahead or in flight, at most.</summary>
    public int Window { get; }

    /// <summary>Extracted UTF-8 bytes per second of <see cref="Elapsed"/>.</summary>
    public double BytesPerSecond => Bytes / Math.Max(Elapsed.TotalSeconds, 1e-6);

    /// <inheritdoc />
    public override string ToString()
        => FormattableString.Invariant($"{Documents} document(s), {Skipped} skipped, {Bytes} UTF-8 bytes in {Elapsed.TotalMilliseconds:0} ms on {Threads} thread(s)");
}
