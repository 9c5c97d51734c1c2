using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace CorpusKit.Evaluation;

/// <summary>What became of one mention between two runs.</summary>
public enum MentionChangeKind
{
    /// <summary>Only the new run has it: no mention of its type overlaps it in the old one.</summary>
    Added,

    /// <summary>Only the old run has it.</summary>
    Removed,

    /// <summary>The same span and type, other field values.</summary>
    Changed,

    /// <summary>The same type over an overlapping span that is not the same span.</summary>
    Moved,
}

/// <summary>One difference between two runs: the old mention, the new one, or both.</summary>
/// <param name="Kind">What changed.</param>
/// <param name="Old">The mention of the old run (null when added).</param>
/// <param name="New">The mention of the new run (null when removed).</param>
public sealed record MentionChange(MentionChangeKind Kind, Mention? Old, Mention? New)
{
    /// <summary>The mention that says where the change is: the new one, or the old one when removed.</summary>
    public Mention Mention => New ?? Old!;

    /// <summary>The rule the new mention names, else the old one; <c>-</c> when neither file says.</summary>
    public string Rule => New?.Rule ?? Old?.Rule ?? "-";

    /// <summary>
    /// The change on one line: what, where, and what it is: an added or removed mention's text and
    /// fields, a changed one's text and only the fields that differ (<c>speaker: سيرغي لافروف -> none</c>),
    /// a moved one's old span and text.
    /// </summary>
    public string Describe()
    {
        Mention where = Mention;
        string what = Kind switch
        {
            MentionChangeKind.Changed => $"{where.Text} {{{string.Join(", ", Old!.Attributes.Keys.Union(New!.Attributes.Keys).Where(key => Value(Old, key) != Value(New, key)).Select(key => $"{key}: {Value(Old, key) ?? "none"} -> {Value(New, key) ?? "none"}"))}}}",
            MentionChangeKind.Moved => $"{where.Text}, was [{Old!.Start}..{Old.End}) {Old.Text}",
            _ => where.Attributes.Count == 0 ? where.Text : $"{where.Text} {{{string.Join(", ", where.Attributes.Select(p => $"{p.Key}: {p.Value}"))}}}",
        };
        return string.Create(CultureInfo.InvariantCulture, $"{Kind.ToString().ToLowerInvariant(),-8} {where.Doc} {where.Type} [{where.Start}..{where.End}) {what}");

        static string? Value(Mention mention, string key) => mention.Attributes.TryGetValue(key, out string? value) ? value : null;
    }
}

/// <summary>
/// Two runs over one corpus compared as entities, the way a reviewer reads a rule change: each
/// mention added, removed, with other field values, or over another span; counts per type and rule;
/// and precision, recall and F1 of the new run against the old one (the old run taken as the
/// reference, as GATE's Corpus Quality Assurance compares two annotation sets).
/// </summary>
/// <remarks>
/// Mentions are matched per document and type: first the same spans, then overlapping spans one to
/// one (each old mention with the first new one it overlaps, in text order); what is left is
/// added or removed.
/// </remarks>
public sealed class MentionDiff
{
    private MentionDiff(IReadOnlyList<MentionChange> changes, EvaluationReport scores, int unchanged)
    {
        Changes = changes;
        Scores = scores;
        Unchanged = unchanged;
    }

    /// <summary>Every difference, by document, then position.</summary>
    public IReadOnlyList<MentionChange> Changes { get; }

    /// <summary>Precision, recall and F1 of the new run against the old one, per type, exact and overlapping.</summary>
    public EvaluationReport Scores { get; }

    /// <summary>How many mentions are the same in both runs (span, type and fields).</summary>
    public int Unchanged { get; }

