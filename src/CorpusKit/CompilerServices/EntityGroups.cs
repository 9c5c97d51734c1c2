using System;
using System.Collections.Generic;
using System.ComponentModel;
using CorpusKit.Documents;
using CorpusKit.Text;

namespace CorpusKit.CompilerServices;

/// <summary>Groups a document's mentions into distinct entities.</summary>
/// <remarks>For generated code: CorpusKit's generator emits the calls to this type; it is not meant to be called by hand and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class EntityGroups
{
    /// <summary>
    /// Up to this many groups, a mention's words are compared with each group in turn: fewer
    /// steps and no index to build for the few dozen entities of a news article.
    /// </summary>
    internal const int IndexedGroups = 16;

    /// <summary>
    /// Groups <paramref name="mentions"/> by <paramref name="same"/>; groups come in the order of
    /// their first mention.
    /// </summary>
    public static IReadOnlyList<EntityGroup<T>> Collect<T>(IReadOnlyList<T> mentions, SameEntity same, TextNormalization normalization)
        where T : IEntity
        => Collect(mentions, same, normalization, IndexedGroups);

    /// <summary>
    /// The groups of <see cref="Collect{T}(IReadOnlyList{T}, SameEntity, TextNormalization)"/>, formed
    /// when they are first read (from any thread; two threads that read them at once may both form
    /// them, and one result is kept). A generated document gives its groups this way: a caller who
    /// reads only the mentions (the sample's <c>--format mentions</c>, a count) pays for no grouping.
    /// </summary>
    /// <remarks><paramref name="mentions"/> must not change afterwards: a generated document's lists never do.</remarks>
    public static IReadOnlyList<EntityGroup<T>> Defer<T>(IReadOnlyList<T> mentions, SameEntity same, TextNormalization normalization)
        where T : IEntity
    {
        ArgumentNullException.ThrowIfNull(mentions);
        return mentions.Count == 0 ? [] : new DeferredGroups<T>(mentions, same, normalization);
    }

    /// <summary>
    /// <see cref="Collect{T}(IReadOnlyList{T}, SameEntity, TextNormalization)"/>, indexing the groups'
    /// words once there are more than <paramref name="indexedGroups"/> of them (tests set it to see
    /// both ways give the same groups).
    /// </summary>
    internal static EntityGroup<T>[] Collect<T>(IReadOnlyList<T> mentions, SameEntity same, TextNormalization normalization, int indexedGroups)
        where T : IEntity
    {
        ArgumentNullException.ThrowIfNull(mentions);
        int count = mentions.Count;
        if (count == 0)
        {
            return [];
        }

        // The work arrays are the thread's (a document's lists are grouped one after another, per
        // type, on every thread): only the groups and their mention arrays are allocated.
        Scratch scratch = Scratch.Take();
        KeyWords[]? words = null;
        try
        {
            int[] keyOf = scratch.Ints(ref scratch.KeyOf, count);
            int[] order = scratch.Ints(ref scratch.Order, count);
            int[] groupOf = scratch.Ints(ref scratch.GroupOf, count);
            int[] representatives = scratch.Ints(ref scratch.Representatives, count);
            (int Words, int KeyLength, int TextLength)[] sortKeys = scratch.SortKeys(count);
            words = same == SameEntity.Contained ? scratch.KeyWordSlots(count) : null;

            // Each distinct key once, in the order they come.
            Dictionary<string, int> distinct = scratch.Distinct;
            List<string> distinctKeys = scratch.DistinctKeys;
            for (int i = 0; i < count; i++)
            {
                string key = mentions[i].Key;
                if (!distinct.TryGetValue(key, out int id))
                {
                    id = distinctKeys.Count;
                    distinct.Add(key, id);
                    distinctKeys.Add(key);
                }

                keyOf[i] = id;
            }

            // Their number of words, normalized (the fullest keys come first, so every shorter key
            // finds the group it belongs to), and under Contained the words themselves.
            if (words is not null)
            {
                scratch.Reserve(distinctKeys, normalization);
            }

            List<(int Count, KeyWords Words)> distinctWords = scratch.DistinctWords;
            foreach (string key in distinctKeys)
            {
                KeyWords list = words is not null ? scratch.Add(key, normalization) : default;
                distinctWords.Add((words is not null ? list.Count : NormalizedText.CountWords(key, normalization), list));
            }

            for (int i = 0; i < count; i++)
            {
                (int wordCount, KeyWords keyWords) = distinctWords[keyOf[i]];
                order[i] = i;
                sortKeys[i] = (wordCount, mentions[i].Key.Length, mentions[i].Text.Length);
                if (words is not null)
                {
                    words[i] = keyWords;
                }
            }

            // Among equal keys, the mention whose text says most (سيرغي لافروف over لافروف) stands for the group.
            CompilerServices.IndexSort.Sort(order.AsSpan(0, count), new Fullest(sortKeys));
            int[] groupOfKey = scratch.Ints(ref scratch.GroupOfKey, distinctWords.Count);
            groupOfKey.AsSpan(0, distinctWords.Count).Fill(-1);
            int groups = Group(order.AsSpan(0, count), keyOf, words, scratch.WordCount, groupOfKey, representatives, groupOf, indexedGroups);
            return Gather(mentions, groupOf.AsSpan(0, count), representatives.AsSpan(0, groups), scratch);
        }
        finally
        {
            // The words point into the scratch's arena, which the next call fills again.
            words?.AsSpan(0, count).Clear();
            scratch.Give();
        }
    }

    /// <summary>
    /// Puts each mention, fullest first (<paramref name="order"/>), in the first group (in the order
    /// groups were made) whose representative has its key or, under Contained, holds its words as a
    /// run. While there are few groups, each is tried in turn; past <paramref name="indexedGroups"/>,
    /// each representative's words are indexed by word and by pair of words (where they stand), so
    /// a mention is compared only with the groups where its rarest pair stands, at that place, and
    /// a document of thousands of quotes stays linear. Returns the number of groups.
    /// </summary>
    private static int Group(ReadOnlySpan<int> order, int[] keyOf, KeyWords[]? words, int keyWordCount, int[] groupOfKey, int[] representatives, int[] groupOf, int indexedGroups)
    {
        int groups = 0;
        GramIndex? byGram = null;
        foreach (int i in order)
        {
            int group = groupOfKey[keyOf[i]];
            if (words is not null && words[i].Count > 0)
            {
                KeyWords part = words[i];
                int before = group >= 0 ? group : groups;
                if (byGram is null)
                {
                    for (int g = 0; g < before; g++)
                    {
                        if (part.IsRunOf(words[representatives[g]]))
                        {
                            group = g;
                            break;
                        }
                    }
                }
                else if (byGram.Rarest(part, out int offset) is int first and >= 0)
                {
                    for (int posting = first; posting >= 0; posting = byGram.Next(posting))
                    {
                        (int g, int at) = byGram.Place(posting);
                        if (g >= before)
                        {
                            break;
                        }

                        if (part.IsRunOf(words[representatives[g]], at - offset))
                        {
                            group = g;
                            break;
                        }
                    }
                }
            }

            if (group < 0)
            {
                group = groups;
                representatives[groups++] = i;
                if (groupOfKey[keyOf[i]] < 0)
                {
                    groupOfKey[keyOf[i]] = group;
                }

                if (words is not null)
                {
                    if (byGram is not null)
                    {
                        byGram.Post(words[i], group);
                    }
                    else if (groups > indexedGroups)
                    {
                        // A representative's words are those of a distinct key: the keys' words bound the postings.
                        byGram = new GramIndex(2 * keyWordCount);
                        for (int g = 0; g < groups; g++)
                        {
                            byGram.Post(words[representatives[g]], g);
                        }
                    }
                }
            }

            groupOf[i] = group;
        }

        return groups;
    }

    /// <summary>
    /// Each group's mentions in document order; the groups in the order of their first mention. Every
    /// group's mentions are a run of one array, the groups one array of values: two arrays in all.
    /// </summary>
    private static EntityGroup<T>[] Gather<T>(IReadOnlyList<T> mentions, ReadOnlySpan<int> groupOf, ReadOnlySpan<int> representatives, Scratch scratch)
        where T : IEntity
    {
        int groups = representatives.Length;
        int[] sizes = scratch.Ints(ref scratch.Sizes, groups);
        int[] slots = scratch.Ints(ref scratch.Slots, groups);
        int[] bySlot = scratch.Ints(ref scratch.BySlot, groups);
        sizes.AsSpan(0, groups).Clear();
        slots.AsSpan(0, groups).Fill(-1);
        int made = 0;
        foreach (int group in groupOf)
        {
            sizes[group]++;
            if (slots[group] < 0)
            {
                bySlot[made] = group;
                slots[group] = made++;
            }
        }

        // Each group's run starts where the runs of the groups before it (in slot order) end.
        int[] next = scratch.Ints(ref scratch.Next, groups);
        int start = 0;
        for (int slot = 0; slot < groups; slot++)
        {
            next[bySlot[slot]] = start;
            start += sizes[bySlot[slot]];
        }

        var all = new T[groupOf.Length];
        for (int i = 0; i < groupOf.Length; i++)
        {
            all[next[groupOf[i]]++] = mentions[i];
        }

        var result = new EntityGroup<T>[groups];
        for (int slot = 0; slot < groups; slot++)
        {
            int group = bySlot[slot];
            int size = sizes[group];
            result[slot] = new EntityGroup<T>(mentions[representatives[group]], new MentionList<T>(all, next[group] - size, size));
        }

        return result;
    }

    /// <summary>
    /// The distinct keys of one call, kept per thread between calls; a set that grew past
    /// <see cref="KeptKeys"/> keys is let go rather than cleared again and again.
    /// </summary>
    private sealed class Scratch
    {
        private const int KeptKeys = 4096;

        /// <summary>An arena grown past this many chars of keys is let go with the scratch.</summary>
        private const int KeptChars = 1 << 16;

        [ThreadStatic]
        private static Scratch? t_free;

        // The work arrays of a call, grown as needed (see Ints).
        public int[] KeyOf = [];
        public int[] Order = [];
        public int[] GroupOf = [];
        public int[] Representatives = [];
        public int[] GroupOfKey = [];
        public int[] Sizes = [];
        public int[] Slots = [];
        public int[] BySlot = [];
        public int[] Next = [];
        private (int Words, int KeyLength, int TextLength)[] _sortKeys = [];
        private KeyWords[] _keyWords = [];

        public Dictionary<string, int> Distinct { get; } = new(StringComparer.Ordinal);

        /// <summary>The distinct keys, in the order they come.</summary>
        public List<string> DistinctKeys { get; } = [];

        public List<(int Count, KeyWords Words)> DistinctWords { get; } = [];

        private char[] _text = new char[1024];
        private ulong[] _hashes = new ulong[128];
        private int[] _bounds = new int[256];
        private int _chars;
        private int _words;

        /// <summary>The normalized keys' chars, one after another.</summary>
        public char[] Chars => _text;

        /// <summary>Each word's hash, key after key.</summary>
        public ulong[] Hashes => _hashes;

        /// <summary>Each word's start and end in <see cref="Chars"/>.</summary>
        public int[] Bounds => _bounds;

        /// <summary>The number of words in the arena: of every key added so far.</summary>
        public int WordCount => _words;

        /// <summary>
        /// Makes room in the arena for the chars and words of <paramref name="keys"/> at once, when
        /// they outgrow it: many keys, or long ones (a long document's quotes), would otherwise
        /// double its arrays again and again. Normalizing seldom changes a key's length or words;
        /// when it does (a ligature spelled out in two letters), the arena still grows as it goes.
        /// </summary>
        public void Reserve(List<string> keys, TextNormalization normalization)
        {
            long chars = 0;
            foreach (string key in keys)
            {
                chars += key.Length;
            }

            if (chars <= _text.Length)
            {
                return;
            }

            long words = 0;
            foreach (string key in keys)
            {
                words += NormalizedText.CountWords(key, normalization);
            }

            Array.Resize(ref _text, (int)Math.Min(chars, Array.MaxLength));
            if (words > _hashes.Length)
            {
                Array.Resize(ref _hashes, (int)Math.Min(words, Array.MaxLength / 2));
                Array.Resize(ref _bounds, 2 * _hashes.Length);
            }
        }

        /// <summary>Normalizes <paramref name="key"/> into the arena and cuts it into words.</summary>
        public KeyWords Add(string key, TextNormalization normalization)
        {
            char[]? rented = null;
            ReadOnlySpan<char> normalized = key;
            if (normalization == TextNormalization.Arabic)
            {
                rented = NormalizerCore.NormalizeArabicRented(key, out int length);
                normalized = rented.AsSpan(0, length);
            }

            if (_chars + normalized.Length > _text.Length)
            {
                Array.Resize(ref _text, Math.Max(_chars + normalized.Length, _text.Length * 2));
            }

            int textStart = _chars;
            normalized.CopyTo(_text.AsSpan(_chars));
            _chars += normalized.Length;
            if (rented is not null)
            {
                NormalizerCore.ReturnBuffer(rented);
            }

            int wordStart = _words;
            ReadOnlySpan<char> text = _text.AsSpan(textStart, _chars - textStart);
            int at = 0;
            while (Words.Next(text, ref at, out int start, out ulong hash))
            {
                if (_words == _hashes.Length)
                {
                    Array.Resize(ref _hashes, _hashes.Length * 2);
                    Array.Resize(ref _bounds, _bounds.Length * 2);
                }

                _hashes[_words] = hash;
                _bounds[2 * _words] = textStart + start;
                _bounds[(2 * _words) + 1] = textStart + at;
                _words++;
            }

            return new KeyWords(this, wordStart, _words - wordStart);
        }

        /// <summary>The work array in <paramref name="array"/>, made at least <paramref name="count"/> long.</summary>
        public int[] Ints(ref int[] array, int count)
        {
            if (array.Length < count)
            {
                array = new int[Math.Max(count, array.Length * 2)];
            }

            return array;
        }

        /// <summary>The sort keys of the mentions, at least <paramref name="count"/> of them.</summary>
        public (int Words, int KeyLength, int TextLength)[] SortKeys(int count)
        {
            if (_sortKeys.Length < count)
            {
                _sortKeys = new (int, int, int)[Math.Max(count, _sortKeys.Length * 2)];
            }

            return _sortKeys;
        }

        /// <summary>The words of the mentions' keys, at least <paramref name="count"/> slots.</summary>
        public KeyWords[] KeyWordSlots(int count)
        {
            if (_keyWords.Length < count)
            {
                _keyWords = new KeyWords[Math.Max(count, _keyWords.Length * 2)];
            }

            return _keyWords;
        }

        /// <summary>This thread's scratch, or a new one while it is in use.</summary>
        public static Scratch Take()
        {
            Scratch scratch = t_free ?? new Scratch();
            t_free = null;
            return scratch;
        }

        /// <summary>Empties the scratch and keeps it for the thread's next call.</summary>
        public void Give()
        {
            if (DistinctWords.Count > KeptKeys || _text.Length > KeptChars || _hashes.Length > KeptChars / 2 || KeyOf.Length > KeptKeys)
            {
                return;
            }

            Distinct.Clear();
            DistinctKeys.Clear();
            DistinctWords.Clear();
            _chars = 0;
            _words = 0;
            t_free = this;
        }
    }

    /// <summary>Fullest first: more words, then a longer key, then a longer text; on a tie, the earlier mention.</summary>
    private readonly struct Fullest((int Words, int KeyLength, int TextLength)[] keys) : IComparer<int>
    {
        public int Compare(int a, int b)
        {
            (int wordsA, int keyA, int textA) = keys[a];
            (int wordsB, int keyB, int textB) = keys[b];
            return wordsA != wordsB ? wordsB.CompareTo(wordsA)
                : keyA != keyB ? keyB.CompareTo(keyA)
                : textA != textB ? textB.CompareTo(textA)
                : a.CompareTo(b);
        }
    }

    /// <summary>
    /// The groups' representatives indexed by word and by pair of words: for each, the places
    /// (group, word index) where it stands, in the order groups were made. The places of all
    /// grams live in three flat arrays, each gram's chained from its first to its last, sized
    /// once for every posting the call can make: a document of thousands of long quotes makes
    /// millions of postings, which lists per gram, each grown by doubling, held several times over.
    /// </summary>
    private sealed class GramIndex(int capacity)
    {
        private readonly Dictionary<ulong, int> _grams = [];
        private readonly int[] _group = new int[capacity];
        private readonly int[] _at = new int[capacity];
        private readonly int[] _next = new int[capacity];
        private int[] _first = new int[16];
        private int[] _last = new int[16];
        private int[] _count = new int[16];
        private int _postings;

        /// <summary>Posts each word and each pair of words of <paramref name="added"/> under their hash, with the group and where they stand.</summary>
        public void Post(KeyWords added, int group)
        {
            for (int w = 0; w < added.Count; w++)
            {
                Post(added.Gram(w, 1), group, w);
                if (w + 1 < added.Count)
                {
                    Post(added.Gram(w, 2), group, w);
                }
            }
        }

        /// <summary>
        /// The first place of the pair of words of <paramref name="part"/> (its word, when it has
        /// one) that stands in fewest places, and where that pair begins in the part; -1 when one
        /// of its pairs stands nowhere, so no group holds the part.
        /// </summary>
        public int Rarest(KeyWords part, out int offset)
        {
            int length = part.Count == 1 ? 1 : 2;
            int rarest = -1;
            offset = 0;
            for (int w = 0; w + length <= part.Count; w++)
            {
                if (!_grams.TryGetValue(part.Gram(w, length), out int gram))
                {
                    return -1;
                }

                if (rarest < 0 || _count[gram] < _count[rarest])
                {
                    rarest = gram;
                    offset = w;
                }
            }

            return _first[rarest];
        }

        /// <summary>The place after <paramref name="posting"/> of the same gram, or -1.</summary>
        public int Next(int posting) => _next[posting];

        /// <summary>The group and the word index of a place.</summary>
        public (int Group, int At) Place(int posting) => (_group[posting], _at[posting]);

        private void Post(ulong hash, int group, int at)
        {
            int posting = _postings++;
            _group[posting] = group;
            _at[posting] = at;
            _next[posting] = -1;
            if (_grams.TryGetValue(hash, out int gram))
            {
                _next[_last[gram]] = posting;
                _last[gram] = posting;
                _count[gram]++;
                return;
            }

            gram = _grams.Count;
            _grams.Add(hash, gram);
            if (gram == _first.Length)
            {
                Array.Resize(ref _first, gram * 2);
                Array.Resize(ref _last, gram * 2);
                Array.Resize(ref _count, gram * 2);
            }

            _first[gram] = posting;
            _last[gram] = posting;
            _count[gram] = 1;
        }
    }

    /// <summary>
    /// A normalized key cut into words (runs of letters and digits), each with a hash, so runs of
    /// words are compared by hash first and by their chars only where the hashes agree. The chars,
    /// hashes and bounds live in the call's <see cref="Scratch"/>; the key is its words from
    /// <paramref name="wordStart"/>.
    /// </summary>
    private readonly struct KeyWords(Scratch arena, int wordStart, int count)
    {
        /// <summary>The number of words.</summary>
        public int Count => count;

        /// <summary>The hash of word <paramref name="w"/>.</summary>
        public ulong Hash(int w) => arena.Hashes[wordStart + w];

        /// <summary>The hash of the <paramref name="length"/> words (one or two) from word <paramref name="w"/>.</summary>
        public ulong Gram(int w, int length)
            => length == 1 ? Hash(w) : ((Hash(w) * 0x9E3779B97F4A7C15) ^ Hash(w + 1)) + 0x632BE59BD9B4E019;

        /// <summary>Whether these words occur in <paramref name="whole"/> as a run, anywhere.</summary>
        public bool IsRunOf(KeyWords whole)
        {
            for (int start = 0; start + Count <= whole.Count; start++)
            {
                if (whole.Hash(start) == Hash(0) && IsRunOf(whole, start))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether these words occur in <paramref name="whole"/> as the run that begins at its word <paramref name="start"/>.</summary>
        public bool IsRunOf(KeyWords whole, int start)
        {
            if (start < 0 || start + Count > whole.Count)
            {
                return false;
            }

            for (int k = 0; k < Count; k++)
            {
                if (Hash(k) != whole.Hash(start + k) || !Word(k).SequenceEqual(whole.Word(start + k)))
                {
                    return false;
                }
            }

            return true;
        }

        private ReadOnlySpan<char> Word(int k)
        {
            int at = 2 * (wordStart + k);
            return arena.Chars.AsSpan(arena.Bounds[at], arena.Bounds[at + 1] - arena.Bounds[at]);
        }
    }
}
