using System;
using System.Collections.Generic;

namespace CorpusKit.Matching;

/// <summary>Which way <c>nearest(…)</c> looks from an entity.</summary>
public enum NearestDirection
{
    /// <summary>Entities that end at or before the entity's start.</summary>
    Before,

    /// <summary>Entities that start at or after the entity's end.</summary>
    After,
}

/// <summary>How far <c>nearest(…)</c> looks: the entity's sentence or its paragraph.</summary>
public enum TextScope
{
    /// <summary>Up to the sentence ends around the entity: <c>. ! ? ؟ …</c> or a line break.</summary>
    Sentence,

    /// <summary>Up to the line breaks around the entity.</summary>
    Paragraph,

    /// <summary>The whole document: the speaker of a quote may be named paragraphs before it.</summary>
    Document,
}

/// <summary>Finds the entity of another type nearest to a span: <c>set: { speaker: nearest(Person, before, sentence) }</c>.</summary>
public static class Nearest
{
    /// <summary>
    /// The entity of <paramref name="candidates"/> nearest to <paramref name="span"/> in
    /// <paramref name="direction"/>, within <paramref name="scope"/> of <paramref name="text"/>;
    /// null when there is none. The scope is measured from the span's edge on that side, so a
    /// sentence end inside the span (a quote of several sentences) does not hide the speaker.
    /// </summary>
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

    /// <summary>Where the sentence or paragraph that holds <paramref name="index"/> begins.</summary>
    public static int ScopeStart(string text, int index, TextScope scope)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (int i = Math.Min(index, text.Length) - 1; i >= 0; i--)
        {
            if (IsBoundary(text, i, scope))
            {
                return i + 1;
            }
        }

        return 0;
    }

    /// <summary>Where the sentence or paragraph that holds <paramref name="index"/> ends.</summary>
    public static int ScopeEnd(string text, int index, TextScope scope)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (int i = Math.Max(index, 0); i < text.Length; i++)
        {
            if (IsBoundary(text, i, scope))
            {
                return i;
            }
        }

        return text.Length;
    }

    private static bool IsBoundary(string text, int i, TextScope scope)
    {
        if (scope == TextScope.Document)
        {
            return false;
        }

        char c = text[i];
        if (c is '\n' or '\r' or '\u2029')
        {
            return true;
        }

        if (scope == TextScope.Paragraph)
        {
            return false;
        }

        // A full stop between digits or single letters (1.5, ا. ا. غورتشاكوف) ends no sentence.
        if (c == '.')
        {
            bool digits = i > 0 && i + 1 < text.Length && char.IsDigit(text[i - 1]) && char.IsDigit(text[i + 1]);
            bool initial = i > 0 && char.IsLetter(text[i - 1]) && (i == 1 || !char.IsLetter(text[i - 2]));
            return !digits && !initial;
        }

        return c is '!' or '?' or '\u061F' or '\u2026' or '\u06D4';
    }
}
