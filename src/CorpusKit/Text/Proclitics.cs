using System;

namespace CorpusKit.Text;

/// <summary>
/// The proclitic letters a name may be written behind, kept out of its span: و and ف
/// (conjunctions), ب, ل and ك (prepositions), up to two of them. One place for the rules that look
/// for names the trie does not hold (repeats by name, spelling variants, entity steps of sequences).
/// </summary>
internal static class Proclitics
{
    /// <summary>The most proclitic letters taken before a name.</summary>
    public const int Most = 2;

    /// <summary>Whether <paramref name="c"/> is a proclitic letter.</summary>
    public static bool IsLetter(char c) => c is 'و' or 'ف' or 'ب' or 'ل' or 'ك';

    /// <summary>
    /// How many places a name may begin at in the word <c>[wordStart, wordEnd)</c>: the word's start,
    /// then past one and past two proclitic letters, as long as something of the word is left (1 to 3).
    /// </summary>
    public static int Starts(ReadOnlySpan<char> chars, int wordStart, int wordEnd)
    {
        int starts = 1;
        while (starts <= Most && wordStart + starts < wordEnd && IsLetter(chars[wordStart + starts - 1]))
        {
            starts++;
        }

        return starts;
    }
}
