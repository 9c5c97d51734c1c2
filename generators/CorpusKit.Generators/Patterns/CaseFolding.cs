using System.Collections.Generic;

namespace CorpusKit.Generators.Patterns;

/// <summary>The chars a case-insensitive, culture-invariant comparison of a pattern takes as one.</summary>
/// <remarks>
/// .NET's rule, checked by tests against <c>Regex</c> itself: two chars are the same under
/// <c>IgnoreCase | CultureInvariant</c> when their invariant lower cases are equal. So k, K and
/// the Kelvin sign K are one; s and the long s ſ are not (ſ lowers to itself).
/// </remarks>
internal static class CaseFolding
{
    /// <summary>Every char by its invariant lower case, for the chars that share one with another.</summary>
    private static readonly Dictionary<char, List<char>> s_byLower = Build();

    /// <summary><paramref name="c"/> and the chars with its invariant lower case, <paramref name="c"/> first.</summary>
    public static List<char> Variants(char c)
    {
        var variants = new List<char> { c };
        if (s_byLower.TryGetValue(char.ToLowerInvariant(c), out List<char>? same))
        {
            foreach (char other in same)
            {
                if (other != c)
                {
                    variants.Add(other);
                }
            }
        }

        return variants;
    }

    private static Dictionary<char, List<char>> Build()
    {
        var byLower = new Dictionary<char, List<char>>();
        for (int c = 0; c <= char.MaxValue; c++)
        {
            char lower = char.ToLowerInvariant((char)c);
            if (lower == c)
            {
                continue;
            }

            if (!byLower.TryGetValue(lower, out List<char>? list))
            {
                byLower.Add(lower, list = [lower]);
            }

            list.Add((char)c);
        }

        return byLower;
    }
}
