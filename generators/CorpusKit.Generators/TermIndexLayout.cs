using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CorpusKit.CompilerServices;
using CorpusKit.Generators.Model;

namespace CorpusKit.Generators;

/// <summary>
/// Every dictionary of a module laid out as one trie, the way <c>CorpusKit.CompilerServices.TermIndex</c>
/// reads it, so a document is scanned once for all of them: the lexicons that rules match as
/// terms or read months from, then the inline term lists of rules and steps, in schema order.
/// </summary>
internal sealed class TermIndexLayout
{
    private readonly Dictionary<string, int> _ids;

    private TermIndexLayout(List<TermDictionary> dictionaries, string labels, int[] targets, int[] edgeStarts, int[] values, int[] entryStarts, int[] memberships, int formCount)
    {
        Dictionaries = dictionaries;
        Labels = labels;
        Targets = targets;
        EdgeStarts = edgeStarts;
        Values = values;
        EntryStarts = entryStarts;
        Memberships = memberships;
        FormCount = formCount;
        _ids = dictionaries.ToDictionary(d => d.Owner, d => d.Id, StringComparer.Ordinal);
    }

    /// <summary>The dictionaries, by id.</summary>
    public List<TermDictionary> Dictionaries { get; }

    /// <summary>The trie's edge labels (see <c>TermTrie</c>).</summary>
    public string Labels { get; }

    /// <summary>The node each edge leads to.</summary>
    public int[] Targets { get; }

    /// <summary>For each node, where its edges start; one more than the nodes.</summary>
    public int[] EdgeStarts { get; }

    /// <summary>For each node, the entry (distinct form) that ends there, or -1.</summary>
    public int[] Values { get; }

    /// <summary>For each entry, where its memberships start; one more than the entries.</summary>
    public int[] EntryStarts { get; }

    /// <summary>(dictionary, value) pairs, flattened.</summary>
    public int[] Memberships { get; }

    /// <summary>The number of distinct forms.</summary>
    public int FormCount { get; }

    /// <summary>The id of the inline dictionary of rule <paramref name="ruleId"/> of <paramref name="entity"/>, or of its step <paramref name="step"/>.</summary>
    public int InlineId(string entity, string ruleId, int? step, int? choice = null) => _ids[InlineOwner(entity, ruleId, step, choice)];