    /// <summary>Compares the mentions of the <paramref name="old"/> run with those of the <paramref name="new"/> one.</summary>
    public static MentionDiff Compare(IReadOnlyList<Mention> old, IReadOnlyList<Mention> @new)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(@new);
        var changes = new List<MentionChange>();
        int unchanged = 0;
        var newByKey = @new.GroupBy(m => (m.Doc, m.Type)).ToDictionary(g => g.Key, g => g.OrderBy(m => m.Start).ThenBy(m => m.End).ToList());
        foreach (IGrouping<(string Doc, string Type), Mention> group in old.GroupBy(m => (m.Doc, m.Type)))
        {
            List<Mention> before = [.. group.OrderBy(m => m.Start).ThenBy(m => m.End)];
            List<Mention> after = newByKey.Remove(group.Key, out List<Mention>? found) ? found : [];
            var taken = new bool[after.Count];
            var left = new List<Mention>();

            // The same spans first: unchanged, or the same span with other fields.
            var bySpan = new Dictionary<(int, int), Queue<int>>();
            for (int i = 0; i < after.Count; i++)
            {
                (int, int) span = (after[i].Start, after[i].End);
                if (!bySpan.TryGetValue(span, out Queue<int>? queue))
                {
                    bySpan[span] = queue = new Queue<int>();
                }

                queue.Enqueue(i);
            }

            foreach (Mention mention in before)
            {
                if (bySpan.TryGetValue((mention.Start, mention.End), out Queue<int>? same) && same.Count > 0)
                {
                    int i = same.Dequeue();
                    taken[i] = true;
                    if (SameFields(mention, after[i]))
                    {
                        unchanged++;
                    }
                    else
                    {
                        changes.Add(new MentionChange(MentionChangeKind.Changed, mention, after[i]));
                    }
                }
                else
                {
                    left.Add(mention);
                }
            }

            // Then overlapping spans, one to one: moved; the rest removed or added.
            foreach (Mention mention in left)
            {
                int i = 0;
                while (i < after.Count && (taken[i] || !after[i].Overlaps(mention)))
                {
                    i++;
                }

                if (i < after.Count)
                {
                    taken[i] = true;
                    changes.Add(new MentionChange(MentionChangeKind.Moved, mention, after[i]));
                }
                else
                {
                    changes.Add(new MentionChange(MentionChangeKind.Removed, mention, null));
                }
            }

            for (int i = 0; i < after.Count; i++)
            {
                if (!taken[i])
                {
                    changes.Add(new MentionChange(MentionChangeKind.Added, null, after[i]));
                }
            }
        }

        foreach (List<Mention> onlyNew in newByKey.Values)
        {
            changes.AddRange(onlyNew.Select(m => new MentionChange(MentionChangeKind.Added, null, m)));
        }

