using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using CorpusKit.Generators.Model;

namespace CorpusKit.Generators.Patterns;

/// <summary>
/// Compiles a parsed pattern into the program CorpusKit's pattern machine runs (see
/// <c>CorpusKit.Matching.Pattern</c>): a backtracking machine with .NET's semantics (alternatives
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
            compiler.Emit(root, backward: false);
            compiler.Op(PatternOp.Succeed);

            // Lookaround and atomic bodies run as blocks of their own, after the main program; a
            // block may hold more blocks.
            for (int i = 0; i < compiler._blocks.Count; i++)
            {
                (int patch, RegexNode body, bool backward) = compiler._blocks[i];
                compiler._code[patch] = compiler._code.Count;
                compiler.Emit(body, backward);
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

    private void Emit(RegexNode node, bool backward)
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
                if (backward)
                {
                    for (int i = concat.Children.Count - 1; i >= 0; i--)
                    {
                        Emit(concat.Children[i], backward);
                    }
                }
                else
                {
                    foreach (RegexNode child in concat.Children)
                    {
                        Emit(child, backward);
                    }
                }

                return;
            case AlternateNode alternate:
                EmitAlternation(alternate.Children, backward);
                return;
            case LoopNode loop:
                EmitLoop(loop, backward);
                return;
            case GroupNode group:
                if (group.Name is null)
                {
                    Emit(group.Child, backward);
                    return;
                }

                int slot = Slot(group.Name);
                Op(backward ? PatternOp.GroupOpenBack : PatternOp.GroupOpen, slot);
                Emit(group.Child, backward);
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
    private void EmitAlternation(List<RegexNode> alternatives, bool backward)
    {
        if (alternatives.Count >= 3)
        {
            EmitDispatch(alternatives, backward);
            return;
        }

        var jumps = new List<int>();
        for (int i = 0; i < alternatives.Count; i++)
        {
            if (i < alternatives.Count - 1)
            {
                Op(PatternOp.Split, _code.Count + 3, 0);
                int next = _code.Count - 1;
                Emit(alternatives[i], backward);
                Op(PatternOp.Jump, 0);
                jumps.Add(_code.Count - 1);
                _code[next] = _code.Count;
            }
            else
            {
                Emit(alternatives[i], backward);
            }
        }

        foreach (int jump in jumps)
        {
            _code[jump] = _code.Count;
        }
    }

    /// <summary>
    /// <c>Dispatch backward n c₁…cₙ list₁…listₙ default</c>, then the alternatives, each ending in a
    /// jump past the last. A list is a count and the alternatives' entry points, in order: those
    /// that can begin with the char, with every alternative whose first char is not known.
    /// </summary>
    private void EmitDispatch(List<RegexNode> alternatives, bool backward)
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
            Emit(alternatives[i], backward);
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

    /// <summary>The chars a match of <paramref name="node"/> can begin with in its direction, or null when any char (or none) can.</summary>
    private static List<char>? FirstChars(RegexNode node, bool backward)
    {
        switch (node)
        {
            case CharNode c:
                return c.IgnoreCase ? CaseFolding.Variants(c.Value) : [c.Value];
            case SetNode { Set.IsEnumerable: true } s when s.Set.Ranges.TrueForAll(r => r.Last - r.First < 64):
                var chars = new List<char>();
                foreach ((char first, char last) in s.Set.Ranges)
                {
                    for (int c = first; c <= last; c++)
                    {
                        chars.AddRange(s.IgnoreCase ? CaseFolding.Variants((char)c) : [(char)c]);
                    }
                }

                return chars;
            case ConcatNode concat:
                var union = new List<char>();
                IEnumerable<RegexNode> children = backward ? Enumerable.Reverse(concat.Children) : concat.Children;
                foreach (RegexNode child in children)
                {
                    if (child is AnchorNode or LookaroundNode or EmptyNode)
                    {
                        continue;
                    }

                    if (FirstChars(child, backward) is not { } first)
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
            case GroupNode group:
                return FirstChars(group.Child, backward);
            case LoopNode loop:
                return FirstChars(loop.Child, backward);
            case AlternateNode alternate:
                var any = new List<char>();
                foreach (RegexNode child in alternate.Children)
                {
                    if (FirstChars(child, backward) is not { } first || child.CanBeEmpty)
                    {
                        return null;
                    }

                    any.AddRange(first);
                }

                return any;
            default:
                return null;
        }
    }

    private void EmitLoop(LoopNode loop, bool backward)
    {
        if (SingleChar(loop.Child) is (int kind, int operand))
        {
            Op(PatternOp.Repeat, kind, operand, loop.Min, loop.Max, loop.Lazy ? 1 : 0, backward ? 1 : 0);
            return;
        }

        if (loop.Child.CanBeEmpty || loop.Min > MaxUnrolled || (loop.Max > MaxUnrolled))
        {
            // .NET stops a loop whose body matched empty in ways a plain unrolling does not copy.
            throw new NotCompiledException();
        }

        for (int i = 0; i < loop.Min; i++)
        {
            Emit(loop.Child, backward);
        }

        if (loop.Max < 0)
        {
            // L: split body, exit (lazy: exit, body); body; jump L
            int top = _code.Count;
            Op(PatternOp.Split, 0, 0);
            int body = _code.Count;
            Emit(loop.Child, backward);
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
            Emit(loop.Child, backward);
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
}

/// <summary>A compiled pattern: its program, its class table and its named groups by slot.</summary>
internal sealed record PatternProgramSpec(ImmutableEquatableArray<int> Code, ImmutableEquatableArray<int> Classes, ImmutableEquatableArray<string> Groups);
