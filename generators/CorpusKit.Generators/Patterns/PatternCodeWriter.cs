using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace CorpusKit.Generators.Patterns;

/// <summary>
/// Writes a pattern's program (<see cref="PatternCompiler"/>) as C#, the way .NET's regex compiler
/// once turned its interpreter's codes into IL: each instruction becomes the statements that do its
/// step, with its operands as constants and its char classes as expressions, control goes by
/// <c>goto</c>, and a failure returns to the latest backtracking frame and jumps to where that frame
/// goes on. The runtime's <c>PatternMachine</c> keeps the frames, group starts and captures, so a
/// frame left by this code is the one the machine would have left, and what a loop gives back or a
/// literal look-up tries next is still worked out from the program. Each lookaround's block is a
/// method of its own, atomic as in the machine.
/// </summary>
/// <remarks>
/// Nothing of the pattern is decoded at run time: the interpreter's switch over instructions, its
/// reads of operands and its class table fall away, and what is left are the compares and loops a
/// hand-written matcher would do. The matches are the machine's, instruction for instruction.
/// </remarks>
internal sealed class PatternCodeWriter
{
    private const string Machine = "global::CorpusKit.CompilerServices.PatternMachine";

    /// <summary>The chars a loop steps through before it asks the machine for a vectorized search (the machine's <c>VectorizedTake</c>).</summary>
    private const int VectorizedTake = 8;

    /// <summary>The most ranges a class may have to be written as an expression rather than asked of the machine's table.</summary>
    private const int MaxInlineRanges = 12;

    private readonly string _name;
    private readonly int[] _code;
    private readonly List<CharClass> _classes;
    private readonly Dictionary<int, string> _blocks = [];
    private readonly SortedSet<int> _usedClasses = [];
    private readonly Dictionary<int, (List<int> Instructions, bool Fails, SortedSet<int> Resumes)> _analyses = [];
    private readonly Dictionary<int, List<(List<char> Keys, List<int> Entries)>> _dispatches = [];

    private PatternCodeWriter(string name, PatternProgramSpec program)
    {
        _name = name;
        _code = program.Code.ToArray();
        _classes = PatternCompiler.ReadClasses(program.Classes.ToArray());
    }

    /// <summary>
    /// The most instructions a block may have to be written as C#. A longer one (a lexicon spelled
    /// out as alternatives of patterns) runs on the machine: written out, its labels and jumps cost
    /// every build of the project more than the code saves. Flow analyses, the trimming analyzer's
    /// among them, slow down with the size of a method of jumps: with blocks of up to 120
    /// instructions written, NewsDesk's build after a schema edit took 9 to 10 s instead of 6.7,
    /// with 110 (one more pattern, of some 90 instructions, written) 8.7 to 9, with 60 it takes 7.1
    /// to 7.3, and a pass over the seeds is as fast with 60 as with 120.
    /// </summary>
    internal const int MaxBlockInstructions = 60;

    /// <summary>Whether <paramref name="program"/> is written as C#: its main block is not too long (see <see cref="MaxBlockInstructions"/>).</summary>
    public static bool IsWritten(PatternProgramSpec program) => MainInstructions(program) <= MaxBlockInstructions;

    /// <summary>How many instructions the main block of <paramref name="program"/> has (those its control can reach).</summary>
    internal static int MainInstructions(PatternProgramSpec program) => new PatternCodeWriter(string.Empty, program).Analyze(0).Instructions.Count;

    /// <summary>The name of the method that matches the whole program, for <paramref name="name"/>.</summary>
    public static string MethodName(string name) => name + "_Code";

    /// <summary>
    /// Writes the methods of <paramref name="program"/>: <see cref="MethodName"/>, one per
    /// lookaround block, and one per char class that is an expression.
    /// </summary>
    public static void Write(SourceWriter w, string name, string what, PatternProgramSpec program)
    {
        var writer = new PatternCodeWriter(name, program);
        var pending = new Queue<int>();
        pending.Enqueue(0);
        writer._blocks[0] = MethodName(name);
        bool first = true;
        while (pending.Count > 0)
        {
            int entry = pending.Dequeue();
            if (!first)
            {
                w.Line();
            }

            writer.WriteBlock(w, entry, entry == 0 ? what : null, pending);
            first = false;
        }

        foreach (int set in writer._usedClasses)
        {
            w.Line();
            writer.WriteClass(w, set);
        }
    }