        changes.Sort(static (a, b) =>
        {
            int order = string.CompareOrdinal(a.Mention.Doc, b.Mention.Doc);
            order = order != 0 ? order : a.Mention.Start.CompareTo(b.Mention.Start);
            order = order != 0 ? order : a.Mention.End.CompareTo(b.Mention.End);
            order = order != 0 ? order : string.CompareOrdinal(a.Mention.Type, b.Mention.Type);
            return order != 0 ? order : a.Kind.CompareTo(b.Kind);
        });
        return new MentionDiff(changes, EvaluationReport.Compare(old, @new), unchanged);
    }

    /// <summary>The changes counted per type and rule (<see cref="MentionChange.Rule"/>), by type, then rule.</summary>
    public IReadOnlyList<(string Type, string Rule, int Added, int Removed, int Changed, int Moved)> Counts()
        => [.. Changes
            .GroupBy(c => (c.Mention.Type, c.Rule))
            .OrderBy(g => g.Key.Type, StringComparer.Ordinal).ThenBy(g => g.Key.Rule, StringComparer.Ordinal)
            .Select(g => (g.Key.Type, g.Key.Rule, g.Count(c => c.Kind == MentionChangeKind.Added), g.Count(c => c.Kind == MentionChangeKind.Removed), g.Count(c => c.Kind == MentionChangeKind.Changed), g.Count(c => c.Kind == MentionChangeKind.Moved)))];

    /// <summary>
    /// One line that says what changed, for a review: <c>12 Person added in 9 documents, 3 Place removed in 2 documents</c>,
    /// or <c>no change</c>.
    /// </summary>
    public string Summary()
    {
        if (Changes.Count == 0)
        {
            return "no change";
        }

        return string.Join(", ", Changes
            .GroupBy(c => (c.Kind, c.Mention.Type))
            .OrderBy(g => g.Key.Kind).ThenBy(g => g.Key.Type, StringComparer.Ordinal)
            .Select(g =>
            {
                int documents = g.Select(c => c.Mention.Doc).Distinct(StringComparer.Ordinal).Count();
                return string.Create(CultureInfo.InvariantCulture, $"{g.Count()} {g.Key.Type} {Verb(g.Key.Kind)} in {documents} document{(documents == 1 ? string.Empty : "s")}");
            }));
    }

    /// <summary>
    /// The report: the summary, counts per type and rule, the scores of the new run against the old
    /// one, then each change, in its sentence when <paramref name="texts"/> has the document's text
    /// (by document name) with the span between ⟦ and ⟧, else with the mention's text alone.
    /// </summary>
    /// <param name="texts">The documents' texts by name, for the sentences; null to list the mentions alone.</param>
    /// <param name="details">Whether to list each change after the tables.</param>
    public string ToText(IReadOnlyDictionary<string, string>? texts = null, bool details = true)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Summary()} ({Unchanged} mention(s) the same in both)\n\n");
        text.Append("| type | rule | added | removed | changed | moved |\n| --- | --- | ---: | ---: | ---: | ---: |\n");
        foreach ((string type, string rule, int added, int removed, int changed, int moved) in Counts())
        {
            text.Append(CultureInfo.InvariantCulture, $"| {type} | {rule} | {added} | {removed} | {changed} | {moved} |\n");
        }

        text.Append("\nThe new run against the old one:\n\n").Append(Scores.ToText(details: false));
        if (!details || Changes.Count == 0)
        {
            return text.ToString();
        }

        text.Append('\n');
        foreach (MentionChange change in Changes)
        {
            Mention where = change.Mention;
            text.Append(change.Describe()).Append('\n').Append("    ").Append(texts is not null && texts.TryGetValue(where.Doc, out string? document) ? Sentence(document, where.Start, where.End) : where.Text).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The sentence of <paramref name="text"/> around <c>[start, end)</c>, the span between ⟦ and ⟧, on one line.</summary>
    public static string Sentence(string text, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(text);
        start = Math.Clamp(start, 0, text.Length);
        end = Math.Clamp(end, start, text.Length);
        TextSpan sentence = SentenceAround(text, start, end);
        string marked = string.Concat(text[sentence.Start..start], "⟦", text[start..end], "⟧", text[end..sentence.End]);
        return marked.Replace('\n', ' ').Replace('\r', ' ').Trim();
    }

    /// <summary>
    /// Where the sentence around <c>[start, end)</c> stands in <paramref name="text"/>: from after the
    /// last full stop, question or exclamation mark (Arabic ؟ too) or line break before the span, to
    /// the next one after it (the mark included, a line break not).
    /// </summary>
    public static TextSpan SentenceAround(string text, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(text);
        start = Math.Clamp(start, 0, text.Length);
        end = Math.Clamp(end, start, text.Length);
        int from = start;
        while (from > 0 && !EndsSentence(text[from - 1]))
        {
            from--;
        }

        int to = end;
        while (to < text.Length && !EndsSentence(text[to]))
        {
            to++;
        }

        if (to < text.Length && text[to] != '\n')
        {
            to++; // the full stop
        }

        return TextSpan.FromBounds(from, to);
    }

    private static bool EndsSentence(char c) => c is '.' or '!' or '?' or '؟' or '\n';

    private static bool SameFields(Mention a, Mention b)
        => a.Attributes.Count == b.Attributes.Count && a.Attributes.All(pair => b.Attributes.TryGetValue(pair.Key, out string? value) && value == pair.Value);

    private static string Verb(MentionChangeKind kind) => kind switch
    {
        MentionChangeKind.Added => "added",
        MentionChangeKind.Removed => "removed",
        MentionChangeKind.Changed => "changed",
        _ => "moved",
    };
}
