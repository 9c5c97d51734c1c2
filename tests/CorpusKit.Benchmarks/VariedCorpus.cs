using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace CorpusKit.Benchmarks;

/// <summary>
/// A corpus of any size made from a few seed articles, the same on every run, whose documents
/// all differ (word order and numbers are drawn anew for each), for measuring throughput on more
/// text than the seeds without repeating them verbatim (repeats flatter caches and branch
/// predictors).
/// </summary>
/// <remarks>
/// <para>
/// Document <c>i</c> is seed <c>i mod n</c> (of <c>n</c> seeds) varied with one <see cref="Random"/> seeded with
/// <see cref="RandomSeed"/>, drawn from in document order, so a corpus is a prefix of every larger
/// one. Each document keeps its seed's lines in order: the headline stays first and blank lines
/// stay blank, so headline, boilerplate and duplicate-line logic still has work.
/// </para>
/// <list type="bullet">
/// <item>A line with fewer than <see cref="ShortLineWords"/> words, or whose trimmed text matches
/// a kept-line pattern (a boilerplate rule), keeps its words in order: menus, labels, datelines
/// and credits stay recognisable.</item>
/// <item>Every other line has its words (runs of characters between spaces, punctuation
/// included) shuffled within each sentence; a sentence ends at a word ending in . ! ? ؟ or ….</item>
/// <item>Every run of digits is replaced by another of the same length and the same digit
/// script (ASCII stays ASCII, Arabic-Indic stays Arabic-Indic): one digit becomes 1-9, two a
/// day of any month (01-28), four a year (1950-2049), others random digits not starting with 0,
/// so dates stay valid.</item>
/// <item>Within a document, a line that repeats is varied the same way each time and a run of
/// digits that repeats gets the same replacement, so duplicate lines (a menu listed twice, a
/// headline repeated) stay duplicates and a year named twice stays one year.</item>
/// </list>
/// <para>
/// The documents depend only on the seeds, the patterns and the random seed, on a given .NET
/// version (a seeded <see cref="Random"/> keeps the .NET Framework algorithm for compatibility,
/// but .NET does not promise the same numbers across versions).
/// </para>
/// </remarks>
public sealed partial class VariedCorpus
{
    /// <summary>The random seed of the corpora the benchmarks run over.</summary>
    public const int DefaultRandomSeed = 20240210;

    /// <summary>Lines with fewer words than this keep their word order.</summary>
    public const int ShortLineWords = 8;

    private static readonly UTF8Encoding s_utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    private readonly string[] _seeds;
    private readonly Regex[] _keptLines;

    /// <summary>A corpus varied from <paramref name="seeds"/>.</summary>
    /// <param name="seeds">The documents to vary, used in turn; lines end with <c>\n</c> (a <c>\r</c> before it is kept).</param>
    /// <param name="keptLinePatterns">Regexes (matched ignoring case) for lines whose word order is kept, such as a schema's boilerplate rules.</param>
    /// <param name="randomSeed">The seed of the one <see cref="Random"/> every variation draws from.</param>
    public VariedCorpus(IEnumerable<string> seeds, IEnumerable<string> keptLinePatterns, int randomSeed = DefaultRandomSeed)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        ArgumentNullException.ThrowIfNull(keptLinePatterns);
        _seeds = [.. seeds];
        if (_seeds.Length == 0)
        {
            throw new ArgumentException("At least one seed document is needed.", nameof(seeds));
        }

