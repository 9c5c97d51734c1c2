using System;

namespace CorpusKit.Text;

/// <summary>
/// The proclitic letters a name may be written behind, kept out of its span: و and ف
/// (conjunctions), ب, ل and ك (prepositions), one of them or a conjunction then a preposition
/// (<c>وب</c>, <c>فل</c>), as Arabic joins them: never two prepositions (<c>لب</c> in <c>لبنان</c> is
/// no proclitic run, so <c>نان</c> is not found in it). One place for the rules that look for names
/// the trie does not hold (repeats by name, spelling variants, entity steps of sequences).
/// </summary>
internal static class Proclitics
{
    /// <summary>The most proclitic letters taken before a name.</summary>
    public const int Most = 2;

    /// <summary>Whether <paramref name="c"/> is a proclitic letter.</summary>
    public static bool IsLetter(char c) => IsConjunction(c) || IsPreposition(c);

    /// <summary>Whether <paramref name="c"/> is a conjunction written onto a word (و ف): the first of two proclitics.</summary>
    public static bool IsConjunction(char c) => c is 'و' or 'ف';

    /// <summary>Whether <paramref name="c"/> is a preposition written onto a word (ب ل ك): the second of two proclitics.</summary>
    public static bool IsPreposition(char c) => c is 'ب' or 'ل' or 'ك';

    /// <summary>Whether <paramref name="letters"/> is a run of proclitics Arabic writes: one letter, or a conjunction then a preposition.</summary>
    public static bool IsRun(ReadOnlySpan<char> letters) => letters.Length switch
    {
        1 => IsLetter(letters[0]),
        2 => IsConjunction(letters[0]) && IsPreposition(letters[1]),
        _ => false,
    };

    /// <summary>
    /// How many places a name may begin at in the word <c>[wordStart, wordEnd)</c>: the word's start,
    /// then past one proclitic letter, then past a conjunction and a preposition, as long as
    /// something of the word is left (1 to 3).
    /// </summary>
    public static int Starts(ReadOnlySpan<char> chars, int wordStart, int wordEnd)
    {
        if (wordStart + 1 >= wordEnd || !IsLetter(chars[wordStart]))
        {
            return 1;
        }

        return wordStart + 2 < wordEnd && IsRun(chars.Slice(wordStart, 2)) ? 3 : 2;
    }
}
