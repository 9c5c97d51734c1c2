using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using CorpusKit.Generators.Model;

namespace CorpusKit.Generators.Patterns;

/// <summary>
/// Compiles a parsed pattern into the program CorpusKit's pattern machine runs (see
/// <c>CorpusKit.CompilerServices.Pattern</c>): a backtracking machine with .NET's semantics (alternatives
/// in order, greedy and lazy loops, atomic lookarounds, lookbehinds matched right to left, the
/// last capture of a group kept and every capture listed). The program is laid out at build time,
/// so nothing is parsed or constructed when the application runs.
/// </summary>
/// <remarks>
/// A construct the machine does not run makes <see cref="Compile"/> return null, and the pattern
/// then runs on <see cref="Regex"/>, built once: a loop whose body can match the empty string, a
/// very large counted loop, an atomic group (.NET's optimizer rewrites loops around atomic groups
/// in ways whose matches differ from the plain semantics, and only Regex itself matches them).
/// </remarks>
internal sealed class PatternCompiler
{
    /// <summary>The largest counted loop of a multi-char body the compiler unrolls.</summary>
    private const int MaxUnrolled = 64;

    /// <summary>The largest range of a class whose case variants the compiler lists.</summary>
    private const int MaxCaseRange = 2048;

    private readonly List<int> _code = [];
    private readonly List<int> _classes = [];
    private readonly List<string> _groups = [];
    private readonly List<(int Patch, RegexNode Body, bool Backward)> _blocks = [];
    private readonly Dictionary<string, int> _classIndexes = new(StringComparer.Ordinal);

    private PatternCompiler()
    {
    }

    /// <summary>The program of <paramref name="pattern"/> under <paramref name="options"/>, or null when it runs on Regex instead.</summary>
    public static PatternProgramSpec? Compile(string pattern, RegexOptions options)
    {
        RegexNode? root = RegexParser.Parse(pattern, options);
        if (root is null)
        {
            return null;
        }

        var compiler = new PatternCompiler();
        try
        {
            compiler.Emit(root, backward: false, Follow.End);
            compiler.Op(PatternOp.Succeed);

            // Lookaround and atomic bodies run as blocks of their own, after the main program; a
            // block may hold more blocks.
            for (int i = 0; i < compiler._blocks.Count; i++)
            {
                (int patch, RegexNode body, bool backward) = compiler._blocks[i];
                compiler._code[patch] = compiler._code.Count;
                compiler.Emit(body, backward, Follow.End);
                compiler.Op(PatternOp.Succeed);
            }
        }
        catch (NotCompiledException)
        {
            return null;
        }

        return new PatternProgramSpec(
            compiler._code.ToArray().ToEquatable(),
            compiler._classes.ToArray().ToEquatable(),
            compiler._groups.ToArray().ToEquatable());
    }

    /// <summary>Emits <paramref name="node"/>; <paramref name="follow"/> is what a match may go on with after it (see <see cref="Follow"/>).</summary>
    private void Emit(RegexNode node, bool backward, Follow? follow)
    {
        switch (node)
        {
            case EmptyNode:
                return;
            case CharNode c:
                List<char> variants = c.IgnoreCase ? CaseFolding.Variants(c.Value) : [c.Value];
                if (variants.Count == 1)
                {
                    Op(backward ? PatternOp.CharBack : PatternOp.Char, c.Value);
                }
                else
                {
                    Op(backward ? PatternOp.SetBack : PatternOp.Set, Class(Variants(variants)));
                }

                return;
            case SetNode s:
                Op(backward ? PatternOp.SetBack : PatternOp.Set, Class(s.IgnoreCase ? WithCaseVariants(s.Set) : s.Set));
                return;
            case ConcatNode concat:
                List<RegexNode> ordered = backward ? Enumerable.Reverse(concat.Children).ToList() : concat.Children;
                for (int i = 0; i < ordered.Count; i++)
                {
                    if (!backward
                        && i + 1 < ordered.Count
                        && ordered[i + 1] is AnchorNode { Kind: AnchorKind.WordBoundary }
                        && WordSet(ordered[i]) is { } words)
                    {
                        // A list of whole words: one look-up of the word here instead of a try per word.
                        EmitWordIn(words);
                        i++;
                        continue;
                    }

                    Emit(ordered[i], backward, Follow.After(ordered, i + 1, backward, follow));
                }

                return;
            case AlternateNode alternate:
                EmitAlternation(alternate.Children, backward, follow);
                return;
            case LoopNode loop:
                EmitLoop(loop, backward, follow);
                return;
            case GroupNode group:
                if (group.Name is null)
                {
                    Emit(group.Child, backward, follow);
                    return;
                }

                int slot = Slot(group.Name);
                Op(backward ? PatternOp.GroupOpenBack : PatternOp.GroupOpen, slot);
                Emit(group.Child, backward, follow);
                Op(backward ? PatternOp.GroupCloseBack : PatternOp.GroupClose, slot);
                return;
            case LookaroundNode look:
                Op(PatternOp.Look, 0, look.Behind ? 1 : 0, look.Negated ? 1 : 0);
                _blocks.Add((_code.Count - 3, look.Child, look.Behind));
                return;
            case AnchorNode anchor:
                Op(PatternOp.Assert, (int)anchor.Kind);
                return;
            default:
                throw new NotCompiledException();
        }
    }

