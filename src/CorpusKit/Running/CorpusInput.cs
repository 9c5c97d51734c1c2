using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Enumeration;
using System.Linq;
using System.Text;

namespace CorpusKit.Running;

/// <summary>
/// One input of a corpus run, as the user named it: a file or a folder (its <c>*.txt</c> files).
/// An input lists its documents lazily and cheaply; their text is read later, by the runner's
/// workers, so a run never holds more of the corpus than its window. Derive from it for other
/// kinds of input (a stream of JSON Lines, say).
/// </summary>
public abstract class CorpusInput
{
    /// <summary>Starts an input named <paramref name="name"/>.</summary>
    /// <param name="name">What the user gave (a path), for messages.</param>
    protected CorpusInput(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
    }

    /// <summary>What the user gave (a path), for messages.</summary>
    public string Name { get; }

    /// <summary>The input's size in bytes, if known before reading it (for progress); null when it is not.</summary>
    public abstract long? Length { get; }

    /// <summary>The input's documents, in order; listing them reads no text.</summary>
    public abstract IEnumerable<CorpusDocument> Documents();

    /// <summary>
    /// The input at <paramref name="path"/>: a folder stands for its <c>*.txt</c> files (not its
    /// subfolders) in ordinal order of their paths; anything else is one file, which is reported
    /// when read if it is missing or unreadable.
    /// </summary>
    public static CorpusInput FromPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path == "-")
        {
            return FromReader(new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)), "-");
        }

        return Directory.Exists(path) ? new FolderInput(path) : new FileInput(path);
    }

    /// <summary>
    /// The documents <paramref name="reader"/> gives (standard input is <c>-</c> in <see cref="FromPath"/>):
    /// JSON Lines when its first char is <c>{</c>, one object a line, <c>{"id": …, "text": …}</c> (a
    /// line without an id is named by its number; a blank line is passed over; a line that is not such
    /// an object is reported and skipped, the rest still runs), otherwise one document of the whole
    /// text, named <paramref name="name"/>. Read once, as the run lists it: only one line at a time is
    /// held before its document is taken.
    /// </summary>
    public static CorpusInput FromReader(TextReader reader, string name)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(name);
        return new ReaderInput(reader, name);
    }

    /// <summary>The inputs at <paramref name="paths"/>, in the order given (see <see cref="FromPath"/>).</summary>
    public static IReadOnlyList<CorpusInput> FromPaths(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return paths.Select(FromPath).ToList();
    }

    /// <summary>
    /// Shard <paramref name="shard"/> of <paramref name="shards"/> (counted from 1) of the documents
    /// of <paramref name="inputs"/>: the documents in input order, dealt in turn to the shards, so
    /// that runs of every shard over the same inputs, on as many machines, read each document once.
    /// The split needs only the listing (names and sizes), never the text.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="shards"/> is below 1, or <paramref name="shard"/> is not between 1 and it.</exception>
    public static CorpusInput Shard(IReadOnlyList<CorpusInput> inputs, int shard, int shards)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentOutOfRangeException.ThrowIfLessThan(shards, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(shard, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(shard, shards);
        return new ShardInput(inputs, shard, shards);
    }

    /// <inheritdoc />
    public override string ToString() => Name;

    /// <summary>A stream of raw text or JSON Lines, read once.</summary>
    private sealed class ReaderInput(TextReader reader, string name) : CorpusInput(name)
    {
        public override long? Length => null;

        public override IEnumerable<CorpusDocument> Documents()
        {
            if (reader.Peek() != '{')
            {
                yield return CorpusDocument.FromText(Name, reader.ReadToEnd());
                yield break;
            }

            int number = 0;
            for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
            {
                number++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                yield return Line(line, number);
            }
        }

        /// <summary>One line's document, or why it is none.</summary>
        private CorpusDocument Line(string line, int number)
        {
            string lineId = $"line {number}";
            string origin = $"{Name} {lineId}";
            try
            {
                using var json = System.Text.Json.JsonDocument.Parse(line);
                if (json.RootElement.ValueKind != System.Text.Json.JsonValueKind.Object
                    || !json.RootElement.TryGetProperty("text", out System.Text.Json.JsonElement text)
                    || text.ValueKind != System.Text.Json.JsonValueKind.String)
                {
                    return CorpusDocument.Unreadable(lineId, origin, "is not an object with a \"text\" string");
                }

                string id = json.RootElement.TryGetProperty("id", out System.Text.Json.JsonElement idElement) && idElement.ValueKind == System.Text.Json.JsonValueKind.String
                    ? idElement.GetString()!
                    : lineId;
                return CorpusDocument.FromText(id, text.GetString()!);
            }
            catch (System.Text.Json.JsonException exception)
            {
                return CorpusDocument.Unreadable(lineId, origin, "is not JSON: " + exception.Message);
            }
        }
    }

    /// <summary>Every <c>shards</c>-th document of the inputs, starting with the <c>shard</c>-th.</summary>
    private sealed class ShardInput(IReadOnlyList<CorpusInput> inputs, int shard, int shards)
        : CorpusInput($"shard {shard}/{shards} of {string.Join(", ", inputs.Select(input => input.Name))}")
    {
        public override long? Length
        {
            get
            {
                // A stream knows no size, and listing it would read it.
                if (inputs.Any(input => input.Length is null))
                {
                    return null;
                }

                long total = 0;
                foreach (CorpusDocument document in Documents())
                {
                    if (document.Length is not { } length)
                    {
                        return null;
                    }

                    total += length;
                }

                return total;
            }
        }

        public override IEnumerable<CorpusDocument> Documents()
        {
            long index = 0;
            foreach (CorpusInput input in inputs)
            {
                foreach (CorpusDocument document in input.Documents())
                {
                    if (index++ % shards == shard - 1)
                    {
                        yield return document;
                    }
                }
            }
        }
    }

    /// <summary>One file, as given.</summary>
    private sealed class FileInput(string path) : CorpusInput(path)
    {
        public override long? Length => File.Exists(Name) ? new FileInfo(Name).Length : 0;

        public override IEnumerable<CorpusDocument> Documents() => [CorpusDocument.FromFile(Name)];
    }

    /// <summary>
    /// A folder's <c>*.txt</c> files, with the sizes the listing gives (so the runner can bound its
    /// window in bytes without asking the file system again); the names are listed once, on first
    /// use, and kept (the text is not).
    /// </summary>
    private sealed class FolderInput : CorpusInput
    {
        private readonly Lazy<(string Path, long Length)[]> _files;

        public FolderInput(string path)
            : base(path)
            => _files = new Lazy<(string Path, long Length)[]>(() => [.. List(path).OrderBy(file => file.Path, StringComparer.Ordinal)]);

        public override long? Length => _files.Value.Sum(file => file.Length);

        public override IEnumerable<CorpusDocument> Documents() => _files.Value.Select(file => CorpusDocument.FromFile(file.Path, file.Length));

        /// <summary>What <see cref="Directory.EnumerateFiles(string, string)"/> lists for <c>*.txt</c> (the same paths, the same matching), with each file's size.</summary>
        private static FileSystemEnumerable<(string Path, long Length)> List(string path)
            => new(path, static (ref FileSystemEntry entry) => (entry.ToSpecifiedFullPath(), entry.Length), new EnumerationOptions { AttributesToSkip = 0, MatchType = MatchType.Win32 })
            {
                ShouldIncludePredicate = static (ref FileSystemEntry entry)
                    => !entry.IsDirectory && FileSystemName.MatchesWin32Expression("*.txt", entry.FileName, ignoreCase: !OperatingSystem.IsLinux()),
            };
    }
}
