using System;
using System.Collections.Generic;
using System.Linq;

using CorpusKit.CompilerServices;

namespace CorpusKit.Tests;

/// <summary>
/// Overlap resolution as plainly as it can be written: candidates in priority order by a stable
/// sort (exact duplicates keep their order in the list), each taken unless it overlaps any span
/// taken before it, every one checked. Tests compare the resolver with it.
/// </summary>
internal static class ReferenceOverlapResolver
{
    internal static List<T> Resolve<T>(List<Candidate<T>> candidates, OverlapMode mode)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var ordered = new List<Candidate<T>>(candidates);
        Comparison<Candidate<T>> priority = mode switch
        {
            OverlapMode.Longest => static (a, b) =>
            {
                int result = b.Span.Length.CompareTo(a.Span.Length);
                if (result == 0)
                {
                    result = a.RuleOrder.CompareTo(b.RuleOrder);
                }

                return result != 0 ? result : a.Span.Start.CompareTo(b.Span.Start);
            },
            OverlapMode.First => static (a, b) =>
            {
                int result = a.RuleOrder.CompareTo(b.RuleOrder);
                if (result == 0)
                {
                    result = a.Span.Start.CompareTo(b.Span.Start);
                }

                return result != 0 ? result : b.Span.Length.CompareTo(a.Span.Length);
            },
            OverlapMode.All => static (a, b) =>
            {
                int result = a.Span.CompareTo(b.Span);
                return result != 0 ? result : a.RuleOrder.CompareTo(b.RuleOrder);
            },
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown overlap mode."),
        };

        // The comparisons above are total except for exact duplicates (the same span from the same
        // rule), which keep their order in the list: LINQ's sort is stable.
        ordered = [.. ordered.OrderBy(candidate => candidate, Comparer<Candidate<T>>.Create(priority))];
        var accepted = new List<Candidate<T>>(ordered.Count);
        if (mode == OverlapMode.All)
        {
            accepted.AddRange(ordered);
        }
        else
        {
            var taken = new List<TextSpan>(); // never overlapping
            foreach (Candidate<T> candidate in ordered)
            {
                if (!OverlapsAny(taken, candidate.Span))
                {
                    taken.Add(candidate.Span);
                    accepted.Add(candidate);
                }
            }

            accepted = [.. accepted.OrderBy(candidate => candidate, Comparer<Candidate<T>>.Create(static (a, b) =>
            {
                int result = a.Span.CompareTo(b.Span);
                return result != 0 ? result : a.RuleOrder.CompareTo(b.RuleOrder);
            }))];
        }

        var result = new List<T>(accepted.Count);
        foreach (Candidate<T> candidate in accepted)
        {
            result.Add(candidate.Value);
        }

        return result;
    }

    /// <summary>Whether <paramref name="span"/> overlaps any span taken: every one is checked.</summary>
    private static bool OverlapsAny(List<TextSpan> taken, TextSpan span) => taken.Exists(other => other.Overlaps(span));
}