    /// <summary>
    /// Alternatives in order. Three or more go behind a dispatch on the next char (the char before,
    /// leftwards): only those that can begin with it are tried, in their order, so a lexicon of
    /// month names costs a lookup, not a try per name. Fewer go behind splits that fall through.
    /// </summary>
    private void EmitAlternation(List<RegexNode> alternatives, bool backward, Follow? follow)
    {
        if (alternatives.Count >= MinLiteralSet && LiteralSet(alternatives) is { } literals)
        {
            EmitLiteralIn(literals, backward);
            return;
        }

        if (alternatives.Count >= 3)
        {
            EmitDispatch(alternatives, backward, follow);
            return;
        }

        var jumps = new List<int>();
        for (int i = 0; i < alternatives.Count; i++)
        {
            if (i < alternatives.Count - 1)
            {
                Op(PatternOp.Split, _code.Count + 3, 0);
                int next = _code.Count - 1;
                Emit(alternatives[i], backward, follow);
                Op(PatternOp.Jump, 0);
                jumps.Add(_code.Count - 1);
                _code[next] = _code.Count;
            }
            else
            {
                Emit(alternatives[i], backward, follow);
            }
        }

        foreach (int jump in jumps)
        {
            _code[jump] = _code.Count;
        }
    }

    /// <summary>The fewest words an alternation needs before <see cref="EmitWordIn"/> takes it.</summary>
    private const int MinWordSet = 4;

    /// <summary>
    /// The words of an alternation of plain words (<c>(?:في|من|إلى|…)</c>, as a lexicon expands
    /// in a pattern), each of letters and digits only and without case variants; null for any other node.
    /// Followed by <c>\b</c>, such an alternation matches exactly where the run of word chars that
    /// starts at the position is one of the words: a word of letters ends at the boundary only if
    /// nothing of the word follows it, so whichever alternative is tried first, only that one can match.
    /// </summary>
    private static List<string>? WordSet(RegexNode node)
    {
        while (node is GroupNode { Name: null, Capturing: false } group)
        {
            node = group.Child;
        }

        if (node is not AlternateNode { Children.Count: >= MinWordSet } alternate)
        {
            return null;
        }

        var words = new List<string>(alternate.Children.Count);
        foreach (RegexNode alternative in alternate.Children)
        {
            IEnumerable<RegexNode> chars = alternative is ConcatNode concat ? concat.Children : [alternative];
            var word = new System.Text.StringBuilder();
            foreach (RegexNode c in chars)
            {
                if (c is not CharNode ch || !char.IsLetterOrDigit(ch.Value) || (ch.IgnoreCase && CaseFolding.Variants(ch.Value).Count > 1))
                {
                    return null;
                }

                word.Append(ch.Value);
            }

            if (word.Length == 0)
            {
                return null;
            }

            words.Add(word.ToString());
        }

        return words;
    }

