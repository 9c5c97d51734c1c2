using System;
using System.Collections.Generic;
using System.ComponentModel;

namespace CorpusKit.CompilerServices;

/// <summary>Finds the entity of another type nearest to a span: <c>set: { speaker: nearest(Person, before, sentence) }</c>.</summary>
/// <remarks>
/// <para>For generated code: CorpusKit's generator emits the calls to this type; it is not meant to be called by hand and may change in any release.</para>
/// <see cref="Find"/> reads every candidate on each call. To look up many spans against the same
/// candidates (one per match of a rule), build a <see cref="NearestIndex{T}"/> once: it answers
/// the same in logarithmic time.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Nearest
{
    /// <summary>
    /// The entity of <paramref name="candidates"/> nearest to <paramref name="span"/> in
    /// <paramref name="direction"/>, within <paramref name="scope"/> of <paramref name="text"/>;
    /// null when there is none. The scope is measured from the span's edge on that side, so a
    /// sentence end inside the span (a quote of several sentences) does not hide the speaker.
    /// </summary>
    /// <remarks>
    /// Before: of the candidates that end at or before the span's start and start within the
    /// scope, the one that ends last; on equal ends, the first in list order. After: of those that
    /// start at or after the span's end and end within the scope, the one that starts first; on
    /// equal starts, the first in list order.
    /// </remarks>
    public static T? Find<T>(IReadOnlyList<T> candidates, TextSpan span, string text, NearestDirection direction, TextScope scope)
        where T : class, IEntity
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(text);
        T? best = null;
        if (direction == NearestDirection.Before)
        {
            int limit = ScopeStart(text, span.Start, scope);
            foreach (T candidate in candidates)
            {
                if (candidate.Span.End <= span.Start && candidate.Span.Start >= limit
                    && (best is null || candidate.Span.End > best.Span.End))
                {
                    best = candidate;
                }
            }
        }
        else
        {
            int limit = ScopeEnd(text, span.End, scope);
            foreach (T candidate in candidates)
            {
                if (candidate.Span.Start >= span.End && candidate.Span.End <= limit
                    && (best is null || candidate.Span.Start < best.Span.Start))
                {
                    best = candidate;
                }
            }
        }

        return best;
    }

    /// <summary>
    /// Of two entities each found nearest on one side of a span (<c>nearest(Person|Organization, …)</c>
    /// looks for each type), the nearer: before the span, the one that ends last; after it, the one
    /// that starts first; on a tie, <paramref name="first"/> (the type the union names first).
    /// </summary>
    public static IEntity? Nearer(IEntity? first, IEntity? second, NearestDirection direction)
    {
        if (first is null || second is null)
        {
            return first ?? second;
        }

        return direction == NearestDirection.Before
            ? (second.Span.End > first.Span.End ? second : first)
            : (second.Span.Start < first.Span.Start ? second : first);
    }

    /// <summary>Where the sentence or paragraph that holds <paramref name="index"/> begins (0 for the document).</summary>
    /// <remarks>Searches back from <paramref name="index"/> to the nearest break only.</remarks>
    public static int ScopeStart(string text, int index, TextScope scope)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ScopeBreaks.LastBefore(text, index, scope) + 1;
    }

    /// <summary>Where the sentence or paragraph that holds <paramref name="index"/> ends (the text's length for the document).</summary>
    /// <remarks>Searches on from <paramref name="index"/> to the nearest break only.</remarks>
    public static int ScopeEnd(string text, int index, TextScope scope)
    {
        ArgumentNullException.ThrowIfNull(text);
        int end = ScopeBreaks.FirstAtOrAfter(text, index, scope);
        return end < 0 ? text.Length : end;
    }
}
