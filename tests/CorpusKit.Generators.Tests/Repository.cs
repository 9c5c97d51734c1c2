using System;
using System.IO;

namespace CorpusKit.Generators.Tests;

/// <summary>The repository the tests run in.</summary>
internal static class Repository
{
    /// <summary>The folder that holds CorpusKit.slnx, found above the test binaries.</summary>
    public static string Root()
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
