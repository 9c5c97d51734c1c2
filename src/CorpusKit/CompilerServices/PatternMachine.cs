using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace CorpusKit.CompilerServices;

/// <summary>The instructions of a compiled pattern (the generator's <c>PatternOp</c> mirrors them).</summary>
internal enum PatternOp
{
    /// <summary>The (sub)program matched.</summary>
    Succeed,

    /// <summary><c>Char c</c>: the char at the position is c; move right.</summary>
    Char,

    /// <summary><c>CharBack c</c>: the char before the position is c; move left.</summary>
    CharBack,

    /// <summary><c>Set s</c>: the char at the position is in class s; move right.</summary>
    Set,

    /// <summary><c>SetBack s</c>: the char before the position is in class s; move left.</summary>
    SetBack,

    /// <summary><c>Split a b</c>: go on at a; on failure, at b from the same position.</summary>
    Split,

    /// <summary><c>Jump a</c>.</summary>
    Jump,

    /// <summary><c>GroupOpen g</c>: a left-to-right group starts here.</summary>
    GroupOpen,

    /// <summary><c>GroupClose g</c>: it ends here; a capture is recorded.</summary>
    GroupClose,

    /// <summary><c>GroupOpenBack g</c>: a right-to-left group (in a lookbehind) starts here, at its right end.</summary>
    GroupOpenBack,

    /// <summary><c>GroupCloseBack g</c>: it ends here, at its left end; a capture is recorded.</summary>
    GroupCloseBack,

    /// <summary><c>Assert kind</c>: a zero-width test (see <see cref="AnchorKind"/>).</summary>
    Assert,

    /// <summary><c>Look block behind negated</c>: the block matches (or not) from here, leftwards when behind; no backtracking into it.</summary>
    Look,

    /// <summary><c>Repeat kind operand min max mode backward</c>: a loop over one char (kind 0: the char operand, 1: class operand; mode 0: greedy, 1: lazy, 2: greedy, never giving back).</summary>
    Repeat,

    /// <summary>
    /// <c>Dispatch backward n c₁…cₙ offset₁…offsetₙ offsetDefault</c>: alternatives chosen by the next
    /// char (the one before, leftwards); at each offset a count and entry points, tried in order.
    /// </summary>
    Dispatch,

    /// <summary>
    /// <c>WordIn n start₁…startₙ end chars…</c>: the run of word chars at the position is one of n
    /// words (sorted, each the chars from its start to the next start); move past it. What a list
    /// of plain words followed by <c>\b</c> compiles to.
    /// </summary>
    WordIn,

    /// <summary>
    /// <c>LiteralIn flags n start₁…startₙ end rank₁…rankₙ chars…</c>: alternatives that are all
    /// literals (read leftwards when flags has 1, compared folded by <see cref="PatternMachine.LiteralFold"/>
    /// when it has 2), sorted, each the chars from its start to the next start, with its place in the
    /// alternation. Every literal the text holds at the position is tried, in the alternation's order.
    /// What a list of phrases compiles to.
    /// </summary>
    LiteralIn,
}

/// <summary>The zero-width tests of <see cref="PatternOp.Assert"/> (the generator's <c>AnchorKind</c> mirrors them).</summary>
internal enum AnchorKind
{
    Beginning,
    LineStart,
    EndOrFinalNewline,
    LineEnd,
    Start,
    End,
    EndZ,
    Contiguous,
    WordBoundary,
    NotWordBoundary,
}

/// <summary>
/// The C# the generator writes for a pattern's program (see <see cref="Pattern"/>): it matches at
/// <paramref name="position"/> of <paramref name="text"/> on <paramref name="machine"/>, which keeps
/// its backtracking frames and captures, and returns the end of the match or -1.
/// </summary>
/// <remarks>For generated code: CorpusKit's generator emits these methods; they are not meant to be written by hand and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate int PatternCode(PatternMachine machine, ReadOnlySpan<char> text, int position);

