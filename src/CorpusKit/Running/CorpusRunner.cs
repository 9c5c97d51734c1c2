using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace CorpusKit.Running;

/// <summary>
/// Runs an extractor over a corpus on several threads, with bounded memory, and hands the results
/// to a sink in input order. Any generated corpus plugs in through its <c>Extract</c> method:
/// <code>
/// var runner = new CorpusRunner&lt;Article&gt;(NewsDeskCorpus.Instance.Extract, threads: 4);
/// CorpusRunSummary summary = runner.Run(CorpusInput.FromPaths(paths), result => …);
/// </code>
/// </summary>
/// <typeparam name="TDocument">What the extractor returns for one document.</typeparam>
/// <remarks>
/// <para>
/// At most <see cref="Window"/> documents are alive at once, from the moment the runner takes them
/// from the input until the sink has returned for them, and they hold at most <see cref="WindowBytes"/>
/// bytes (by the sizes their input gives, such as a folder's listing) unless there are no more of them
/// than threads; the input is listed as the run goes and each document is read by the worker that
/// extracts it, so memory grows neither with the corpus nor with its documents' size. When the oldest
/// document is slow, later ones finish and wait for it; when the window is full, the runner waits for
/// the oldest, hands it to the sink and only then takes the next document.
/// </para>
/// <para>
/// A document that cannot be read, or on which the extractor throws, reaches the sink as skipped, with
/// the reason; the run goes on. An exception thrown by the sink, by the progress callback or while
/// listing an input stops the run: the workers finish the document they hold and the exception is rethrown.
/// </para>
/// </remarks>
public sealed class CorpusRunner<TDocument>
{
    /// <summary>
    /// The default window: this many documents per thread. Enough to keep every thread busy while the
    /// oldest is slow, and to wake the thread that hands results over once per many short documents:
    /// each wake takes a core from a worker, and on two threads over 14,000 news articles a window of 8
    /// took 10 to 20% longer than one of 32 or 64. <see cref="WindowBytes"/> keeps a window of long
    /// documents small.
    /// </summary>
    private const int WindowPerThread = 32;

    /// <summary>The default <see cref="WindowBytes"/>: this many bytes per thread.</summary>
    private const long WindowBytesPerThread = 16L * 1024 * 1024;

    private readonly Func<string, string, TDocument> _extract;
    private readonly int _window;
    private readonly long _windowBytes;

    /// <summary>A runner on every core (<see cref="Environment.ProcessorCount"/> threads).</summary>
    /// <param name="extract">
    /// Extracts one document from its text and id (a generated corpus's <c>Extract</c>); it is called
    /// from several threads at once, so it must be thread-safe, as generated extractors are.
    /// </param>
    public CorpusRunner(Func<string, string, TDocument> extract)
        : this(extract, Environment.ProcessorCount)
    {
    }

    /// <summary>A runner that extracts at most <paramref name="threads"/> documents at once.</summary>
    /// <param name="extract">
    /// Extracts one document from its text and id (a generated corpus's <c>Extract</c>); with more than one
    /// thread it is called from several threads at once, so it must be thread-safe, as generated extractors are.
    /// </param>
    /// <param name="threads">How many documents are read and extracted at once, at least 1.</param>
    public CorpusRunner(Func<string, string, TDocument> extract, int threads)
    {
        ArgumentNullException.ThrowIfNull(extract);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        _extract = extract;
        Threads = threads;
        _window = WindowPerThread * threads;
        _windowBytes = WindowBytesPerThread * threads;
    }

    /// <summary>How many documents are read and extracted at once, at most.</summary>
    public int Threads { get; }

