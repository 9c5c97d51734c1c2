using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using CorpusKit.Generators.Model;

namespace CorpusKit.Generators.Patterns;

/// <summary>
/// Decides at build time where in a text a pattern can start matching, so the runtime tries it
/// only there: after a literal every match begins with (<c>عام</c> of <c>عام\s+\d{4}</c>), at a
/// char of the set every match begins with (digits, quotation marks, a colon), at the start of
/// the text or of a line. A pattern that can match the empty string, or start with almost any
/// char, gets no prefilter.
/// </summary>
internal static class PrefilterAnalysis
{
    /// <summary>Sets larger than this are not worth a search: the pattern runs everywhere.</summary>
    private const int MaxChars = 256;

    /// <summary>The prefilter of <paramref name="pattern"/> under <paramref name="options"/>, or null.</summary>
    public static PrefilterSpec? Analyze(string pattern, RegexOptions options)
    {
        RegexNode? root = RegexParser.Parse(pattern, options);
        if (root is null || root.CanBeEmpty)
        {
            return null;
        }

        PrefilterAnchor anchor = LeadingAnchor(root);
        string literal = LeadingLiteral(root).Text;
        FirstChars first = First(root);
        if (first.Any || first.Size > MaxChars)
        {
            return literal.Length >= 2 || anchor != PrefilterAnchor.None
                ? new PrefilterSpec(literal.Length >= 2 ? literal : null, null, false, anchor)
                : null;
        }

        return new PrefilterSpec(literal.Length >= 2 ? literal : null, first.Chars(), first.Digits, anchor);
    }

    /// <summary>Where every match must begin: at the start of the text (<c>^</c>, <c>\A</c>), of a line (<c>(?m)^</c>), or anywhere.</summary>
    private static PrefilterAnchor LeadingAnchor(RegexNode node)
    {
        switch (node)
        {
            case AnchorNode { Kind: AnchorKind.Beginning or AnchorKind.Start }:
                return PrefilterAnchor.TextStart;
            case AnchorNode { Kind: AnchorKind.LineStart }:
                return PrefilterAnchor.LineStart;
            case ConcatNode concat:
                foreach (RegexNode child in concat.Children)
                {
                    PrefilterAnchor anchor = LeadingAnchor(child);
                    if (anchor != PrefilterAnchor.None || !IsZeroWidth(child))
                    {
                        return anchor;
                    }
                }

                return PrefilterAnchor.None;
            case GroupNode group:
                return LeadingAnchor(group.Child);
            case AtomicNode atomic:
                return LeadingAnchor(atomic.Child);
            case AlternateNode alternate:
                PrefilterAnchor all = LeadingAnchor(alternate.Children[0]);
                return alternate.Children.All(c => LeadingAnchor(c) == all) ? all : PrefilterAnchor.None;
            default:
                return PrefilterAnchor.None;
        }
    }

    private static bool IsZeroWidth(RegexNode node) => node switch
    {
        AnchorNode or LookaroundNode or EmptyNode => true,
        GroupNode group => IsZeroWidth(group.Child),
        AtomicNode atomic => IsZeroWidth(atomic.Child),
        ConcatNode concat => concat.Children.TrueForAll(IsZeroWidth),
        _ => false,
    };

    /// <summary>The text every match of <paramref name="node"/> starts with, and whether the node matches exactly that text.</summary>
    private static (string Text, bool Complete) LeadingLiteral(RegexNode node)
    {
        switch (node)
        {
            case CharNode c:
                return HasCaseVariants(c.Value, c.IgnoreCase) ? (string.Empty, false) : (c.Value.ToString(), true);
            case SetNode { Set: { IsEnumerable: true, Ranges.Count: 1 } set } s when set.Ranges[0].First == set.Ranges[0].Last:
                return HasCaseVariants(set.Ranges[0].First, s.IgnoreCase) ? (string.Empty, false) : (set.Ranges[0].First.ToString(), true);
            case ConcatNode concat:
                var text = new StringBuilder();
                foreach (RegexNode child in concat.Children)
                {
                    if (IsZeroWidth(child))
                    {
                        continue;
                    }

                    (string part, bool complete) = LeadingLiteral(child);
                    text.Append(part);
                    if (!complete)
                    {
                        return (text.ToString(), false);
                    }
                }

                return (text.ToString(), true);
            case GroupNode group:
                return LeadingLiteral(group.Child);
            case AtomicNode atomic:
                return LeadingLiteral(atomic.Child);
            case LoopNode { Min: >= 1 } loop:
                (string first, bool whole) = LeadingLiteral(loop.Child);
                return (first, whole && loop.Min == 1 && loop.Max == 1);
            case AlternateNode alternate:
                string common = LeadingLiteral(alternate.Children[0]).Text;
                foreach (RegexNode child in alternate.Children.Skip(1))
                {
                    string other = LeadingLiteral(child).Text;
                    int n = 0;
                    while (n < common.Length && n < other.Length && common[n] == other[n])
                    {
                        n++;
                    }

                    common = common.Substring(0, n);
                }

                return (common, false);
            default:
                return (string.Empty, false);
        }
    }