    /// <summary>Writes the method of the block at <paramref name="entry"/>; the blocks of its lookarounds are queued on <paramref name="pending"/>.</summary>
    private void WriteBlock(SourceWriter w, int entry, string? what, Queue<int> pending)
    {
        (List<int> instructions, bool fails, SortedSet<int> resumes) = Analyze(entry);
        bool frames = resumes.Count > 0;

        // A label goes where a jump lands: an instruction reached other than by falling through to
        // it, or where a frame resumes when the block can fail.
        var labels = new HashSet<int>();
        for (int i = 0; i < instructions.Count; i++)
        {
            int? next = i + 1 < instructions.Count ? instructions[i + 1] : null;
            bool dispatch = (PatternOp)_code[instructions[i]] == PatternOp.Dispatch;
            labels.UnionWith(Successors(instructions[i]).Where(target => dispatch || target != next));
        }

        if (fails)
        {
            labels.UnionWith(resumes);
        }

        // The body is written two steps in (its labels one), as lines are wrapped at that depth.
        var body = new SourceWriter();
        body.Indent();
        body.Indent();
        for (int i = 0; i < instructions.Count; i++)
        {
            int pc = instructions[i];
            int? next = i + 1 < instructions.Count ? instructions[i + 1] : null;
            WriteInstruction(body, pc, next, labels.Contains(pc), frames, pending);
        }

        string method = _blocks[entry];
        if (what is not null)
        {
            w.Line($"/// <summary>{Capitalized(what)}, as C#: matches at <paramref name=\"position\"/> and returns the end of the match, or -1.</summary>");
        }
        else
        {
            w.Line($"/// <summary>The block of a lookaround of {SourceWriter.Xml(_name)} (instruction {entry.ToString(CultureInfo.InvariantCulture)} on): whether it matches at <paramref name=\"position\"/> (its end, or -1). Atomic: its frames are dropped when it ends.</summary>");
        }

        w.Line($"private static int {method}({Machine} machine, global::System.ReadOnlySpan<char> text, int position)");
        w.OpenBrace();

        // The method's locals, declared once: flow analyses (the compiler's, the trimming analyzer's)
        // then track a handful of variables however many loops the block has.
        bool loops = instructions.Any(pc => (PatternOp)_code[pc] == PatternOp.Repeat);
        if (frames)
        {
            w.Line("int baseFrame = machine.FrameCount;");
        }

        if (frames && fails)
        {
            w.Line("int pc = 0;");
        }

        if (loops)
        {
            w.Line("int limit;");
            w.Line("int count;");
        }

        if (frames || loops)
        {
            w.Line();
        }

        // The body, two steps out (its labels a step left of its statements), without the blank line
        // an instruction ends with where the method ends or another blank line follows.
        string[] lines = body.ToString().TrimEnd('\n').Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            if (line.Length == 0)
            {
                if (i + 1 < lines.Length && lines[i + 1].Length > 0)
                {
                    w.Line();
                }
            }
            else if (!line.StartsWith(StatementIndent, StringComparison.Ordinal))
            {
                // A label, a step left of the statements.
                w.Unindent();
                w.Line(line.Trim());
                w.Indent();
            }
            else
            {
                w.LineAsIs(line.Substring(StatementIndent.Length));
            }
        }

        if (!fails)
        {
            w.CloseBrace();
            return;
        }

        w.Line();
        w.Unindent();
        w.Line("Fail:");
        w.Indent();
        if (!frames)
        {
            w.Line("return -1;");
            w.CloseBrace();
            return;
        }

        w.Line("""
            if (!machine.Fail(text, baseFrame, ref pc, ref position))
            {
                return -1;
            }

            """);
        if (resumes.Count == 1)
        {
            // One place a frame resumes: no need to ask which.
            w.Line($"goto L{resumes.Min.ToString(CultureInfo.InvariantCulture)};");
            w.CloseBrace();
            return;
        }

        w.Line("switch (pc)");
        w.OpenBrace();
        int last = resumes.Max;
        foreach (int resume in resumes)
        {
            string label = "L" + resume.ToString(CultureInfo.InvariantCulture);
            w.Line(resume == last ? $"default: goto {label};" : $"case {resume.ToString(CultureInfo.InvariantCulture)}: goto {label};");
        }

