using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace CorpusKit.CompilerServices;

/// <summary>
/// A rule's pattern, compiled at build time: the generator checks it with .NET's regex engine,
/// lays out a program for CorpusKit's pattern machine (a backtracking machine with the same
/// semantics), writes that program as C# (<see cref="PatternCode"/>, which runs it without
/// decoding it; a very long program stays on the machine) and works out where a match can begin.
/// Nothing is parsed or built when the application starts, the first document runs as fast as the
/// rest, and a match is tried only where its prefilter lets one begin.
/// </summary>
/// <remarks>
/// <para>For generated code: CorpusKit's generator emits the calls to this type; it is not meant to be called by hand and may change in any release.</para>
/// A pattern with a construct the machine does not run (a backreference, a conditional) runs on
/// <see cref="Regex"/> instead, built on first use; its matches are the same either way.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class Pattern
{
    /// <summary>The longest a single match may run before it is given up (as <see cref="Regex.MatchTimeout"/>).</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(2);

    [ThreadStatic]
    private static PatternMachine? t_machine;

    private readonly PatternPrefilter? _prefilter;
    private readonly int[]? _code;
    private readonly CharClassSet[]? _classes;
    private readonly PatternCode? _compiled;
    private readonly string[] _groups;
    private readonly Lazy<(Regex Scanning, Regex Anchored)>? _regexes;

    /// <summary>A pattern whose program the generator laid out.</summary>
    /// <param name="source">The pattern as it runs (lexicons expanded, literals normalized), for messages.</param>
    /// <param name="prefilter">Where a match can begin, or null for anywhere.</param>
    /// <param name="code">The program.</param>
    /// <param name="classes">The table of its char classes.</param>
    /// <param name="groups">The names of its groups, by slot.</param>
    public Pattern(string source, PatternPrefilter? prefilter, int[] code, int[] classes, string[] groups)
        : this(source, prefilter, code, classes, groups, compiled: null)
    {
    }

    /// <summary>A pattern whose program the generator laid out and also wrote as C#, which runs it.</summary>
    /// <param name="source">The pattern as it runs (lexicons expanded, literals normalized), for messages.</param>
    /// <param name="prefilter">Where a match can begin, or null for anywhere.</param>
    /// <param name="code">The program (the C# calls back into it for loops that give back and for look-ups).</param>
    /// <param name="classes">The table of its char classes.</param>
    /// <param name="groups">The names of its groups, by slot.</param>
    /// <param name="compiled">The program as C#, or null to run it on the machine.</param>
    public Pattern(string source, PatternPrefilter? prefilter, int[] code, int[] classes, string[] groups, PatternCode? compiled)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentNullException.ThrowIfNull(groups);
        Source = source;
        _prefilter = prefilter;
        _code = code;
        _classes = CharClassSet.Read(classes);
        _groups = groups;
        _compiled = compiled;
    }

    /// <summary>
    /// A pattern whose program the generator laid out and wrote as data in a string literal (its
    /// code and class table, 5 bits a char, see <c>TermData</c>), run by <paramref name="compiled"/>
    /// when it was also written as C#.
    /// </summary>
    /// <param name="source">The pattern as it runs (lexicons expanded, literals normalized), for messages.</param>
    /// <param name="prefilter">Where a match can begin, or null for anywhere.</param>
    /// <param name="program">The program's code and class table, as the generator wrote them.</param>
    /// <param name="groups">The names of its groups, by slot.</param>
    /// <param name="compiled">The program as C#, or null to run it on the machine.</param>
    public static Pattern FromData(string source, PatternPrefilter? prefilter, string program, string[] groups, PatternCode? compiled)
    {
        ArgumentNullException.ThrowIfNull(program);
        (int[] code, int[] classes) = TermData.DecodeProgram(program);
        return new Pattern(source, prefilter, code, classes, groups, compiled);
    }

    /// <summary>As <see cref="FromData(string, PatternPrefilter?, string, string[], PatternCode?)"/>, the program in a <c>u8</c> literal (a module whose data outgrew its strings).</summary>
    /// <param name="source">The pattern as it runs (lexicons expanded, literals normalized), for messages.</param>
    /// <param name="prefilter">Where a match can begin, or null for anywhere.</param>
    /// <param name="program">The program's code and class table, as the generator wrote them.</param>
    /// <param name="groups">The names of its groups, by slot.</param>
    /// <param name="compiled">The program as C#, or null to run it on the machine.</param>
    public static Pattern FromData(string source, PatternPrefilter? prefilter, ReadOnlySpan<byte> program, string[] groups, PatternCode? compiled)
    {
        (int[] code, int[] classes) = TermData.DecodeProgram(program);
        return new Pattern(source, prefilter, code, classes, groups, compiled);
    }

    private Pattern(string source, PatternPrefilter? prefilter, RegexOptions options, string[] groups)
    {
        Source = source;
        _prefilter = prefilter;
        _groups = groups;
        _regexes = new(() => (new Regex(source, options, DefaultTimeout), new Regex(@"\G(?:" + source + ")", options, DefaultTimeout)));
    }

    /// <summary>The pattern as it runs (lexicons expanded, literals normalized).</summary>
    public string Source { get; }

    /// <summary>Where a match can begin, or null for anywhere.</summary>
    internal PatternPrefilter? Prefilter => _prefilter;

    /// <summary>Whether the pattern runs on CorpusKit's machine (true) or on <see cref="Regex"/>.</summary>
    public bool IsCompiled => _code is not null;

    /// <summary>A pattern that runs on <see cref="Regex"/>, built on first use with <paramref name="options"/>.</summary>
    /// <param name="source">The pattern.</param>
    /// <param name="options">The options it was checked with at build time.</param>
    /// <param name="prefilter">Where a match can begin, or null for anywhere.</param>
    /// <param name="groups">The names of its groups.</param>
    public static Pattern OnRegex(string source, RegexOptions options, PatternPrefilter? prefilter, string[] groups)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(groups);
        return new Pattern(source, prefilter, options, groups);
    }

    /// <summary>The match that begins exactly at <paramref name="start"/> of <paramref name="input"/>, or null.</summary>
    /// <exception cref="RegexMatchTimeoutException">The match ran longer than <see cref="DefaultTimeout"/>.</exception>
    public PatternMatch? MatchAt(string input, int start)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start, input.Length);
        return MatchAt(Machine, input.AsMemory(), text: null, start, arena: null, prefiltered: false);
    }

    /// <summary>
    /// Whether a match begins exactly at <paramref name="start"/> of <paramref name="text"/> (a rule's
    /// <c>unless:</c>, tried where each of its matches begins); nothing is made of it. What a
    /// lookbehind at its start reads is the text before <paramref name="start"/>. A try that runs
    /// out of time is reported on <paramref name="context"/> and refuses nothing: the match is kept.
    /// </summary>
    /// <param name="text">The normalized text.</param>
    /// <param name="start">Where the rule's match begins in it.</param>
    /// <param name="context">Where a timeout is reported.</param>
    /// <param name="entity">The entity type, for problem reports.</param>
    /// <param name="rule">The rule id, for problem reports.</param>
    public bool MatchesAt(NormalizedText text, int start, ExtractionContext context, string entity, string rule)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start, text.Length);
        ReadOnlySpan<char> chars = text.Span;
        if (_prefilter is not null && !_prefilter.MayBeginAt(chars, start, otherDigits: true))
        {
            return false;
        }

        try
        {
            // On Regex too the chars are read where they are: the span overload's lookbehind sees before start.
            return _code is null
                ? _regexes!.Value.Anchored.IsMatch(chars, start)
                : Machine.Match(_code, _classes!, _groups.Length, chars, start, DefaultTimeout, Source, _compiled) >= 0;
        }
        catch (RegexMatchTimeoutException exception)
        {
            PatternRunner.ReportTimeout(context, entity, rule, exception, "The unless: pattern", "the match was kept");
            return false;
        }
    }

    /// <summary>This thread's pattern machine: callers that try many places fetch it once.</summary>
    internal static PatternMachine Machine => t_machine ??= new PatternMachine();

    /// <summary>
    /// The match that begins exactly at <paramref name="start"/> of <paramref name="text"/>, run on
    /// <paramref name="machine"/> (this thread's), made in <paramref name="arena"/> (the extraction's).
    /// </summary>
    internal PatternMatch? MatchAt(PatternMachine machine, NormalizedText text, int start, MatchArena arena) => MatchAt(machine, text.Memory, text, start, arena, prefiltered: false);

    /// <summary>
    /// The match that begins exactly at <paramref name="start"/> of <paramref name="input"/>, the chars
    /// of <paramref name="text"/> when there is one (a pattern run by <see cref="Regex"/> needs a
    /// string: the text makes its own once, where a string input is already one). The match is made
    /// in <paramref name="arena"/> when there is one; <paramref name="prefiltered"/> says the
    /// prefilter has already let a match begin at <paramref name="start"/>.
    /// </summary>
    private PatternMatch? MatchAt(PatternMachine machine, ReadOnlyMemory<char> input, NormalizedText? text, int start, MatchArena? arena, bool prefiltered)
    {
        // Digits of other scripts are rare: a \d prefilter that refuses one is not trusted, the pattern decides.
        if (!prefiltered && _prefilter is not null && !_prefilter.MayBeginAt(input.Span, start, otherDigits: true))
        {
            return null;
        }

        if (_code is null)
        {
            string whole = AsString(input, text);
            return FromRegex(_regexes!.Value.Anchored.Match(whole, start), whole);
        }

        int end = machine.Match(_code, _classes!, _groups.Length, input.Span, start, DefaultTimeout, Source, _compiled);
        if (end < 0)
        {
            return null;
        }

        return arena is not null
            ? arena.PatternMatch(input, start, end - start, _groups, machine.Captures)
            : new PatternMatch(input, start, end - start, _groups, machine.Captures.ToArray());
    }

    /// <summary>The chars as a string: the text's own, or the string the memory is made of.</summary>
    private static string AsString(ReadOnlyMemory<char> input, NormalizedText? text)
        => text is not null ? text.Text
            : MemoryMarshal.TryGetString(input, out string? whole, out int offset, out int length) && offset == 0 && length == whole.Length ? whole
            : input.ToString();

    /// <summary>
    /// Every match in <paramref name="text"/>, left to right, none overlapping: what a regex scan
    /// finds. A match that runs out of time is reported on <paramref name="context"/> and the
    /// matches found before it are kept. The list is the context's, as the matches are: read it
    /// while the rule runs; once it has run (<see cref="ExtractionContext.NextRule"/>) the list and
    /// its matches are made again into the next rule's.
    /// </summary>
    public List<PatternMatch> Matches(NormalizedText text, ExtractionContext context, string entity, string rule)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(context);
        List<PatternMatch> matches = context.Matches.PatternList();
        try
        {
            ScanInto(text, matches, context.Matches);
        }
        catch (RegexMatchTimeoutException exception)
        {
            PatternRunner.ReportTimeout(context, entity, rule, exception, "The regex", "matches after that point were not looked for");
        }

        return matches;
    }

    /// <summary>
    /// Adds the matches in <paramref name="text"/> to <paramref name="matches"/>, left to right,
    /// none overlapping: tried where the prefilter lets a match begin, each from the end of the
    /// one before. The matches found before a timeout are in the list when it is thrown.
    /// </summary>
    /// <exception cref="RegexMatchTimeoutException">A match ran longer than <see cref="DefaultTimeout"/>.</exception>
    internal void ScanInto(NormalizedText text, List<PatternMatch> matches, MatchArena arena, bool sharedDigits = true)
    {
        if (_code is null && _prefilter is null)
        {
            string whole = text.Text;
            for (Match match = _regexes!.Value.Scanning.Match(whole); match.Success; match = match.NextMatch())
            {
                matches.Add(FromRegex(match, whole)!);
            }

            return;
        }

        PatternMachine machine = Machine;
        ReadOnlyMemory<char> input = text.Memory;
        if (sharedDigits && _prefilter is { BeginsWithDigit: true } digitStart)
        {
            // The places Next would find: the text's digits (searched once for every such rule)
            // where the chars after can follow.
            ReadOnlySpan<char> chars = input.Span;
            int next = 0;
            foreach (int at in text.DigitPlaces)
            {
                if (at >= next && digitStart.Follows(chars, at)
                    && MatchAt(machine, input, text, at, arena, prefiltered: true) is { } found)
                {
                    matches.Add(found);
                    next = found.Index + Math.Max(found.Length, 1);
                }
            }

            return;
        }

        bool otherDigits = text.HasOtherDigits;
        int from = 0;
        var run = PatternPrefilter.InnerRun.None;
        while ((from = Next(input.Span, from, otherDigits, ref run)) >= 0)
        {
            // Next gives only the places where the prefilter lets a match begin.
            if (MatchAt(machine, input, text, from, arena, prefiltered: true) is { } match)
            {
                matches.Add(match);
                from = match.Index + Math.Max(match.Length, 1);
            }
            else
            {
                from++;
            }
        }
    }

    /// <summary>Whether the pattern matches anywhere in <paramref name="input"/> (a line, for boilerplate rules).</summary>
    /// <exception cref="RegexMatchTimeoutException">A match ran longer than <see cref="DefaultTimeout"/>.</exception>
    public bool IsMatch(ReadOnlySpan<char> input, bool otherDigits = true)
    {
        if (_code is null)
        {
            return (_prefilter is null || _prefilter.Next(input, 0, otherDigits) >= 0) && _regexes!.Value.Scanning.IsMatch(input);
        }

        PatternMachine machine = Machine;
        int from = 0;
        var run = PatternPrefilter.InnerRun.None;
        while ((from = Next(input, from, otherDigits, ref run)) >= 0)
        {
            if (machine.Match(_code, _classes!, _groups.Length, input, from, DefaultTimeout, Source, _compiled) >= 0)
            {
                return true;
            }

            from++;
        }

        return false;
    }

    /// <summary>The next place at or after <paramref name="from"/> where a match may begin, or -1 (<paramref name="run"/>: see <see cref="PatternPrefilter.InnerRun"/>).</summary>
    private int Next(ReadOnlySpan<char> input, int from, bool otherDigits, ref PatternPrefilter.InnerRun run)
        => _prefilter is null ? (from <= input.Length ? from : -1) : _prefilter.Next(input, from, otherDigits, ref run);

    private PatternMatch? FromRegex(Match match, string input)
    {
        if (!match.Success)
        {
            return null;
        }

        var captures = new List<int>();
        for (int slot = 0; slot < _groups.Length; slot++)
        {
            foreach (Capture capture in match.Groups[_groups[slot]].Captures)
            {
                captures.Add(slot);
                captures.Add(capture.Index);
                captures.Add(capture.Index + capture.Length);
            }
        }

        return new PatternMatch(input.AsMemory(), match.Index, match.Length, _groups, [.. captures]);
    }
}
