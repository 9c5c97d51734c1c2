using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using CorpusKit.Json;
using CorpusKit.Running;

namespace CorpusKit.Tests;

/// <summary>The corpus runner over real files: order, skipped documents, the memory bound, the thread count, the figures.</summary>
public sealed class CorpusRunnerTests : IDisposable
{
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly string _folder = Directory.CreateTempSubdirectory("corpusrunner-").FullName;

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void Results_reach_the_sink_in_input_order_even_when_later_documents_finish_first(int threads)
    {
        const int Count = 12;
        List<string> expected = WriteDocuments(Count);
        File.WriteAllText(Path.Combine(_folder, "notes.md"), "not a document");
        Directory.CreateDirectory(Path.Combine(_folder, "sub.txt"));
        var finished = new ConcurrentQueue<string>();
        using var laterFinished = new ManualResetEventSlim();
        var runner = new CorpusRunner<string>(
            (text, id) =>
            {
                int index = Index(id);
                if (index == 0 && threads > 1)
                {
                    // The first document waits until a later one is done: it finishes after it, whatever the machine.
                    Assert.True(laterFinished.Wait(TimeSpan.FromSeconds(30)));
                }
                else
                {
                    Thread.Sleep((Count - index) * 5);
                }

                finished.Enqueue(id);
                if (index > 0)
                {
                    laterFinished.Set();
                }

                return text;
            },
            threads);
        var delivered = new List<DocumentResult<string>>();

        CorpusRunSummary summary = runner.Run([CorpusInput.FromPath(_folder)], delivered.Add);

        Assert.Equal(expected, delivered.Select(r => r.Id));
        Assert.All(delivered, (r, i) =>
        {
            Assert.Equal(DocumentOutcome.Extracted, r.Outcome);
            Assert.Equal(i, r.Index);
            Assert.Equal($"document {i}", r.Document);
            Assert.Equal(Path.Combine(_folder, r.Id), r.Origin);
        });
        if (threads == 1)
        {
            Assert.Equal(expected, finished);
        }
        else
        {
            Assert.NotEqual(expected, finished);
            Assert.NotEqual("doc00.txt", finished.First());
        }

        Assert.Equal(((long)Count, 0L, threads), (summary.Documents, summary.Skipped, summary.Threads));
    }

    [Fact]
    public void A_missing_or_badly_encoded_file_is_reported_in_its_place_and_the_rest_runs()
    {
        string first = Write("first.txt", "قال لافروف");
        string missing = Path.Combine(_folder, "missing.txt");
        string latin1 = Path.Combine(_folder, "latin1.txt");
        File.WriteAllBytes(latin1, [0x4C, 0x61, 0x76, 0x72, 0x6F, 0x76, 0x20, 0xE9, 0x74, 0xE9]); // "Lavrov été" in Latin-1
        string bom = Path.Combine(_folder, "bom.txt");
        File.WriteAllText(bom, "موسكو", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        string empty = Directory.CreateDirectory(Path.Combine(_folder, "empty")).FullName;
        var results = new List<DocumentResult<string>>();

        CorpusRunSummary summary = new CorpusRunner<string>((text, _) => text, 2)
            .Run(CorpusInput.FromPaths([first, missing, empty, latin1, bom]), results.Add);

        Assert.Equal(["first.txt", "missing.txt", "latin1.txt", "bom.txt"], results.Select(r => r.Id));
        Assert.Equal([DocumentOutcome.Extracted, DocumentOutcome.Unreadable, DocumentOutcome.Unreadable, DocumentOutcome.Extracted], results.Select(r => r.Outcome));
        Assert.Equal(missing, results[1].Origin);
        Assert.Equal("does not exist", results[1].Problem);
        Assert.Equal("is not valid UTF-8 (byte 7 of an invalid sequence)", results[2].Problem);
        Assert.Equal("موسكو", results[3].Document); // the byte order mark is not part of the text
        Assert.Equal(10, results[3].Utf8Length);
        Assert.Equal((2L, 2L, 19L + 10L), (summary.Documents, summary.Skipped, summary.Bytes));
        Assert.Equal("is a folder with no .txt files", CorpusDocument.FromFile(empty).Read().Problem);
        Assert.Empty(CorpusInput.FromPath(empty).Documents());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1 << 20)] // the largest file read into pooled buffers (the mark included)
    [InlineData((1 << 20) + 1)] // the smallest one streamed in chunks
    [InlineData(3 * (1 << 20))]
    public void A_file_is_read_whole_at_every_size_with_its_byte_order_mark_dropped(int fileBytes)
    {
        // Lines of two-byte letters (22 bytes each) after the mark, padded with ASCII to the byte.
        const string Line = "موسكو روسيا\n";
        int mark = fileBytes == 0 ? 0 : 3;
        int lines = Math.Max(0, fileBytes - mark) / s_utf8.GetByteCount(Line);
        string body = string.Concat(Enumerable.Repeat(Line, lines));
        body += new string('x', Math.Max(0, fileBytes - mark - s_utf8.GetByteCount(body)));
        string path = Path.Combine(_folder, "sized.txt");
        File.WriteAllText(path, body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: mark > 0));
        Assert.Equal(fileBytes, new FileInfo(path).Length);