    /// <summary>
    /// How many documents may be alive at once (read ahead, being extracted, or done and waiting for an
    /// earlier one to reach the sink), at least 1; by default 32 × <see cref="Threads"/>. A window smaller
    /// than <see cref="Threads"/> leaves threads idle.
    /// </summary>
    public int Window
    {
        get => _window;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            _window = value;
        }
    }

    /// <summary>
    /// How many bytes the documents alive at once may hold, by the sizes their inputs give before they
    /// are read (<see cref="CorpusDocument.Length"/>; a document of unknown size counts as 0), at least
    /// 1; by default 16 MiB × <see cref="Threads"/>. The runner still takes one document per thread
    /// whatever their size, so a bound below the largest document leaves no thread idle for long.
    /// </summary>
    public long WindowBytes
    {
        get => _windowBytes;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            _windowBytes = value;
        }
    }

    /// <summary>
    /// For a progress bar: called after each document reaches the sink, and while a document of at
    /// least <see cref="InDocumentProgressBytes"/> is extracted, as its corpus's stages end (see
    /// <see cref="ExtractionContext.ReportProgress"/>), its bytes counted in proportion. Calls come
    /// one at a time, from the sink's thread or a worker's; the bytes never go down.
    /// </summary>
    public Action<CorpusProgress>? Progress { get; init; }

    /// <summary>How long a document is for <see cref="Progress"/> to move within it, in input bytes.</summary>
    public const long InDocumentProgressBytes = 1024 * 1024;

    /// <summary>
    /// Runs over the documents of <paramref name="inputs"/> and hands each result to <paramref name="sink"/>,
    /// in input order, one at a time, on the calling thread. Returns when the last result has been handed over.
    /// </summary>
    /// <param name="inputs">The inputs, in order (see <see cref="CorpusInput.FromPaths"/>).</param>
    /// <param name="sink">Receives each document's result in input order: the extracted document, or why it was skipped.</param>
    /// <param name="cancellationToken">Stops the run (after the documents being extracted); the run then throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>The figures of the run.</returns>
    public CorpusRunSummary Run(IEnumerable<CorpusInput> inputs, Action<DocumentResult<TDocument>> sink, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(sink);
        List<CorpusInput> sources = inputs.ToList();
        var clock = Stopwatch.StartNew();
        RunProgress? progress = Progress is null ? null : new RunProgress(Progress, TotalLength(sources));

        // The pipeline: a thread of its own lists the documents into the window, a FIFO of pending
        // documents in input order; workers read and extract them; the calling thread waits for the
        // oldest and hands it to the sink. Order and the memory bound come from the window alone, so the
        // workers need no reordering. Listing apart from handing over means a result goes out as soon as
        // it and those before it are done, even while the input waits for its next document (a filter
        // on standard input whose reader waits for each result). The workers are a
        // Parallel.ForEachAsync over a channel: the channel hands documents to whichever worker is free,
        // and ForEachAsync keeps exactly Threads workers on the thread pool, with cancellation and faults
        // handled, instead of threads managed by hand. (ForEachAsync over the input alone would lose the
        // order, and a reorder buffer behind it grows without bound when an early document is slow;
        // PLINQ's AsOrdered buffers as much as it likes.)
        Channel<Pending> work = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task workers = Parallel.ForEachAsync(
            work.Reader.ReadAllAsync(stop.Token),
            new ParallelOptions { MaxDegreeOfParallelism = Threads, CancellationToken = stop.Token },
            (pending, _) =>
            {
                pending.Completion.SetResult(Process(pending, progress));
                return ValueTask.CompletedTask;
            });

        var window = new PendingWindow(this);
        using CancellationTokenRegistration wake = stop.Token.Register(window.Stop);
        _ = Task.Factory.StartNew(
            () => window.List(sources, work.Writer, stop.Token),
            stop.Token,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        long documents = 0;
        long skipped = 0;
        long bytes = 0;
        try
        {
            while (window.Next(out Pending? front, out Pending? ahead))
            {
                // With the window full, wait for the document half a window ahead, then hand over every
                // finished one from the front: one wake per half window instead of one per document (a
                // wake costs as much as extracting a short document). Otherwise the oldest alone.
                _ = Await(ahead ?? front, workers, cancellationToken);
                Pending? next = front;
                do
                {
                    // Also while the last window drains: no result reaches the sink after the run is cancelled.
                    cancellationToken.ThrowIfCancellationRequested();
                    DocumentResult<TDocument> result = Await(next, workers, cancellationToken);
                    sink(result);
                    if (result.Extracted)
                    {
                        documents++;
                        bytes += result.Utf8Length;
                    }
                    else
                    {
                        skipped++;
                    }

                    progress?.Delivered(next);
                    next = window.Delivered(next);
                }
                while (next is not null && next.Completion.Task.IsCompleted);
            }

            // A run cancelled while waiting for the input's next document ends here.
            cancellationToken.ThrowIfCancellationRequested();
        }
        finally
        {
            // After a normal run the lister and the workers are done; after an exception the workers stop
            // once their current document is, and the lister once the input gives it its next document.
            // The lister is not waited for: it may be blocked reading an input that never ends (standard
            // input), on a background thread of its own that holds nothing the run returns.
            stop.Cancel();
            work.Writer.TryComplete();
            Task.WaitAny(workers);
        }

        clock.Stop();
        return new CorpusRunSummary(documents, skipped, bytes, clock.Elapsed, Threads, _window);
    }

    /// <summary>The inputs' size in bytes, or null if one does not know its own.</summary>
    private static long? TotalLength(List<CorpusInput> inputs)
    {
        long total = 0;
        foreach (CorpusInput input in inputs)
        {
            if (input.Length is not { } length)
            {
                return null;
            }

            total += length;
        }

        return total;
    }

    /// <summary>Waits for a pending document; a fault of the workers themselves (not of one document) is rethrown.</summary>
    private static DocumentResult<TDocument> Await(Pending pending, Task workers, CancellationToken cancellationToken)
    {
        Task<DocumentResult<TDocument>> done = pending.Completion.Task;
        if (!done.IsCompleted)
        {
            Task.WaitAny([done, workers], cancellationToken);
        }

        if (done.IsCompleted)
        {
            return done.Result;
        }

        cancellationToken.ThrowIfCancellationRequested();
        workers.GetAwaiter().GetResult();
        throw new InvalidOperationException("The run's workers stopped before every document was extracted.");
    }

    /// <summary>Reads and extracts one document, on a worker; whatever goes wrong becomes a skipped result.</summary>
    private DocumentResult<TDocument> Process(Pending pending, RunProgress? progress)
    {
        CorpusDocument document = pending.Document;
        DocumentText text;
        try
        {
            text = document.Read();
            if (progress is not null)
            {
                pending.InputBytes = document.Length ?? text.Utf8Length;
            }
        }
        catch (Exception exception)
        {
            // A document that cannot be read is reported and skipped, whatever the reason; the run goes on.
            return new(pending.Index, document, DocumentOutcome.Unreadable, default, 0, "cannot be read: " + exception.Message, exception);
        }

        if (!text.IsRead)
        {
            return new(pending.Index, document, DocumentOutcome.Unreadable, default, 0, text.Problem, null);
        }

        try
        {
            if (progress is null || pending.InputBytes < InDocumentProgressBytes)
            {
                return new(pending.Index, document, DocumentOutcome.Extracted, _extract(text.Text, document.Id), text.Utf8Length, null, null);
            }

            // The contexts the extraction makes on this thread report its stages.
            using (ExtractionContext.ReportTo(done => progress.Advance(pending, done)))
            {
                return new(pending.Index, document, DocumentOutcome.Extracted, _extract(text.Text, document.Id), text.Utf8Length, null, null);
            }
        }
        catch (Exception exception)
        {
            // An extractor that throws on one document skips that document; the run goes on.
            return new(pending.Index, document, DocumentOutcome.Failed, default, text.Utf8Length, "failed in extraction: " + exception.Message, exception);
        }
    }

    /// <summary>
    /// The documents taken from the input and not yet handed to the sink, in input order, shared by
    /// the thread that lists them and the one that hands them over (one lock, and a wait on it for
    /// either side: a full window for the lister, an empty one for the other).
    /// </summary>
    private sealed class PendingWindow(CorpusRunner<TDocument> runner)
    {
        // An object, not a Lock: each side waits on it (Monitor.Wait) for the other.
        private readonly object _lock = new();
        private readonly Queue<Pending> _pending = new();
        private long _bytes;
        private bool _listed;
        private bool _full;
        private bool _stopped;
        private Exception? _failure;

        /// <summary>The lister: takes each document of <paramref name="inputs"/> once the window has room, and gives it to the workers.</summary>
        public void List(List<CorpusInput> inputs, ChannelWriter<Pending> work, CancellationToken stop)
        {
            long index = 0;
            try
            {
                foreach (CorpusInput input in inputs)
                {
                    foreach (CorpusDocument document in input.Documents())
                    {
                        stop.ThrowIfCancellationRequested();
                        long size = Math.Max(document.Length ?? 0, 0);
                        var pending = new Pending(index++, document) { ListedBytes = size };
                        lock (_lock)
                        {
                            while (!_stopped && (_pending.Count >= runner._window || (_pending.Count >= runner.Threads && _bytes + size > runner._windowBytes)))
                            {
                                _full = true;
                                Monitor.PulseAll(_lock);
                                Monitor.Wait(_lock);
                            }

                            _full = false;
                            if (_stopped)
                            {
                                return;
                            }

                            _pending.Enqueue(pending);
                            _bytes += size;
                            Monitor.PulseAll(_lock);
                        }

                        work.TryWrite(pending);
                    }
                }
            }
            catch (Exception exception)
            {
                lock (_lock)
                {
                    _failure = exception;
                }
            }
            finally
            {
                work.TryComplete();
                lock (_lock)
                {
                    _listed = true;
                    Monitor.PulseAll(_lock);
                }
            }
        }

        /// <summary>
        /// The hander-over: waits for the oldest document; false once every document was handed over.
        /// <paramref name="ahead"/> is the document half a window ahead when the lister waits on a full
        /// window (the hander-over may wait for it before handing over the finished ones).
        /// </summary>
        public bool Next([NotNullWhen(true)] out Pending? front, out Pending? ahead)
        {
            lock (_lock)
            {
                while (_pending.Count == 0 && !_listed && !_stopped && _failure is null)
                {
                    Monitor.Wait(_lock);
                }

                if (_failure is not null)
                {
                    // A listing that failed stops the run, as an exception of the sink does.
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(_failure);
                }

                if (_pending.Count == 0)
                {
                    front = ahead = null;
                    return false;
                }

                front = _pending.Peek();
                ahead = _full && _pending.Count > 1 ? _pending.ElementAt(_pending.Count / 2) : null;
                return true;
            }
        }

        /// <summary>The hander-over: <paramref name="pending"/>, the oldest, reached the sink; returns the next oldest, if listed.</summary>
        public Pending? Delivered(Pending pending)
        {
            lock (_lock)
            {
                _ = _pending.Dequeue();
                _bytes -= pending.ListedBytes;
                Monitor.PulseAll(_lock);
                if (_failure is not null)
                {
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(_failure);
                }

                return _pending.Count > 0 ? _pending.Peek() : null;
            }
        }

        /// <summary>Wakes both sides for good: the run is over, cancelled or failed.</summary>
        public void Stop()
        {
            lock (_lock)
            {
                _stopped = true;
                Monitor.PulseAll(_lock);
            }
        }
    }

    /// <summary>
    /// What a run's progress has counted: documents and bytes delivered, and the parts of long
    /// documents still in extraction. Workers and the sink's thread report through one lock, so
    /// calls to the callback come one at a time, with bytes that never go down.
    /// </summary>
    private sealed class RunProgress(Action<CorpusProgress> report, long? total)
    {
        private readonly Lock _lock = new();
        private long _documents;
        private long _delivered;
        private long _extracting;
        private long _reported;

        /// <summary>A worker: <paramref name="done"/> (0 to 1) of <paramref name="pending"/>'s extraction has ended.</summary>
        public void Advance(Pending pending, double done)
        {
            long counted = (long)(pending.InputBytes * Math.Clamp(done, 0, 1));
            lock (_lock)
            {
                _extracting += counted - pending.Counted;
                pending.Counted = counted;
                Report();
            }
        }

        /// <summary>The sink's thread: <paramref name="pending"/> reached the sink (extracted or skipped).</summary>
        public void Delivered(Pending pending)
        {
            lock (_lock)
            {
                _extracting -= pending.Counted;
                pending.Counted = 0;
                _documents++;
                _delivered += pending.InputBytes;
                Report();
            }
        }

        private void Report()
        {
            _reported = Math.Max(_reported, _delivered + _extracting);
            report(new CorpusProgress(_documents, _reported, total));
        }
    }

    /// <summary>A document in the window: taken from the input, and done once <see cref="Completion"/> is.</summary>
    private sealed class Pending(long index, CorpusDocument document)
    {
        public long Index { get; } = index;

        public CorpusDocument Document { get; } = document;

        /// <summary>Set by the worker; the coordinating thread blocks on it, so continuations may run inline.</summary>
        public TaskCompletionSource<DocumentResult<TDocument>> Completion { get; } = new();

        /// <summary>The input bytes behind the document, for progress; written by the worker before <see cref="Completion"/> is set.</summary>
        public long InputBytes { get; set; }

        /// <summary>The bytes of this document that progress has counted while it is extracted.</summary>
        public long Counted { get; set; }

        /// <summary>The document's size as its input gave it when it was taken, which counts toward <see cref="WindowBytes"/>.</summary>
        public long ListedBytes { get; init; }
    }
}