/// <summary>
/// Runs a compiled pattern at one position of a text: a backtracking machine with the semantics
/// of .NET's regex engine, on a span, allocating nothing. One instance serves one thread at a
/// time (see <see cref="Pattern"/>); its stacks grow as needed and are kept. A pattern's program
/// runs either here, instruction by instruction, or as the C# the generator wrote for it
/// (<see cref="PatternCode"/>), which does the same steps without decoding them and calls the
/// members below for what both share: frames to backtrack to, group starts and captures, the
/// word and literal look-ups, and the clock.
/// </summary>
/// <remarks>For generated code: CorpusKit's generator emits the calls to this type; it is not meant to be called by hand and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class PatternMachine
{
    // A backtrack frame: kind, pc, position, count, bound, undo mark, capture mark.
    private const int FrameSize = 7;
    private const int SplitFrame = 0;
    private const int GreedyFrame = 1;
    private const int LazyFrame = 2;

    /// <summary>How many chars a loop steps through before it takes the rest with a vectorized search (<see cref="Take"/>).</summary>
    private const int VectorizedTake = 8;

    /// <summary>How many steps run between two looks at the clock.</summary>
    private const int StepsPerClockCheck = 4096;

    private int[] _frames = new int[64 * FrameSize];
    private int _frameCount;

    // The literals a LiteralIn found at the position: rank, then length.
    private long[] _literalHits = new long[8];

    // Group starts (or right ends, in a lookbehind) with an undo log, and the captures made, in order.
    private int[] _opens = new int[8];
    private int[] _undo = new int[32];
    private int _undoCount;
    private int[] _captures = new int[32];
    private int _captureCount;

    private int[] _code = [];
    private CharClassSet[] _classes = [];
    private int _start;
    private long _deadline;
    private int _steps;
    private TimeSpan _timeout;
    private string _source = string.Empty;

    internal PatternMachine()
    {
    }

    /// <summary>The captures of the last successful match: group, start, end, in the order they were made.</summary>
    internal ReadOnlySpan<int> Captures => _captures.AsSpan(0, _captureCount);

    /// <summary>Where the match began (what <c>\G</c> tests).</summary>
    public int Start => _start;

    /// <summary>How many backtracking frames are kept: a block of a program (a lookaround's) runs above those it found, and drops its own when it ends (atomic).</summary>
    public int FrameCount => _frameCount;

    /// <summary>
    /// Matches the program at <paramref name="start"/> of <paramref name="text"/> (anchored there;
    /// text before it is seen by lookbehinds). Returns the end of the match, or -1.
    /// </summary>
    /// <exception cref="RegexMatchTimeoutException">The match ran longer than <paramref name="timeout"/>.</exception>
    internal int Match(int[] code, CharClassSet[] classes, int groupCount, ReadOnlySpan<char> text, int start, TimeSpan timeout, string source, PatternCode? compiled)
    {
        _code = code;
        _classes = classes;
        _start = start;
        _timeout = timeout;
        _source = source;
        _steps = 0;
        _deadline = 0; // read the clock only once a match has run for a while: most fail in a few steps
        if (_opens.Length < groupCount)
        {
            _opens = new int[groupCount];
        }

        _undoCount = 0;
        _captureCount = 0;
        _frameCount = 0;
        return compiled is null ? Run(text, 0, start) : compiled(this, text, start);
    }

    /// <summary>Runs the block at <paramref name="pc"/> from <paramref name="position"/>; its frames are dropped when it returns (atomic).</summary>
    private int Run(ReadOnlySpan<char> text, int pc, int position)
    {
        int[] code = _code;
        int baseFrame = _frameCount;

        // The count of steps since the clock was last read, kept in a local (a lookaround's block
        // runs on the same count: it is handed over around the call).
        int steps = _steps;
        while (true)
        {
            if (++steps >= StepsPerClockCheck)
            {
                CheckClock(text);
                steps = 0;
            }

            bool ok;
            switch ((PatternOp)code[pc])
            {
                case PatternOp.Succeed:
                    _frameCount = baseFrame;
                    _steps = steps;
                    return position;
                case PatternOp.Char:
                    ok = position < text.Length && text[position] == code[pc + 1];
                    if (ok)
                    {
                        position++;
                        pc += 2;
                    }

                    break;
                case PatternOp.CharBack:
                    ok = position > 0 && text[position - 1] == code[pc + 1];
                    if (ok)
                    {
                        position--;
                        pc += 2;
                    }

                    break;
                case PatternOp.Set:
                    ok = position < text.Length && _classes[code[pc + 1]].Contains(text[position]);
                    if (ok)
                    {
                        position++;
                        pc += 2;
                    }

                    break;
                case PatternOp.SetBack:
                    ok = position > 0 && _classes[code[pc + 1]].Contains(text[position - 1]);
                    if (ok)
                    {
                        position--;
                        pc += 2;
                    }

                    break;
                case PatternOp.Split:
                    PushFrame(SplitFrame, code[pc + 2], position, 0, 0);
                    pc = code[pc + 1];
                    ok = true;
                    break;
                case PatternOp.Jump:
                    pc = code[pc + 1];
                    ok = true;
                    break;
                case PatternOp.GroupOpen:
                case PatternOp.GroupOpenBack:
                    SetOpen(code[pc + 1], position);
                    pc += 2;
                    ok = true;
                    break;
                case PatternOp.GroupClose:
                    AddCapture(code[pc + 1], _opens[code[pc + 1]], position);
                    pc += 2;
                    ok = true;
                    break;
                case PatternOp.GroupCloseBack:
                    AddCapture(code[pc + 1], position, _opens[code[pc + 1]]);
                    pc += 2;
                    ok = true;
                    break;
                case PatternOp.Assert:
                    ok = Holds((AnchorKind)code[pc + 1], text, position);
                    pc += 2;
                    break;
                case PatternOp.Look:
                    _steps = steps;
                    ok = Look(text, code[pc + 1], code[pc + 2] != 0, code[pc + 3] != 0, position);
                    steps = _steps;
                    pc += 4;
                    break;
                case PatternOp.Repeat:
                    ok = Repeat(text, ref pc, ref position);
                    break;
                case PatternOp.Dispatch:
                    ok = Dispatch(text, ref pc, position);
                    break;
                case PatternOp.WordIn:
                    ok = WordIn(text, ref pc, ref position);
                    break;
                case PatternOp.LiteralIn:
                    ok = LiteralIn(text, ref pc, ref position);
                    break;
                default:
                    throw new InvalidOperationException($"Unknown instruction {code[pc]} at {pc} of the pattern {_source}.");
            }

            if (!ok && !Backtrack(text, baseFrame, ref pc, ref position))
            {
                _steps = steps;
                return -1;
            }
        }
    }

    /// <summary>Leaves a frame to go back to when what follows fails: the instruction at <paramref name="pc"/>, from <paramref name="position"/> (a split's other way, an alternative not tried yet).</summary>
    public void PushSplit(int pc, int position) => PushFrame(SplitFrame, pc, position, 0, 0);

    /// <summary>Leaves the frame of the greedy loop at <paramref name="pc"/> that took <paramref name="count"/> chars from <paramref name="position"/>: when what follows fails, it gives chars back, down to <paramref name="min"/>.</summary>
    public void PushGreedy(int pc, int position, int count, int min) => PushFrame(GreedyFrame, pc, position, count, min);

    /// <summary>Leaves the frame of the lazy loop at <paramref name="pc"/> that took <paramref name="count"/> chars from <paramref name="position"/>: when what follows fails, it takes one more, up to <paramref name="limit"/>.</summary>
    public void PushLazy(int pc, int position, int count, int limit) => PushFrame(LazyFrame, pc, position, count, limit);

    /// <summary>
    /// What follows failed: returns to the latest frame above <paramref name="baseFrame"/> with the
    /// instruction and position to go on at, or false when the block has none left (it fails).
    /// Counts a step for the clock.
    /// </summary>
    /// <exception cref="RegexMatchTimeoutException">The match ran longer than its timeout.</exception>
    public bool Fail(ReadOnlySpan<char> text, int baseFrame, ref int pc, ref int position)
    {
        Tick(text);
        return Backtrack(text, baseFrame, ref pc, ref position);
    }

    /// <summary>The block that began above <paramref name="baseFrame"/> matched up to <paramref name="position"/>: its frames are dropped (a block is atomic).</summary>
    public int Succeed(int baseFrame, int position)
    {
        _frameCount = baseFrame;
        return position;
    }

    /// <summary>Counts a step for the clock (a loop's jump back); every few thousand, a match past its timeout throws.</summary>
    /// <exception cref="RegexMatchTimeoutException">The match ran longer than its timeout.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Tick(ReadOnlySpan<char> text)
    {
        if (++_steps >= StepsPerClockCheck)
        {
            CheckClock(text);
        }
    }

    /// <summary>Group <paramref name="group"/> starts at <paramref name="position"/> (its right end, in a lookbehind).</summary>
    public void Open(int group, int position) => SetOpen(group, position);

    /// <summary>Group <paramref name="group"/> ends at <paramref name="position"/>: a capture from where it started.</summary>
    public void Close(int group, int position) => AddCapture(group, _opens[group], position);

    /// <summary>Group <paramref name="group"/> of a lookbehind ends at <paramref name="position"/>, its left end: a capture up to where it started.</summary>
    public void CloseBack(int group, int position) => AddCapture(group, position, _opens[group]);

    /// <summary>
    /// The lookaround whose block is at <paramref name="block"/>, run here (a block too long to be
    /// written as C#): whether it holds at <paramref name="position"/>; a positive one that holds keeps
    /// its captures.
    /// </summary>
    /// <exception cref="RegexMatchTimeoutException">The match ran longer than its timeout.</exception>
    public bool Look(ReadOnlySpan<char> text, int block, bool negated, int position) => Look(text, block, behind: false, negated, position);

    /// <summary>Where the group starts and captures stand before a lookaround whose block has groups (see <see cref="EndLook"/>).</summary>
    public long MarkLook() => ((long)_undoCount << 32) | (uint)_captureCount;

    /// <summary>
    /// Ends a lookaround whose block has groups: a positive one that matched keeps what its block
    /// captured, any other drops it back to <paramref name="mark"/>. Returns whether the lookaround holds.
    /// </summary>
    public bool EndLook(long mark, bool matched, bool negated)
    {
        if (negated || !matched)
        {
            Undo((int)(mark >> 32));
            _captureCount = (int)mark;
        }

        return matched != negated;
    }

    /// <summary>Whether <paramref name="c"/> is in class <paramref name="set"/> of the program's table.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool InClass(int set, char c) => _classes[set].Contains(c);

    /// <summary>
    /// How many more chars, at most <paramref name="target"/>, the loop at <paramref name="pc"/> takes
    /// from <paramref name="position"/>, found by a vectorized search (a loop over one char or a class
    /// of listed chars); 0 for another class, whose caller steps on char by char.
    /// </summary>
    public int TakeRun(int pc, ReadOnlySpan<char> text, int position, int target, bool backward) => Take(_code, pc, text, position, target, backward);

    /// <summary>The <see cref="PatternOp.WordIn"/> at <paramref name="pc"/>: whether the run of word chars at <paramref name="position"/> is one of its words; if so, moves past it.</summary>
    public bool TakeWord(ReadOnlySpan<char> text, int pc, ref int position) => WordIn(text, ref pc, ref position);

    /// <summary>
    /// The <see cref="PatternOp.LiteralIn"/> at <paramref name="pc"/>: moves past the first of its
    /// literals (in the alternation's order) that the text holds at <paramref name="position"/>, and
    /// leaves frames for the others; false when there is none.
    /// </summary>
    public bool TakeLiteral(ReadOnlySpan<char> text, int pc, ref int position) => LiteralIn(text, ref pc, ref position);

    /// <summary>Whether <paramref name="position"/> is a word boundary as .NET's <c>\b</c> sees it.</summary>
    public static bool IsWordBoundary(ReadOnlySpan<char> text, int position) => IsBoundary(text, position);

    /// <summary>A lookaround: positive keeps the captures made inside, negative keeps none; the position does not move.</summary>
    private bool Look(ReadOnlySpan<char> text, int block, bool behind, bool negated, int position)
    {
        _ = behind; // the block was compiled to run leftwards; the direction is in its instructions
        if (Chars(text, _code, block, position) is bool chars)
        {
            // A look at a few chars ((?!\p{L}), (?<=\s), (?!ال)): tested here, without running a block; it captures nothing.
            return chars != negated;
        }

        int undoMark = _undoCount;
        int captureMark = _captureCount;
        bool matched = Run(text, block, position) >= 0;
        if (negated || !matched)
        {
            Undo(undoMark);
            _captureCount = captureMark;
        }

        return matched != negated;
    }

    /// <summary>
    /// Runs the block at <paramref name="pc"/> from <paramref name="position"/> while it is a run of
    /// one-char tests (chars and classes, either way), loops that need no backtracking (one that
    /// never gives back, or the block's last), anchors and word lists: true when the run ends in success, false as
    /// soon as a test fails (nothing before it could have gone another way), null at any other
    /// instruction (the caller runs the block).
    /// </summary>
    private bool? Chars(ReadOnlySpan<char> text, int[] code, int pc, int position)
    {
        while (true)
        {
            switch ((PatternOp)code[pc])
            {
                case PatternOp.Succeed:
                    return true;
                case PatternOp.Char:
                    if (position >= text.Length || text[position] != code[pc + 1])
                    {
                        return false;
                    }

                    position++;
                    break;
                case PatternOp.CharBack:
                    if (position <= 0 || text[position - 1] != code[pc + 1])
                    {
                        return false;
                    }

                    position--;
                    break;
                case PatternOp.Set:
                    if (position >= text.Length || !_classes[code[pc + 1]].Contains(text[position]))
                    {
                        return false;
                    }

                    position++;
                    break;
                case PatternOp.SetBack:
                    if (position <= 0 || !_classes[code[pc + 1]].Contains(text[position - 1]))
                    {
                        return false;
                    }

                    position--;
                    break;
                case PatternOp.Repeat when code[pc + 5] == 2 || (PatternOp)code[pc + 7] == PatternOp.Succeed:
                    // Taken whole: it never gives back, or nothing follows it in the block (any count
                    // from its least succeeds, the lookaround does not move).
                    bool backward = code[pc + 6] != 0;
                    int count = Count(code, pc, text, position, Limit(code, pc, text, position, backward), backward);
                    if (count < code[pc + 3])
                    {
                        return false;
                    }

                    position = backward ? position - count : position + count;
                    pc += 7;
                    continue;
                case PatternOp.Assert:
                    if (!Holds((AnchorKind)code[pc + 1], text, position))
                    {
                        return false;
                    }

                    break;
                case PatternOp.WordIn:
                    // One word of a list or none: it moves past the word, or fails.
                    if (!WordIn(text, ref pc, ref position))
                    {
                        return false;
                    }

                    continue;
                default:
                    return null;
            }

            pc += 2;
        }
    }

    /// <summary>A loop over one char: takes as many as it may (greedy) or as few (lazy) and leaves a frame to give back or take more.</summary>
    private bool Repeat(ReadOnlySpan<char> text, ref int pc, ref int position)
    {
        int[] code = _code;
        int min = code[pc + 3];
        int mode = code[pc + 5]; // 0 greedy, 1 lazy, 2 greedy and never giving back (the compiler proved it would not help)
        bool lazy = mode == 1;
        bool backward = code[pc + 6] != 0;
        int limit = Limit(code, pc, text, position, backward);
        int target = lazy ? Math.Min(min, limit) : limit;
        int count = Count(code, pc, text, position, target, backward);
        if (count < min)
        {
            return false;
        }

        int next = pc + 7;
        if (lazy)
        {
            if (count < limit)
            {
                PushFrame(LazyFrame, pc, position, count, limit);
            }
        }
        else if (count > min && mode == 0)
        {
            PushFrame(GreedyFrame, pc, position, count, min);
        }

        position = backward ? position - count : position + count;
        pc = next;
        return true;
    }

    /// <summary>The most chars the loop at <paramref name="pc"/> may take from <paramref name="position"/>: its bound, or what the text has.</summary>
    private static int Limit(int[] code, int pc, ReadOnlySpan<char> text, int position, bool backward)
    {
        int max = code[pc + 4];
        int limit = backward ? position : text.Length - position;
        return max >= 0 && max < limit ? max : limit;
    }

    /// <summary>
    /// How many chars, up to <paramref name="target"/>, the loop at <paramref name="pc"/> takes from
    /// <paramref name="position"/>. Most loops stop within a few chars (a space between words): those
    /// are stepped; a loop that runs on past them (blanked boilerplate, a quote) is taken with a
    /// vectorized search.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // the loop's hot path, as it was written inside Repeat
    private int Count(int[] code, int pc, ReadOnlySpan<char> text, int position, int target, bool backward)
    {
        int count = 0;
        int stepped = Math.Min(target, VectorizedTake);
        while (count < stepped && Accepts(code, pc, text[backward ? position - count - 1 : position + count]))
        {
            count++;
        }

        if (count == VectorizedTake && count < target)
        {
            count += Take(code, pc, text, backward ? position - count : position + count, target - count, backward);
        }

        while (count < target && Accepts(code, pc, text[backward ? position - count - 1 : position + count]))
        {
            count++;
        }

        return count;
    }

    /// <summary>Goes to the first alternative that can begin with the next char, leaving frames for the others, in order.</summary>
    private bool Dispatch(ReadOnlySpan<char> text, ref int pc, int position)
    {
        int[] code = _code;
        bool backward = code[pc + 1] != 0;
        int count = code[pc + 2];
        int keys = pc + 3;
        int list = code[keys + count + count]; // the default: alternatives whose first char is not known
        if (backward ? position > 0 : position < text.Length)
        {
            char c = text[backward ? position - 1 : position];
            int low = 0;
            int high = count - 1;
            while (low <= high)
            {
                int middle = low + ((high - low) >> 1);
                int key = code[keys + middle];
                if (key == c)
                {
                    list = code[keys + count + middle];
                    break;
                }

                if (key < c)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle - 1;
                }
            }
        }

        int entries = code[list];
        if (entries == 0)
        {
            return false;
        }

        for (int k = entries - 1; k >= 1; k--)
        {
            PushFrame(SplitFrame, code[list + 1 + k], position, 0, 0);
        }

        pc = code[list + 1];
        return true;
    }

    /// <summary>
    /// How many chars a loop over one char or a listed class (<see cref="CharClassSet.Listed"/>)
    /// takes, at most <paramref name="target"/>, found by a vectorized search for the first char it
    /// does not accept; 0 for another class (the caller then steps char by char).
    /// </summary>
    private int Take(int[] code, int pc, ReadOnlySpan<char> text, int position, int target, bool backward)
    {
        ReadOnlySpan<char> run = backward ? text.Slice(position - target, target) : text.Slice(position, target);
        int stop;
        if (code[pc + 1] == 0)
        {
            char c = (char)code[pc + 2];
            stop = backward ? run.LastIndexOfAnyExcept(c) : run.IndexOfAnyExcept(c);
        }
        else
        {
            CharClassSet set = _classes[code[pc + 2]];
            if (set.Listed is not { } listed)
            {
                return 0;
            }

            stop = (backward, set.IsNegated) switch
            {
                (false, false) => run.IndexOfAnyExcept(listed),
                (false, true) => run.IndexOfAny(listed),
                (true, false) => run.LastIndexOfAnyExcept(listed),
                (true, true) => run.LastIndexOfAny(listed),
            };
        }

        return stop < 0 ? target : backward ? target - stop - 1 : stop;
    }

    /// <summary>
    /// The count a greedy loop at <paramref name="pc"/> that took <paramref name="count"/> chars from
    /// <paramref name="start"/> goes back to: one less or, when a literal char must follow the loop
    /// (past group marks), the most that leaves that char next; below <paramref name="bound"/> when
    /// no count down to it does (the frame is spent).
    /// </summary>
    private static int GiveBack(int[] code, int pc, ReadOnlySpan<char> text, int start, int count, int bound, bool backward)
    {
        if (count - bound < 2 || NextLiteral(code, pc + 7, backward) is not int literal)
        {
            return count - 1;
        }

        // Forward, a count k leaves text[start + k] next; backward, text[start - k - 1].
        char c = (char)literal;
        if (!backward)
        {
            int at = text.Slice(start + bound, count - bound).LastIndexOf(c);
            return at < 0 ? bound - 1 : bound + at;
        }

        int from = text.Slice(start - count, count - bound).IndexOf(c);
        return from < 0 ? bound - 1 : count - from - 1;
    }

    /// <summary>The char a <see cref="PatternOp.Char"/> (leftwards, <see cref="PatternOp.CharBack"/>) at <paramref name="pc"/> tests, past group marks; null for any other instruction.</summary>
    private static int? NextLiteral(int[] code, int pc, bool backward)
    {
        while ((PatternOp)code[pc] is PatternOp.GroupOpen or PatternOp.GroupClose or PatternOp.GroupOpenBack or PatternOp.GroupCloseBack)
        {
            pc += 2;
        }

        return (PatternOp)code[pc] == (backward ? PatternOp.CharBack : PatternOp.Char) ? code[pc + 1] : null;
    }

    private bool Accepts(int[] code, int pc, char c)
        => code[pc + 1] == 0 ? c == code[pc + 2] : _classes[code[pc + 2]].Contains(c);

    /// <summary>Returns to the latest frame of this block; false when there is none (the block fails).</summary>
    private bool Backtrack(ReadOnlySpan<char> text, int baseFrame, ref int pc, ref int position)
    {
        int[] code = _code;
        while (_frameCount > baseFrame)
        {
            int at = (_frameCount - 1) * FrameSize;
            int kind = _frames[at];
            int framePc = _frames[at + 1];
            int start = _frames[at + 2];
            int count = _frames[at + 3];
            int bound = _frames[at + 4];
            Undo(_frames[at + 5]);
            _captureCount = _frames[at + 6];
            switch (kind)
            {
                case SplitFrame:
                    _frameCount--;
                    pc = framePc;
                    position = start;
                    return true;
                case GreedyFrame:
                    // Give chars back: one, or as many as it takes to stand before the literal that must follow.
                    bool back = code[framePc + 6] != 0;
                    count = GiveBack(code, framePc, text, start, count, bound, back);
                    if (count < bound)
                    {
                        _frameCount--;
                        continue;
                    }

                    if (count > bound)
                    {
                        _frames[at + 3] = count;
                    }
                    else
                    {
                        _frameCount--;
                    }

                    position = back ? start - count : start + count;
                    pc = framePc + 7;
                    return true;
                default:
                    // Lazy: take one char more, if the next one fits.
                    bool backward = code[framePc + 6] != 0;
                    int index = backward ? start - count - 1 : start + count;
                    _frameCount--;
                    if (count < bound && Accepts(code, framePc, text[index]))
                    {
                        count++;
                        if (count < bound)
                        {
                            PushFrame(LazyFrame, framePc, start, count, bound);
                        }

                        position = backward ? start - count : start + count;
                        pc = framePc + 7;
                        return true;
                    }

                    continue;
            }
        }

        return false;
    }

    private bool Holds(AnchorKind kind, ReadOnlySpan<char> text, int position) => kind switch
    {
        AnchorKind.Beginning or AnchorKind.Start => position == 0,
        AnchorKind.LineStart => position == 0 || text[position - 1] == '\n',
        AnchorKind.EndOrFinalNewline or AnchorKind.EndZ => position == text.Length || (position == text.Length - 1 && text[position] == '\n'),
        AnchorKind.LineEnd => position == text.Length || text[position] == '\n',
        AnchorKind.End => position == text.Length,
        AnchorKind.Contiguous => position == _start,
        AnchorKind.WordBoundary => IsBoundary(text, position),
        AnchorKind.NotWordBoundary => !IsBoundary(text, position),
        _ => throw new InvalidOperationException($"Unknown assertion {kind} in the pattern {_source}."),
    };

    /// <summary>A word boundary as .NET's <c>\b</c> sees it (word chars: letters, marks, digits, connectors, and the zero-width joiners).</summary>
    /// <summary>
    /// Whether the run of word chars at <paramref name="position"/> is one of the instruction's words
    /// (a binary search of them); if so, moves past it and to the next instruction.
    /// </summary>
    private bool WordIn(ReadOnlySpan<char> text, ref int pc, ref int position)
    {
        int[] code = _code;
        int count = code[pc + 1];
        int starts = pc + 2;
        int end = position;
        while (end < text.Length && CharClassSet.IsBoundaryWordChar(text[end]))
        {
            end++;
        }

        ReadOnlySpan<char> run = text[position..end];
        int low = 0;
        int high = count - 1;
        while (low <= high)
        {
            int middle = low + ((high - low) >> 1);
            int order = Compare(run, code.AsSpan(code[starts + middle], code[starts + middle + 1] - code[starts + middle]));
            if (order == 0)
            {
                position = end;
                pc = code[starts + count];
                return run.Length > 0;
            }

            if (order > 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return false;

        // Ordinal, as the generator sorted the words.
        static int Compare(ReadOnlySpan<char> run, ReadOnlySpan<int> word)
        {
            int length = Math.Min(run.Length, word.Length);
            for (int i = 0; i < length; i++)
            {
                if (run[i] != word[i])
                {
                    return run[i] - word[i];
                }
            }

            return run.Length - word.Length;
        }
    }

    /// <summary>
    /// The literals of the instruction that the text holds at <paramref name="position"/> (found
    /// together: the sorted literals that share the text's first d chars are narrowed to those whose
    /// next char is the text's next, one binary search per char), tried in the alternation's order:
    /// the first goes on at once, the others wait in frames. False when there is none.
    /// </summary>
    private bool LiteralIn(ReadOnlySpan<char> text, ref int pc, ref int position)
    {
        int[] code = _code;
        int flags = code[pc + 1];
        bool backward = (flags & 1) != 0;
        bool folded = (flags & 2) != 0;
        int count = code[pc + 2];
        int starts = pc + 3;
        int ranks = starts + count + 1;
        int available = backward ? position : text.Length - position;
        int low = 0;
        int high = count;
        int found = 0;
        for (int depth = 0; low < high; depth++)
        {
            // The literals in [low, high) all hold the text's first depth chars; sorted, the one that
            // ends here comes first.
            if (code[starts + low + 1] - code[starts + low] == depth)
            {
                if (found == _literalHits.Length)
                {
                    Array.Resize(ref _literalHits, found * 2);
                }

                _literalHits[found++] = ((long)code[ranks + low] << 32) | (uint)depth;
                low++;
                if (low == high)
                {
                    break;
                }
            }

            if (depth == available)
            {
                break;
            }

            char c = text[backward ? position - 1 - depth : position + depth];
            int key = folded ? LiteralFold(c) : c;
            int first = low;
            int last = high;
            while (first < last)
            {
                int middle = first + ((last - first) >> 1);
                if (code[code[starts + middle] + depth] < key)
                {
                    first = middle + 1;
                }
                else
                {
                    last = middle;
                }
            }

            int end = first;
            last = high;
            while (end < last)
            {
                int middle = end + ((last - end) >> 1);
                if (code[code[starts + middle] + depth] <= key)
                {
                    end = middle + 1;
                }
                else
                {
                    last = middle;
                }
            }

            low = first;
            high = end;
        }

        if (found == 0)
        {
            return false;
        }

        // In the alternation's order (a rank in the high half): the first goes on, the rest wait, the second on top.
        Span<long> hits = _literalHits.AsSpan(0, found);
        if (found > 1)
        {
            hits.Sort();
        }
        int next = code[starts + count];
        for (int k = found - 1; k >= 1; k--)
        {
            int length = (int)(uint)hits[k];
            PushFrame(SplitFrame, next, backward ? position - length : position + length, 0, 0);
        }

        int taken = (int)(uint)hits[0];
        position = backward ? position - taken : position + taken;
        pc = next;
        return true;
    }

    /// <summary>How <see cref="PatternOp.LiteralIn"/> compares chars under case folding (the generator folds its literals the same way): ASCII letters to lower case, the Kelvin sign to k.</summary>
    internal static char LiteralFold(char c) => c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c == '\u212A' ? 'k' : c;

    private static bool IsBoundary(ReadOnlySpan<char> text, int position)
        => (position > 0 && CharClassSet.IsBoundaryWordChar(text[position - 1])) != (position < text.Length && CharClassSet.IsBoundaryWordChar(text[position]));

    private void PushFrame(int kind, int pc, int position, int count, int bound)
    {
        int at = _frameCount * FrameSize;
        if (at + FrameSize > _frames.Length)
        {
            Array.Resize(ref _frames, _frames.Length * 2);
        }

        _frames[at] = kind;
        _frames[at + 1] = pc;
        _frames[at + 2] = position;
        _frames[at + 3] = count;
        _frames[at + 4] = bound;
        _frames[at + 5] = _undoCount;
        _frames[at + 6] = _captureCount;
        _frameCount++;
    }

    private void SetOpen(int group, int position)
    {
        if (_undoCount + 2 > _undo.Length)
        {
            Array.Resize(ref _undo, _undo.Length * 2);
        }

        _undo[_undoCount++] = group;
        _undo[_undoCount++] = _opens[group];
        _opens[group] = position;
    }

    private void Undo(int mark)
    {
        while (_undoCount > mark)
        {
            int old = _undo[--_undoCount];
            int group = _undo[--_undoCount];
            _opens[group] = old;
        }
    }

    private void AddCapture(int group, int start, int end)
    {
        if (_captureCount + 3 > _captures.Length)
        {
            Array.Resize(ref _captures, _captures.Length * 2);
        }

        _captures[_captureCount++] = group;
        _captures[_captureCount++] = start;
        _captures[_captureCount++] = end;
    }

    /// <summary>
    /// Every <see cref="StepsPerClockCheck"/> steps: the first time, the deadline is set from now
    /// (the steps before it take microseconds); after that, a match past it throws.
    /// </summary>
    private void CheckClock(ReadOnlySpan<char> text)
    {
        _steps = 0;
        if (_timeout == System.Threading.Timeout.InfiniteTimeSpan)
        {
            return;
        }

        long now = Environment.TickCount64;
        if (_deadline == 0)
        {
            _deadline = now + (long)_timeout.TotalMilliseconds;
        }
        else if (now > _deadline)
        {
            throw new RegexMatchTimeoutException(text.ToString(), _source, _timeout);
        }
    }
}
