using System;
using System.Collections.Generic;
using CorpusKit.CompilerServices;
using CorpusKit.Documents;

namespace CorpusKit.Tests;

/// <summary>
/// Grouping as it was before indexes: every mention tried against every group in turn. Tests
/// compare the indexed grouping with it.
/// </summary>
internal static class ReferenceEntityGroups
{
    /// <summary>
    /// Groups <paramref name="mentions"/> by <paramref name="same"/>; groups come in the order of
    /// their first mention.
    /// </summary>
    public static List<(T Entity, List<T> Mentions)> Collect<T>(IReadOnlyList<T> mentions, SameEntity same, TextNormalization normalization)
        where T : IEntity
    {
        ArgumentNullException.ThrowIfNull(mentions);
        var words = new string[mentions.Count][];
        for (int i = 0; i < mentions.Count; i++)
        {
            words[i] = Words(NormalizedText.NormalizeForm(mentions[i].Key, normalization));
        }

        // Fullest keys first, so every shorter key finds the group it belongs to.
        var order = new List<int>(mentions.Count);
        for (int i = 0; i < mentions.Count; i++)
        {
            order.Add(i);
        }

        // Among equal keys, the mention whose text says most (سيرغي لافروف over لافروف) stands for the group.
        order.Sort((a, b) => words[a].Length != words[b].Length ? words[b].Length.CompareTo(words[a].Length)
            : mentions[a].Key.Length != mentions[b].Key.Length ? mentions[b].Key.Length.CompareTo(mentions[a].Key.Length)
            : mentions[a].Text.Length != mentions[b].Text.Length ? mentions[b].Text.Length.CompareTo(mentions[a].Text.Length)
            : a.CompareTo(b));
        var representatives = new List<int>();
        var members = new List<List<int>>();
        foreach (int i in order)
        {
            int group = -1;
            for (int g = 0; g < representatives.Count && group < 0; g++)
            {
                int r = representatives[g];
                if (string.Equals(mentions[r].Key, mentions[i].Key, StringComparison.Ordinal)
                    || (same == SameEntity.Contained && words[i].Length > 0 && IsRun(words[i], words[r])))
                {
                    group = g;
                }
            }

            if (group < 0)
            {
                representatives.Add(i);
                members.Add([i]);
            }
            else
            {
                members[group].Add(i);
            }
        }

        var groups = new List<(int First, (T Entity, List<T> Mentions) Group)>(representatives.Count);
        for (int g = 0; g < representatives.Count; g++)
        {
            members[g].Sort();
            var list = members[g].ConvertAll(i => mentions[i]);
            groups.Add((members[g][0], (mentions[representatives[g]], list)));
        }

        groups.Sort(static (a, b) => a.First.CompareTo(b.First));
        return groups.ConvertAll(static g => g.Group);
    }

    /// <summary>Whether <paramref name="part"/> occurs as a contiguous run of <paramref name="whole"/>.</summary>
    private static bool IsRun(string[] part, string[] whole)
    {
        for (int start = 0; start + part.Length <= whole.Length; start++)
        {
            int k = 0;
            while (k < part.Length && string.Equals(part[k], whole[start + k], StringComparison.Ordinal))
            {
                k++;
            }

            if (k == part.Length)
            {
                return true;
            }
        }

        return false;
    }

    private static string[] Words(string text)
    {
        var words = new List<string>();
        int i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !char.IsLetterOrDigit(text[i]))
            {
                i++;
            }

            int start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                i++;
            }

            if (i > start)
            {
                words.Add(text[start..i]);
            }
        }

        return [.. words];
    }
}