        w.CloseBrace();
        w.CloseBrace();
    }

    /// <summary>Where a block's statements start in its body as written (two steps in).</summary>
    private const string StatementIndent = "        ";

    /// <summary>The instructions of the block at <paramref name="entry"/>, in program order: those its control can reach.</summary>
    private List<int> Reachable(int entry) => Analyze(entry).Instructions;

    /// <summary>
    /// What control can reach in the block at <paramref name="entry"/>, as the C# compiler will see
    /// it: instructions reached directly, and, once one of them can fail, the instructions where the
    /// frames they leave resume (an alternative after a split, a loop's next step). Code reached only
    /// by a frame that no failure can pop is left out, so no statement of the method is unreachable.
    /// </summary>
    private (List<int> Instructions, bool Fails, SortedSet<int> Resumes) Analyze(int entry)
    {
        if (!_analyses.TryGetValue(entry, out (List<int> Instructions, bool Fails, SortedSet<int> Resumes) analysis))
        {
            analysis = AnalyzeBlock(entry);
            _analyses[entry] = analysis;
        }

        return analysis;
    }

    private (List<int> Instructions, bool Fails, SortedSet<int> Resumes) AnalyzeBlock(int entry)
    {
        var seen = new HashSet<int>();
        var resumes = new SortedSet<int>();
        var stack = new Stack<int>();
        bool fails = false;
        stack.Push(entry);
        while (stack.Count > 0)
        {
            int pc = stack.Pop();
            if (!seen.Add(pc))
            {
                continue;
            }

            foreach (int successor in Successors(pc))
            {
                stack.Push(successor);
            }

            foreach (int resume in Resumptions(pc))
            {
                if (resumes.Add(resume) && fails)
                {
                    stack.Push(resume);
                }
            }

            if (!fails && CanFail(pc))
            {
                fails = true;
                foreach (int resume in resumes)
                {
                    stack.Push(resume);
                }
            }
        }

        return ([.. seen.OrderBy(pc => pc)], fails, resumes);
    }

    /// <summary>Where control goes on directly after the instruction at <paramref name="pc"/> (not by a frame).</summary>
    private IEnumerable<int> Successors(int pc)
    {
        switch ((PatternOp)_code[pc])
        {
            case PatternOp.Succeed:
                return [];
            case PatternOp.Split:
            case PatternOp.Jump:
                return [_code[pc + 1]];
            case PatternOp.Dispatch:
                return DispatchLists(pc).Where(list => list.Entries.Count > 0).Select(list => list.Entries[0]);
            case PatternOp.WordIn:
                return [_code[pc + 2 + _code[pc + 1]]];
            case PatternOp.LiteralIn:
                return [End(pc)];
            default:
                return [pc + Length(pc)];
        }
    }

    /// <summary>Where the frames the instruction at <paramref name="pc"/> may leave resume.</summary>
    private IEnumerable<int> Resumptions(int pc)
    {
        switch ((PatternOp)_code[pc])
        {
            case PatternOp.Split:
                return [_code[pc + 2]];
            case PatternOp.Dispatch:
                return DispatchLists(pc).SelectMany(list => list.Entries.Skip(1));
            case PatternOp.LiteralIn:
                return [End(pc)];
            case PatternOp.Repeat when _code[pc + 5] == 1 || (_code[pc + 5] == 0 && _code[pc + 4] != _code[pc + 3]):
                return [pc + 7];
            default:
                return [];
        }
    }

    /// <summary>Whether the instruction at <paramref name="pc"/> can fail (its code holds a <c>goto Fail</c>).</summary>
    private bool CanFail(int pc) => (PatternOp)_code[pc] switch
    {
        PatternOp.Char or PatternOp.CharBack or PatternOp.Set or PatternOp.SetBack or PatternOp.Assert or PatternOp.Look
            or PatternOp.WordIn or PatternOp.LiteralIn => true,
        PatternOp.Repeat => _code[pc + 3] > 0,
        PatternOp.Dispatch => DispatchLists(pc).Any(list => list.Entries.Count == 0),
        _ => false,
    };

    /// <summary>Where the instruction after the <c>LiteralIn</c> at <paramref name="pc"/> begins.</summary>
    private int End(int pc) => _code[pc + 3 + _code[pc + 2]];

    /// <summary>The length of an instruction whose operands are all inline.</summary>
    private int Length(int pc) => (PatternOp)_code[pc] switch
    {
        PatternOp.Succeed => 1,
        PatternOp.Split => 3,
        PatternOp.Look => 4,
        PatternOp.Repeat => 7,
        PatternOp.Dispatch or PatternOp.WordIn or PatternOp.LiteralIn => throw new InvalidOperationException("An instruction with a table has no fixed length."),
        _ => 2,
    };

    /// <summary>The lists of a dispatch: the chars that choose each (none for the default) and its entry points, in order.</summary>
    private List<(List<char> Keys, List<int> Entries)> DispatchLists(int pc)
    {
        if (!_dispatches.TryGetValue(pc, out List<(List<char> Keys, List<int> Entries)>? lists))
        {
            lists = ReadDispatch(pc);
            _dispatches[pc] = lists;
        }

        return lists;
    }

    private List<(List<char> Keys, List<int> Entries)> ReadDispatch(int pc)
    {
        int count = _code[pc + 2];
        int keys = pc + 3;
        var lists = new List<(List<char> Keys, List<int> Entries)>();
        var byEntries = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int k = 0; k <= count; k++)
        {
            int start = _code[keys + count + k];
            var entries = Enumerable.Range(0, _code[start]).Select(e => _code[start + 1 + e]).ToList();
            if (k < count)
            {
                // Keys with the same alternatives share one list of statements.
                string key = string.Join(",", entries);
                if (byEntries.TryGetValue(key, out int existing))
                {
                    lists[existing].Keys.Add((char)_code[keys + k]);
                    continue;
                }

                byEntries[key] = lists.Count;
                lists.Add(([(char)_code[keys + k]], entries));
            }
            else
            {
                lists.Add(([], entries));
            }
        }

        return lists;
    }

    private void WriteInstruction(SourceWriter w, int pc, int? next, bool labeled, bool frames, Queue<int> pending)
    {
        string at = pc.ToString(CultureInfo.InvariantCulture);
        if (labeled)
        {
            w.Unindent();
            w.Line("L" + at + ":");
            w.Indent();
        }

        switch ((PatternOp)_code[pc])
        {
            case PatternOp.Succeed:
                w.Line(frames ? "return machine.Succeed(baseFrame, position);" : "return position;");
                return;
            case PatternOp.Char:
                w.Line($"// {CharComment((char)_code[pc + 1])}");
                Test(w, forward: true, $"text[position] != {CharLiteral((char)_code[pc + 1])}");
                break;
            case PatternOp.CharBack:
                w.Line($"// {CharComment((char)_code[pc + 1])}, leftwards");
                Test(w, forward: false, $"text[position - 1] != {CharLiteral((char)_code[pc + 1])}");
                break;
            case PatternOp.Set:
                w.Line($"// {SourceWriter.CommentText(ClassText.Describe(_classes[_code[pc + 1]]))}");
                Test(w, forward: true, "!" + ClassTest(_code[pc + 1], "text[position]"));
                break;
            case PatternOp.SetBack:
                w.Line($"// {SourceWriter.CommentText(ClassText.Describe(_classes[_code[pc + 1]]))}, leftwards");
                Test(w, forward: false, "!" + ClassTest(_code[pc + 1], "text[position - 1]"));
                break;
            case PatternOp.Split:
                w.Line($"// either way: on failure, instruction {_code[pc + 2].ToString(CultureInfo.InvariantCulture)} from here");
                w.Line($"machine.PushSplit({_code[pc + 2].ToString(CultureInfo.InvariantCulture)}, position);");
                w.Line();
                GoOn(w, _code[pc + 1], next);
                return;
            case PatternOp.Jump:
                if (_code[pc + 1] <= pc)
                {
                    w.Line("machine.Tick(text);");
                }

                GoOn(w, _code[pc + 1], next);
                return;
            case PatternOp.GroupOpen:
            case PatternOp.GroupOpenBack:
                w.Line($"machine.Open({_code[pc + 1].ToString(CultureInfo.InvariantCulture)}, position);");
                break;
            case PatternOp.GroupClose:
                w.Line($"machine.Close({_code[pc + 1].ToString(CultureInfo.InvariantCulture)}, position);");
                break;
            case PatternOp.GroupCloseBack:
                w.Line($"machine.CloseBack({_code[pc + 1].ToString(CultureInfo.InvariantCulture)}, position);");
                break;
            case PatternOp.Assert:
                WriteAssert(w, (AnchorKind)_code[pc + 1]);
                break;
            case PatternOp.Look:
                WriteLook(w, pc, pending);
                break;
            case PatternOp.Repeat:
                WriteRepeat(w, pc);
                break;
            case PatternOp.Dispatch:
                WriteDispatch(w, pc);
                return;
            case PatternOp.WordIn:
                w.Line($"// one of {_code[pc + 1].ToString(CultureInfo.InvariantCulture)} words, whole");
                w.Line($$"""
                    if (!machine.TakeWord(text, {{at}}, ref position))
                    {
                        goto Fail;
                    }
                    """);
                w.Line();
                GoOn(w, _code[pc + 2 + _code[pc + 1]], next);
                return;
            case PatternOp.LiteralIn:
                int end = _code[pc + 3 + _code[pc + 2]];
                w.Line($"// one of {_code[pc + 2].ToString(CultureInfo.InvariantCulture)} literals{((_code[pc + 1] & 1) != 0 ? ", leftwards" : string.Empty)}: the first the text holds goes on, the others wait in frames");
                w.Line($$"""
                    if (!machine.TakeLiteral(text, {{at}}, ref position))
                    {
                        goto Fail;
                    }
                    """);
                w.Line();
                GoOn(w, end, next);
                return;
            default:
                throw new InvalidOperationException($"Unknown instruction {_code[pc]} at {pc}.");
        }

        w.Line();
        GoOn(w, pc + Length(pc), next);
    }

    /// <summary>Goes on at <paramref name="target"/>: falls through when it is the next instruction written.</summary>
    private static void GoOn(SourceWriter w, int target, int? next)
    {
        if (target == next)
        {
            return;
        }

        w.Line($"goto L{target.ToString(CultureInfo.InvariantCulture)};");
        w.Line();
    }

    /// <summary>A one-char step: fails at the text's end (its start, leftwards) or when <paramref name="mismatch"/> holds; else moves.</summary>
    private static void Test(SourceWriter w, bool forward, string mismatch)
    {
        string bound = forward ? "(uint)position >= (uint)text.Length" : "position == 0";
        w.Line($$"""
            if ({{bound}} || {{mismatch}})
            {
                goto Fail;
            }

            {{(forward ? "position++;" : "position--;")}}
            """);
    }

    private static void WriteAssert(SourceWriter w, AnchorKind kind)
    {
        (string comment, string fails) = kind switch
        {
            AnchorKind.Beginning or AnchorKind.Start => ("the start of the text", "position != 0"),
            AnchorKind.LineStart => ("the start of a line", "position != 0 && text[position - 1] != '\\n'"),
            AnchorKind.EndOrFinalNewline or AnchorKind.EndZ => ("the end of the text, or before its final \\n", "position != text.Length && (position != text.Length - 1 || text[position] != '\\n')"),
            AnchorKind.LineEnd => ("the end of a line", "position != text.Length && text[position] != '\\n'"),
            AnchorKind.End => ("the end of the text", "position != text.Length"),
            AnchorKind.Contiguous => ("where the match began (\\G)", "position != machine.Start"),
            AnchorKind.WordBoundary => ("a word boundary", $"!{Machine}.IsWordBoundary(text, position)"),
            AnchorKind.NotWordBoundary => ("not a word boundary", $"{Machine}.IsWordBoundary(text, position)"),
            _ => throw new InvalidOperationException($"Unknown assertion {kind}."),
        };
        w.Line($$"""
            // {{comment}}
            if ({{fails}})
            {
                goto Fail;
            }
            """);
    }

    private void WriteLook(SourceWriter w, int pc, Queue<int> pending)
    {
        int block = _code[pc + 1];
        bool behind = _code[pc + 2] != 0;
        bool negated = _code[pc + 3] != 0;
        w.Line($"// {(behind ? (negated ? "(?<!…)" : "(?<=…)") : negated ? "(?!…)" : "(?=…)")}");
        if (Analyze(block).Instructions.Count > MaxBlockInstructions)
        {
            // A long block runs on the machine, which keeps or drops its captures itself.
            w.Line($$"""
                if (!machine.Look(text, {{block.ToString(CultureInfo.InvariantCulture)}}, negated: {{(negated ? "true" : "false")}}, position))
                {
                    goto Fail;
                }
                """);
            return;
        }

        if (!_blocks.TryGetValue(block, out string? method))
        {
            method = _name + "_Look" + _blocks.Count.ToString(CultureInfo.InvariantCulture);
            _blocks[block] = method;
            pending.Enqueue(block);
        }

        if (!Captures(block, []))
        {
            w.Line($$"""
                if ({{method}}(machine, text, position) {{(negated ? ">=" : "<")}} 0)
                {
                    goto Fail;
                }
                """);
            return;
        }

        // Its block captures: a positive lookaround that holds keeps them, any other drops them back
        // to the mark taken before the block runs (C# evaluates arguments left to right).
        w.Line($$"""
            if (!machine.EndLook(machine.MarkLook(), {{method}}(machine, text, position) >= 0, negated: {{(negated ? "true" : "false")}}))
            {
                goto Fail;
            }
            """);
    }

    /// <summary>Whether the block at <paramref name="entry"/>, or a lookaround's inside it, opens a group.</summary>
    private bool Captures(int entry, HashSet<int> visited)
    {
        if (!visited.Add(entry))
        {
            return false;
        }

        foreach (int pc in Reachable(entry))
        {
            switch ((PatternOp)_code[pc])
            {
                case PatternOp.GroupOpen or PatternOp.GroupOpenBack:
                    return true;
                case PatternOp.Look when Captures(_code[pc + 1], visited):
                    return true;
            }
        }

        return false;
    }

    /// <summary>A loop over one char, as the machine's <c>Repeat</c> runs it.</summary>
    private void WriteRepeat(SourceWriter w, int pc)
    {
        bool isClass = _code[pc + 1] != 0;
        int operand = _code[pc + 2];
        int min = _code[pc + 3];
        int max = _code[pc + 4];
        int mode = _code[pc + 5];
        bool backward = _code[pc + 6] != 0;
        string at = pc.ToString(CultureInfo.InvariantCulture);
        string minText = min.ToString(CultureInfo.InvariantCulture);
        string what = isClass ? ClassText.Describe(_classes[operand]) : CharComment((char)operand);
        string bounds = max < 0 ? $"{{{minText},}}" : max == min ? $"{{{minText}}}" : $"{{{minText},{max.ToString(CultureInfo.InvariantCulture)}}}";
        string kind = mode switch { 1 => ", lazy", 2 => ", never giving back", _ => string.Empty };
        w.Line($"// {SourceWriter.CommentText(what)}{bounds}{kind}{(backward ? ", leftwards" : string.Empty)}");
        string next = backward ? "text[position - count - 1]" : "text[position + count]";
        string accepts = isClass ? ClassTest(operand, next) : $"{next} == {CharLiteral((char)operand)}";
        w.Line($"limit = {(backward ? "position" : "text.Length - position")};");
        if (max >= 0)
        {
            string maxText = max.ToString(CultureInfo.InvariantCulture);
            w.Line($$"""
                if (limit > {{maxText}})
                {
                    limit = {{maxText}};
                }

                """);
        }

        w.Line("count = 0;");
        if (mode == 1)
        {
            // Lazy: as few as it may, then a frame to take more.
            if (min > 0)
            {
                w.Line($$"""
                    while (count < {{minText}} && count < limit && {{accepts}})
                    {
                        count++;
                    }

                    if (count < {{minText}})
                    {
                        goto Fail;
                    }

                    """);
            }

            w.Line($$"""
                if (count < limit)
                {
                    machine.PushLazy({{at}}, position, count, limit);
                }
                """);
        }
        else
        {
            // Greedy: stepped through its first chars, then searched (vectorized) when the class allows it.
            string take = backward
                ? $"count += machine.TakeRun({at}, text, position - count, limit - count, backward: true);"
                : $"count += machine.TakeRun({at}, text, position + count, limit - count, backward: false);";
            if (max < 0 || max > VectorizedTake)
            {
                if (isClass && !ClassText.IsListed(_classes[operand]))
                {
                    w.Line($$"""
                        while (count < limit && {{accepts}})
                        {
                            count++;
                        }
                        """);
                }
                else
                {
                    w.Line($$"""
                        while (count < limit && {{accepts}})
                        {
                            if (++count == {{VectorizedTake.ToString(CultureInfo.InvariantCulture)}})
                            {
                                {{take}}
                            }
                        }
                        """);
                }
            }
            else
            {
                w.Line($$"""
                    while (count < limit && {{accepts}})
                    {
                        count++;
                    }
                    """);
            }

            if (min > 0)
            {
                w.Line();
                w.Line($$"""
                    if (count < {{minText}})
                    {
                        goto Fail;
                    }
                    """);
            }

            if (mode == 0 && max != min)
            {
                w.Line();
                w.Line($$"""
                    if (count > {{minText}})
                    {
                        machine.PushGreedy({{at}}, position, count, {{minText}});
                    }
                    """);
            }
        }

        w.Line();
        w.Line(backward ? "position -= count;" : "position += count;");
    }


    /// <summary>Alternatives chosen by the next char (the one before, leftwards): the first that can begin with it goes on, the others wait in frames.</summary>
    private void WriteDispatch(SourceWriter w, int pc)
    {
        bool backward = _code[pc + 1] != 0;
        List<(List<char> Keys, List<int> Entries)> lists = DispatchLists(pc);
        w.Line($"// alternatives chosen by the {(backward ? "char before" : "next char")}");
        w.Line(backward
            ? "switch (position > 0 ? text[position - 1] : -1)"
            : "switch ((uint)position < (uint)text.Length ? text[position] : -1)");
        w.OpenBrace();
        foreach ((List<char> keys, List<int> entries) in lists.Where(l => l.Keys.Count > 0).Append(lists.Last(l => l.Keys.Count == 0)))
        {
            if (keys.Count == 0)
            {
                w.Line("default:");
            }

            foreach (char key in keys)
            {
                w.Line($"case {CharLiteral(key)}:");
            }

            w.Indent();
            if (entries.Count == 0)
            {
                w.Line("goto Fail;");
            }
            else
            {
                for (int k = entries.Count - 1; k >= 1; k--)
                {
                    w.Line($"machine.PushSplit({entries[k].ToString(CultureInfo.InvariantCulture)}, position);");
                }

                w.Line($"goto L{entries[0].ToString(CultureInfo.InvariantCulture)};");
            }

            w.Unindent();
        }

        w.CloseBrace();
        w.Line();
    }

    /// <summary>The test of class <paramref name="set"/> on the char <paramref name="c"/>: its method, or the machine's table.</summary>
    private string ClassTest(int set, string c)
    {
        if (ClassText.Expression(_classes[set], "c") is null)
        {
            return $"machine.InClass({set.ToString(CultureInfo.InvariantCulture)}, {c})";
        }

        _usedClasses.Add(set);
        return $"{ClassMethod(set)}({c})";
    }

    private string ClassMethod(int set) => _name + "_Class" + set.ToString(CultureInfo.InvariantCulture);

    private void WriteClass(SourceWriter w, int set)
    {
        w.Line($$"""
            /// <summary>Whether a char is in {{SourceWriter.Xml(SourceWriter.CommentText(ClassText.Describe(_classes[set])))}}.</summary>
            [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
            private static bool {{ClassMethod(set)}}(char c) => {{ClassText.Expression(_classes[set], "c")}};
            """);
    }

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);

    /// <summary>A C# char literal, readable as <see cref="SourceWriter.Literal"/> keeps strings.</summary>
    internal static string CharLiteral(char c)
    {
        string inner = SourceWriter.Literal(c.ToString());
        inner = inner.Substring(1, inner.Length - 2);
        return inner switch
        {
            "\\\"" => "'\"'",
            "'" => "'\\''",
            _ => "'" + inner + "'",
        };
    }

    private static string CharComment(char c) => SourceWriter.CommentText(c switch
    {
        '\n' => "\\n",
        ' ' => "' '",
        _ => c.ToString(),
    });

    /// <summary>
    /// What the writer tests and says of a program's classes, read back from its table
    /// (<see cref="PatternCompiler.ReadClasses"/>): ranges sorted and joined where they touch (a
    /// letter's case variants listed one by one), the same chars either way.
    /// </summary>
    private static class ClassText
    {
        /// <summary>The runtime's largest listed class (its <c>CharClassSet.MaxListedChars</c>).</summary>
        private const int MaxListedChars = 256;

        /// <summary>How many chars <c>\s</c> adds to a listed class (the runtime's <c>CharClassSet.WhiteSpace</c>).</summary>
        private const int WhiteSpaceChars = 25;

        private static readonly string[] s_categoryNames =
        [
            "Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me", "Nd", "Nl", "No", "Zs", "Zl", "Zp", "Cc", "Cf",
            "Cs", "Co", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Sm", "Sc", "Sk", "So", "Cn",
        ];

        /// <summary>Whether the runtime searches a loop over the class vectorized (its <c>CharClassSet.Listed</c>; a char listed twice counts twice there too).</summary>
        public static bool IsListed(CharClass set)
            => set.Categories == 0 && set.NegatedCategories.Count == 0 && !set.NotSpace && set.Subtraction is null && (set.Ranges.Count > 0 || set.Space)
                && (set.Space ? WhiteSpaceChars : 0) + set.RangeCount <= MaxListedChars;

        /// <summary>The class's test on <paramref name="c"/> as a C# expression, or null when the machine's table answers it (categories, a subtraction, many ranges).</summary>
        public static string? Expression(CharClass set, string c)
        {
            List<(char First, char Last)> ranges = Merged(set.Ranges);
            if (set.Categories != 0 || set.NegatedCategories.Count > 0 || set.Subtraction is not null || ranges.Count > MaxInlineRanges
                || (ranges.Count == 0 && !set.Space && !set.NotSpace))
            {
                return null;
            }

            if ((set.NotSpace && set.Space) || (ranges.Count == 1 && ranges[0] == (char.MinValue, char.MaxValue)))
            {
                // Every char ([\s\S], (?s:.)): a test that always holds, or never.
                return set.Negated ? "false" : "true";
            }

            var parts = new List<string>();
            if (ranges.Count > 0)
            {
                parts.Add(c + " is " + string.Join(" or ", ranges.Select(r => r.First == r.Last ? CharLiteral(r.First) : $"(>= {CharLiteral(r.First)} and <= {CharLiteral(r.Last)})")));
            }

            if (set.Space)
            {
                parts.Add($"char.IsWhiteSpace({c})");
            }

            if (set.NotSpace)
            {
                parts.Add($"!char.IsWhiteSpace({c})");
            }

            string inside = string.Join(" || ", parts);
            return set.Negated ? $"!({inside})" : inside;
        }

        /// <summary>The class in the regex notation, for comments.</summary>
        public static string Describe(CharClass set)
        {
            var text = new System.Text.StringBuilder("[");
            if (set.Negated)
            {
                text.Append('^');
            }

            foreach ((char first, char last) in Merged(set.Ranges))
            {
                text.Append(Shown(first));
                if (last != first)
                {
                    text.Append('-').Append(Shown(last));
                }
            }

            for (int i = 0; i < s_categoryNames.Length; i++)
            {
                if ((set.Categories & (1u << i)) != 0)
                {
                    text.Append("\\p{").Append(s_categoryNames[i]).Append('}');
                }
            }

            foreach (uint mask in set.NegatedCategories)
            {
                text.Append("\\P{").Append(string.Join(",", Enumerable.Range(0, s_categoryNames.Length).Where(i => (mask & (1u << i)) != 0).Select(i => s_categoryNames[i]))).Append('}');
            }

            if (set.Space)
            {
                text.Append("\\s");
            }

            if (set.NotSpace)
            {
                text.Append("\\S");
            }

            if (set.Subtraction is not null)
            {
                text.Append("-").Append(Describe(set.Subtraction));
            }

            return text.Append(']').ToString();

            static string Shown(char c) => c switch
            {
                '\n' => "\\n",
                '\t' => "\\t",
                '\r' => "\\r",
                ' ' => " ",
                ']' or '\\' or '-' or '^' or '[' => "\\" + c,
                _ when char.IsControl(c) || char.IsWhiteSpace(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format
                    => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            };
        }

        /// <summary>The ranges sorted and joined where they overlap or touch.</summary>
        private static List<(char First, char Last)> Merged(List<(char First, char Last)> ranges)
        {
            var merged = new List<(char First, char Last)>();
            foreach ((char first, char last) in ranges.OrderBy(r => r.First))
            {
                int previous = merged.Count - 1;
                if (previous >= 0 && first <= merged[previous].Last + 1)
                {
                    merged[previous] = (merged[previous].First, (char)Math.Max(last, merged[previous].Last));
                }
                else
                {
                    merged.Add((first, last));
                }
            }

            return merged;
        }
    }
}
