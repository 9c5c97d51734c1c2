using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using CorpusKit.Generators.Model;

namespace CorpusKit.Generators.Patterns;

/// <summary>
/// The work on a pattern that depends on nothing but its text and options, kept for the next run
/// of the generator in the same process: checking it with .NET's regex engine, laying out its
/// program, working out its prefilter, and writing its program as C#.
/// </summary>
/// <remarks>
/// <para>
/// An edit of one rule re-parses and re-emits the whole schema file it is in (a module is one
/// node of the pipeline, and its entities read one term index), so without this every pattern of
/// the file was checked, compiled and analysed again on each keystroke: three quarters of an
/// edit's time for the NewsDesk schema. The pipeline's own cache cannot help below the file: it
/// keeps a node's outputs by position, and the parser needs a pattern's groups before the
/// patterns could become a node of their own.
/// </para>
/// <para>
/// What is kept is a pure function of the key, so a hit returns exactly what the work would have
/// (the generator's output cannot depend on what an earlier build held), and the results are
/// immutable. The compiler server and the IDE keep the generator loaded for hours, so the memo is
/// bounded: past <see cref="Capacity"/> entries it starts again empty.
/// </para>
/// </remarks>
internal static class PatternMemo
{
    /// <summary>How many entries of each kind are kept, at most (NewsDesk has about 150 patterns).</summary>
    internal const int Capacity = 4096;

    private static readonly ConcurrentDictionary<(string Pattern, RegexOptions Options), Checked> s_checked = new();
    private static readonly ConcurrentDictionary<(string Pattern, RegexOptions Options), Compiled> s_compiled = new();
    private static readonly ConcurrentDictionary<(string Pattern, RegexOptions Options, string Chars), bool> s_mayBeginWith = new();
    private static readonly ConcurrentDictionary<(string Pattern, RegexOptions Options, string Name, string What, int Indent), string> s_code = new();

    /// <summary>The named groups of <paramref name="pattern"/> as .NET's engine numbers them, or the engine's message when it refuses the pattern.</summary>
    /// <param name="pattern">The pattern as it runs.</param>
    /// <param name="options">The options it runs with.</param>
    /// <param name="timeout">The match timeout the check constructs the regex with.</param>
    public static Checked Check(string pattern, RegexOptions options, TimeSpan timeout)
        => Get(s_checked, (pattern, options), _ =>
        {
            try
            {
                var regex = new Regex(pattern, options, timeout);
                return new Checked(regex.GetGroupNames().Where(g => !int.TryParse(g, NumberStyles.None, CultureInfo.InvariantCulture, out int _)).ToArray(), null);
            }
            catch (ArgumentException exception)
            {
                return new Checked(null, exception.Message);
            }
        });

    /// <summary>The program of <paramref name="pattern"/> (<see cref="PatternCompiler.Compile"/>) and where its matches can begin (<see cref="PrefilterAnalysis.Analyze"/>).</summary>
    public static Compiled Compile(string pattern, RegexOptions options)
        => Get(s_compiled, (pattern, options), _ => new Compiled(PatternCompiler.Compile(pattern, options), PrefilterAnalysis.Analyze(pattern, options)));

    /// <summary>Whether a match of <paramref name="pattern"/> can begin with one of <paramref name="chars"/> (<see cref="PrefilterAnalysis.MayBeginWithAny"/>).</summary>
    public static bool MayBeginWithAny(string pattern, RegexOptions options, string chars)
        => Get(s_mayBeginWith, (pattern, options, chars), _ => PrefilterAnalysis.MayBeginWithAny(pattern, options, chars));

    /// <summary>
    /// Writes the C# of <paramref name="pattern"/>'s program (<see cref="PatternCodeWriter.Write"/>,
    /// for the member <paramref name="name"/>, documented as <paramref name="what"/>) into <paramref name="w"/>,
    /// as it wrote it last time at the same indentation.
    /// </summary>
    public static void WriteCode(SourceWriter w, string name, string what, string pattern, RegexOptions options, PatternProgramSpec program)
        => w.Written(Get(s_code, (pattern, options, name, what, w.IndentLevel), _ =>
        {
            var code = new SourceWriter();
            for (int i = 0; i < w.IndentLevel; i++)
            {
                code.Indent();
            }

            PatternCodeWriter.Write(code, name, what, program);
            return code.ToString();
        }));

    /// <summary>How many patterns' checks are kept (for tests of the bound).</summary>
    internal static int CheckedCount => s_checked.Count;

    /// <summary>Empties the memo (for tests that count the work done).</summary>
    internal static void Clear()
    {
        s_checked.Clear();
        s_compiled.Clear();
        s_mayBeginWith.Clear();
        s_code.Clear();
    }

    private static TValue Get<TKey, TValue>(ConcurrentDictionary<TKey, TValue> memo, TKey key, Func<TKey, TValue> work)
        where TKey : notnull
    {
        if (memo.TryGetValue(key, out TValue? value))
        {
            return value;
        }

        value = work(key);
        if (memo.Count >= Capacity)
        {
            memo.Clear();
        }

        memo.TryAdd(key, value);
        return value;
    }

    /// <summary>What .NET's engine said of a pattern: its named groups, or why it refused it.</summary>
    internal sealed record Checked(string[]? Groups, string? Error);

    /// <summary>A pattern's program (null when it holds a construct the pattern machine does not run) and its prefilter (null for anywhere).</summary>
    internal sealed record Compiled(PatternProgramSpec? Program, PrefilterSpec? Prefilter);
}
