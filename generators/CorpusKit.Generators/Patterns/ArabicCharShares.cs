using System.Collections.Generic;
using System.Linq;

namespace CorpusKit.Generators.Patterns;

/// <summary>
/// How many of the chars of Arabic news each Arabic letter is, in per mille, once the text is
/// normalized as rules see it (alef and yeh variants unified, diacritics dropped): counted on
/// NewsDesk's seeds and articles (440,000 chars), where white space, digits and punctuation make up
/// the rest. A pattern is tried wherever its first char can stand, so the letters it may begin with
/// tell how often it is tried (CK0031).
/// </summary>
/// <remarks>
/// A table rather than a count at build time: the generator sees the schema, not the corpus it will
/// read, and the letters of Arabic prose keep these proportions from one news text to the next
/// (a letter the normalization maps away, أ or ى, stands nowhere in the text it searches).
/// </remarks>
internal static class ArabicCharShares
{
    /// <summary>From this share of a text's chars on (a tenth), the places a pattern is tried are reported (CK0031).</summary>
    public const int ReportedPerMille = 100;

    private static readonly Dictionary<char, int> s_perMille = new()
    {
        ['ا'] = 143, ['ل'] = 86, ['ي'] = 70, ['و'] = 46, ['م'] = 45, ['ن'] = 43, ['ر'] = 43, ['ت'] = 37,
        ['ب'] = 28, ['ة'] = 28, ['د'] = 23, ['ع'] = 22, ['س'] = 22, ['ف'] = 20, ['ق'] = 19, ['ك'] = 16,
        ['ح'] = 13, ['ج'] = 11, ['ه'] = 10, ['ش'] = 9, ['ط'] = 9, ['ز'] = 8, ['ص'] = 7, ['خ'] = 6,
        ['ث'] = 4, ['غ'] = 4, ['ض'] = 4, ['ذ'] = 3, ['ئ'] = 3, ['ء'] = 3, ['ظ'] = 1, ['ؤ'] = 1,
    };

    /// <summary>The share of the chars of Arabic news, per mille, that are one of the Arabic letters of <paramref name="chars"/>.</summary>
    public static int PerMille(string chars)
        => chars.Distinct().Sum(c => s_perMille.TryGetValue(c, out int share) ? share : 0);

    /// <summary>The Arabic letters of <paramref name="chars"/> that count, most frequent first.</summary>
    public static IEnumerable<char> Letters(string chars)
        => chars.Distinct().Where(s_perMille.ContainsKey).OrderByDescending(c => s_perMille[c]).ThenBy(c => c);
}
