using System;
using System.Collections;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using System.Text.RegularExpressions;

namespace CorpusKit.CompilerServices;

/// <summary>
/// The boilerplate rules of a document type, in the order they are tried. A rule anchored at the
/// line start (<c>^…</c>) whose pattern begins with a known literal or char set is tried only on
/// lines that begin with one of those chars, so most lines are tried with no rule at all.
/// </summary>
/// <remarks>For generated code: CorpusKit's generator emits the calls to this type; it is not meant to be called by hand and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class LineRuleSet : IReadOnlyList<LineRule>
{
    private readonly LineRule[] _rules;

    // Per rule: its prefilter when a match must begin at the line start, so the line's first char decides.
    private readonly PatternPrefilter?[] _firstChar;

    // The rules of each reach (indexed by LineRuleReach), in order: a line is tried with the rules of one reach at a time.
    private readonly int[][] _byReach;

    /// <summary>The rules, in the order they are tried.</summary>
    /// <param name="rules">The rules of the document type, as the schema lists them.</param>
    public LineRuleSet(IReadOnlyList<LineRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _rules = [.. rules];
        _firstChar = new PatternPrefilter?[_rules.Length];
        for (int i = 0; i < _rules.Length; i++)
        {
            _firstChar[i] = _rules[i].Pattern.Prefilter is { Anchor: PrefilterAnchor.TextStart } prefilter ? prefilter : null;
        }

        _byReach = [.. Enum.GetValues<LineRuleReach>().Select(reach => Enumerable.Range(0, _rules.Length).Where(i => _rules[i].Reach == reach).ToArray())];
    }

    /// <inheritdoc />
    public int Count => _rules.Length;

    /// <inheritdoc />
    public LineRule this[int index] => _rules[index];

    /// <summary>
    /// The first rule of <paramref name="reach"/> that matches <paramref name="line"/> (a trimmed,
    /// normalized line), or null. A rule whose pattern runs out of time is reported on
    /// <paramref name="context"/> (for document type <paramref name="entity"/>) and counts as not matching.
    /// </summary>
    internal LineRule? Match(ReadOnlySpan<char> line, LineRuleReach reach, bool otherDigits, ExtractionContext context, string entity)
    {
        foreach (int i in _byReach[(int)reach])
        {
            LineRule rule = _rules[i];
            if (_firstChar[i] is { } prefilter && (line.IsEmpty || !prefilter.MayBeginWith(line[0], otherDigits)))
            {
                continue;
            }

            try
            {
                if (rule.Pattern.IsMatch(line, otherDigits))
                {
                    return rule;
                }
            }
            catch (RegexMatchTimeoutException exception)
            {
                CompilerServices.PatternRunner.ReportTimeout(context, entity, rule.Id, exception, "The boilerplate pattern", "the line was kept");
            }
        }

        return null;
    }

    /// <summary>The index of the first rule whose id is <paramref name="id"/>, or -1.</summary>
    internal int IndexOf(string id)
    {
        for (int i = 0; i < _rules.Length; i++)
        {
            if (ReferenceEquals(_rules[i].Id, id) || _rules[i].Id == id)
            {
                return i;
            }
        }

        return -1;
    }

    /// <inheritdoc />
    public IEnumerator<LineRule> GetEnumerator() => ((IEnumerable<LineRule>)_rules).GetEnumerator();

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => _rules.GetEnumerator();
}
