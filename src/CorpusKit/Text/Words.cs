using System;

namespace CorpusKit.Text;

/// <summary>Words as keys and repeats compare them: maximal runs of letters and digits, each with a 64-bit FNV-1a hash.</summary>
internal static class Words
{
    private const ulong OffsetBasis = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    /// <summary>
    /// The next word of <paramref name="text"/> at or after <paramref name="at"/>: its start, and
    /// its hash; <paramref name="at"/> moves to its end. False when no word is left.
    /// </summary>
    public static bool Next(ReadOnlySpan<char> text, ref int at, out int start, out ulong hash)
    {
        int i = at;
        while (i < text.Length && !CharKinds.IsLetterOrDigit(text[i]))
        {
            i++;
        }

        start = i;
        hash = OffsetBasis;
        while (i < text.Length && CharKinds.IsLetterOrDigit(text[i]))
        {
            hash = (hash ^ text[i]) * Prime;
            i++;
        }

        at = i;
        return i > start;
    }
}