    /// <summary>
    /// <c>WordIn n start₁…startₙ end chars…</c>: the words sorted (ordinal), each the chars from its
    /// start to the next start; the machine takes the run of word chars at the position and looks it
    /// up by binary search. The next instruction is at <c>end</c>.
    /// </summary>
    private void EmitWordIn(List<string> words)
    {
        List<string> sorted = [.. words.Distinct(StringComparer.Ordinal).OrderBy(word => word, StringComparer.Ordinal)];
        Op(PatternOp.WordIn, sorted.Count);
        int starts = _code.Count;
        _code.AddRange(Enumerable.Repeat(0, sorted.Count + 1));
        for (int i = 0; i < sorted.Count; i++)
        {
            _code[starts + i] = _code.Count;
            _code.AddRange(sorted[i].Select(c => (int)c));
        }

        _code[starts + sorted.Count] = _code.Count;
    }

    /// <summary>The fewest alternatives an alternation of literals needs before <see cref="EmitLiteralIn"/> takes it.</summary>
    private const int MinLiteralSet = 3;

    /// <summary>
    /// The literals of an alternation whose every alternative is a non-empty run of plain chars
    /// (<c>(?:وزارة الخارجية|وزارة الدفاع|…)</c>, as a lexicon of phrases expands in a pattern), as
    /// their char nodes, in the pattern's order; null for any other alternation, or when case
    /// folding is not the one <see cref="EmitLiteralIn"/> can do.
    /// </summary>
    private static List<List<CharNode>>? LiteralSet(List<RegexNode> alternatives)
    {
        var literals = new List<List<CharNode>>(alternatives.Count);
        foreach (RegexNode alternative in alternatives)
        {
            var chars = new List<CharNode>();
            if (!CollectChars(alternative, chars) || chars.Count == 0)
            {
                return null;
            }

            literals.Add(chars);
        }

        // Either no char has case variants, or every char that has them folds as the machine folds
        // (ASCII letters and the Kelvin sign) and no other char could be taken for one of them.
        if (IsFolded(literals) && literals.Any(literal => literal.Any(c => !FoldsAsTheMachine(c))))
        {
            return null;
        }

        return literals;

        static bool CollectChars(RegexNode node, List<CharNode> chars)
        {
            switch (node)
            {
                case CharNode c:
                    chars.Add(c);
                    return true;
                case ConcatNode concat:
                    return concat.Children.All(child => CollectChars(child, chars));
                case GroupNode { Name: null, Capturing: false } group:
                    return CollectChars(group.Child, chars);
                default:
                    return false;
            }
        }

        // Under folding the machine compares LiteralFold(text char) with LiteralFold(literal char).
        static bool FoldsAsTheMachine(CharNode c)
        {
            char folded = LiteralFold(c.Value);
            List<char> foldClass = folded switch
            {
                'k' => ['k', 'K', '\u212A'],
                >= 'a' and <= 'z' => [folded, (char)(folded - 0x20)],
                _ => [folded],
            };
            List<char> variants = c.IgnoreCase ? CaseFolding.Variants(c.Value) : [c.Value];
            return variants.Count == foldClass.Count && variants.All(foldClass.Contains);
        }
    }

    /// <summary>Whether a char of the literals has case variants: the look-up then compares folded chars.</summary>
    private static bool IsFolded(List<List<CharNode>> literals)
        => literals.Any(literal => literal.Any(c => c.IgnoreCase && CaseFolding.Variants(c.Value).Count > 1));

    /// <summary>The fold of <c>LiteralIn</c> (the runtime's <c>PatternMachine.LiteralFold</c> is the same): ASCII letters to lower case, the Kelvin sign to k.</summary>
    internal static char LiteralFold(char c) => c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c == '\u212A' ? 'k' : c;

    /// <summary>
    /// <c>LiteralIn flags n start₁…startₙ end rank₁…rankₙ chars…</c>: the literals (read leftwards
    /// when flags has 1, folded by <see cref="LiteralFold"/> when it has 2) sorted ordinally, each the
    /// chars from its start to the next start, with its place in the alternation. The machine finds
    /// every literal the text holds at the position with one binary search per char, and tries them
    /// in the alternation's order; the next instruction is at <c>end</c>.
    /// </summary>
    private void EmitLiteralIn(List<List<CharNode>> literals, bool backward)
    {
        bool folded = IsFolded(literals);
        var keyed = new List<(string Key, int Rank)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int rank = 0; rank < literals.Count; rank++)
        {
            IEnumerable<char> chars = literals[rank].Select(c => folded ? LiteralFold(c.Value) : c.Value);
            string key = new(backward ? chars.Reverse().ToArray() : chars.ToArray());
            if (seen.Add(key))
            {
                // A literal listed twice would only try the same match again.
                keyed.Add((key, rank));
            }
        }

