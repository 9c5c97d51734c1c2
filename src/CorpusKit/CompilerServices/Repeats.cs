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
        // names (−1 when two different names share it). The tables are the thread's, emptied
        // after each document; each distinct name is normalized once.
        Dictionary<string, int> names = t_names ??= new Dictionary<string, int>(StringComparer.Ordinal);
        Dictionary<string, string> canonical = t_canonical ??= new Dictionary<string, string>(StringComparer.Ordinal);
        names.Clear();
        canonical.Clear();
        try
        {
            Collect(entities, text, name, names, canonical);
            if (names.Count > 0)
            {
                Find(entities, text, make, names);
            }
        }
        finally
        {
            names.Clear();
            canonical.Clear();
        }
    }

    [ThreadStatic]
    private static Dictionary<string, int>? t_names;

    [ThreadStatic]
    private static Dictionary<string, string>? t_canonical;

    private static void Collect<T>(List<T> entities, NormalizedText text, Func<T, string?> name, Dictionary<string, int> names, Dictionary<string, string> canonical)
        where T : IEntity
    {
        for (int i = 0; i < entities.Count; i++)
        {
            if (name(entities[i]) is not { } full || (canonical.TryGetValue(full, out string? seen) && seen == full))
            {
                // No name, or one already registered by an earlier mention of the same entity.
                continue;
            }

            string form = NormalizedText.NormalizeForm(full, text.Normalization);
            int last = form.LastIndexOf(' ');
            if (last <= 0)
            {
                continue;
            }

            // The surname: the last word, or the last two after a connector (بن حمادي).
            int before = form.LastIndexOf(' ', last - 1);
            int surname = before >= 0 && Array.IndexOf(s_connectors, form[(before + 1)..last]) >= 0 ? before + 1 : last + 1;
            canonical[full] = full;
            Register(names, canonical, form, i, full);
            Register(names, canonical, form[surname..], i, full);
        }
    }

    private static void Find<T>(List<T> entities, NormalizedText text, Func<T, TextSpan, T> make, Dictionary<string, int> names)
        where T : IEntity
    {
        // Each name and surname is searched for on its own (a vectorized IndexOf: a document names
        // a few people, and a look-up at every word of the text cost several times more), then
        // kept where it stands as a whole word, after proclitics at most.
        ReadOnlySpan<char> chars = text.Span;
        var hits = new List<(int From, int End, int Entity)>();
        foreach ((string key, int entity) in names)
        {
            if (entity < 0)
            {
                continue;
            }

            for (int at = 0; at < chars.Length;)
            {
                int index = chars[at..].IndexOf(key, StringComparison.Ordinal);
                if (index < 0)
                {
                    break;
                }

                int from = at + index;
                int end = from + key.Length;
                at = from + 1;
                if ((end < chars.Length && CharKinds.IsLetterOrDigit(chars[end])) || !WordStartsAt(chars, from))
                {
                    continue;
                }

                hits.Add((from, end, entity));
            }
        }

        if (hits.Count == 0)
        {
            return;
        }

        // The longest first where two start together (a whole name before its surname), then in order.
        hits.Sort(static (a, b) => a.From != b.From ? a.From.CompareTo(b.From) : b.End.CompareTo(a.End));
        var found = new List<T>();
        int taken = 0; // entities are in document order: the first that may overlap the next mention
        int last = -1;
        foreach ((int from, int end, int entity) in hits)
        {
            if (from < last)
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
            last = end;
        }

        if (found.Count > 0)
        {
            entities.AddRange(found);
            entities.Sort(static (a, b) => a.Span.CompareTo(b.Span));
        }
    }

    /// <summary>Whether a word starts at <paramref name="from"/>, or proclitics (و ف, then ب ل ك) start one right before it.</summary>
    private static bool WordStartsAt(ReadOnlySpan<char> chars, int from)
    {
        int start = from;
        for (int clitics = 0; clitics < 2 && start > 0 && chars[start - 1] is 'و' or 'ف' or 'ب' or 'ل' or 'ك'; clitics++)
        {
            if (start - 1 == 0 || !CharKinds.IsLetterOrDigit(chars[start - 2]))
            {
                return true;
            }

            start--;
        }

        return start == 0 || !CharKinds.IsLetterOrDigit(chars[start - 1]);
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
}
