using System;
using System.Buffers;
using System.IO;
using System.Text;
using System.Text.Unicode;
using Microsoft.Win32.SafeHandles;

namespace CorpusKit.Running;

/// <summary>
/// One document of a corpus before it is read: its id, where it comes from, and how to read it.
/// <see cref="Read"/> is called once, on one of the runner's workers, so documents are read in
/// parallel and only while they are in the runner's window.
/// </summary>
public abstract class CorpusDocument
{
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Starts a document.</summary>
    /// <param name="id">The document id given to the extractor and written into exports (a file's name).</param>
    /// <param name="origin">Where the document comes from (a file's path as given or found), for messages.</param>
    protected CorpusDocument(string id, string origin)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(origin);
        Id = id;
        Origin = origin;
    }

    /// <summary>The document id given to the extractor and written into exports (a file's name).</summary>
    public string Id { get; }

    /// <summary>Where the document comes from (a file's path as given or found), for messages.</summary>
    public string Origin { get; }

    /// <summary>The document's size in bytes if known without reading it (a file's length); null otherwise.</summary>
    public virtual long? Length => null;

    /// <summary>
    /// Reads the document's text, or says why it cannot be read. A document that cannot be read
    /// is reported and skipped; the run goes on. An exception thrown here is reported the same way.
    /// </summary>
    public abstract DocumentText Read();

    /// <summary>
    /// The file at <paramref name="path"/>, read as strict UTF-8 (a byte order mark is skipped); its
    /// id is the file's name. A missing file, a folder, a file that cannot be read and one that is not
    /// valid UTF-8 are reported: <c>does not exist</c>, <c>is a folder with no .txt files</c>,
    /// <c>cannot be read: …</c>, <c>is not valid UTF-8 (byte N of an invalid sequence)</c>.
    /// </summary>
    public static CorpusDocument FromFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new FileDocument(path, length: null);
    }

    /// <summary><see cref="FromFile(string)"/> for a file whose size a folder's listing gave.</summary>
    internal static CorpusDocument FromFile(string path, long length) => new FileDocument(path, length);

    /// <summary>A document whose text is already in memory.</summary>
    /// <param name="id">The document id.</param>
    /// <param name="text">The text.</param>
    public static CorpusDocument FromText(string id, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new TextDocument(id, text);
    }

    /// <inheritdoc />
    public override string ToString() => Origin;

    /// <summary>Reads <paramref name="path"/> as strict UTF-8 without a byte order mark.</summary>
    /// <remarks>
    /// One open and one read per file, with no look-up before (a corpus is mostly files that are
    /// there): the reasons a file cannot be read are told apart only when opening it fails. A file
    /// up to <see cref="PooledBytes"/> long is read into pooled buffers and decoded in one pass
    /// (<see cref="Utf8.ToUtf16(ReadOnlySpan{byte}, Span{char}, out int, out int, bool, bool)"/>,
    /// which stops at the first invalid byte), so the string is the only thing it allocates;
    /// <see cref="Encoding.GetString(byte[], int, int)"/> would first walk the bytes to count the
    /// chars, then again to decode them. A longer file is read twice, a chunk at a time through
    /// pooled buffers: once to count its chars, once to decode them straight into its string, so
    /// it never has its bytes or a char buffer beside it (a 64 MB file would hold 64 MB of bytes
    /// beside its 74 MB string; re-reading costs less than that memory, from the page cache).
    /// </remarks>
    private static DocumentText ReadFile(string path)
    {
        SafeFileHandle handle;
        try
        {
            handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return Directory.Exists(path) ? DocumentText.Unreadable("is a folder with no .txt files")
                : exception is FileNotFoundException or DirectoryNotFoundException ? DocumentText.Unreadable("does not exist")
                : DocumentText.Unreadable("cannot be read: " + exception.Message);
        }

        byte[]? bytes = null;
        try
        {
            using (handle)
            {
                long reported = RandomAccess.GetLength(handle);
                if (reported > Array.MaxLength)
                {
                    return DocumentText.Unreadable($"cannot be read: {reported} bytes is more than a text of one document can hold");
                }

                if (reported > PooledBytes && ReadStreamed(handle) is { } streamed)
                {
                    return streamed;
                }

                int length = ReadAll(handle, (int)reported, out bytes);
                int start = length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
                ReadOnlySpan<byte> utf8 = bytes.AsSpan(start, length - start);
                string? text = bytes.Length <= PooledBytes ? DecodePooled(utf8, out int invalid) : Decode(bytes, start, length - start, out invalid);
                if (text is null)
                {
                    return DocumentText.Unreadable($"is not valid UTF-8 (byte {start + invalid} of an invalid sequence)");
                }

                // Valid UTF-8 decodes and encodes back byte for byte, so the bytes after the mark are the text's UTF-8 length.
                return DocumentText.Of(text, utf8.Length);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return DocumentText.Unreadable("cannot be read: " + exception.Message);
        }
        finally
        {
            if (bytes is not null && bytes.Length <= PooledBytes)
            {
                ArrayPool<byte>.Shared.Return(bytes);
            }
        }
    }

    /// <summary>Files up to this many bytes are read into pooled buffers and decoded at once; longer ones are streamed (see <see cref="ReadStreamed"/>).</summary>
    internal const int PooledBytes = 1 << 20;

    /// <summary>How many bytes a streamed file is read at a time.</summary>
    internal const int ChunkBytes = 1 << 20;

    /// <summary>
    /// Reads a long file in two passes of chunks: counts its chars, then decodes them into its
    /// string. Null when the file changed between the passes (its length, or what it decodes to):
    /// it is then read whole at once.
    /// </summary>
    private static DocumentText? ReadStreamed(SafeFileHandle handle)
    {
        Span<byte> head = stackalloc byte[3];
        int skip = RandomAccess.Read(handle, head, 0) == 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF ? 3 : 0;
        OperationStatus counted = DecodeChunks(handle, skip, [], out long chars, out long bytes);
        if (counted == OperationStatus.InvalidData)
        {
            return DocumentText.Unreadable($"is not valid UTF-8 (byte {skip + bytes} of an invalid sequence)");
        }

        var decoding = new StreamedDecoding(handle, skip);
        string text = string.Create((int)chars, decoding, static (into, state) =>
            state.Status = DecodeChunks(state.Handle, state.Skip, into, out state.Chars, out state.Bytes));
        return decoding.Status == OperationStatus.Done && decoding.Chars == chars && decoding.Bytes == bytes
            ? DocumentText.Of(text, bytes)
            : null;
    }

    /// <summary>
    /// Decodes strict UTF-8 from <paramref name="skip"/> of the file to its end, a chunk at a time:
    /// into <paramref name="into"/>, or (when it is empty) only counting the chars. Returns
    /// <see cref="OperationStatus.Done"/>; <see cref="OperationStatus.InvalidData"/> with
    /// <paramref name="bytes"/> the bytes before the first invalid sequence; or
    /// <see cref="OperationStatus.DestinationTooSmall"/> when the file holds more chars than
    /// <paramref name="into"/> has room for. A sequence cut by a chunk's end is carried into the next.
    /// </summary>
    internal static OperationStatus DecodeChunks(SafeFileHandle handle, int skip, Span<char> into, out long chars, out long bytes)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        char[]? scratch = into.IsEmpty ? ArrayPool<char>.Shared.Rent(ChunkBytes) : null;
        chars = 0;
        bytes = 0;
        try
        {
            long offset = skip;
            int carried = 0;
            while (true)
            {
                int read = RandomAccess.Read(handle, buffer.AsSpan(carried, ChunkBytes - carried), offset);
                offset += read;
                int available = carried + read;

                // A byte never decodes to more than one char: the scratch always has room for a chunk.
                Span<char> target = scratch is not null ? scratch : into[(int)Math.Min(chars, into.Length)..];
                OperationStatus status = Utf8.ToUtf16(buffer.AsSpan(0, available), target, out int used, out int written, replaceInvalidSequences: false, isFinalBlock: read == 0);
                chars += written;
                bytes += used;
                if (status is OperationStatus.InvalidData or OperationStatus.DestinationTooSmall)
                {
                    return status;
                }

                if (read == 0)
                {
                    return OperationStatus.Done;
                }

                // What is left is the start of a sequence the next chunk ends.
                carried = available - used;
                buffer.AsSpan(used, carried).CopyTo(buffer);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            if (scratch is not null)
            {
                ArrayPool<char>.Shared.Return(scratch);
            }
        }
    }

    /// <summary>What the decoding pass of <see cref="ReadStreamed"/> needs and finds.</summary>
    private sealed class StreamedDecoding(SafeFileHandle handle, int skip)
    {
        public SafeFileHandle Handle { get; } = handle;

        public int Skip { get; } = skip;

        public OperationStatus Status;

        public long Chars;

        public long Bytes;
    }

    /// <summary>
    /// Reads the file to its end into <paramref name="bytes"/> (pooled when small) and returns how
    /// many bytes it holds: the length the file had when opened is a first guess, and a file that
    /// grew since is read to its new end.
    /// </summary>
    private static int ReadAll(SafeFileHandle handle, int expected, out byte[] bytes)
    {
        // One byte more than expected, so a file read to the end of the buffer is known to have grown.
        bytes = Buffer((int)Math.Min(expected + 1L, Array.MaxLength));
        int length = 0;
        while (true)
        {
            int read = RandomAccess.Read(handle, bytes.AsSpan(length), length);
            if (read == 0)
            {
                return length;
            }

            length += read;
            if (length == bytes.Length)
            {
                byte[] larger = Buffer((int)Math.Min((long)bytes.Length * 2, Array.MaxLength));
                bytes.AsSpan(0, length).CopyTo(larger);
                if (bytes.Length <= PooledBytes)
                {
                    ArrayPool<byte>.Shared.Return(bytes);
                }

                bytes = larger;
            }
        }

        static byte[] Buffer(int size) => size <= PooledBytes ? ArrayPool<byte>.Shared.Rent(size) : GC.AllocateUninitializedArray<byte>(size);
    }

    /// <summary>
    /// Decodes strict UTF-8 in one pass through a pooled char buffer; null when it is not valid,
    /// with <paramref name="invalid"/> the index of the first byte of the first invalid sequence.
    /// </summary>
    private static string? DecodePooled(ReadOnlySpan<byte> utf8, out int invalid)
    {
        // A UTF-8 byte never gives more than one UTF-16 char.
        char[] chars = ArrayPool<char>.Shared.Rent(Math.Max(utf8.Length, 1));
        try
        {
            OperationStatus status = Utf8.ToUtf16(utf8, chars, out invalid, out int written, replaceInvalidSequences: false);
            return status == OperationStatus.Done ? new string(chars, 0, written) : null;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary><see cref="DecodePooled"/> for a long text: decoded straight into its string, with no buffer beside it.</summary>
    private static string? Decode(byte[] bytes, int start, int count, out int invalid)
    {
        invalid = 0;
        try
        {
            return s_strictUtf8.GetString(bytes, start, count);
        }
        catch (DecoderFallbackException)
        {
            // Rare, and only the first bad byte is wanted: found again by the one-pass decoder, a block at a time.
            invalid = FirstInvalid(bytes.AsSpan(start, count));
            return null;
        }
    }

    /// <summary>The index of the first byte of the first invalid sequence of <paramref name="utf8"/>.</summary>
    private static int FirstInvalid(ReadOnlySpan<byte> utf8)
    {
        Span<char> chars = stackalloc char[4096];
        int at = 0;
        while (true)
        {
            OperationStatus status = Utf8.ToUtf16(utf8[at..], chars, out int read, out _, replaceInvalidSequences: false);
            at += read;
            if (status != OperationStatus.DestinationTooSmall)
            {
                return at;
            }
        }
    }

    /// <summary>A file, read when the runner asks.</summary>
    private sealed class FileDocument(string path, long? length) : CorpusDocument(Path.GetFileName(path), path)
    {
        public override long? Length => length ?? (File.Exists(Origin) ? new FileInfo(Origin).Length : null);

        public override DocumentText Read() => ReadFile(Origin);
    }

    /// <summary>A document that cannot be read, for a reason known when it was listed (a bad line of JSON Lines, say).</summary>
    internal static CorpusDocument Unreadable(string id, string origin, string problem) => new ProblemDocument(id, origin, problem);

    /// <summary>A document known to be unreadable when listed.</summary>
    private sealed class ProblemDocument(string id, string origin, string problem) : CorpusDocument(id, origin)
    {
        public override DocumentText Read() => DocumentText.Unreadable(problem);
    }

    /// <summary>A text in memory.</summary>
    private sealed class TextDocument(string id, string text) : CorpusDocument(id, id)
    {
        private long _length = -1;

        // Counted once: the runner asks when it takes the document, progress may ask again.
        public override long? Length => _length >= 0 ? _length : _length = Encoding.UTF8.GetByteCount(text);

        public override DocumentText Read() => DocumentText.Of(text);
    }
}