        keyed.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        Op(PatternOp.LiteralIn, (backward ? 1 : 0) | (folded ? 2 : 0), keyed.Count);
        int starts = _code.Count;
        _code.AddRange(Enumerable.Repeat(0, keyed.Count + 1));
        _code.AddRange(keyed.Select(k => k.Rank));
        for (int i = 0; i < keyed.Count; i++)
        {
            _code[starts + i] = _code.Count;
            _code.AddRange(keyed[i].Key.Select(c => (int)c));
        }

        _code[starts + keyed.Count] = _code.Count;
    }

    /// <summary>
    /// <c>Dispatch backward n c₁…cₙ list₁…listₙ default</c>, then the alternatives, each ending in a
    /// jump past the last. A list is a count and the alternatives' entry points, in order: those
    /// that can begin with the char, with every alternative whose first char is not known.
    /// </summary>
    private void EmitDispatch(List<RegexNode> alternatives, bool backward, Follow? follow)
    {
        var firsts = new List<List<char>?>();
        var keys = new SortedSet<char>();
        foreach (RegexNode alternative in alternatives)
        {
            List<char>? first = alternative.CanBeEmpty ? null : FirstChars(alternative, backward);
            firsts.Add(first);
            if (first is not null)
            {
                keys.UnionWith(first);
            }
        }

        List<int> ListFor(char? c)
        {
            var list = new List<int>();
            for (int i = 0; i < alternatives.Count; i++)
            {
                if (firsts[i] is null || (c is char key && firsts[i]!.Contains(key)))
                {
                    list.Add(i);
                }
            }

            return list;
        }

        var lists = keys.Select(c => ListFor(c)).ToList();
        List<int> fallback = ListFor(null);
        Op(PatternOp.Dispatch, backward ? 1 : 0, keys.Count);
        _code.AddRange(keys.Select(c => (int)c));
        int offsets = _code.Count;
        _code.AddRange(Enumerable.Repeat(0, keys.Count + 1));

        // The lists hold alternative numbers for now; they become entry points once the alternatives are laid out.
        var listStarts = new List<int>();
        foreach (List<int> list in lists.Append(fallback))
        {
            _code[offsets + listStarts.Count] = _code.Count;
            listStarts.Add(_code.Count);
            _code.Add(list.Count);
            _code.AddRange(list);
        }

        var entries = new int[alternatives.Count];
        var jumps = new List<int>();
        for (int i = 0; i < alternatives.Count; i++)
        {
            entries[i] = _code.Count;
            Emit(alternatives[i], backward, follow);
            Op(PatternOp.Jump, 0);
            jumps.Add(_code.Count - 1);
        }

        foreach (int start in listStarts)
        {
            for (int k = 0; k < _code[start]; k++)
            {
                _code[start + 1 + k] = entries[_code[start + 1 + k]];
            }
        }

        foreach (int jump in jumps)
        {
            _code[jump] = _code.Count;
        }
    }

    /// <summary>
    /// The chars a match of <paramref name="node"/> can begin with in its direction, or null when any
    /// char (or none) can: its first classes (<see cref="FirstClasses"/>), when each is a short list.
    /// </summary>
    private static List<char>? FirstChars(RegexNode node, bool backward)
    {
        if (FirstClasses(node, backward) is not { } classes)
        {
            return null;
        }

        var chars = new List<char>();
        foreach (CharClass set in classes)
        {
            if (!set.IsEnumerable || !set.Ranges.TrueForAll(r => r.Last - r.First < 64))
            {
                return null;
            }

            chars.AddRange(set.RangeChars());
        }

        return chars;
    }

    /// <summary>The classes a match of <paramref name="node"/> may begin with, in its direction (case variants included); null when it cannot tell.</summary>
    private static List<CharClass>? FirstClasses(RegexNode node, bool backward)
    {
        switch (node)
        {
            case CharNode or SetNode:
                return [LoopClass(node)!];
            case GroupNode group:
                return FirstClasses(group.Child, backward);
            case LoopNode loop:
                return FirstClasses(loop.Child, backward);
            case AlternateNode alternate:
                var any = new List<CharClass>();
                foreach (RegexNode child in alternate.Children)
                {
                    if (child.CanBeEmpty || FirstClasses(child, backward) is not { } first)
                    {
                        return null;
                    }

                    any.AddRange(first);
                }

                return any;
            case ConcatNode concat:
                var union = new List<CharClass>();
                IEnumerable<RegexNode> children = backward ? Enumerable.Reverse(concat.Children) : concat.Children;
                foreach (RegexNode child in children)
                {
                    if (child is AnchorNode or LookaroundNode or EmptyNode)
                    {
                        // Zero-width: the next char is still taken by what comes after.
                        continue;
                    }

                    if (FirstClasses(child, backward) is not { } first)
                    {
                        return null;
                    }

                    union.AddRange(first);
                    if (!child.CanBeEmpty)
                    {
                        return union;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>
    /// A loop over one char is one <c>Repeat</c>: greedy (0), lazy (1), or greedy and never giving
    /// back (2) when no char it takes can begin what follows it, so giving one back cannot lead to
    /// a match (.NET's regex optimizer makes such loops atomic too): no frame is left to backtrack
    /// into. Other loops are unrolled or looped with splits.
    /// </summary>
    private void EmitLoop(LoopNode loop, bool backward, Follow? follow)
    {
        if (SingleChar(loop.Child) is (int kind, int operand))
        {
            bool possessive = !loop.Lazy && loop.Max != loop.Min && follow is not null && LoopClass(loop.Child) is { } taken && follow.IsDisjointFrom(taken);
            Op(PatternOp.Repeat, kind, operand, loop.Min, loop.Max, loop.Lazy ? 1 : possessive ? 2 : 0, backward ? 1 : 0);
            return;
        }

        if (loop.Child.CanBeEmpty || loop.Min > MaxUnrolled || (loop.Max > MaxUnrolled))
        {
            // .NET stops a loop whose body matched empty in ways a plain unrolling does not copy.
            throw new NotCompiledException();
        }

        // A copy of the body may be followed by another copy or by what follows the loop: not tracked.
        for (int i = 0; i < loop.Min; i++)
        {
            Emit(loop.Child, backward, null);
        }

        if (loop.Max < 0)
        {
            // L: split body, exit (lazy: exit, body); body; jump L
            int top = _code.Count;
            Op(PatternOp.Split, 0, 0);
            int body = _code.Count;
            Emit(loop.Child, backward, null);
            Op(PatternOp.Jump, top);
            int exit = _code.Count;
            _code[top + 1] = loop.Lazy ? exit : body;
            _code[top + 2] = loop.Lazy ? body : exit;
            return;
        }

        // Optional copies, nested: (x(x(x)?)?)? — each split skips the rest.
        var skips = new List<int>();
        for (int i = loop.Min; i < loop.Max; i++)
        {
            int split = _code.Count;
            Op(PatternOp.Split, 0, 0);
            int body = _code.Count;
            skips.Add(split);
            Emit(loop.Child, backward, null);
            _code[split + (loop.Lazy ? 2 : 1)] = body;
        }

        foreach (int split in skips)
        {
            _code[split + (loop.Lazy ? 1 : 2)] = _code.Count;
        }
    }

    /// <summary>The operand of a loop over one char: (0, char), (1, class).</summary>
    private (int Kind, int Operand)? SingleChar(RegexNode node)
    {
        switch (node)
        {
            case CharNode c:
                List<char> variants = c.IgnoreCase ? CaseFolding.Variants(c.Value) : [c.Value];
                return variants.Count == 1 ? (0, c.Value) : (1, Class(Variants(variants)));
            case SetNode s:
                return (1, Class(s.IgnoreCase ? WithCaseVariants(s.Set) : s.Set));
            case GroupNode { Name: null } group:
                return SingleChar(group.Child);
            default:
                return null;
        }
    }

    /// <summary>The chars a loop over one char takes, case variants included; null for another body.</summary>
    private static CharClass? LoopClass(RegexNode node) => node switch
    {
        CharNode c => Variants(c.IgnoreCase ? CaseFolding.Variants(c.Value) : [c.Value]),
        SetNode s => s.IgnoreCase ? WithCaseVariants(s.Set) : s.Set,
        GroupNode { Name: null } group => LoopClass(group.Child),
        _ => null,
    };

    /// <summary>
    /// What a match may go on with after a node, as far as the compiler can tell: the classes the
    /// next char taken may belong to. <see cref="End"/> when nothing follows (the program or a
    /// lookaround block ends there); null (no instance) when it cannot tell.
    /// </summary>
    private sealed class Follow
    {
        private Follow(List<CharClass> classes, bool mayEnd)
        {
            Classes = classes;
            MayEnd = mayEnd;
        }

        /// <summary>Nothing follows.</summary>
        public static Follow End { get; } = new([], mayEnd: true);

        /// <summary>The classes the next char taken may belong to; empty for <see cref="End"/>.</summary>
        public List<CharClass> Classes { get; }

        /// <summary>Whether the match may end without taking another char.</summary>
        public bool MayEnd { get; }

        /// <summary>
        /// What follows <paramref name="ordered"/>[<paramref name="from"/> - 1] in a concatenation
        /// (its children in the direction of matching), <paramref name="outer"/> being what follows
        /// the concatenation. A zero-width assertion is passed over when a char must still be taken
        /// after it; one after which the match may end makes the follow unknown, since it may hold
        /// after a shorter loop and fail after a longer one.
        /// </summary>
        public static Follow? After(List<RegexNode> ordered, int from, bool backward, Follow? outer)
        {
            var classes = new List<CharClass>();
            bool asserted = false;
            for (int i = from; i < ordered.Count; i++)
            {
                RegexNode child = ordered[i];
                if (child is EmptyNode)
                {
                    continue;
                }

                if (child is AnchorNode or LookaroundNode)
                {
                    asserted = true;
                    continue;
                }

                if (FirstClasses(child, backward) is not { } first)
                {
                    return null;
                }

                classes.AddRange(first);
                if (!child.CanBeEmpty)
                {
                    return new Follow(classes, mayEnd: false);
                }
            }

            if (outer is null || (asserted && outer.MayEnd))
            {
                return null;
            }

            classes.AddRange(outer.Classes);
            return new Follow(classes, outer.MayEnd);
        }

        /// <summary>Whether no char of <paramref name="taken"/> can be the next char taken.</summary>
        public bool IsDisjointFrom(CharClass taken) => Classes.TrueForAll(next => Disjoint(taken, next));

        /// <summary>
        /// Whether no char is in both classes; false when that is not known cheaply. The chars of a
        /// class without negations (its ranges and, for <c>\s</c>, the white-space chars) are tried
        /// against the other; two such classes share no category.
        /// </summary>
        private static bool Disjoint(CharClass a, CharClass b)
        {
            if (Listed(a) is not { } aChars || Listed(b) is not { } bChars)
            {
                return false;
            }

            return (a.Categories & b.Categories) == 0
                && aChars.TrueForAll(c => !b.Contains(c))
                && bChars.TrueForAll(c => !a.Contains(c));
        }

        /// <summary>The chars of a class that has no negated part, besides its categories; null for another class or too many chars.</summary>
        private static List<char>? Listed(CharClass set)
        {
            if (set.Negated || set.NotSpace || set.NegatedCategories.Count > 0 || set.Subtraction is not null)
            {
                return null;
            }

            if (set.RangeCount > MaxListedChars)
            {
                return null;
            }

            var chars = new List<char>(set.RangeChars());
            if (set.Space)
            {
                chars.AddRange(s_whiteSpace.Value);
            }

            return chars;
        }

        /// <summary>The most chars of a class <see cref="Listed"/> lists.</summary>
        private const int MaxListedChars = 4096;

        private static readonly Lazy<char[]> s_whiteSpace = new(() => Enumerable.Range(0, 0x10000).Select(c => (char)c).Where(char.IsWhiteSpace).ToArray());
    }

    private static CharClass Variants(List<char> chars)
    {
        var set = new CharClass();
        foreach (char c in chars)
        {
            set.Ranges.Add((c, c));
        }

        return set;
    }

    /// <summary>
    /// The class with the case variants of its listed chars added, as .NET does under IgnoreCase
    /// (categories, white space and negation are not affected; a subtracted class gets its own).
    /// </summary>
    private static CharClass WithCaseVariants(CharClass set)
    {
        var folded = new CharClass
        {
            Categories = set.Categories,
            Space = set.Space,
            NotSpace = set.NotSpace,
            Negated = set.Negated,
            Subtraction = set.Subtraction is null ? null : WithCaseVariants(set.Subtraction),
        };
        folded.NegatedCategories.AddRange(set.NegatedCategories);
        foreach ((char first, char last) in set.Ranges)
        {
            folded.Ranges.Add((first, last));
            if (last - first > MaxCaseRange)
            {
                throw new NotCompiledException();
            }

            for (int c = first; c <= last; c++)
            {
                foreach (char variant in CaseFolding.Variants((char)c))
                {
                    if (variant < first || variant > last)
                    {
                        folded.Ranges.Add((variant, variant));
                    }
                }
            }
        }

        return folded;
    }

    /// <summary>Writes a class to the table and returns its index: [negated, ranges, pairs…, categories, negated masks, masks…, white space, subtraction].</summary>
    private int Class(CharClass set)
    {
        int subtraction = set.Subtraction is null ? -1 : Class(set.Subtraction);
        var encoded = new List<int> { set.Negated ? 1 : 0, set.Ranges.Count };
        foreach ((char first, char last) in set.Ranges)
        {
            encoded.Add(first);
            encoded.Add(last);
        }

        encoded.Add(unchecked((int)set.Categories));
        encoded.Add(set.NegatedCategories.Count);
        foreach (uint mask in set.NegatedCategories)
        {
            encoded.Add(unchecked((int)mask));
        }

        encoded.Add((set.Space ? 1 : 0) | (set.NotSpace ? 2 : 0));
        encoded.Add(subtraction);

        // The same class (a letter and its capital, under IgnoreCase) is written once.
        string key = string.Join(",", encoded);
        if (!_classIndexes.TryGetValue(key, out int index))
        {
            index = _classIndexes.Count;
            _classIndexes.Add(key, index);
            _classes.AddRange(encoded);
        }

        return index;
    }

    /// <summary>The classes of a program's table, read back as <see cref="Class"/> wrote them.</summary>
    internal static List<CharClass> ReadClasses(int[] table)
    {
        var classes = new List<CharClass>();
        int at = 0;
        while (at < table.Length)
        {
            var set = new CharClass { Negated = table[at++] != 0 };
            int ranges = table[at++];
            for (int i = 0; i < ranges; i++)
            {
                set.Ranges.Add(((char)table[at], (char)table[at + 1]));
                at += 2;
            }

            set.Categories = unchecked((uint)table[at++]);
            int negated = table[at++];
            for (int i = 0; i < negated; i++)
            {
                set.NegatedCategories.Add(unchecked((uint)table[at++]));
            }

            int space = table[at++];
            set.Space = (space & 1) != 0;
            set.NotSpace = (space & 2) != 0;
            int subtraction = table[at++];
            set.Subtraction = subtraction < 0 ? null : classes[subtraction];
            classes.Add(set);
        }

        return classes;
    }

    private int Slot(string name)
    {
        int slot = _groups.IndexOf(name);
        if (slot < 0)
        {
            slot = _groups.Count;
            _groups.Add(name);
        }

        return slot;
    }

    private void Op(PatternOp op, params int[] operands)
    {
        _code.Add((int)op);
        _code.AddRange(operands);
    }

    private sealed class NotCompiledException : Exception
    {
    }
}

/// <summary>The instructions of the pattern machine (mirrors the runtime's).</summary>
internal enum PatternOp
{
    Succeed,
    Char,
    CharBack,
    Set,
    SetBack,
    Split,
    Jump,
    GroupOpen,
    GroupClose,
    GroupOpenBack,
    GroupCloseBack,
    Assert,
    Look,
    Repeat,
    Dispatch,
    WordIn,
    LiteralIn,
}

/// <summary>A compiled pattern: its program, its class table and its named groups by slot.</summary>
internal sealed record PatternProgramSpec(ImmutableEquatableArray<int> Code, ImmutableEquatableArray<int> Classes, ImmutableEquatableArray<string> Groups);
