using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace CorpusKit.Benchmarks;

/// <summary>The seed articles of the repository, and the corpus the benchmarks have always used: copies of them.</summary>
internal static class SeedCorpus
{
    private static readonly Lazy<string[]> s_texts = new(() =>
        [.. Directory.GetFiles(RepositoryFiles.Seeds, "*.txt").OrderBy(path => path, StringComparer.Ordinal).Select(File.ReadAllText)]);

    /// <summary>How many copies of the seeds the benchmarks, the check and the profile run over.</summary>
    public const int BenchmarkCopies = 40;

    /// <summary>The seed articles (<c>seeds/*.txt</c>), in file name order.</summary>
    public static IReadOnlyList<string> Texts => s_texts.Value;

    /// <summary>
    /// <paramref name="copies"/> copies of the seeds, each copy with its number on a last line of
    /// its own, as articles of one site differ (<see cref="BenchmarkCopies"/> copies of the five seeds: 200 documents, 0.9 MB).
    /// </summary>
    public static string[] Copies(int copies)
        => [.. Enumerable.Range(0, copies).SelectMany(copy => Texts.Select(text => text + "\n" + copy.ToString(CultureInfo.InvariantCulture)))];
}
