using System;
using System.Collections.Generic;

using CorpusKit.CompilerServices;

namespace CorpusKit.Tests;

/// <summary>
/// <c>nearest(…)</c> as it was before <see cref="NearestIndex{T}"/>: every candidate read on each
/// call, the scope found by walking the text a char at a time. Tests compare the static API and
/// the index with it.
/// </summary>
internal static class ReferenceNearest
{
    internal static T? Find<T>(IReadOnlyList<T> candidates, TextSpan span, string text, NearestDirection direction, TextScope scope)
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

    internal static int ScopeStart(string text, int index, TextScope scope)
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

    internal static int ScopeEnd(string text, int index, TextScope scope)
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

        // A full stop between digits, after a single letter (1.5, ا. ا. غورتشاكوف) or right before
        // a letter (هـ.ش) ends no sentence.
        if (c == '.')
        {
            bool digits = i > 0 && i + 1 < text.Length && char.IsDigit(text[i - 1]) && char.IsDigit(text[i + 1]);
            bool initial = i > 0 && char.IsLetter(text[i - 1]) && (i == 1 || !char.IsLetter(text[i - 2]));
            bool abbreviation = i + 1 < text.Length && char.IsLetter(text[i + 1]);
            return !digits && !initial && !abbreviation;
        }

        return c is '!' or '?' or '\u061F' or '\u2026' or '\u06D4';
    }
}