        DocumentText read = CorpusDocument.FromFile(path).Read();

        Assert.True(read.IsRead, read.Problem);
        Assert.Equal(body, read.Text);
        Assert.Equal(fileBytes - mark, read.Utf8Length);
    }

    [Theory]
    [InlineData(10, false)]
    [InlineData(10, true)]
    [InlineData((1 << 20) - 10, false)] // pooled buffers
    [InlineData((1 << 20) + 10, true)] // streamed: in the second chunk
    [InlineData((1 << 20) + 1, false)] // the first byte of the second chunk is the letter's second byte
    [InlineData((1 << 20) + 2, false)] // the bad lead byte begins the second chunk
    [InlineData((1 << 20) + 5, true)] // the same, after the mark
    [InlineData(2 * (1 << 20), false)]
    public void An_invalid_byte_is_reported_at_its_offset_in_the_file_counting_the_mark(int offset, bool mark)
    {
        int start = mark ? 3 : 0;
        var bytes = new byte[offset + 100];
        bytes.AsSpan().Fill((byte)'a');
        if (mark)
        {
            bytes[0] = 0xEF;
            bytes[1] = 0xBB;
            bytes[2] = 0xBF;
        }

        // A valid two-byte letter just before the bad byte, then a lead byte with no continuation.
        bytes[offset - 2] = 0xD9;
        bytes[offset - 1] = 0x85;
        bytes[offset] = 0xD9;
        bytes[offset + 1] = (byte)'b';
        Assert.True(offset - 2 >= start);
        string path = Path.Combine(_folder, "bad.txt");
        File.WriteAllBytes(path, bytes);

        Assert.Equal($"is not valid UTF-8 (byte {offset} of an invalid sequence)", CorpusDocument.FromFile(path).Read().Problem);
    }

    /// <summary>
    /// A long file is decoded a chunk at a time: a letter of two, three or four bytes (a surrogate
    /// pair) whose bytes the end of the first chunk cuts, at each place, is carried whole into the next.
    /// </summary>
    [Theory]
    [InlineData("\u0645", false)] // م, two bytes
    [InlineData("\u0645", true)]
    [InlineData("\uFEFB", false)] // ﻻ, three bytes
    [InlineData("\uFEFB", true)]
    [InlineData("\U0001F30D", false)] // an emoji, four bytes: two chars
    [InlineData("\U0001F30D", true)]
    public void A_letter_cut_by_the_end_of_a_chunk_is_read_whole(string letter, bool mark)
    {
        int width = s_utf8.GetByteCount(letter);
        int start = mark ? 3 : 0;
        for (int cut = 1; cut < width; cut++)
        {
            // The letter's first `cut` bytes end the first chunk (which starts after the mark).
            int before = CorpusDocument.ChunkBytes - cut;
            string text = new string('a', before) + letter + "ب" + new string('c', 5000);
            string path = Path.Combine(_folder, $"cut{cut}.txt");
            File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: mark));
            Assert.True(new FileInfo(path).Length > CorpusDocument.PooledBytes);

            DocumentText read = CorpusDocument.FromFile(path).Read();

            Assert.True(read.IsRead, read.Problem);
            Assert.Equal(text, read.Text);
            Assert.Equal(new FileInfo(path).Length - start, read.Utf8Length);
        }
    }

    /// <summary>
    /// The decoding pass tells a file that changed since its chars were counted: one that now holds
    /// more chars than its string has room for, or fewer (then it is read again whole).
    /// </summary>
    [Fact]
    public void The_decoding_pass_finds_a_file_that_changed_since_it_was_counted()
    {
        string text = new string('ب', 800_000) + "موسكو";
        string path = Path.Combine(_folder, "changing.txt");
        File.WriteAllText(path, text, new UTF8Encoding(false));
        using Microsoft.Win32.SafeHandles.SafeFileHandle handle = File.OpenHandle(path);

        Assert.Equal(System.Buffers.OperationStatus.Done, CorpusDocument.DecodeChunks(handle, 0, [], out long chars, out long bytes));
        Assert.Equal((text.Length, (long)s_utf8.GetByteCount(text)), (chars, bytes));

        char[] exact = new char[chars];
        Assert.Equal(System.Buffers.OperationStatus.Done, CorpusDocument.DecodeChunks(handle, 0, exact, out long decoded, out _));
        Assert.Equal((chars, text), (decoded, new string(exact)));

        // The file grew: no room for its last chars. It shrank: fewer chars than counted.
        Assert.Equal(System.Buffers.OperationStatus.DestinationTooSmall, CorpusDocument.DecodeChunks(handle, 0, new char[chars - 1], out _, out _));
        Assert.Equal(System.Buffers.OperationStatus.Done, CorpusDocument.DecodeChunks(handle, 0, new char[chars + 1], out decoded, out _));
        Assert.Equal(chars, decoded);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_long_file_that_ends_inside_a_letter_is_reported_at_the_letter(bool mark)
    {
        byte[] body = [.. s_utf8.GetBytes(new string('a', (1 << 20) + 100)), 0xE2, 0x82]; // two of the three bytes of €
        byte[] bytes = mark ? [0xEF, 0xBB, 0xBF, .. body] : body;
        string path = Path.Combine(_folder, "cut-short.txt");
        File.WriteAllBytes(path, bytes);

        Assert.Equal($"is not valid UTF-8 (byte {bytes.Length - 2} of an invalid sequence)", CorpusDocument.FromFile(path).Read().Problem);
    }

    [Fact]
    public void A_file_that_cannot_be_opened_is_told_apart_from_a_missing_one_and_a_folder()
    {
        // A name longer than a file system allows: opening fails for a reason other than absence.
        string tooLong = Path.Combine(_folder, new string('a', 300) + ".txt");

        Assert.StartsWith("cannot be read: ", CorpusDocument.FromFile(tooLong).Read().Problem, StringComparison.Ordinal);
        Assert.Equal("does not exist", CorpusDocument.FromFile(Path.Combine(_folder, "no", "such.txt")).Read().Problem);
        Assert.Equal("is a folder with no .txt files", CorpusDocument.FromFile(_folder).Read().Problem);
    }

    [Fact]
    public void A_document_the_extractor_throws_on_is_reported_with_the_message_and_skipped()
    {
        List<string> ids = WriteDocuments(6);
        var results = new List<DocumentResult<string>>();

        CorpusRunSummary summary = new CorpusRunner<string>(
            (text, id) => id == "doc03.txt" ? throw new InvalidOperationException("no luck with doc03") : text,
            3).Run([CorpusInput.FromPath(_folder)], results.Add);

        Assert.Equal(ids, results.Select(r => r.Id));
        DocumentResult<string> failed = results[3];
        Assert.Equal(DocumentOutcome.Failed, failed.Outcome);
        Assert.False(failed.Extracted);
        Assert.Null(failed.Document);
        Assert.Equal("failed in extraction: no luck with doc03", failed.Problem);
        Assert.IsType<InvalidOperationException>(failed.Exception);
        Assert.All(results.Where(r => r.Id != "doc03.txt"), r => Assert.True(r.Extracted));
        Assert.Equal((5L, 1L), (summary.Documents, summary.Skipped));
    }

    [Theory]
    [InlineData(2, null)]
    [InlineData(4, 3)]
    public void With_a_slow_sink_no_more_than_the_window_of_documents_is_alive(int threads, int? window)
    {
        WriteDocuments(60);
        int alive = 0;
        int mostAlive = 0;
        string Extract(string text, string id)
        {
            InterlockedMax(ref mostAlive, Interlocked.Increment(ref alive));
            return text;
        }

        CorpusRunner<string> runner = window is { } size
            ? new CorpusRunner<string>(Extract, threads) { Window = size }
            : new CorpusRunner<string>(Extract, threads);

        CorpusRunSummary summary = runner.Run([CorpusInput.FromPath(_folder)], _ =>
        {
            Thread.Sleep(5);
            Interlocked.Decrement(ref alive);
        });

        Assert.Equal(window ?? 32 * threads, runner.Window);
        Assert.Equal(16L * 1024 * 1024 * threads, runner.WindowBytes);
        Assert.Equal(60L, summary.Documents);
        Assert.Equal(runner.Window, summary.Window);
        Assert.InRange(mostAlive, 1, runner.Window);
        Assert.True(mostAlive > 1, "the runner reads ahead while the sink is busy");
    }

    [Theory]
    [InlineData(2, 3999, 3)] // three documents of 1,000 bytes fit, a fourth would not
    [InlineData(2, 4000, 4)]
    [InlineData(2, 1, 2)] // one per thread whatever their size
    [InlineData(3, 1, 3)]
    public void The_documents_alive_at_once_hold_no_more_bytes_than_the_window_allows(int threads, long windowBytes, int expectedMost)
    {
        for (int i = 0; i < 40; i++)
        {
            Write($"doc{i:00}.txt", new string('x', 1000));
        }

        int alive = 0;
        int mostAlive = 0;
        var runner = new CorpusRunner<string>(
            (text, id) =>
            {
                InterlockedMax(ref mostAlive, Interlocked.Increment(ref alive));
                return id;
            },
            threads) { WindowBytes = windowBytes };

        CorpusRunSummary summary = runner.Run([CorpusInput.FromPath(_folder)], _ =>
        {
            // A slow sink: the workers fill the window while it works.
            Thread.Sleep(3);
            Interlocked.Decrement(ref alive);
        });

        Assert.Equal(40L, summary.Documents);
        Assert.Equal(expectedMost, mostAlive);
    }

    [Fact]
    public void Documents_are_listed_and_read_only_as_the_window_moves()
    {
        var input = new CountingInput(count: 1000);
        int delivered = 0;
        int mostAhead = 0;
        var runner = new CorpusRunner<string>((text, _) => text, 2);

        runner.Run([input], _ =>
        {
            delivered++;
            InterlockedMax(ref mostAhead, Volatile.Read(ref input.ReadCount) - delivered);
            InterlockedMax(ref mostAhead, input.Listed - delivered);
        });

        Assert.Equal(1000, delivered);
        Assert.InRange(mostAhead, 0, runner.Window);
    }

    [Fact]
    public void With_one_thread_one_document_is_extracted_at_a_time_and_with_four_at_most_four()
    {
        WriteDocuments(16);

        Assert.Equal(1, MostAtOnce(1));
        Assert.InRange(MostAtOnce(4), 1, 4);

        int MostAtOnce(int threads)
        {
            int running = 0;
            int most = 0;
            new CorpusRunner<string>(
                (text, _) =>
                {
                    InterlockedMax(ref most, Interlocked.Increment(ref running));
                    Thread.Sleep(10);
                    Interlocked.Decrement(ref running);
                    return text;
                },
                threads).Run([CorpusInput.FromPath(_folder)], _ => { });
            return most;
        }
    }

    [Fact]
    public void The_summary_and_the_progress_count_documents_and_utf8_bytes()
    {
        string arabic = Write("a.txt", "زار لافروف موسكو"); // 16 chars, 30 bytes
        string latin = Write("b.txt", "Lavrov");
        string broken = Path.Combine(_folder, "c.txt");
        File.WriteAllBytes(broken, [0xFF, 0xFE]);
        var progress = new List<CorpusProgress>();
        var runner = new CorpusRunner<int>((text, _) => text.Length, 2) { Progress = progress.Add };

        CorpusRunSummary summary = runner.Run(CorpusInput.FromPaths([arabic, broken, latin]), _ => { });

        Assert.Equal((2L, 1L, 36L), (summary.Documents, summary.Skipped, summary.Bytes));
        Assert.True(summary.Elapsed > TimeSpan.Zero);
        Assert.True(summary.BytesPerSecond > 0);
        Assert.Equal([new CorpusProgress(1, 30, 38), new CorpusProgress(2, 32, 38), new CorpusProgress(3, 38, 38)], progress);
    }

    [Theory]
    [InlineData(CorpusRunner<int>.InDocumentProgressBytes, true)]
    [InlineData(CorpusRunner<int>.InDocumentProgressBytes - 1, false)]
    public void A_long_document_moves_the_progress_as_its_stages_end_and_a_shorter_one_when_it_is_delivered(long longBytes, bool moves)
    {
        string shortOne = Write("a.txt", "زار لافروف موسكو"); // 30 bytes
        string longOne = Write("b.txt", new string('x', (int)longBytes));
        var progress = new List<CorpusProgress>();
        var reporting = new List<bool>();
        var runner = new CorpusRunner<int>(
            (text, id) =>
            {
                // What a generated corpus does: a context per document, a report as each of its 4 stages ends.
                var context = new ExtractionContext(text, id);
                for (int stage = 1; stage <= 4; stage++)
                {
                    context.ReportProgress(stage, 4);
                }

                reporting.Add(context.Progress is not null);

                return text.Length;
            },
            threads: 1) { Progress = progress.Add };

        // The long one first: its stages end before it is delivered, whenever the sink's thread wakes.
        runner.Run(CorpusInput.FromPaths([longOne, shortOne]), _ => { });

        long total = 30 + longBytes;
        List<CorpusProgress> expected = moves
            ?
            [
                new(0, longBytes / 4, total),
                new(0, longBytes / 2, total),
                new(0, 3 * longBytes / 4, total),
                new(0, longBytes, total),
                new(1, longBytes, total),
                new(2, total, total),
            ]
            : [new(1, longBytes, total), new(2, total, total)];
        Assert.Equal(expected, progress);
        Assert.Equal(new[] { moves, false }, reporting);
    }

    [Fact]
    public void Progress_within_documents_on_several_workers_never_goes_down_and_ends_at_the_total()
    {
        long each = CorpusRunner<int>.InDocumentProgressBytes;
        string[] files = [.. Enumerable.Range(0, 6).Select(i => Write($"{i}.txt", new string('x', (int)each + i)))];
        var progress = new List<CorpusProgress>();
        var runner = new CorpusRunner<int>(
            (text, id) =>
            {
                var context = new ExtractionContext(text, id);
                for (int stage = 1; stage <= 8; stage++)
                {
                    Thread.Sleep(1);
                    context.ReportProgress(stage, 8);
                }

                return 0;
            },
            threads: 3) { Progress = p => progress.Add(p) }; // the runner makes the calls one at a time

        runner.Run(CorpusInput.FromPaths(files), _ => { });

        long total = (6 * each) + 15;
        Assert.Equal(6 + (6 * 8), progress.Count);
        Assert.True(progress.Zip(progress.Skip(1)).All(p => p.Second.Bytes >= p.First.Bytes && p.Second.Documents >= p.First.Documents));
        Assert.Equal(new CorpusProgress(6, total, total), progress[^1]);
    }

    [Fact]
    public void A_generated_corpus_plugs_in_and_gives_what_it_gives_alone()
    {
        string seeds = Seeds.Folder;
        List<string> alone = Directory.GetFiles(seeds, "*.txt").Order(StringComparer.Ordinal)
            .Select(f => CorpusJson.Serialize(NewsCorpus.Instance.Extract(File.ReadAllText(f), Path.GetFileName(f))))
            .ToList();
        var run = new List<string>();

        CorpusRunSummary summary = new CorpusRunner<Article>(NewsCorpus.Instance.Extract, 2)
            .Run([CorpusInput.FromPath(seeds)], r => run.Add(CorpusJson.Serialize(r.Document!)));

        Assert.Equal(alone, run);
        Assert.Equal(alone.Count, summary.Documents);
    }

    [Fact]
    public void A_sink_that_throws_stops_the_run_and_its_exception_comes_out()
    {
        WriteDocuments(50);
        int extracted = 0;
        var runner = new CorpusRunner<string>((text, _) => { Interlocked.Increment(ref extracted); return text; }, 2);

        var thrown = Assert.Throws<InvalidOperationException>(() => runner.Run([CorpusInput.FromPath(_folder)], r =>
        {
            if (r.Index == 3)
            {
                throw new InvalidOperationException("disk full");
            }
        }));

        Assert.Equal("disk full", thrown.Message);
        Assert.InRange(extracted, 4, 4 + runner.Window);
    }

    [Fact]
    public void A_cancelled_run_stops()
    {
        WriteDocuments(50);
        using var cancel = new CancellationTokenSource();
        var runner = new CorpusRunner<string>((text, _) => text, 2);
        long last = -1;

        // The whole corpus fits in the window: the run is cancelled while it drains.
        Assert.ThrowsAny<OperationCanceledException>(() => runner.Run([CorpusInput.FromPath(_folder)], r =>
        {
            last = r.Index;
            if (r.Index == 3)
            {
                cancel.Cancel();
            }
        }, cancel.Token));
        Assert.Equal(3, last);
    }

    [Fact]
    public void Fewer_than_one_thread_or_document_in_the_window_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CorpusRunner<string>((text, _) => text, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CorpusRunner<string>((text, _) => text, 1) { Window = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new CorpusRunner<string>((text, _) => text, 1) { WindowBytes = 0 });
        Assert.Equal(Environment.ProcessorCount, new CorpusRunner<string>((text, _) => text).Threads);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static int Index(string id) => int.Parse(id.AsSpan(3, 2), provider: System.Globalization.CultureInfo.InvariantCulture);

    private static void InterlockedMax(ref int most, int value)
    {
        for (int seen = Volatile.Read(ref most); value > seen; seen = Volatile.Read(ref most))
        {
            if (Interlocked.CompareExchange(ref most, value, seen) == seen)
            {
                return;
            }
        }
    }

    /// <summary>Writes doc00.txt … with "document N" in the folder; returns their ids in order.</summary>
    private List<string> WriteDocuments(int count)
    {
        var ids = new List<string>();
        for (int i = 0; i < count; i++)
        {
            string id = $"doc{i:00}.txt";
            Write(id, $"document {i}");
            ids.Add(id);
        }

        return ids;
    }

    private string Write(string name, string text)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllText(path, text, s_utf8);
        return path;
    }

    /// <summary>An input of documents made as they are listed, which counts what was listed and read (as a stream of JSON Lines would be).</summary>
    /// <summary>
    /// A filter's reader writes a document and waits for its result before it writes the next: each
    /// result reaches the sink while the input still waits for the next document (before, results
    /// waited for a full window or the end of the input).
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Each_result_reaches_the_sink_while_the_input_waits_for_the_next_document(int threads)
    {
        var input = new ConversationInput(4);
        var delivered = new List<string>();
        var runner = new CorpusRunner<string>((text, _) => text, threads);

        runner.Run([input], result =>
        {
            delivered.Add(result.Document!);
            input.Answered.Release();
        });

        Assert.Equal(["document 0", "document 1", "document 2", "document 3"], delivered);
        Assert.Equal(3, input.WaitedAndAnswered);
    }

    /// <summary>
    /// A sink that throws while the input waits for its next document (standard input that stays
    /// open) stops the run at once: the run does not wait for the input.
    /// </summary>
    [Fact]
    public void A_sink_that_throws_while_the_input_waits_stops_the_run_without_waiting_for_the_input()
    {
        var input = new ConversationInput(2, wait: TimeSpan.FromSeconds(60));
        var runner = new CorpusRunner<string>((text, _) => text, 2);

        InvalidOperationException thrown = Assert.Throws<InvalidOperationException>(() => runner.Run([input], _ => throw new InvalidOperationException("sink failed")));

        Assert.Equal("sink failed", thrown.Message);
        Assert.False(input.DoneWaiting); // the input still waits: the run returned before it
        input.Answered.Release();
    }

    /// <summary>An input that gives its next document only once the result of the one before reached the sink.</summary>
    private sealed class ConversationInput(int count, TimeSpan? wait = null) : CorpusInput("conversation")
    {
        public SemaphoreSlim Answered { get; } = new(0);

        public int WaitedAndAnswered { get; private set; }

        /// <summary>Whether a wait for an answer has ended (answered or timed out).</summary>
        public bool DoneWaiting { get; private set; }

        public override long? Length => null;

        public override IEnumerable<CorpusDocument> Documents()
        {
            for (int i = 0; i < count; i++)
            {
                if (i > 0)
                {
                    // A bounded wait: without the answer the test fails instead of hanging.
                    WaitedAndAnswered += Answered.Wait(wait ?? TimeSpan.FromSeconds(20)) ? 1 : 0;
                    DoneWaiting = true;
                }

                yield return CorpusDocument.FromText($"{i}", $"document {i}");
            }
        }
    }

    private sealed class CountingInput(int count) : CorpusInput("counting")
    {
        public int ReadCount;

        public int Listed { get; private set; }

        public override long? Length => null;

        public override IEnumerable<CorpusDocument> Documents()
        {
            for (int i = 0; i < count; i++)
            {
                Listed++;
                yield return new Document(this, i);
            }
        }

        private sealed class Document(CountingInput input, int index) : CorpusDocument($"{index}", "counting")
        {
            public override DocumentText Read()
            {
                Interlocked.Increment(ref input.ReadCount);
                return DocumentText.Of($"document {index}");
            }
        }
    }

    /// <summary>
    /// Shards deal the documents of every input in turn, in input order: 3 shards of 7 documents in
    /// a folder and a file take 3, 3 and 2 of them, together each once; 1 of 1 is all of them, and a
    /// shard out of 1..n is refused.
    /// </summary>
    [Fact]
    public void Shards_deal_the_documents_in_turn_and_together_read_each_once()
    {
        string folder = Directory.CreateDirectory(Path.Combine(_folder, "shards")).FullName;
        for (int i = 0; i < 6; i++)
        {
            File.WriteAllText(Path.Combine(folder, $"{i}.txt"), $"document {i}", s_utf8);
        }

        string single = Path.Combine(_folder, "single.txt");
        File.WriteAllText(single, "the seventh", s_utf8);
        IReadOnlyList<CorpusInput> inputs = CorpusInput.FromPaths([folder, single]);
        string[] all = [.. inputs.SelectMany(input => input.Documents()).Select(document => document.Id)];

        string[][] shards = [.. Enumerable.Range(1, 3).Select(shard => CorpusInput.Shard(inputs, shard, 3).Documents().Select(document => document.Id).ToArray())];

        Assert.Equal([3, 2, 2], shards.Select(shard => shard.Length));
        Assert.Equal([all[0], all[3], all[6]], shards[0]);
        Assert.Equal([all[1], all[4]], shards[1]);
        Assert.Equal(all.Order(StringComparer.Ordinal), shards.SelectMany(shard => shard).Order(StringComparer.Ordinal));
        Assert.Equal(all, CorpusInput.Shard(inputs, 1, 1).Documents().Select(document => document.Id));
        Assert.Equal(new FileInfo(single).Length + new FileInfo(Path.Combine(folder, "0.txt")).Length + new FileInfo(Path.Combine(folder, "3.txt")).Length, CorpusInput.Shard(inputs, 1, 3).Length);
        Assert.Throws<ArgumentOutOfRangeException>(() => CorpusInput.Shard(inputs, 0, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => CorpusInput.Shard(inputs, 4, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => CorpusInput.Shard(inputs, 1, 0));
    }

    /// <summary>
    /// JSON Lines from a reader: a document per object, named by its id or its line; a blank line
    /// passed over; a line that is not an object with a text string reported and skipped, in its
    /// place, and the lines after it still run.
    /// </summary>
    [Fact]
    public void Json_lines_give_a_document_per_line_and_a_bad_line_is_skipped_in_its_place()
    {
        const string lines = "{\"id\": \"a\", \"text\": \"موسكو\"}\n\n{\"text\": \"بكين\"}\nnot json\n{\"id\": \"d\", \"text\": 5}\n{\"id\": \"e\", \"text\": \"باكو\"}\n";
        var results = new List<DocumentResult<string>>();

        CorpusRunSummary summary = new CorpusRunner<string>((text, id) => id + "=" + text, 2)
            .Run([CorpusInput.FromReader(new StringReader(lines), "-")], results.Add);

        Assert.Equal(["a", "line 3", "line 4", "line 5", "e"], results.Select(r => r.Id));
        Assert.Equal(["a=موسكو", "line 3=بكين", null, null, "e=باكو"], results.Select(r => r.Document));
        Assert.Equal("- line 4", results[2].Origin);
        Assert.StartsWith("is not JSON: ", results[2].Problem, StringComparison.Ordinal);
        Assert.Equal("is not an object with a \"text\" string", results[3].Problem);
        Assert.Equal((3, 2), (summary.Documents, summary.Skipped));
    }

    /// <summary>A stream that does not begin with <c>{</c> is one document, its text as it came (line ends too).</summary>
    [Fact]
    public void Raw_text_from_a_reader_is_one_document_as_it_came()
    {
        var results = new List<DocumentResult<string>>();
        new CorpusRunner<string>((text, _) => text, 1).Run([CorpusInput.FromReader(new StringReader("زار لافروف\r\n{موسكو}\n"), "-")], results.Add);

        DocumentResult<string> result = Assert.Single(results);
        Assert.Equal("-", result.Id);
        Assert.Equal("زار لافروف\r\n{موسكو}\n", result.Document);
    }
}
