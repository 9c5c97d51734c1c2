using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace CorpusKit.Generators.Patterns;

/// <summary>
/// A set of chars as a .NET pattern writes it: ranges, Unicode categories (<c>\p{L}</c>, <c>\d</c>,
/// <c>\w</c>), white space (<c>\s</c>), their negations, the whole negated (<c>[^…]</c>), minus a
/// subtracted class (<c>[a-z-[aeiou]]</c>). A char is in the class when any part holds it.
/// </summary>
internal sealed class CharClass
{
    /// <summary>The categories of <c>\w</c>: letters, non-spacing marks, decimal digits, connector punctuation.</summary>
    public const uint WordCategories =
        (1u << (int)UnicodeCategory.UppercaseLetter) | (1u << (int)UnicodeCategory.LowercaseLetter)
        | (1u << (int)UnicodeCategory.TitlecaseLetter) | (1u << (int)UnicodeCategory.ModifierLetter)
        | (1u << (int)UnicodeCategory.OtherLetter) | (1u << (int)UnicodeCategory.NonSpacingMark)
        | (1u << (int)UnicodeCategory.DecimalDigitNumber) | (1u << (int)UnicodeCategory.ConnectorPunctuation);

    /// <summary>The category of <c>\d</c>.</summary>
    public const uint DigitCategory = 1u << (int)UnicodeCategory.DecimalDigitNumber;

    /// <summary>Chars listed one by one or as ranges, inclusive.</summary>
    public List<(char First, char Last)> Ranges { get; } = [];

    /// <summary>Categories whose chars are in the class, as bits of <see cref="UnicodeCategory"/>.</summary>
    public uint Categories { get; set; }

    /// <summary>Groups of categories whose complement is in the class (<c>\P{L}</c>, <c>\W</c>, <c>\D</c>), one mask per group.</summary>
    public List<uint> NegatedCategories { get; } = [];

    /// <summary>Whether white space (<c>\s</c>, <see cref="char.IsWhiteSpace(char)"/>) is in the class.</summary>
    public bool Space { get; set; }

    /// <summary>Whether everything but white space (<c>\S</c>) is in the class.</summary>
    public bool NotSpace { get; set; }

    /// <summary>Whether the class is the complement of its parts (<c>[^…]</c>).</summary>
    public bool Negated { get; set; }

    /// <summary>A class whose chars are taken out (<c>-[…]</c>).</summary>
    public CharClass? Subtraction { get; set; }

    /// <summary>Whether the class is made of listed chars only, so its members can be counted and searched for.</summary>
    public bool IsEnumerable => !Negated && Categories == 0 && NegatedCategories.Count == 0 && !Space && !NotSpace && Subtraction is null;

    /// <summary>Whether the class is exactly <c>\s</c> plus listed chars.</summary>
    public bool IsSpaceAndChars => !Negated && Categories == 0 && NegatedCategories.Count == 0 && Space && !NotSpace && Subtraction is null;

    /// <summary>The chars of <c>\s</c>: those <see cref="char.IsWhiteSpace(char)"/> accepts (the runtime lists the same).</summary>
    public static IReadOnlyList<char> WhiteSpace { get; } = Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(char.IsWhiteSpace).ToArray();

    /// <summary>Whether the class is exactly <c>\d</c> plus listed chars.</summary>
    public bool IsDigitsAndChars => !Negated && Categories == DigitCategory && NegatedCategories.Count == 0 && !Space && !NotSpace && Subtraction is null;

    /// <summary>Whether <paramref name="c"/> is in the class, as .NET decides it without case folding.</summary>
    public bool Contains(char c)
    {
        bool inside = false;
        foreach ((char first, char last) in Ranges)
        {
            if (c >= first && c <= last)
            {
                inside = true;
                break;
            }
        }

        if (!inside && (Categories != 0 || NegatedCategories.Count > 0))
        {
            uint bit = 1u << (int)CharUnicodeInfo.GetUnicodeCategory(c);
            inside = (Categories & bit) != 0 || NegatedCategories.Exists(mask => (mask & bit) == 0);
        }

        if (!inside && (Space || NotSpace))
        {
            bool space = char.IsWhiteSpace(c);
            inside = (Space && space) || (NotSpace && !space);
        }

        if (Negated)
        {
            inside = !inside;
        }

        return inside && (Subtraction is null || !Subtraction.Contains(c));
    }

    /// <summary>How many chars the listed ranges hold.</summary>
    public int RangeCount
    {
        get
        {
            int count = 0;
            foreach ((char first, char last) in Ranges)
            {
                count += last - first + 1;
            }

            return count;
        }
    }

    /// <summary>The chars of the listed ranges, one by one (categories, white space and negation aside).</summary>
    public IEnumerable<char> RangeChars()
    {
        foreach ((char first, char last) in Ranges)
        {
            for (int c = first; c <= last; c++)
            {
                yield return (char)c;
            }
        }
    }

    /// <summary>A class of one range.</summary>
    public static CharClass Of(char first, char last)
    {
        var set = new CharClass();
        set.Ranges.Add((first, last));
        return set;
    }
}
