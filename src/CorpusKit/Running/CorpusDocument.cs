using System;
using System.IO;
using System.Text;

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
        return new FileDocument(path);
    }

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
    private static DocumentText ReadFile(string path)
    {
        if (!File.Exists(path))
        {
            return DocumentText.Unreadable(Directory.Exists(path) ? "is a folder with no .txt files" : "does not exist");
        }

        try
        {
            byte[] bytes = File.ReadAllBytes(path);
            int start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;

            // Valid UTF-8 decodes and encodes back byte for byte, so the bytes after the mark are the text's UTF-8 length.
            return DocumentText.Of(s_strictUtf8.GetString(bytes, start, bytes.Length - start), bytes.Length - start);
        }
        catch (DecoderFallbackException exception)
        {
            return DocumentText.Unreadable($"is not valid UTF-8 (byte {exception.Index} of an invalid sequence)");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return DocumentText.Unreadable("cannot be read: " + exception.Message);
        }
    }

    /// <summary>A file, read when the runner asks.</summary>
    private sealed class FileDocument(string path) : CorpusDocument(Path.GetFileName(path), path)
    {
        public override long? Length => File.Exists(Origin) ? new FileInfo(Origin).Length : null;

        public override DocumentText Read() => ReadFile(Origin);
    }

    /// <summary>A text in memory.</summary>
    private sealed class TextDocument(string id, string text) : CorpusDocument(id, id)
    {
        public override long? Length => Encoding.UTF8.GetByteCount(text);

        public override DocumentText Read() => DocumentText.Of(text);
    }
}
