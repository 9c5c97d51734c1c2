using System;
using System.IO;

namespace CorpusKit.Tests;

/// <summary>The repository's seed articles.</summary>
internal static class Seeds
{
    /// <summary>The prefixes of the five seeds, 000 to 004.</summary>
    public static readonly string[] Names = ["000", "001", "002", "003", "004"];

    /// <summary>The seeds/ folder.</summary>
    public static string Folder => Path.Combine(Root(), "seeds");

    public static string Read(string prefix)
    {
        string directory = Folder;
        return File.ReadAllText(Directory.GetFiles(directory, prefix + "_*.txt")[0]);
    }

    private static string Root()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CorpusKit.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Repository root not found.");
    }
}
