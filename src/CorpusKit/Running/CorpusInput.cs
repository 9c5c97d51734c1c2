using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Enumeration;
using System.Linq;

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
        return Directory.Exists(path) ? new FolderInput(path) : new FileInput(path);
    }

    /// <summary>The inputs at <paramref name="paths"/>, in the order given (see <see cref="FromPath"/>).</summary>
    public static IReadOnlyList<CorpusInput> FromPaths(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return paths.Select(FromPath).ToList();
    }

    /// <inheritdoc />
    public override string ToString() => Name;

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
