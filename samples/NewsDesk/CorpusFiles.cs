using System;
using System.IO;

namespace NewsDesk;

/// <summary>
/// Where the sample finds its corpus when given no paths. Reading the corpus (folders, strict
/// UTF-8, skipped files) is the toolkit's: see <see cref="CorpusKit.Running.CorpusInput"/>.
/// </summary>
public static class CorpusFiles
{
    /// <summary>The repository's seeds/ folder, found above the working folder or the program.</summary>
    public static string? FindSeeds()
    {
        foreach (string start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (DirectoryInfo? directory = new(start); directory is not null; directory = directory.Parent)
            {
                string seeds = Path.Combine(directory.FullName, "seeds");
                if (File.Exists(Path.Combine(directory.FullName, "CorpusKit.slnx")) && Directory.Exists(seeds))
                {
                    return seeds;
                }
            }
        }

        return null;
    }
}
