using System;
using System.Collections.Generic;

namespace CorpusKit.Text;

/// <summary>
/// One string per distinct short text, per thread: the names, titles and dates a corpus mentions
/// repeat (روسيا in every article, a minister's title in each paragraph), and each mention would
/// otherwise copy its text into a string of its own.
/// </summary>
/// <remarks>
/// Strings cannot be told apart by anything but their identity, so sharing them changes no result.
/// The set is the thread's (extraction runs a document per thread) and bounded: past
/// <see cref="MostStrings"/> it starts again empty, so a corpus of ever new names costs no more
/// than that. Texts longer than <see cref="LongestShared"/> (quotes, headlines) rarely repeat and
/// are copied as they are.
/// </remarks>
internal static class SharedStrings
{
    /// <summary>The longest text shared, in chars.</summary>
    internal const int LongestShared = 48;

    /// <summary>How many strings a thread keeps at most.</summary>
    internal const int MostStrings = 8192;

    [ThreadStatic]
    private static HashSet<string>? t_strings;

    /// <summary>The set's look-up by chars, made once (making it checks the comparer's type).</summary>
    [ThreadStatic]
    private static HashSet<string>.AlternateLookup<ReadOnlySpan<char>> t_lookup;

    /// <summary>The string of <paramref name="chars"/>: the one made before on this thread for the same chars, or a new one.</summary>
    public static string Of(ReadOnlySpan<char> chars)
    {
        if (chars.IsEmpty)
        {
            return string.Empty;
        }

        if (chars.Length > LongestShared)
        {
            return new string(chars);
        }

        HashSet<string>? strings = t_strings;
        if (strings is null)
        {
            t_strings = strings = new HashSet<string>(StringComparer.Ordinal);
            t_lookup = strings.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        if (t_lookup.TryGetValue(chars, out string? shared))
        {
            return shared;
        }

        if (strings.Count >= MostStrings)
        {
            strings.Clear();
        }

        shared = new string(chars);
        strings.Add(shared);
        return shared;
    }

    /// <summary>How many strings this thread keeps now (for tests).</summary>
    internal static int Count => t_strings?.Count ?? 0;
}