    /// <summary>Lays out the dictionaries of <paramref name="module"/>; null when no rule matches terms or reads months.</summary>
    public static TermIndexLayout? Build(ModuleSpec module)
    {
        var dictionaries = new List<TermDictionary>();
        var lexicons = new HashSet<string>(module.Entities.SelectMany(e => e.Rules).SelectMany(LexiconsOf), StringComparer.Ordinal);
        foreach (LexiconSpec lexicon in module.Lexicons)
        {
            if (lexicons.Contains(lexicon.Name))
            {
                dictionaries.Add(new TermDictionary(dictionaries.Count, LexiconOwner(lexicon.Name), lexicon.MemberName, $"lexicon <c>{SourceWriter.Xml(lexicon.Name)}</c>" + (lexicon.File is { } file ? $" (from <c>{SourceWriter.Xml(file.Written)}</c>)" : string.Empty), lexicon.Entries, lexicon.Keyed, lexicon.IntegerKeys, Inline: false, lexicon.ArticleAsWritten));
            }
        }

        foreach (EntitySpec entity in module.Entities)
        {
            foreach (RuleSpec rule in entity.Rules)
            {
                if (rule.Body is TermsBody { Terms: { LexiconName: null } terms })
                {
                    dictionaries.Add(new TermDictionary(dictionaries.Count, InlineOwner(entity.Name, rule.Id, null), rule.MemberName, $"the inline terms of rule <c>{SourceWriter.Xml(rule.Id)}</c> of {entity.Name}", terms.Entries, terms.Keyed, IntegerKeys: false, Inline: true));
                }

                for (int i = 0; i < rule.Steps.Count; i++)
                {
                    if (rule.Steps[i].Dictionary is { LexiconName: null } stepTerms)
                    {
                        dictionaries.Add(new TermDictionary(dictionaries.Count, InlineOwner(entity.Name, rule.Id, i), rule.StepMemberName(i), $"the inline terms of step {(i + 1).ToString(CultureInfo.InvariantCulture)} of rule <c>{SourceWriter.Xml(rule.Id)}</c> of {entity.Name}", stepTerms.Entries, stepTerms.Keyed, IntegerKeys: false, Inline: true));
                    }

                    if (rule.Steps[i] is AnyStep any)
                    {
                        for (int c = 0; c < any.Options.Count; c++)
                        {
                            if (any.Options[c].Dictionary is { LexiconName: null } choiceTerms)
                            {
                                dictionaries.Add(new TermDictionary(dictionaries.Count, InlineOwner(entity.Name, rule.Id, i, c), rule.ChoiceMemberName(i, c), $"the inline terms of choice {(c + 1).ToString(CultureInfo.InvariantCulture)} of step {(i + 1).ToString(CultureInfo.InvariantCulture)} of rule <c>{SourceWriter.Xml(rule.Id)}</c> of {entity.Name}", choiceTerms.Entries, choiceTerms.Keyed, IntegerKeys: false, Inline: true));
                            }
                        }
                    }
                }
            }
        }

        if (dictionaries.Count == 0)
        {
            return null;
        }

        // One entry per distinct form, holding each dictionary that lists it with the form's value
        // there (the first value wins within a dictionary, as a lone trie keeps the first).
        var entries = new Dictionary<string, List<(int Dictionary, int Value)>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (TermDictionary dictionary in dictionaries)
        {
            for (int value = 0; value < dictionary.Entries.Count; value++)
            {
                foreach (string form in dictionary.Entries[value].Forms)
                {
                    if (form.Length == 0)
                    {
                        continue;
                    }

                    if (!entries.TryGetValue(form, out List<(int Dictionary, int Value)>? memberships))
                    {
                        memberships = [];
                        entries.Add(form, memberships);
                        order.Add(form);
                    }

                    if (!memberships.Any(m => m.Dictionary == dictionary.Id))
                    {
                        memberships.Add((dictionary.Id, value));
                    }
                }
            }
        }

        var builder = new TrieBuilder();
        var entryStarts = new int[order.Count + 1];
        var pairs = new List<int>();
        for (int entry = 0; entry < order.Count; entry++)
        {
            builder.Add(order[entry], entry);
            entryStarts[entry] = pairs.Count / 2;
            foreach ((int dictionary, int value) in entries[order[entry]])
            {
                pairs.Add(dictionary);
                pairs.Add(value);
            }
        }

        entryStarts[order.Count] = pairs.Count / 2;
        (string labels, int[] targets, int[] edgeStarts, int[] values) = builder.Build();

        // Number the entries in the order their nodes come in the trie (breadth first), so a node's
        // entry is the count of entry nodes before it and the data need not write it (TermData).
        var newStarts = new int[order.Count + 1];
        var newPairs = new List<int>(pairs.Count);
        int next = 0;
        for (int node = 0; node < values.Length; node++)
        {
            if (values[node] < 0)
            {
                continue;
            }

            int old = values[node];
            newStarts[next] = newPairs.Count / 2;
            for (int p = entryStarts[old] * 2; p < entryStarts[old + 1] * 2; p++)
            {
                newPairs.Add(pairs[p]);
            }

            values[node] = next++;
        }

        newStarts[next] = newPairs.Count / 2;
        return new TermIndexLayout(dictionaries, labels, targets, edgeStarts, values, newStarts, newPairs.ToArray(), order.Count);
    }

    /// <summary>The lexicons whose forms a rule matches (terms, term steps), whose keys name months (date fills), or whose words speaker(…) reads.</summary>
    public static IEnumerable<string> LexiconsOf(RuleSpec rule)
    {
        if (rule.Body is TermsBody { Terms.LexiconName: { } terms })
        {
            yield return terms;
        }

        foreach (StepSpec step in rule.Steps)
        {
            foreach (StepSpec choice in step.Choices)
            {
                if (choice.Dictionary is { LexiconName: { } choiceTerms })
                {
                    yield return choiceTerms;
                }
            }
        }

        foreach (FieldFill fill in rule.Fills)
        {
            if (fill is DateFill { MonthLexicon: { } lexicon })
            {
                yield return lexicon;
            }

            if (fill is DateFill { DayLexicon: { } days })
            {
                yield return days;
            }

            if (fill is SpeakerFill speaker)
            {
                yield return speaker.Verbs;
                if (speaker.Statements is { } statements)
                {
                    yield return statements;
                }
            }
        }
    }

    private static string LexiconOwner(string lexicon) => "lexicon:" + lexicon;

    private static string InlineOwner(string entity, string rule, int? step, int? choice = null) => $"{entity}/{rule}/{step}/{choice}";
}

/// <summary>One dictionary of a <see cref="TermIndexLayout"/>.</summary>
/// <param name="Id">Its number in the index.</param>
/// <param name="Owner">What declares it: a lexicon, or a rule or step of an entity.</param>
/// <param name="MemberName">The C# name of its id (and of its keys, with <c>Keys</c> after it).</param>
/// <param name="What">Its description, as XML, for docs.</param>
/// <param name="Entries">Its keys and forms.</param>
/// <param name="Keyed">Whether its keys are names of their own (a keyed lexicon or map).</param>
/// <param name="IntegerKeys">Whether its keys are numbers (months).</param>
/// <param name="Inline">Whether a rule or step declares it (the extractor holds its id and keys).</param>
internal sealed record TermDictionary(int Id, string Owner, string MemberName, string What, ImmutableEquatableArray<LexiconEntry> Entries, bool Keyed, bool IntegerKeys, bool Inline, bool ArticleAsWritten = false);
