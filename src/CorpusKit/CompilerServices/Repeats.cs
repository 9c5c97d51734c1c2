using System;
using System.Collections.Generic;
using System.ComponentModel;
using CorpusKit.Text;

namespace CorpusKit.CompilerServices;

/// <summary>
/// The mentions of entities already found, named again in the document by their name or their
/// surname alone (<c>repeats: name</c>): GATE's OrthoMatcher's main case, for the names of one
/// document. <c>فرهود شريفزاده</c>, found after a title, is found again in <c>وقال شريفزاده</c>.
/// </summary>
/// <remarks>
/// The surname is a name's last word, or its last two when the one before is a connector of
/// Arabic names (<c>بن</c>, <c>عبد</c>, <c>أبو</c>: <c>بن حمادي</c>, <c>عبد الرازق</c>). A surname two
/// different names share names neither. A mention is taken with the proclitics before it left out
/// of its span, and only where no entity of the type stands already.
/// For generated code: CorpusKit's generator emits the calls to this type; it is not meant to be
/// called by hand and may change in any release.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Repeats
{
    private static readonly string[] s_connectors = ["بن", "ابن", "بنت", "عبد", "ابو", "ام", "ولد"];

    /// <summary>
    /// Adds to <paramref name="entities"/> (in document order) every later or earlier mention,
    /// by its whole name or its surname, of an entity whose <paramref name="name"/> has two words
    /// or more; <paramref name="make"/> makes the new entity from the one it names again and the span.
    /// </summary>
    public static void Add<T>(List<T> entities, NormalizedText text, Func<T, string?> name, Func<T, TextSpan, T> make)
        where T : IEntity
    {
        ArgumentNullException.ThrowIfNull(entities);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(make);
        if (entities.Count == 0)
        {
            return;
        }

        // Whole names and surnames, as the text's normalization writes them, to the entity each
        // names (−1 when two different names share it).
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        var canonical = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < entities.Count; i++)
        {
            if (name(entities[i]) is not { } full)
            {
                continue;
            }

            string form = NormalizedText.NormalizeForm(full, text.Normalization);
            string[] words = form.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length < 2)
            {
                continue;
            }

            int surnameWords = words.Length >= 3 && Array.IndexOf(s_connectors, words[^2]) >= 0 ? 2 : 1;
            Register(names, canonical, form, i, full);
            Register(names, canonical, string.Join(' ', words, words.Length - surnameWords, surnameWords), i, full);
        }

        if (names.Count == 0)
        {
            return;
        }

        Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> lookup = names.GetAlternateLookup<ReadOnlySpan<char>>();
        ReadOnlySpan<char> chars = text.Span;
        var found = new List<T>();
        int taken = 0; // entities are in document order: the first that may overlap the next mention
        int at = 0;
        while (Words.Next(chars, ref at, out int start, out _))
        {
            // A name of two words is tried before one word; proclitics stay out of the span.
            int end = at;
            int second = NextWordEnd(chars, end);
            int entity;
            int from;
            if (second > 0 && Find(lookup, chars, start, second, out entity, out from))
            {
                end = second;
            }
            else if (!Find(lookup, chars, start, end, out entity, out from))
            {
                continue;
            }

            TextSpan span = text.ToOriginal(from, end);
            while (taken < entities.Count && entities[taken].Span.End <= span.Start)
            {
                taken++;
            }

            if (taken < entities.Count && entities[taken].Span.Start < span.End)
            {
                continue;
            }

            found.Add(make(entities[entity], span));
            at = end;
        }

        if (found.Count > 0)
        {
            entities.AddRange(found);
            entities.Sort(static (a, b) => a.Span.CompareTo(b.Span));
        }
    }

    private static void Register(Dictionary<string, int> names, Dictionary<string, string> canonical, string key, int entity, string full)
    {
        if (canonical.TryGetValue(key, out string? other) && other != full)
        {
            names[key] = -1;
            return;
        }

        if (!names.ContainsKey(key))
        {
            names[key] = entity;
            canonical[key] = full;
        }
    }

    /// <summary>The end of the word after the one ending at <paramref name="end"/>, when one space parts them; else −1.</summary>
    private static int NextWordEnd(ReadOnlySpan<char> chars, int end)
    {
        if (end + 1 >= chars.Length || chars[end] != ' ' || !CharKinds.IsLetterOrDigit(chars[end + 1]))
        {
            return -1;
        }

        int i = end + 1;
        while (i < chars.Length && CharKinds.IsLetterOrDigit(chars[i]))
        {
            i++;
        }

        return i;
    }

    /// <summary>Looks <c>[start, end)</c> up, then without a conjunction and a preposition before it (و ف, then ب ل ك).</summary>
    private static bool Find(Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> lookup, ReadOnlySpan<char> chars, int start, int end, out int entity, out int from)
    {
        from = start;
        for (int skip = 0; skip <= 2 && from < end - 1; skip++)
        {
            if (lookup.TryGetValue(chars[from..end], out entity) && entity >= 0)
            {
                return true;
            }

            char c = chars[from];
            bool clitic = skip == 0 ? c is 'و' or 'ف' or 'ب' or 'ل' or 'ك' : c is 'ب' or 'ل' or 'ك';
            if (!clitic)
            {
                break;
            }

            from++;
        }

        entity = -1;
        return false;
    }
}
