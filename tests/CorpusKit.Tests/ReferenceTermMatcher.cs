using System;
using System.Collections.Generic;

using CorpusKit.CompilerServices;

namespace CorpusKit.Tests;

/// <summary>
/// The term matcher as it was before every dictionary of a module shared one scan: one trie at a
/// time, a word start at a time. Tests compare the one-pass scan of a <see cref="TermIndex"/>
/// with it, dictionary by dictionary.
/// </summary>
internal static class ReferenceTermMatcher
{
    private const char Alef = '\u0627';
    private const char Beh = '\u0628';
    private const char Feh = '\u0641';
    private const char Kaf = '\u0643';
    private const char Lam = '\u0644';
    private const char Waw = '\u0648';
    private const string Article = "\u0627\u0644";

    /// <summary>Whether a word may start at <paramref name="index"/>: no letter or digit just before it.</summary>
    internal static bool IsWordStart(ReadOnlySpan<char> text, int index)
        => index == 0 || (index <= text.Length && !char.IsLetterOrDigit(text[index - 1]));

    /// <summary>Whether a word may end at <paramref name="index"/>: no letter or digit just after it.</summary>
    internal static bool IsWordEnd(ReadOnlySpan<char> text, int index)
        => index >= text.Length || !char.IsLetterOrDigit(text[index]);

    /// <summary>
    /// Finds every form of <paramref name="trie"/> in <paramref name="text"/>, leftmost first and
    /// longest at each start; a found form is skipped over, so hits never overlap.
    /// </summary>
    /// <param name="text">The normalized text.</param>
    /// <param name="trie">The forms.</param>
    /// <param name="clitics">
    /// Whether Arabic proclitics may stand before a form (و ف, then ب ل ك), outside its span; and
    /// whether the article ال may stand before a form that lacks it, inside the span (a fused لل
    /// counts as ل + ال).
    /// </param>
    /// <param name="hits">Receives the hits, in text order.</param>
    internal static void FindAll(string text, TermTrie trie, bool clitics, List<TermHit> hits)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(trie);
        ArgumentNullException.ThrowIfNull(hits);
        ReadOnlySpan<char> span = text;
        int i = 0;
        while (i < span.Length)
        {
            if (char.IsWhiteSpace(span[i]) || !IsWordStart(span, i))
            {
                i++;
                continue;
            }

            if (TryMatchAt(span, i, trie, clitics, out TermHit hit))
            {
                hits.Add(hit);
                i = hit.End;
            }
            else
            {
                // No form starts in this word: go on after it (a punctuation char is a word of its own).
                bool letter = char.IsLetterOrDigit(span[i]);
                i++;
                while (letter && i < span.Length && char.IsLetterOrDigit(span[i]))
                {
                    i++;
                }
            }
        }
    }

    /// <summary>The best hit for a word that starts at <paramref name="wordStart"/>.</summary>
    private static bool TryMatchAt(ReadOnlySpan<char> text, int wordStart, TermTrie trie, bool clitics, out TermHit best)
    {
        best = default;
        bool found = false;
        ConsiderAt(text, wordStart, wordStart, trie, clitics, ref best, ref found);
        if (!clitics)
        {
            return found;
        }

        // Proclitics stay out of the span: an optional conjunction, then an optional preposition.
        int position = wordStart;
        if (position < text.Length - 1 && text[position] is Waw or Feh)
        {
            position++;
            ConsiderAt(text, position, position, trie, clitics, ref best, ref found);
        }

        if (position < text.Length - 1 && text[position] is Beh or Lam or Kaf)
        {
            ConsiderAt(text, position + 1, position + 1, trie, clitics: true, ref best, ref found);

            // A fused لل is ل + ال; the article cannot be split off, so the span keeps both lams.
            if (text[position] == Lam && position + 2 < text.Length && text[position + 1] == Lam
                && trie.TryMatchLongest(Article, text[(position + 2)..], out int length, out int value))
            {
                Offer(new TermHit(position, position + 2 + length, value), ref best, ref found);
            }
        }

        return found;
    }

    /// <summary>Tries a form at <paramref name="start"/>, and under clitics also one after an article there.</summary>
    private static void ConsiderAt(ReadOnlySpan<char> text, int start, int spanStart, TermTrie trie, bool clitics, ref TermHit best, ref bool found)
    {
        if (start >= text.Length)
        {
            return;
        }

        if (trie.TryMatchLongest(text[start..], out int length, out int value))
        {
            Offer(new TermHit(spanStart, start + length, value), ref best, ref found);
        }

        // The article before a form that lacks it stays in the span (الكرملين for كرملين).
        if (clitics && start + 2 < text.Length && text[start] == Alef && text[start + 1] == Lam
            && trie.TryMatchLongest(text[(start + 2)..], out length, out value))
        {
            Offer(new TermHit(spanStart, start + 2 + length, value), ref best, ref found);
        }
    }

    /// <summary>Keeps the hit that reaches furthest; on a tie, the one that strips least.</summary>
    private static void Offer(TermHit candidate, ref TermHit best, ref bool found)
    {
        if (!found || candidate.End > best.End || (candidate.End == best.End && candidate.Start < best.Start))
        {
            best = candidate;
            found = true;
        }
    }
}
