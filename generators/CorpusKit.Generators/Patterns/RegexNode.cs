using System.Collections.Generic;

namespace CorpusKit.Generators.Patterns;

// The tree of a .NET regular expression as the generator reads it, to decide at build time what
// a pattern needs from the text (the chars a match can start with, the literal it starts with).
// It models the .NET syntax the patterns of schemas use; a construct it does not model makes
// the parser give up on the pattern, which then runs without a prefilter.

/// <summary>A node of a parsed pattern.</summary>
internal abstract class RegexNode
{
    /// <summary>Whether the node can match the empty string.</summary>
    public abstract bool CanBeEmpty { get; }
}

/// <summary>One char, compared under the node's case sensitivity.</summary>
internal sealed class CharNode(char value, bool ignoreCase) : RegexNode
{
    public char Value { get; } = value;

    public bool IgnoreCase { get; } = ignoreCase;

    public override bool CanBeEmpty => false;
}

/// <summary>A char class: <c>[…]</c>, <c>\d</c>, <c>.</c> and the like.</summary>
internal sealed class SetNode(CharClass set, bool ignoreCase) : RegexNode
{
    public CharClass Set { get; } = set;

    public bool IgnoreCase { get; } = ignoreCase;

    public override bool CanBeEmpty => false;
}

/// <summary>Nodes one after another.</summary>
internal sealed class ConcatNode(List<RegexNode> children) : RegexNode
{
    public List<RegexNode> Children { get; } = children;

    public override bool CanBeEmpty => Children.TrueForAll(c => c.CanBeEmpty);
}

/// <summary>Alternatives, tried in order.</summary>
internal sealed class AlternateNode(List<RegexNode> children) : RegexNode
{
    public List<RegexNode> Children { get; } = children;

    public override bool CanBeEmpty => Children.Exists(c => c.CanBeEmpty);
}

/// <summary>A quantified node: <c>Min</c> to <c>Max</c> times (<c>Max</c> -1: unbounded), greedy or lazy.</summary>
internal sealed class LoopNode(RegexNode child, int min, int max, bool lazy) : RegexNode
{
    public RegexNode Child { get; } = child;

    public int Min { get; } = min;

    public int Max { get; } = max;

    public bool Lazy { get; } = lazy;

    public override bool CanBeEmpty => Min == 0 || Child.CanBeEmpty;
}

/// <summary>A group: capturing (by name, or by number) or not.</summary>
internal sealed class GroupNode(RegexNode child, string? name, bool capturing) : RegexNode
{
    public RegexNode Child { get; } = child;

    /// <summary>The group's name; null for a numbered group or one that does not capture.</summary>
    public string? Name { get; } = name;

    /// <summary>Whether the group captures.</summary>
    public bool Capturing { get; } = capturing;

    public override bool CanBeEmpty => Child.CanBeEmpty;
}

/// <summary>An atomic group <c>(?&gt;…)</c>: once matched, never backtracked into.</summary>
internal sealed class AtomicNode(RegexNode child) : RegexNode
{
    public RegexNode Child { get; } = child;

    public override bool CanBeEmpty => Child.CanBeEmpty;
}

/// <summary>A lookahead or lookbehind, positive or negative: it consumes nothing.</summary>
internal sealed class LookaroundNode(RegexNode child, bool behind, bool negated) : RegexNode
{
    public RegexNode Child { get; } = child;

    public bool Behind { get; } = behind;

    public bool Negated { get; } = negated;

    public override bool CanBeEmpty => true;
}

/// <summary>The zero-width assertions.</summary>
internal enum AnchorKind
{
    /// <summary><c>^</c> without multiline: the start of the text.</summary>
    Beginning,

    /// <summary><c>^</c> under multiline: the start of a line.</summary>
    LineStart,

    /// <summary><c>$</c> without multiline: the end, or before a final \n.</summary>
    EndOrFinalNewline,

    /// <summary><c>$</c> under multiline: the end of a line.</summary>
    LineEnd,

    /// <summary><c>\A</c>.</summary>
    Start,

    /// <summary><c>\z</c>.</summary>
    End,

    /// <summary><c>\Z</c>: the end, or before a final \n.</summary>
    EndZ,

    /// <summary><c>\G</c>: where the search started.</summary>
    Contiguous,

    /// <summary><c>\b</c>.</summary>
    WordBoundary,

    /// <summary><c>\B</c>.</summary>
    NotWordBoundary,
}

/// <summary>A zero-width assertion.</summary>
internal sealed class AnchorNode(AnchorKind kind) : RegexNode
{
    public AnchorKind Kind { get; } = kind;

    public override bool CanBeEmpty => true;
}

/// <summary>The empty pattern (an empty alternative, a comment).</summary>
internal sealed class EmptyNode : RegexNode
{
    public static EmptyNode Instance { get; } = new();

    public override bool CanBeEmpty => true;
}
