using System.Collections.Generic;

namespace CorpusKit.Generators;

/// <summary>
/// Finds the shape of pattern that backtracks catastrophically: a group repeated without bound
/// (<c>*</c>, <c>+</c>, <c>{n,}</c>) that itself holds an unbounded quantifier, as in
/// <c>(\p{L}+\s*)+</c>. It is the "star height above one" test of tools such as safe-regex;
/// it does not prove a pattern safe or unsafe, so the build warns and the runtime keeps its
/// timeout. Written here because no regex-analysis library runs inside a netstandard2.0 generator.
/// </summary>
internal static class Backtracking
{
    /// <summary>The text of the first risky group with its quantifier, or null.</summary>
    public static string? FindNestedQuantifier(string pattern)
    {
        var frames = new Stack<(int Start, bool Atomic, bool Unbounded)>();
        var current = (Start: 0, Atomic: false, Unbounded: false);
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            int atomEnd;
            switch (c)
            {
                case '\\':
                    atomEnd = SkipEscape(pattern, i);
                    break;
                case '[':
                    atomEnd = SkipClass(pattern, i);
                    break;
                case '(':
                    frames.Push(current);
                    current = (i, pattern.Length > i + 2 && pattern[i + 1] == '?' && pattern[i + 2] == '>', false);
                    continue;
                case ')':
                    if (frames.Count == 0)
                    {
                        continue;
                    }

                    var group = current;
                    current = frames.Pop();
                    int quantifierEnd = Quantifier(pattern, i + 1, out bool unbounded);
                    if (unbounded && group.Unbounded && !group.Atomic)
                    {
                        return pattern.Substring(group.Start, quantifierEnd - group.Start);
                    }

                    current.Unbounded |= unbounded || (group.Unbounded && !group.Atomic);
                    i = quantifierEnd - 1;
                    continue;
                default:
                    atomEnd = i + 1;
                    break;
            }

            int end = Quantifier(pattern, atomEnd, out bool atomUnbounded);
            current.Unbounded |= atomUnbounded;
            i = end - 1;
        }

        return null;
    }

    /// <summary>Reads a quantifier at <paramref name="i"/>; returns the index after it (and a lazy '?').</summary>
    private static int Quantifier(string pattern, int i, out bool unbounded)
    {
        unbounded = false;
        if (i >= pattern.Length)
        {
            return i;
        }

        int end = i;
        switch (pattern[i])
        {
            case '*':
            case '+':
                unbounded = true;
                end = i + 1;
                break;
            case '?':
                end = i + 1;
                break;
            case '{':
                int close = pattern.IndexOf('}', i);
                if (close < 0)
                {
                    return i;
                }

                string body = pattern.Substring(i + 1, close - i - 1);
                int comma = body.IndexOf(',');
                if (!IsDigits(comma < 0 ? body : body.Substring(0, comma)) || (comma >= 0 && body.Length > comma + 1 && !IsDigits(body.Substring(comma + 1))))
                {
                    return i; // a literal brace
                }

                unbounded = comma >= 0 && comma == body.Length - 1;
                end = close + 1;
                break;
            default:
                return i;
        }

        return end < pattern.Length && pattern[end] == '?' ? end + 1 : end;
    }

    private static bool IsDigits(string text)
    {
        if (text.Length == 0)
        {
            return false;
        }

        foreach (char c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    private static int SkipEscape(string pattern, int i)
    {
        if (i + 1 >= pattern.Length)
        {
            return pattern.Length;
        }

        char next = pattern[i + 1];
        if ((next is 'p' or 'P' or 'k') && i + 2 < pattern.Length && pattern[i + 2] is '{' or '<' or '\'')
        {
            char close = pattern[i + 2] switch { '{' => '}', '<' => '>', _ => '\'' };
            int end = pattern.IndexOf(close, i + 3);
            return end < 0 ? pattern.Length : end + 1;
        }

        return i + 2;
    }

    private static int SkipClass(string pattern, int i)
    {
        int j = i + 1;
        if (j < pattern.Length && pattern[j] == '^')
        {
            j++;
        }

        if (j < pattern.Length && pattern[j] == ']')
        {
            j++;
        }

        while (j < pattern.Length && pattern[j] != ']')
        {
            j = pattern[j] == '\\' ? SkipEscape(pattern, j) : j + 1;
        }

        return j < pattern.Length ? j + 1 : pattern.Length;
    }
}
