using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace CorpusKit.Benchmarks;

/// <summary>Sizes of input as the benchmarks report them: UTF-8 bytes, and megabytes of 2^20 bytes.</summary>
public static class Utf8Size
{
    /// <summary>The bytes in a megabyte.</summary>
    public const long Megabyte = 1 << 20;

    /// <summary>The UTF-8 size of <paramref name="text"/>, in bytes.</summary>
    public static long Of(string text) => Encoding.UTF8.GetByteCount(text);

    /// <summary>The UTF-8 size of all of <paramref name="documents"/>, in bytes.</summary>
    public static long Of(IEnumerable<string> documents) => documents.Sum(Of);

    /// <summary><paramref name="bytes"/> as megabytes with two decimals, for people to read.</summary>
    public static string Megabytes(long bytes) => (bytes / (double)Megabyte).ToString("0.00", CultureInfo.InvariantCulture);
}
