using System;
using System.Collections.Generic;
using System.Linq;

using CorpusKit.CompilerServices;

namespace CorpusKit.Tests;

/// <summary>
/// <see cref="OverlapResolver.Resolve"/> as it was before it filed taken spans by start rank: a
/// list of taken spans kept sorted by inserting into it, each candidate checked against the items
/// on either side of its start; stable sorts, so exact duplicates keep their order in the list.
/// Tests compare the resolver with it.
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
            var taken = new List<TextSpan>(); // kept sorted by start; never overlapping
            foreach (Candidate<T> candidate in ordered)
            {
                if (!OverlapsAny(taken, candidate.Span))
                {
                    taken.Insert(InsertionPoint(taken, candidate.Span.Start), candidate.Span);
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

    private static bool OverlapsAny(List<TextSpan> taken, TextSpan span)
    {
        int index = InsertionPoint(taken, span.Start);
        return (index > 0 && taken[index - 1].Overlaps(span))
            || (index < taken.Count && taken[index].Overlaps(span))
            || (span.Length == 0 && index > 0 && taken[index - 1].End > span.Start);
    }

    private static int InsertionPoint(List<TextSpan> taken, int start)
    {
        int low = 0;
        int high = taken.Count;
        while (low < high)
        {
            int middle = low + ((high - low) >> 1);
            if (taken[middle].Start < start)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
