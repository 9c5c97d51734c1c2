using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;

namespace CorpusKit.Profiling;

/// <summary>
/// Where extractions spend their time, rule by rule: give one to
/// <see cref="ExtractionContext.Profile"/> and extract with that context, as many documents as
/// you like; each rule's time, runs and candidates add up here. The steps after the rules are
/// timed too, named in parentheses: <c>(overlaps)</c>, <c>(repeats)</c> and <c>(speakers)</c>.
/// </summary>
/// <remarks>
/// A rule's time is its own matching and the candidates it makes. The one scan of the text for
/// all lexicons of a module is a row of its own, <c>(lexicons)</c> under <c>(lexicons)</c>, not
/// part of the rule that asked for it first; the normalization and the document's layout are in
/// no row. Not thread-safe: give each thread's contexts their own profile, then
/// <see cref="Add(RuleProfile)"/> them together.
/// </remarks>
public sealed class RuleProfile
{
    private readonly Dictionary<(string EntityType, string Rule), RuleTiming> _byRule = [];
    private readonly List<RuleTiming> _timings = [];

    /// <summary>Every rule and step timed so far, in the order they first ran.</summary>
    public IReadOnlyList<RuleTiming> Timings => _timings;

    /// <summary>Adds one run of a rule: <paramref name="ticks"/> of <see cref="Stopwatch"/> and the <paramref name="candidates"/> it added.</summary>
    internal void Add(string entityType, string rule, long ticks, int candidates)
    {
        RuleTiming timing = Get(entityType, rule);
        timing.Ticks += ticks;
        timing.Runs++;
        timing.Candidates += candidates;
    }

    /// <summary>Adds another profile's figures to this one (one profile per thread, summed at the end).</summary>
    public void Add(RuleProfile other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (RuleTiming timing in other._timings)
        {
            RuleTiming mine = Get(timing.EntityType, timing.Rule);
            mine.Ticks += timing.Ticks;
            mine.Runs += timing.Runs;
            mine.Candidates += timing.Candidates;
        }
    }

    private RuleTiming Get(string entityType, string rule)
    {
        if (!_byRule.TryGetValue((entityType, rule), out RuleTiming? timing))
        {
            timing = new RuleTiming(entityType, rule);
            _byRule.Add((entityType, rule), timing);
            _timings.Add(timing);
        }

        return timing;
    }

    /// <summary>Forgets every figure.</summary>
    public void Clear()
    {
        _byRule.Clear();
        _timings.Clear();
    }

    /// <summary>
    /// A table of the <paramref name="top"/> rules that took longest, slowest first: the entity
    /// type, the rule, its time in milliseconds and share of all rules' time, its runs and the
    /// candidates it made.
    /// </summary>
    public string ToText(int top = 20)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(top);
        long total = _timings.Sum(t => t.Ticks);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{"entity",-14} {"rule",-28} {"ms",9} {"share",6} {"runs",8} {"candidates",10}\n");
        foreach (RuleTiming timing in _timings.OrderByDescending(t => t.Ticks).ThenBy(t => t.EntityType, StringComparer.Ordinal).ThenBy(t => t.Rule, StringComparer.Ordinal).Take(top))
        {
            double share = total == 0 ? 0 : (double)timing.Ticks / total;
            text.Append(CultureInfo.InvariantCulture, $"{timing.EntityType,-14} {timing.Rule,-28} {timing.Elapsed.TotalMilliseconds,9:0.000} {share,6:0.0%} {timing.Runs,8} {timing.Candidates,10}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"{_timings.Count} rules and steps, {total * 1000.0 / Stopwatch.Frequency:0.000} ms in all\n");
        return text.ToString();
    }
}

/// <summary>One rule's (or step's) figures in a <see cref="RuleProfile"/>.</summary>
public sealed class RuleTiming
{
    internal RuleTiming(string entityType, string rule)
    {
        EntityType = entityType;
        Rule = rule;
    }

    /// <summary>The entity type whose rule it is.</summary>
    public string EntityType { get; }

    /// <summary>The rule's id, or a step after the rules in parentheses (<c>(overlaps)</c>).</summary>
    public string Rule { get; }

    /// <summary>How long it ran, in <see cref="Stopwatch"/> ticks.</summary>
    public long Ticks { get; internal set; }

    /// <summary>How long it ran.</summary>
    public TimeSpan Elapsed => TimeSpan.FromSeconds((double)Ticks / Stopwatch.Frequency);

    /// <summary>How many times it ran (once per document that reached its entity type).</summary>
    public long Runs { get; internal set; }

    /// <summary>How many candidates it added, before overlaps were resolved (0 for the steps after the rules).</summary>
    public long Candidates { get; internal set; }
}
