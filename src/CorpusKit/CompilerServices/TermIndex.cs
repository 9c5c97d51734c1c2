using System;
using System.Collections.Generic;
using System.ComponentModel;

namespace CorpusKit.CompilerServices;

/// <summary>
/// Every dictionary of a module (its lexicons and the inline term lists of its rules) in one
/// <see cref="TermTrie"/>, so a document is scanned once for all of them.
/// </summary>
/// <remarks>
/// <para>For generated code: CorpusKit's generator emits the calls to this type; it is not meant to be called by hand and may change in any release.</para>
/// A node of the trie where forms end holds an entry; the entry lists the dictionaries the form
/// belongs to, each with the form's value there (the index of its key). A form may stand in
/// several dictionaries (a name in a lexicon and in a rule's inline list). The generator lays
/// the trie and the entries out at build time.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class TermIndex
{
    private readonly int[]? _entryStarts;
    private readonly int[]? _memberships;

    // Per dictionary, whether its forms stand only as written (no article the form lacks before them); null when none does.
    private readonly bool[]? _articleAsWritten;

    /// <summary>Wraps the arrays the generator laid out.</summary>
    /// <param name="trie">The forms of every dictionary; each terminal node's value is an entry.</param>
    /// <param name="dictionaryCount">How many dictionaries the index holds.</param>
    /// <param name="entryStarts">For entry <c>e</c>, its memberships are pairs <c>[entryStarts[e], entryStarts[e + 1])</c> of <paramref name="memberships"/>.</param>
    /// <param name="memberships">Pairs of (dictionary, value), flattened: the dictionary at even indexes, the value after it.</param>
    public TermIndex(TermTrie trie, int dictionaryCount, int[] entryStarts, int[] memberships)
        : this(trie, dictionaryCount, entryStarts, memberships, default)
    {
    }

    /// <summary>Wraps the arrays the generator laid out, with the dictionaries whose forms stand only as written.</summary>
    /// <param name="trie">The forms of every dictionary; each terminal node's value is an entry.</param>
    /// <param name="dictionaryCount">How many dictionaries the index holds.</param>
    /// <param name="entryStarts">For entry <c>e</c>, its memberships are pairs <c>[entryStarts[e], entryStarts[e + 1])</c> of <paramref name="memberships"/>.</param>
    /// <param name="memberships">Pairs of (dictionary, value), flattened: the dictionary at even indexes, the value after it.</param>
    /// <param name="articleAsWritten">
    /// The dictionaries (<c>article: as-written</c>) whose forms are not matched after an article ال they
    /// lack: a given name <c>خليل</c> is not read in <c>الخليل</c>, where the other dictionaries' forms are.
    /// </param>
    public TermIndex(TermTrie trie, int dictionaryCount, int[] entryStarts, int[] memberships, ReadOnlySpan<int> articleAsWritten)
    {
        ArgumentNullException.ThrowIfNull(trie);
        ArgumentNullException.ThrowIfNull(entryStarts);
        ArgumentNullException.ThrowIfNull(memberships);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dictionaryCount);
        if (entryStarts.Length == 0 || entryStarts[^1] * 2 != memberships.Length)
        {
            throw new ArgumentException("The entry arrays do not fit together.", nameof(entryStarts));
        }

        for (int i = 0; i < memberships.Length; i += 2)
        {
            if ((uint)memberships[i] >= (uint)dictionaryCount || memberships[i + 1] < 0)
            {
                throw new ArgumentException($"Membership {i / 2} names dictionary {memberships[i]} of {dictionaryCount}.", nameof(memberships));
            }
        }

        Trie = trie;
        DictionaryCount = dictionaryCount;
        _entryStarts = entryStarts;
        _memberships = memberships;
        _articleAsWritten = AsFlags(articleAsWritten, dictionaryCount);
    }

    /// <summary>Whether the forms of <paramref name="dictionary"/> stand only as written: not after an article ال they lack.</summary>
    public bool IsArticleAsWritten(int dictionary) => _articleAsWritten is { } flags && flags[dictionary];

    private static bool[]? AsFlags(ReadOnlySpan<int> dictionaries, int dictionaryCount)
    {
        if (dictionaries.IsEmpty)
        {
            return null;
        }

        var flags = new bool[dictionaryCount];
        foreach (int dictionary in dictionaries)
        {
            if ((uint)dictionary >= (uint)dictionaryCount)
            {
                throw new ArgumentOutOfRangeException(nameof(dictionaries), $"Dictionary {dictionary} of {dictionaryCount} cannot stand as written: there is no such dictionary.");
            }

            flags[dictionary] = true;
        }

        return flags;
    }

    /// <summary>
    /// Reads the index the generator wrote as data: the distinct chars of its labels, and its
    /// arrays 5 bits a char (see <c>TermData</c>), kept in the assembly as a <c>u8</c> literal.
    /// </summary>
    public static TermIndex FromData(string alphabet, ReadOnlySpan<byte> data, int dictionaryCount)
        => FromData(alphabet, data, dictionaryCount, default);

    /// <summary>
    /// Reads the index the generator wrote as data (a <c>u8</c> literal), with the dictionaries whose
    /// forms stand only as written (<c>article: as-written</c>).
    /// </summary>
    public static TermIndex FromData(string alphabet, ReadOnlySpan<byte> data, int dictionaryCount, ReadOnlySpan<int> articleAsWritten)
    {
        ArgumentNullException.ThrowIfNull(alphabet);
        (string labels, int[] targets, int[] edgeStarts, int[] values, int[] entryStarts, int[] memberships) = TermData.Decode(alphabet, data);
        return new TermIndex(new TermTrie(labels, targets, edgeStarts, values), dictionaryCount, entryStarts, memberships, articleAsWritten);
    }

    /// <summary>Reads the index the generator wrote as data in a string literal (data small enough to be one).</summary>
    public static TermIndex FromData(string alphabet, string data, int dictionaryCount)
        => FromData(alphabet, data, dictionaryCount, default);

    /// <summary>
    /// Reads the index the generator wrote as data in a string literal, with the dictionaries whose
    /// forms stand only as written (<c>article: as-written</c>).
    /// </summary>
    public static TermIndex FromData(string alphabet, string data, int dictionaryCount, ReadOnlySpan<int> articleAsWritten)
    {
        ArgumentNullException.ThrowIfNull(alphabet);
        ArgumentNullException.ThrowIfNull(data);
        (string labels, int[] targets, int[] edgeStarts, int[] values, int[] entryStarts, int[] memberships) = TermData.Decode(alphabet, data);
        return new TermIndex(new TermTrie(labels, targets, edgeStarts, values), dictionaryCount, entryStarts, memberships, articleAsWritten);
    }

    /// <summary>The keys of a dictionary, which the generator wrote as one <c>u8</c> literal, a unit separator (U+001F) between two.</summary>
    public static string[] Keys(ReadOnlySpan<byte> utf8) => TermData.Keys(utf8);

    /// <summary>The keys of a dictionary, which the generator wrote as one string literal, a unit separator (U+001F) between two.</summary>
    public static string[] Keys(string keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return TermData.Keys(keys);
    }

    /// <summary>An index of one dictionary: the trie's values are the values of its forms.</summary>
    private TermIndex(TermTrie trie)
    {
        Trie = trie;
        DictionaryCount = 1;
    }

    /// <summary>The forms of every dictionary.</summary>
    public TermTrie Trie { get; }

    /// <summary>How many dictionaries the index holds; they are numbered from 0.</summary>
    public int DictionaryCount { get; }

    /// <summary>An index whose one dictionary is <paramref name="trie"/> (its values as they are).</summary>
    public static TermIndex Of(TermTrie trie)
    {
        ArgumentNullException.ThrowIfNull(trie);
        return trie.AsIndex ??= new TermIndex(trie);
    }

    /// <summary>
    /// Builds an index at run time from dictionaries known only then; each form should already be
    /// normalized as the text will be. Within a dictionary the first value given for a form wins.
    /// </summary>
    /// <param name="dictionaries">Each dictionary's forms with their values (non-negative numbers the caller maps to keys).</param>
    public static TermIndex Create(IReadOnlyList<IEnumerable<KeyValuePair<string, int>>> dictionaries)
        => Create(dictionaries, default);

    /// <summary>
    /// Builds an index at run time, as <see cref="Create(IReadOnlyList{IEnumerable{KeyValuePair{string, int}}})"/>,
    /// with the dictionaries whose forms stand only as written: not matched after an article ال they lack.
    /// </summary>
    /// <param name="dictionaries">Each dictionary's forms with their values (non-negative numbers the caller maps to keys).</param>
    /// <param name="articleAsWritten">The indexes in <paramref name="dictionaries"/> of those whose forms stand only as written.</param>
    public static TermIndex Create(IReadOnlyList<IEnumerable<KeyValuePair<string, int>>> dictionaries, ReadOnlySpan<int> articleAsWritten)
    {
        ArgumentNullException.ThrowIfNull(dictionaries);
        ArgumentOutOfRangeException.ThrowIfZero(dictionaries.Count);
        var entries = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var order = new List<string>();
        for (int dictionary = 0; dictionary < dictionaries.Count; dictionary++)
        {
            foreach (KeyValuePair<string, int> form in dictionaries[dictionary])
            {
                ArgumentOutOfRangeException.ThrowIfNegative(form.Value);
                if (form.Key.Length == 0)
                {
                    continue;
                }

                if (!entries.TryGetValue(form.Key, out List<int>? memberships))
                {
                    memberships = [];
                    entries.Add(form.Key, memberships);
                    order.Add(form.Key);
                }

                if (!HasDictionary(memberships, dictionary))
                {
                    memberships.Add(dictionary);
                    memberships.Add(form.Value);
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
            pairs.AddRange(entries[order[entry]]);
        }

        entryStarts[order.Count] = pairs.Count / 2;
        (string labels, int[] targets, int[] edgeStarts, int[] values) = builder.Build();
        return new TermIndex(new TermTrie(labels, targets, edgeStarts, values), dictionaries.Count, entryStarts, [.. pairs], articleAsWritten);

        static bool HasDictionary(List<int> memberships, int dictionary)
        {
            for (int i = 0; i < memberships.Count; i += 2)
            {
                if (memberships[i] == dictionary)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Whether the whole of <paramref name="form"/> is a form of <paramref name="dictionary"/>; gives its value.</summary>
    public bool TryGetValue(ReadOnlySpan<char> form, int dictionary, out int value)
    {
        value = -1;
        return Trie.TryGetValue(form, out int entry) && TryGetMembership(entry, dictionary, out value);
    }

    /// <summary>For each entry, where its memberships start (null: the trie's values are the one dictionary's values).</summary>
    internal int[]? EntryStarts => _entryStarts;

    /// <summary>(dictionary, value) pairs, flattened.</summary>
    internal int[]? Memberships => _memberships;

    /// <summary>The number of (dictionary, value) memberships of <paramref name="entry"/>.</summary>
    internal int MembershipCount(int entry) => _entryStarts is null ? 1 : _entryStarts[entry + 1] - _entryStarts[entry];

    /// <summary>Membership <paramref name="k"/> of <paramref name="entry"/>.</summary>
    internal (int Dictionary, int Value) Membership(int entry, int k)
    {
        if (_entryStarts is null)
        {
            return (0, entry);
        }

        int at = (_entryStarts[entry] + k) * 2;
        return (_memberships![at], _memberships[at + 1]);
    }

    private bool TryGetMembership(int entry, int dictionary, out int value)
    {
        int count = MembershipCount(entry);
        for (int k = 0; k < count; k++)
        {
            (int d, int v) = Membership(entry, k);
            if (d == dictionary)
            {
                value = v;
                return true;
            }
        }

        value = -1;
        return false;
    }
}
