using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace NewsDesk;

/// <summary>A text file of the corpus, read and decoded, or the reason it was skipped.</summary>
/// <param name="Path">The file's path as given or found.</param>
/// <param name="Id">The document id: the file's name.</param>
/// <param name="Text">The decoded text; null when the file was skipped.</param>
/// <param name="Problem">Why the file was skipped.</param>
public sealed record CorpusFile(string Path, string Id, string? Text, string? Problem);

/// <summary>Finds and reads the corpus: folders (their *.txt files, by name) and files, in the order given.</summary>
public static class CorpusFiles
{
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The repository's seeds/ folder, found above the working folder or the program.</summary>
    public static string? FindSeeds()
    {
        foreach (string start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (DirectoryInfo? directory = new(start); directory is not null; directory = directory.Parent)
            {
                string seeds = System.IO.Path.Combine(directory.FullName, "seeds");
                if (File.Exists(System.IO.Path.Combine(directory.FullName, "CorpusKit.slnx")) && Directory.Exists(seeds))
                {
                    return seeds;
                }
            }
        }

        return null;
    }

    /// <summary>The files under <paramref name="paths"/>; a path that does not exist becomes a skipped file.</summary>
    public static List<string> Expand(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (string path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*.txt").OrderBy(f => f, StringComparer.Ordinal));
            }
            else
            {
                files.Add(path);
            }
        }

        return files;
    }

    /// <summary>Reads one file as strict UTF-8; a missing, unreadable or badly encoded file is reported, not thrown.</summary>
    public static CorpusFile Read(string path)
    {
        string id = System.IO.Path.GetFileName(path);
        if (!File.Exists(path))
        {
            return new CorpusFile(path, id, null, Directory.Exists(path) ? "is a folder with no .txt files" : "does not exist");
        }

        try
        {
            byte[] bytes = File.ReadAllBytes(path);
            int start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            return new CorpusFile(path, id, s_strictUtf8.GetString(bytes, start, bytes.Length - start), null);
        }
        catch (DecoderFallbackException exception)
        {
            return new CorpusFile(path, id, null, $"is not valid UTF-8 (byte {exception.Index} of an invalid sequence)");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return new CorpusFile(path, id, null, "cannot be read: " + exception.Message);
        }
    }
}