    /// <summary>Whether a case-insensitive comparison lets other chars match <paramref name="c"/>.</summary>
    private static bool HasCaseVariants(char c, bool ignoreCase)
        => ignoreCase && CaseFolding.Variants(c).Count > 1;

    /// <summary>The chars a match of <paramref name="node"/> can start with (assuming it consumes a char).</summary>
    private static FirstChars First(RegexNode node)
    {
        switch (node)
        {
            case CharNode c:
                return FirstChars.Of(c.IgnoreCase ? CaseFolding.Variants(c.Value) : [c.Value]);
            case SetNode s when s.Set.IsEnumerable || s.Set.IsDigitsAndChars:
                var chars = new List<char>();
                foreach ((char first, char last) in s.Set.Ranges)
                {
                    if (last - first > MaxChars)
                    {
                        return FirstChars.Anything;
                    }

                    for (int c = first; c <= last; c++)
                    {
                        if (s.IgnoreCase)
                        {
                            chars.AddRange(CaseFolding.Variants((char)c));
                        }
                        else
                        {
                            chars.Add((char)c);
                        }
                    }
                }

                return new FirstChars(false, s.Set.IsDigitsAndChars, chars);
            case ConcatNode concat:
                FirstChars union = FirstChars.Nothing;
                foreach (RegexNode child in concat.Children)
                {
                    union = union.Union(First(child));
                    if (!child.CanBeEmpty)
                    {
                        break;
                    }
                }

                return union;
            case AlternateNode alternate:
                FirstChars any = FirstChars.Nothing;
                foreach (RegexNode child in alternate.Children)
                {
                    any = any.Union(First(child));
                }

                return any;
            case LoopNode loop:
                return First(loop.Child);
            case GroupNode group:
                return First(group.Child);
            case AtomicNode atomic:
                return First(atomic.Child);
            case AnchorNode or LookaroundNode or EmptyNode:
                return FirstChars.Nothing;
            default:
                return FirstChars.Anything;
        }
    }

    /// <summary>A set of first chars: listed chars, decimal digits, or anything at all.</summary>
    private readonly struct FirstChars(bool any, bool digits, List<char>? chars)
    {
        public static FirstChars Nothing => new(false, false, null);

        public static FirstChars Anything => new(true, false, null);

        public bool Any { get; } = any;

        public bool Digits { get; } = digits;

        public int Size => (chars?.Count ?? 0) + (Digits ? 10 : 0);

        public static FirstChars Of(IEnumerable<char> chars) => new(false, false, [.. chars]);

        public FirstChars Union(FirstChars other)
        {
            if (Any || other.Any)
            {
                return Anything;
            }

            var all = new List<char>(chars ?? []);
            all.AddRange(other.ListedChars());
            return new FirstChars(false, Digits || other.Digits, all);
        }

        /// <summary>The listed chars, sorted and distinct, with the ASCII digits when the set holds <c>\d</c>.</summary>
        public string Chars()
        {
            var set = new SortedSet<char>(chars ?? []);
            if (Digits)
            {
                for (char d = '0'; d <= '9'; d++)
                {
                    set.Add(d);
                }
            }

            return new string(set.ToArray());
        }

        private IEnumerable<char> ListedChars() => chars ?? [];
    }
}
