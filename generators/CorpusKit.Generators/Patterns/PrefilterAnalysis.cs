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
        if (root is null)
        {
            return null;
        }

        // A literal the match holds further in narrows the places to the lines that hold it, for a
        // pattern tried at every char or every line; one that begins with a literal or a few chars
        // is searched for by those already.
        // The chars the match takes narrow a line to the run of them around the literal (a name's
        // letters and spaces, up to the mark or digit before it).
        PrefilterSpec? where = Where(root);
        string? inner = where is null || where is { Literal: null, Chars: null } ? InnerLiteral(root) : null;
        return inner is null ? where : (where ?? new PrefilterSpec(null, null, false, PrefilterAnchor.None)) with { Inner = inner, Held = FollowSets.Held(root) };
    }

    /// <summary>Where a match of <paramref name="root"/> can begin, as far as its start tells: its anchor, its leading literal, its first chars.</summary>
    private static PrefilterSpec? Where(RegexNode root)
    {
        PrefilterAnchor anchor = LeadingAnchor(root);

        // A leading lookahead asks for a char where the match begins even when the match takes none
        // ((?=[لب]?وكالة\s), a sequence's guard step).
        FirstChars? ahead = LookaheadFirst(root);
        if (root.CanBeEmpty)
        {
            // A match may take no char, so no char can be asked for; but one anchored at a line's or
            // the text's start begins nowhere else (a sequence's first step (?m)^\s*(?=…)).
            return ahead is { } asked ? new PrefilterSpec(null, asked.Chars(), asked.Digits, anchor)
                : anchor == PrefilterAnchor.None ? null
                : new PrefilterSpec(null, null, false, anchor);
        }

        string literal = LeadingLiteral(root).Text;
        FirstChars first = First(root);
        if (first.Any || first.Size > MaxChars)
        {
            return literal.Length < 2 && ahead is { } asked ? new PrefilterSpec(null, asked.Chars(), asked.Digits, anchor)
                : literal.Length >= 2 || anchor != PrefilterAnchor.None ? new PrefilterSpec(literal.Length >= 2 ? literal : null, null, false, anchor)
                : null;
        }

        return literal.Length >= 2
            ? new PrefilterSpec(literal, first.Chars(), first.Digits, anchor)
            : new PrefilterSpec(null, first.Chars(), first.Digits, anchor, FollowSets.Of(root));
    }

    /// <summary>
    /// A literal of two chars or more that every match of <paramref name="root"/> holds (the longest
    /// found), when no match takes a line break; null otherwise. Such a match begins on a line that
    /// holds the literal, at or before it: <c>خاص</c> of <c>(?m)^\(?(?&lt;id&gt;\p{L}+(?:[^\S\n]+\p{L}+){0,2})\)?[^\S\n]*خاص</c>
    /// leaves the pattern to the few lines that hold <c>خاص</c> where its start allows every line.
    /// What a lookaround reads is not taken: it may lie outside the match.
    /// </summary>
    internal static string? InnerLiteral(RegexNode root)
    {
        // A sequence's later step (\G…) is tried only where the step before it ends, never searched for.
        if (BeginsWhereTheSearchStarts(root))
        {
            return null;
        }

        string best = Literals.Of(root).Best;
        return best.Length >= 2 && TakesNoLineBreak(root) ? best : null;
    }

    /// <summary>Whether every match begins with <c>\G</c>: where the search starts, the place given.</summary>
    private static bool BeginsWhereTheSearchStarts(RegexNode node) => node switch
    {
        AnchorNode anchor => anchor.Kind == AnchorKind.Contiguous,
        ConcatNode concat => concat.Children.Count > 0 && BeginsWhereTheSearchStarts(concat.Children[0]),
        GroupNode group => BeginsWhereTheSearchStarts(group.Child),
        AtomicNode atomic => BeginsWhereTheSearchStarts(atomic.Child),
        _ => false,
    };

    /// <summary>Whether no match of <paramref name="node"/> takes a line break (what lookarounds read is not taken); false for what is not modeled.</summary>
    private static bool TakesNoLineBreak(RegexNode node) => node switch
    {
        CharNode c => c.Value != '\n',
        SetNode s => !s.Set.Contains('\n'),
        ConcatNode concat => concat.Children.TrueForAll(TakesNoLineBreak),
        AlternateNode alternate => alternate.Children.TrueForAll(TakesNoLineBreak),
        LoopNode loop => TakesNoLineBreak(loop.Child),
        GroupNode group => TakesNoLineBreak(group.Child),
        AtomicNode atomic => TakesNoLineBreak(atomic.Child),
        AnchorNode or LookaroundNode or EmptyNode => true,
        _ => false,
    };

    /// <summary>
    /// The literals every match of a node holds: <see cref="Whole"/> when it matches exactly that
    /// text (<see cref="Complete"/>), the text every match begins with, the text every match ends
    /// with, and the longest text every match holds somewhere.
    /// </summary>
    private readonly struct Literals(bool complete, string whole, string prefix, string suffix, string best)
    {
        public bool Complete { get; } = complete;

        public string Whole { get; } = whole;

        public string Prefix { get; } = prefix;

        public string Suffix { get; } = suffix;

        public string Best { get; } = best;

        /// <summary>What a node that consumes nothing holds: the empty text, exactly.</summary>
        private static Literals Empty { get; } = new(true, string.Empty, string.Empty, string.Empty, string.Empty);

        /// <summary>What a node holds that asks for no literal (a class of chars, a loop that may not run).</summary>
        private static Literals None { get; } = new(false, string.Empty, string.Empty, string.Empty, string.Empty);

        private static Literals Exactly(string text) => new(true, text, text, text, text);

        public static Literals Of(RegexNode node)
        {
            switch (node)
            {
                case CharNode c:
                    return HasCaseVariants(c.Value, c.IgnoreCase) ? None : Exactly(c.Value.ToString());
                case SetNode { Set: { IsEnumerable: true, Ranges.Count: 1 } set } s when set.Ranges[0].First == set.Ranges[0].Last:
                    return HasCaseVariants(set.Ranges[0].First, s.IgnoreCase) ? None : Exactly(set.Ranges[0].First.ToString());
                case ConcatNode concat:
                    Literals held = Empty;
                    foreach (RegexNode child in concat.Children)
                    {
                        held = IsZeroWidth(child) ? held : held.Then(Of(child));
                    }

                    return held;
                case AlternateNode alternate:
                    // Only what every alternative begins or ends with (a literal one alternative holds further in, another may not).
                    List<Literals> all = alternate.Children.ConvertAll(Of);
                    string whole = all[0].Whole;
                    if (all.TrueForAll(a => a.Complete && a.Whole == whole))
                    {
                        return Exactly(whole);
                    }

                    string prefix = all.Select(a => a.Prefix).Aggregate(CommonPrefix);
                    string suffix = all.Select(a => a.Suffix).Aggregate(CommonSuffix);
                    return new Literals(false, string.Empty, prefix, suffix, Longer(prefix, suffix));
                case LoopNode { Min: 1, Max: 1 } once:
                    return Of(once.Child);
                case LoopNode { Min: >= 1 } loop:
                    Literals each = Of(loop.Child);
                    return new Literals(false, string.Empty, each.Prefix, each.Suffix, each.Best);
                case GroupNode group:
                    return Of(group.Child);
                case AtomicNode atomic:
                    return Of(atomic.Child);
                case AnchorNode or LookaroundNode or EmptyNode:
                    return Empty;
                default:
                    return None;
            }
        }

        /// <summary>What this followed by <paramref name="next"/> holds: a literal may run across the two.</summary>
        private Literals Then(Literals next)
        {
            if (Complete && next.Complete)
            {
                return Exactly(Whole + next.Whole);
            }

            string across = Suffix + next.Prefix;
            return new Literals(
                false,
                string.Empty,
                Complete ? Whole + next.Prefix : Prefix,
                next.Complete ? Suffix + next.Whole : next.Suffix,
                Longer(Longer(Best, next.Best), across));
        }

        private static string Longer(string a, string b) => b.Length > a.Length ? b : a;

        private static string CommonPrefix(string a, string b)
        {
            int n = 0;
            while (n < a.Length && n < b.Length && a[n] == b[n])
            {
                n++;
            }

            return a.Substring(0, n);
        }

        private static string CommonSuffix(string a, string b)
        {
            int n = 0;
            while (n < a.Length && n < b.Length && a[a.Length - 1 - n] == b[b.Length - 1 - n])
            {
                n++;
            }

            return a.Substring(a.Length - n);
        }
    }

    /// <summary>
    /// Whether a match of <paramref name="pattern"/> may begin with one of <paramref name="chars"/>
    /// (or take no char at all): false when every match's first char is another. A sequence tries a
    /// regex step after the joiners between two steps, and again before them only for a pattern
    /// that may begin with one (<c>:\s*«</c>); most cannot (a name begins with a letter).
    /// </summary>
    public static bool MayBeginWithAny(string pattern, RegexOptions options, string chars)
    {
        RegexNode? root = RegexParser.Parse(pattern, options);
        if (root is null || root.CanBeEmpty)
        {
            return true;
        }

        foreach (char c in chars)
        {
            if (MayBeginWith(root, c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a match of <paramref name="node"/> that takes a char may take <paramref name="c"/> first; true for what is not modeled.</summary>
    private static bool MayBeginWith(RegexNode node, char c)
    {
        switch (node)
        {
            case CharNode ch:
                return ch.IgnoreCase ? CaseFolding.Variants(ch.Value).Contains(c) : ch.Value == c;
            case SetNode set:
                return set.Set.Contains(c) || (set.IgnoreCase && CaseFolding.Variants(c).Exists(set.Set.Contains));
            case ConcatNode concat:
                // Zero-width parts constrain nothing here; past a part that may take no char, the next may begin.
                foreach (RegexNode child in concat.Children)
                {
                    if (IsZeroWidth(child))
                    {
                        continue;
                    }

                    if (MayBeginWith(child, c))
                    {
                        return true;
                    }

                    if (!child.CanBeEmpty)
                    {
                        return false;
                    }
                }

                return false;
            case AlternateNode alternate:
                return alternate.Children.Exists(child => MayBeginWith(child, c));
            case LoopNode loop:
                return MayBeginWith(loop.Child, c);
            case GroupNode group:
                return MayBeginWith(group.Child, c);
            case AtomicNode atomic:
                return MayBeginWith(atomic.Child, c);
            case AnchorNode or LookaroundNode or EmptyNode:
                return false;
            default:
                return true;
        }
    }

    /// <summary>
    /// The chars a positive lookahead that every match passes first (past anchors and other
    /// lookarounds) asks for where the match begins, when it asks for one of a few; null otherwise.
    /// </summary>
    private static FirstChars? LookaheadFirst(RegexNode node)
    {
        switch (node)
        {
            case GroupNode group:
                return LookaheadFirst(group.Child);
            case AtomicNode atomic:
                return LookaheadFirst(atomic.Child);
            case LookaroundNode { Behind: false, Negated: false } ahead when !ahead.Child.CanBeEmpty:
                FirstChars asked = First(ahead.Child);
                return asked.Any || asked.Size > MaxChars ? null : asked;
            case ConcatNode concat:
                foreach (RegexNode child in concat.Children)
                {
                    if (LookaheadFirst(child) is { } found)
                    {
                        return found;
                    }

                    if (!IsZeroWidth(child))
                    {
                        return null;
                    }
                }

                return null;
            default:
                return null;
        }
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
            case SetNode s when s.Set.IsEnumerable || s.Set.IsDigitsAndChars || s.Set.IsSpaceAndChars:
                // White space is listed (a sequence step such as \s*[-–] may then be refused at a letter).
                var chars = s.Set.IsSpaceAndChars ? new List<char>(CharClass.WhiteSpace) : new List<char>();
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

    /// <summary>
    /// The chars that can stand at each offset after the first of a match, for the offsets every
    /// match reaches (up to <see cref="Offsets"/>): a match of <c>\d{1,2}\s+(يناير|…)</c> has a
    /// digit or a space second and no digit third, so of the four digits of a year only the last
    /// two are tried. Offsets are followed through the pattern as a set of the offsets a part can
    /// begin at (a bit each, the last for "this far or further"); zero-width parts (anchors,
    /// lookarounds) constrain nothing, and a part not modeled leaves every later offset free.
    /// </summary>
    private sealed class FollowSets
    {
        /// <summary>How many offsets are followed, the first char's included.</summary>
        public const int Offsets = 4;

        /// <summary>Chars below this are kept one by one; those above only as "some may stand here".</summary>
        private const int Low = 0x800;

        private const int Further = 1 << Offsets;

        private readonly bool[][] _low = [.. Enumerable.Range(0, Offsets).Select(_ => new bool[Low])];
        private readonly bool[] _beyond = new bool[Offsets];
        private readonly bool[] _free = new bool[Offsets];
        private readonly Dictionary<SetNode, (bool[] Low, bool Beyond)> _sets = [];

        /// <summary>The chars below <see cref="Low"/> that have other cases, with those: worked out once per process.</summary>
        private static readonly (char Char, char[] Others)[] s_otherCases =
            [.. Enumerable.Range(0, Low)
                .Select(c => ((char)c, CaseFolding.Variants((char)c).Where(v => v != c).ToArray()))
                .Where(pair => pair.Item2.Length > 0)];

        /// <summary>The char ranges that can stand at offsets 1, 2, … of a match, as far as they are constrained; null when none is.</summary>
        public static ImmutableEquatableArray<string>? Of(RegexNode root)
        {
            var sets = new FollowSets();
            int exits = sets.Walk(root, 1);

            // A match may end after its shortest length: offsets from there on are not checked.
            int shortest = 0;
            while (shortest < Offsets && (exits & (1 << shortest)) == 0)
            {
                shortest++;
            }

            var follow = new List<string>();
            for (int offset = 1; offset < shortest && sets.Ranges(offset) is { } ranges; offset++)
            {
                follow.Add(ranges);
            }

            return follow.Count == 0 ? null : follow.ToEquatable();
        }

        /// <summary>
        /// Every char a match of <paramref name="root"/> can take anywhere (what lookarounds read
        /// aside), as ranges (first and last char of each, in order); null when almost any can, or
        /// a part is not modeled.
        /// </summary>
        public static string? Held(RegexNode root)
        {
            var sets = new FollowSets();
            return sets.Note(root) ? sets.Ranges(0) : null;
        }

        /// <summary>Notes at offset 0 every char <paramref name="node"/> can take; false for a part not modeled (a backreference).</summary>
        private bool Note(RegexNode node)
        {
            switch (node)
            {
                case CharNode or SetNode:
                    Walk(node, 1);
                    return true;
                case ConcatNode concat:
                    return concat.Children.TrueForAll(Note);
                case AlternateNode alternate:
                    return alternate.Children.TrueForAll(Note);
                case LoopNode loop:
                    return Note(loop.Child);
                case GroupNode group:
                    return Note(group.Child);
                case AtomicNode atomic:
                    return Note(atomic.Child);
                case AnchorNode or LookaroundNode or EmptyNode:
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>The offsets <paramref name="node"/> can end at when it begins at one of <paramref name="entries"/> (both as bits), noting the chars it consumes where.</summary>
        private int Walk(RegexNode node, int entries)
        {
            switch (node)
            {
                case CharNode c:
                    return Consume(entries, offset =>
                    {
                        foreach (char variant in c.IgnoreCase ? CaseFolding.Variants(c.Value) : [c.Value])
                        {
                            if (variant < Low)
                            {
                                _low[offset][variant] = true;
                            }
                            else
                            {
                                _beyond[offset] = true;
                            }
                        }
                    });
                case SetNode s:
                    (bool[] low, bool beyond) = Chars(s);
                    return Consume(entries, offset =>
                    {
                        for (int c = 0; c < Low; c++)
                        {
                            _low[offset][c] |= low[c];
                        }

                        _beyond[offset] |= beyond;
                    });
                case ConcatNode concat:
                    foreach (RegexNode child in concat.Children)
                    {
                        entries = Walk(child, entries);
                        if (entries == 0)
                        {
                            break;
                        }
                    }

                    return entries;
                case AlternateNode alternate:
                    int exits = 0;
                    foreach (RegexNode child in alternate.Children)
                    {
                        exits |= Walk(child, entries);
                    }

                    return exits;
                case LoopNode loop:
                    int current = entries;
                    for (int i = 0; i < loop.Min && current != 0; i++)
                    {
                        current = Walk(loop.Child, current);
                    }

                    // More rounds until they reach no offset an earlier round had not: from then on they add nothing.
                    int result = current;
                    for (int i = loop.Min; (loop.Max < 0 || i < loop.Max) && current != 0; i++)
                    {
                        current = Walk(loop.Child, current);
                        if ((current & ~result) == 0)
                        {
                            break;
                        }

                        result |= current;
                    }

                    return result;
                case GroupNode group:
                    return Walk(group.Child, entries);
                case AtomicNode atomic:
                    return Walk(atomic.Child, entries);
                case AnchorNode or LookaroundNode or EmptyNode:
                    return entries;
                default:
                    // Not modeled (a backreference): any length, any chars, from the first offset it can begin at.
                    int first = 0;
                    while ((entries & (1 << first)) == 0)
                    {
                        first++;
                    }

                    for (int offset = first; offset < Offsets; offset++)
                    {
                        _free[offset] = true;
                    }

                    return (Further << 1) - (1 << first);
            }
        }

        /// <summary>One char consumed at each entry offset: noted by <paramref name="note"/>, the offsets move on by one.</summary>
        private static int Consume(int entries, Action<int> note)
        {
            int exits = entries & Further;
            for (int offset = 0; offset < Offsets; offset++)
            {
                if ((entries & (1 << offset)) != 0)
                {
                    note(offset);
                    exits |= 1 << (offset + 1);
                }
            }

            return exits;
        }

        /// <summary>The chars below <see cref="Low"/> a set takes (case variants too), and whether it may take one above; worked out once per set.</summary>
        private (bool[] Low, bool Beyond) Chars(SetNode s)
        {
            if (_sets.TryGetValue(s, out (bool[] Low, bool Beyond) known))
            {
                return known;
            }

            var low = new bool[Low];
            if (s.Set.IsEnumerable)
            {
                // Listed ranges only: marked as they are, not tested char by char.
                foreach ((char first, char last) in s.Set.Ranges)
                {
                    for (int c = first; c <= last && c < Low; c++)
                    {
                        low[c] = true;
                    }
                }
            }
            else
            {
                for (int c = 0; c < Low; c++)
                {
                    low[c] = s.Set.Contains((char)c);
                }
            }

            if (s.IgnoreCase)
            {
                // Only the few chars that have another case can be in by a variant.
                foreach ((char c, char[] others) in s_otherCases)
                {
                    if (!low[c] && Array.Exists(others, s.Set.Contains))
                    {
                        low[c] = true;
                    }
                }
            }

            bool beyond = !s.Set.IsEnumerable
                || s.Set.Ranges.Exists(range => range.Last >= Low)
                || (s.IgnoreCase && (s.Set.RangeCount > MaxChars || s.Set.RangeChars().Any(c => CaseFolding.Variants(c).Exists(v => v >= Low))));
            return _sets[s] = (low, beyond);
        }

        /// <summary>The chars that can stand at <paramref name="offset"/> as ranges (first and last of each, in order), or null when any can.</summary>
        private string? Ranges(int offset)
        {
            if (_free[offset])
            {
                return null;
            }

            bool[] low = _low[offset];
            var ranges = new StringBuilder();
            int held = 0;
            for (int c = 0; c < Low; c++)
            {
                if (!low[c])
                {
                    continue;
                }

                held++;
                if (c == 0 || !low[c - 1])
                {
                    ranges.Append((char)c);
                }

                if (c == Low - 1 || !low[c + 1])
                {
                    ranges.Append((char)c);
                }
            }

            if (_beyond[offset])
            {
                ranges.Append((char)Low).Append(char.MaxValue);
            }

            // A check that lets almost every char through is not worth its time.
            return held > Low * 7 / 8 && _beyond[offset] ? null : ranges.ToString();
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
