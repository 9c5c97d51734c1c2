using System.Collections.Generic;
using System.Globalization;

namespace CorpusKit.Generators.Patterns;

/// <summary>The names a pattern gives Unicode categories and blocks in <c>\p{…}</c>.</summary>
internal static class UnicodeCategories
{
    private static readonly Dictionary<string, uint> s_categories = new(System.StringComparer.Ordinal)
    {
        ["Lu"] = Bit(UnicodeCategory.UppercaseLetter),
        ["Ll"] = Bit(UnicodeCategory.LowercaseLetter),
        ["Lt"] = Bit(UnicodeCategory.TitlecaseLetter),
        ["Lm"] = Bit(UnicodeCategory.ModifierLetter),
        ["Lo"] = Bit(UnicodeCategory.OtherLetter),
        ["L"] = Bit(UnicodeCategory.UppercaseLetter) | Bit(UnicodeCategory.LowercaseLetter) | Bit(UnicodeCategory.TitlecaseLetter) | Bit(UnicodeCategory.ModifierLetter) | Bit(UnicodeCategory.OtherLetter),
        ["Mn"] = Bit(UnicodeCategory.NonSpacingMark),
        ["Mc"] = Bit(UnicodeCategory.SpacingCombiningMark),
        ["Me"] = Bit(UnicodeCategory.EnclosingMark),
        ["M"] = Bit(UnicodeCategory.NonSpacingMark) | Bit(UnicodeCategory.SpacingCombiningMark) | Bit(UnicodeCategory.EnclosingMark),
        ["Nd"] = Bit(UnicodeCategory.DecimalDigitNumber),
        ["Nl"] = Bit(UnicodeCategory.LetterNumber),
        ["No"] = Bit(UnicodeCategory.OtherNumber),
        ["N"] = Bit(UnicodeCategory.DecimalDigitNumber) | Bit(UnicodeCategory.LetterNumber) | Bit(UnicodeCategory.OtherNumber),
        ["Zs"] = Bit(UnicodeCategory.SpaceSeparator),
        ["Zl"] = Bit(UnicodeCategory.LineSeparator),
        ["Zp"] = Bit(UnicodeCategory.ParagraphSeparator),
        ["Z"] = Bit(UnicodeCategory.SpaceSeparator) | Bit(UnicodeCategory.LineSeparator) | Bit(UnicodeCategory.ParagraphSeparator),
        ["Cc"] = Bit(UnicodeCategory.Control),
        ["Cf"] = Bit(UnicodeCategory.Format),
        ["Cs"] = Bit(UnicodeCategory.Surrogate),
        ["Co"] = Bit(UnicodeCategory.PrivateUse),
        ["Cn"] = Bit(UnicodeCategory.OtherNotAssigned),
        ["C"] = Bit(UnicodeCategory.Control) | Bit(UnicodeCategory.Format) | Bit(UnicodeCategory.Surrogate) | Bit(UnicodeCategory.PrivateUse) | Bit(UnicodeCategory.OtherNotAssigned),
        ["Pc"] = Bit(UnicodeCategory.ConnectorPunctuation),
        ["Pd"] = Bit(UnicodeCategory.DashPunctuation),
        ["Ps"] = Bit(UnicodeCategory.OpenPunctuation),
        ["Pe"] = Bit(UnicodeCategory.ClosePunctuation),
        ["Pi"] = Bit(UnicodeCategory.InitialQuotePunctuation),
        ["Pf"] = Bit(UnicodeCategory.FinalQuotePunctuation),
        ["Po"] = Bit(UnicodeCategory.OtherPunctuation),
        ["P"] = Bit(UnicodeCategory.ConnectorPunctuation) | Bit(UnicodeCategory.DashPunctuation) | Bit(UnicodeCategory.OpenPunctuation) | Bit(UnicodeCategory.ClosePunctuation) | Bit(UnicodeCategory.InitialQuotePunctuation) | Bit(UnicodeCategory.FinalQuotePunctuation) | Bit(UnicodeCategory.OtherPunctuation),
        ["Sm"] = Bit(UnicodeCategory.MathSymbol),
        ["Sc"] = Bit(UnicodeCategory.CurrencySymbol),
        ["Sk"] = Bit(UnicodeCategory.ModifierSymbol),
        ["So"] = Bit(UnicodeCategory.OtherSymbol),
        ["S"] = Bit(UnicodeCategory.MathSymbol) | Bit(UnicodeCategory.CurrencySymbol) | Bit(UnicodeCategory.ModifierSymbol) | Bit(UnicodeCategory.OtherSymbol),
    };

    /// <summary>The blocks of the scripts CorpusKit's users write about; other block names are not modeled.</summary>
    private static readonly Dictionary<string, (char First, char Last)> s_blocks = new(System.StringComparer.Ordinal)
    {
        ["IsBasicLatin"] = ('\u0000', '\u007F'),
        ["IsLatin-1Supplement"] = ('\u0080', '\u00FF'),
        ["IsCyrillic"] = ('\u0400', '\u04FF'),
        ["IsArabic"] = ('\u0600', '\u06FF'),
        ["IsGeneralPunctuation"] = ('\u2000', '\u206F'),
        ["IsArabicPresentationForms-A"] = ('\uFB50', '\uFDFF'),
        ["IsArabicPresentationForms-B"] = ('\uFE70', '\uFEFF'),
    };

    /// <summary>The categories a name stands for, as bits of <see cref="UnicodeCategory"/>.</summary>
    public static bool TryGetMask(string name, out uint mask) => s_categories.TryGetValue(name, out mask);

    /// <summary>The range of a named block.</summary>
    public static bool TryGetBlock(string name, out char first, out char last)
    {
        bool found = s_blocks.TryGetValue(name, out (char First, char Last) block);
        (first, last) = block;
        return found;
    }

    private static uint Bit(UnicodeCategory category) => 1u << (int)category;
}
