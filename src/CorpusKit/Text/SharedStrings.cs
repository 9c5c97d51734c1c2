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
/// than that. Texts longer than <see cref="LongestShared"/> (quotes, headlines) rarely repeat
/// across mentions, but one mention often asks for the same long text twice (a quote's span and
/// its text field are the same chars): the thread's last long string, up to
/// <see cref="LongestRemembered"/> chars, is given again for the same chars.
/// </remarks>
internal static class SharedStrings
{
    /// <summary>The longest text shared, in chars.</summary>
    internal const int LongestShared = 48;

    /// <summary>The longest text remembered as the thread's last long string, in chars (a longer one is copied each time).</summary>
    internal const int LongestRemembered = 4096;

    /// <summary>How many strings a thread keeps at most.</summary>
    internal const int MostStrings = 8192;

    [ThreadStatic]
    private static HashSet<string>? t_strings;

    /// <summary>The last text longer than <see cref="LongestShared"/> made on this thread, if not longer than <see cref="LongestRemembered"/>.</summary>
    [ThreadStatic]
    private static string? t_lastLong;

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
            return OfLong(chars);
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

    /// <summary>A long text: the thread's last long string when its chars are the same, else a new one.</summary>
    private static string OfLong(ReadOnlySpan<char> chars)
    {
        string? last = t_lastLong;
        if (last is not null && chars.SequenceEqual(last))
        {
            return last;
        }

        string made = new(chars);
        if (made.Length <= LongestRemembered)
        {
            t_lastLong = made;
        }

        return made;
    }

    /// <summary>How many strings this thread keeps now (for tests).</summary>
    internal static int Count => t_strings?.Count ?? 0;
}