        _keptLines = [.. keptLinePatterns.Select(pattern => new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant))];
        RandomSeed = randomSeed;
    }

    /// <summary>The seed of the <see cref="Random"/> the variations draw from.</summary>
    public int RandomSeed { get; }

    /// <summary>The corpus the benchmarks use: the repository's seed articles, the NewsDesk schema's boilerplate rules as kept lines.</summary>
    /// <param name="randomSeed">The seed of the <see cref="Random"/> every variation draws from.</param>
    /// <exception cref="InvalidOperationException">Not run from inside the repository.</exception>
    public static VariedCorpus FromSeeds(int randomSeed = DefaultRandomSeed)
        => new(SeedCorpus.Texts, NewsDeskSchema.Instance.Boilerplate, randomSeed);

    /// <summary>The documents, without end; each enumeration starts again from the first.</summary>
    public IEnumerable<string> Documents()
    {
        var random = new Random(RandomSeed);
        for (long index = 0; ; index++)
        {
            yield return Vary(_seeds[index % _seeds.Length], random);
        }
    }

    /// <summary>The first documents, as many as it takes to reach <paramref name="bytes"/> of UTF-8 (the last one may go past it).</summary>
    /// <param name="bytes">The least UTF-8 size of the documents together; <see cref="Utf8Size.Megabyte"/> times N for N MB.</param>
    public IEnumerable<string> Documents(long bytes)
    {
        long size = 0;
        foreach (string document in Documents())
        {
            if (size >= bytes)
            {
                yield break;
            }

            size += Utf8Size.Of(document);
            yield return document;
        }
    }

    /// <summary>
    /// One document of at least <paramref name="bytes"/> of UTF-8 on one line: the first documents
    /// with their line breaks turned into spaces, joined by spaces.
    /// </summary>
    public string OneLine(long bytes)
    {
        var line = new StringBuilder();
        long size = 0;
        foreach (string document in Documents(bytes))
        {
            if (line.Length > 0)
            {
                line.Append(' ');
                size++;
            }

            string flat = document.ReplaceLineEndings(" ");
            line.Append(flat);
            size += Utf8Size.Of(flat);
        }

        return line.ToString();
    }

    /// <summary>
    /// Writes the first documents, at least <paramref name="bytes"/> of UTF-8 in all, into
    /// <paramref name="directory"/> as UTF-8 files without a byte order mark, one document per
    /// file, named by number (<c>000000.txt</c>, <c>000001.txt</c> …) so that name order is
    /// corpus order.
    /// </summary>
    /// <returns>How many files, and their UTF-8 bytes in all.</returns>
    /// <exception cref="IOException"><paramref name="directory"/> already holds .txt files, which a run over the folder would read too.</exception>
    public (int Files, long Bytes) Write(string directory, long bytes)
    {
        Directory.CreateDirectory(directory);
        if (Directory.EnumerateFiles(directory, "*.txt").Any())
        {
            throw new IOException($"{directory} already holds .txt files; write the corpus into an empty or new folder.");
        }

        int files = 0;
        long written = 0;
        foreach (string document in Documents(bytes))
        {
            File.WriteAllText(Path.Combine(directory, files.ToString("D6", CultureInfo.InvariantCulture) + ".txt"), document, s_utf8NoBom);
            files++;
            written += Utf8Size.Of(document);
        }

        return (files, written);
    }

    [GeneratedRegex(@"\p{Nd}+")]
    private static partial Regex DigitRun();

    private string Vary(string seed, Random random)
    {
        string[] lines = seed.Split('\n');
        var variedLines = new Dictionary<string, string>(StringComparer.Ordinal);
        var variedDigits = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < lines.Length; i++)
        {
            if (!variedLines.TryGetValue(lines[i], out string? line))
            {
                line = DigitRun().Replace(ShuffleWords(lines[i], random), run =>
                {
                    if (!variedDigits.TryGetValue(run.Value, out string? digits))
                    {
                        digits = OtherDigits(run.Value, random);
                        variedDigits[run.Value] = digits;
                    }

                    return digits;
                });
                variedLines[lines[i]] = line;
            }

            lines[i] = line;
        }

        return string.Join('\n', lines);
    }

    private string ShuffleWords(string line, Random random)
    {
        string trimmed = line.Trim();
        string[] words = trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < ShortLineWords || _keptLines.Any(pattern => pattern.IsMatch(trimmed)))
        {
            return line;
        }

        for (int start = 0; start < words.Length;)
        {
            int end = start;
            while (end < words.Length - 1 && !EndsSentence(words[end]))
            {
                end++;
            }

            random.Shuffle(words.AsSpan(start..(end + 1)));
            start = end + 1;
        }

        string indent = line[..(line.Length - line.TrimStart().Length)];
        string lineEnd = line.EndsWith('\r') ? "\r" : "";
        return indent + string.Join(' ', words) + lineEnd;
    }

    private static bool EndsSentence(string word) => word[^1] is '.' or '!' or '?' or '؟' or '…';

    /// <summary>As many digits as <paramref name="digits"/>, each in the script of the digit it replaces.</summary>
    private static string OtherDigits(string digits, Random random)
    {
        string value = digits.Length switch
        {
            1 => random.Next(1, 10).ToString(CultureInfo.InvariantCulture),
            2 => random.Next(1, 29).ToString("D2", CultureInfo.InvariantCulture),
            4 => random.Next(1950, 2050).ToString(CultureInfo.InvariantCulture),
            _ => string.Concat(Enumerable.Range(0, digits.Length).Select(i => random.Next(i == 0 ? 1 : 0, 10))),
        };
        var chars = new char[digits.Length];
        for (int i = 0; i < chars.Length; i++)
        {
            char zero = (char)(digits[i] - CharUnicodeInfo.GetDecimalDigitValue(digits[i]));
            chars[i] = (char)(zero + (value[i] - '0'));
        }

        return new string(chars);
    }
}
