using System;
using System.IO;

namespace CorpusKit.Benchmarks;

/// <summary>The repository files the benchmarks read: the seed articles and the NewsDesk schema.</summary>
internal static class RepositoryFiles
{
    /// <summary>The repository's root: the first folder holding <c>CorpusKit.slnx</c> above the working folder or the program.</summary>
    /// <exception cref="InvalidOperationException">Neither lies inside the repository.</exception>
    public static string Root => FindRoot();

    /// <summary>The folder of the seed articles.</summary>
    public static string Seeds => Path.Combine(Root, "seeds");

    /// <summary>The schema the NewsDesk sample is generated from.</summary>
    public static string NewsDeskSchema => Path.Combine(Root, "samples", "NewsDesk", "Schemas", "newsdesk.corpus.yaml");

    private static string FindRoot()
    {
        foreach (string start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (DirectoryInfo? directory = new(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "CorpusKit.slnx")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException("The repository (a folder with CorpusKit.slnx) was not found above the working folder or the program; run from the repository.");
    }
}
