using System;
using System.Collections.Generic;

namespace CorpusKit.Matching;

/// <summary>Chooses among overlapping candidates of one entity type.</summary>
public static class OverlapResolver
{
    /// <summary>Resolves overlaps by <paramref name="mode"/> and returns the winners in document order.</summary>
    public static List<T> Resolve<T>(List<Candidate<T>> candidates, OverlapMode mode)
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

        // List.Sort is unstable; the comparisons above are total except for exact duplicates,
        // which are interchangeable.
        ordered.Sort(priority);
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

            accepted.Sort(static (a, b) =>
            {
                int result = a.Span.CompareTo(b.Span);
                return result != 0 ? result : a.RuleOrder.CompareTo(b.RuleOrder);
            });
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

    /// <summary>
    /// Removes from <paramref name="entities"/> every entity that overlaps one of
    /// <paramref name="others"/>: nothing is found inside an entity of a type declared in
    /// <c>outside:</c> (no place inside an organisation's name).
    /// </summary>
    public static void RemoveOverlapping<T>(List<T> entities, IReadOnlyList<IEntity> others)
        where T : IEntity
    {
        ArgumentNullException.ThrowIfNull(entities);
        ArgumentNullException.ThrowIfNull(others);
        if (others.Count == 0)
        {
            return;
        }

        var spans = new List<TextSpan>(others.Count);
        foreach (IEntity other in others)
        {
            spans.Add(other.Span);
        }

        // The others may overlap each other (overlap: all), so keep the furthest end so far.
        spans.Sort();
        int[] furthest = new int[spans.Count];
        for (int i = 0; i < spans.Count; i++)
        {
            furthest[i] = Math.Max(spans[i].End, i > 0 ? furthest[i - 1] : 0);
        }

        entities.RemoveAll(entity =>
        {
            int before = SortedSearch.FirstAtOrAfter(spans, entity.Span.End, static s => s.Start);
            return before > 0 && furthest[before - 1] > entity.Span.Start;
        });
    }

    /// <summary>The index of the first span that starts at or after <paramref name="start"/>.</summary>
    private static int InsertionPoint(List<TextSpan> taken, int start) => SortedSearch.FirstAtOrAfter(taken, start, static s => s.Start);
}
