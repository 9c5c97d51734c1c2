using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Numerics;
using CorpusKit.Text;

namespace CorpusKit.CompilerServices;

/// <summary>
/// The mentions of entities already found, named again in the document by their name or their
/// surname alone (<c>repeats: name</c>): GATE's OrthoMatcher's main case, for the names of one
/// document. <c>فرهود شريفزاده</c>, found after a title, is found again in <c>وقال شريفزاده</c>.
/// </summary>
/// <remarks>
/// The surname is a name's last word, or its last two when the one before is a connector of
/// Arabic names (<c>بن</c>, <c>عبد</c>, <c>أبو</c>: <c>بن حمادي</c>, <c>عبد الرازق</c>), or, in a
/// Mauritanian name, every word from its <c>ولد</c> (son of) or <c>منت</c> (daughter of) on
/// (<c>الحسن ولد محمد الأمين</c> is named again as <c>ولد محمد الأمين</c>). A surname two
/// different names share names neither, and under Arabic normalization a surname that is a function
/// word once normalized (علي, written as على is) is not searched alone. A mention is taken with the proclitics before it left out
/// of its span, and only where no entity of the type stands already. A rule's <c>repeats: true</c>
/// (<see cref="AddWhole{T, TState}(List{T}, NormalizedText, TState, Func{T, bool}, Func{T, TextSpan, TState, T})"/>) searches the very words of what it found instead, one word or more, and
/// no surname: a company's alias in guillemets (<c>«مبادلة»</c>) is found again wherever it stands.
/// For generated code: CorpusKit's generator emits the calls to this type; it is not meant to be
/// called by hand and may change in any release.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Repeats
{
    /// <summary>
    /// Up to this many names and surnames, each is searched for on its own with a vectorized
    /// <see cref="MemoryExtensions.IndexOf{T}(ReadOnlySpan{T}, ReadOnlySpan{T})"/>: a document names a
    /// few people, and a look-up at every word cost several times more. Past it, one pass over the
    /// words looks each up, so a long document naming thousands of people costs one pass, not one per name.
    /// </summary>
    private const int SearchedOneByOne = 16;

    private static readonly string[] s_connectors = ["بن", "ابن", "بنت", "عبد", "ابو", "ام", "ولد"];

    /// <summary>
    /// Function words as the Arabic normalization writes them, some of which are also a name's last
    /// word (علي, and the preposition على once its alef maqsura is a yeh): such a surname is not
    /// searched alone, which would find it at every preposition.
    /// </summary>
    private static readonly string[] s_functionWords = ["علي", "الي", "حتي", "متي", "لدي", "سوي", "في", "من", "عن", "مع", "ان", "لا", "ما", "قد", "او", "ثم"];

    /// <summary>Words that end a surname written apart from its first part (Persian صفر زاده, Turkish جاويش أوغلو), as the normalization writes them.</summary>
    private static readonly string[] s_surnameEnds = ["زاده", "زادة", "اوغلو"];

    /// <summary>The words that begin the surname of a Mauritanian name (son of, daughter of): the name is named again from them on.</summary>
    private static readonly string[] s_patronymics = ["ولد", "منت"];

    /// <summary>
    /// Adds to <paramref name="entities"/> (in document order) every later or earlier mention,
    /// by its whole name or its surname, of an entity whose <paramref name="name"/> has two words
    /// or more; <paramref name="make"/> makes the new entity from the one it names again, the span
    /// and <paramref name="state"/> (the extraction context, so the lambda captures nothing).
    /// </summary>
    public static void Add<T, TState>(List<T> entities, NormalizedText text, TState state, Func<T, string?> name, Func<T, TextSpan, TState, T> make)
        where T : IEntity
        => Add(entities, text, state, name, make, SearchedOneByOne);

    /// <summary>
    /// Adds to <paramref name="entities"/> (in document order) every later or earlier mention of an
    /// entity that <paramref name="repeated"/> picks, by the very words of the original text under
    /// its span (a rule's <c>repeats: true</c>): one word or more, and never a surname alone;
    /// <paramref name="make"/> makes the new entity.
    /// </summary>
    public static void AddWhole<T, TState>(List<T> entities, NormalizedText text, TState state, Func<T, bool> repeated, Func<T, TextSpan, TState, T> make)
        where T : IEntity
        => AddWhole(entities, text, state, repeated, make, SearchedOneByOne);

    /// <summary><see cref="AddWhole{T, TState}(List{T}, NormalizedText, TState, Func{T, bool}, Func{T, TextSpan, TState, T})"/>, searching one by one up to <paramref name="searchedOneByOne"/> names.</summary>
    internal static void AddWhole<T, TState>(List<T> entities, NormalizedText text, TState state, Func<T, bool> repeated, Func<T, TextSpan, TState, T> make, int searchedOneByOne)
        where T : IEntity
    {
        ArgumentNullException.ThrowIfNull(repeated);
        Add(entities, text, state, name: null, repeated, make, searchedOneByOne);
    }

    /// <summary><see cref="Add{T, TState}(List{T}, NormalizedText, TState, Func{T, string}, Func{T, TextSpan, TState, T})"/>, searching one by one up to <paramref name="searchedOneByOne"/> names (tests set it to see both ways agree).</summary>
    internal static void Add<T, TState>(List<T> entities, NormalizedText text, TState state, Func<T, string?> name, Func<T, TextSpan, TState, T> make, int searchedOneByOne)
        where T : IEntity
    {
        ArgumentNullException.ThrowIfNull(name);
        Add(entities, text, state, name, repeated: null, make, searchedOneByOne);
    }

    /// <summary>By <paramref name="name"/> and surname, or (<paramref name="repeated"/> given) by the very words of the picked entities' spans.</summary>
    private static void Add<T, TState>(List<T> entities, NormalizedText text, TState state, Func<T, string?>? name, Func<T, bool>? repeated, Func<T, TextSpan, TState, T> make, int searchedOneByOne)
        where T : IEntity
    {
        ArgumentNullException.ThrowIfNull(entities);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(make);
        if (entities.Count == 0)
        {
            return;
        }

        // The tables are the thread's, emptied after each document.
        Scratch scratch = t_scratch ??= new Scratch();
        try
        {
            Collect(entities, text, name, repeated, scratch);
            if (scratch.Names.Count == 0)
            {
                return;
            }

            int hits = scratch.Names.Count <= searchedOneByOne ? SearchEach(text.Span, scratch) : SearchWords(text.Span, scratch);
            if (repeated is not null && text.Normalization == TextNormalization.Arabic)
            {
                hits = DropDefiniteNouns(text.Span, scratch.Hits.AsSpan(0, hits));
            }

            if (hits > 0)
            {
                Take(entities, text, state, make, scratch.Hits.AsSpan(0, hits));
            }
        }
        finally
        {
            scratch.Clear();
        }
    }

    [ThreadStatic]
    private static Scratch? t_scratch;

    /// <summary>Each name and surname, as the text's normalization writes them, to the entity it names (−1 when two different names share it).</summary>
    private static void Collect<T>(List<T> entities, NormalizedText text, Func<T, string?>? name, Func<T, bool>? repeated, Scratch scratch)
        where T : IEntity
    {
        TextNormalization normalization = text.Normalization;
        bool whole = repeated is not null;
        for (int i = 0; i < entities.Count; i++)
        {
            string? named = whole
                ? repeated!(entities[i]) ? SharedStrings.Of(text.Original.AsSpan(entities[i].Span.Start, entities[i].Span.Length)) : null
                : name!(entities[i]);
            if (named is not { } full || scratch.Registered.Contains(full))
            {
                // No name, or one already registered by an earlier mention of the same entity.
                continue;
            }

            scratch.Registered.Add(full);
            char[]? rented = null;
            ReadOnlySpan<char> form = full;
            if (normalization == TextNormalization.Arabic)
            {
                rented = NormalizerCore.NormalizeArabicRented(full, out int length);
                form = rented.AsSpan(0, length);
            }

            if (!whole)
            {
                // A word the normalization leaves nothing of (a tatweel alone, ــ) is no word of the name.
                form = form.Trim(' ');
            }

            int last = form.LastIndexOf(' ');
            if (whole)
            {
                // The very words, however many, from the first letter or digit to the last (a span
                // with its quotation marks is searched as the words in them); no surname. Two
                // spellings that normalize alike are one key, not two names that cancel out.
                int first = 0;
                while (first < form.Length && !CharKinds.IsLetterOrDigit(form[first]))
                {
                    first++;
                }

                int end = form.Length;
                while (end > first && !CharKinds.IsLetterOrDigit(form[end - 1]))
                {
                    end--;
                }

                if (end > first)
                {
                    string words = SharedStrings.Of(form[first..end]);
                    Register(scratch, words, i, words);
                }
            }
            else if (last > 0)
            {
                // The surname: the last word, or the last two after a connector (بن حمادي) or
                // before a word that ends a surname (صفر زاده), or all from ولد or منت on.
                int before = form[..last].LastIndexOf(' ');
                int surname = PatronymicStart(form) is > 0 and int patronymic
                    ? patronymic
                    : before >= 0 && (IsConnector(form[(before + 1)..last]) || IsIn(form[(last + 1)..], s_surnameEnds)) ? before + 1 : last + 1;
                Register(scratch, SharedStrings.Of(form), i, full);
                if (normalization != TextNormalization.Arabic || !IsIn(form[surname..], s_functionWords))
                {
                    Register(scratch, SharedStrings.Of(form[surname..]), i, full);
                }
            }

            if (rented is not null)
            {
                NormalizerCore.ReturnBuffer(rented);
            }
        }
    }

    private static bool IsConnector(ReadOnlySpan<char> word) => IsIn(word, s_connectors);

    /// <summary>Where the first ولد or منت after the first word of <paramref name="form"/> begins, or -1.</summary>
    private static int PatronymicStart(ReadOnlySpan<char> form)
    {
        for (int space = form.IndexOf(' '); space >= 0;)
        {
            int start = space + 1;
            int next = form[start..].IndexOf(' ');
            if (next < 0)
            {
                return -1; // the last word: a name does not end with its connector
            }

            if (IsIn(form.Slice(start, next), s_patronymics))
            {
                return start;
            }

            space = start + next;
        }

        return -1;
    }

    private static bool IsIn(ReadOnlySpan<char> word, string[] words)
    {
        foreach (string known in words)
        {
            if (word.SequenceEqual(known))
            {
                return true;
            }
        }

        return false;
    }

    private static void Register(Scratch scratch, string key, int entity, string full)
    {
        if (scratch.Names.TryGetValue(key, out (int Entity, string Full) known))
        {
            if (known.Entity >= 0 && known.Full != full)
            {
                // Two spellings of one person, one holding the other's words in order (أليكسي بيستروف
                // and أليكسي غيناديفيتش بيستروف): the fuller names it. Two people: neither.
                scratch.Names[key] = HoldsWordsOf(full, known.Full) ? (entity, full)
                    : HoldsWordsOf(known.Full, full) ? known
                    : (-1, known.Full);
            }

            return;
        }

        scratch.Names.Add(key, (entity, full));
    }

    /// <summary>
    /// Whether <paramref name="fuller"/> has more words than <paramref name="name"/>, the same first
    /// and last, and every word of <paramref name="name"/> in order.
    /// </summary>
    internal static bool HoldsWordsOf(string fuller, string name)
    {
        string[] longer = fuller.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        string[] shorter = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (longer.Length <= shorter.Length || shorter.Length == 0 || longer[0] != shorter[0] || longer[^1] != shorter[^1])
        {
            return false;
        }

        int next = 0;
        foreach (string word in longer)
        {
            if (next < shorter.Length && word == shorter[next])
            {
                next++;
            }
        }

        return next == shorter.Length;
    }

    /// <summary>Each name searched for on its own, kept where it stands as a whole word, after proclitics at most.</summary>
    private static int SearchEach(ReadOnlySpan<char> chars, Scratch scratch)
    {
        int count = 0;
        foreach ((string key, (int entity, _)) in scratch.Names)
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
                if (EndsWord(chars, end) && WordStartsAt(chars, from))
                {
                    count = scratch.AddHit(count, new Hit(from, end, entity));
                }
            }
        }

        return count;
    }

    /// <summary>
    /// One pass over the words: at each word, and after one or two proclitics at its start, the
    /// text from there to the end of that word, then of the next, up to as many words as the
    /// longest name beginning with that first word has, is looked up among the names. The first word
    /// is looked up once, among the names' first words: most words begin no name, and cost one
    /// look-up per start, not one per length. A look-up per start and length, however many names
    /// share a first word: a document of a million mentions names tens of thousands of people, many
    /// of them with one first name, and comparing each with the text at every such word made the
    /// search grow faster than the text.
    /// </summary>
    private static int SearchWords(ReadOnlySpan<char> chars, Scratch scratch)
    {
        Dictionary<string, (int Entity, string Full)>.AlternateLookup<ReadOnlySpan<char>> names = scratch.Names.GetAlternateLookup<ReadOnlySpan<char>>();
        Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> firstWords = scratch.FirstWords.GetAlternateLookup<ReadOnlySpan<char>>();
        int longestGap = 0;
        foreach ((string key, (int entity, _)) in scratch.Names)
        {
            if (entity < 0)
            {
                continue;
            }

            // The most words of a name that begins with this first word.
            (int words, int gap, int firstEnd) = Shape(key);
            longestGap = Math.Max(longestGap, gap);
            ReadOnlySpan<char> first = key.AsSpan(0, firstEnd);
            if (!firstWords.TryGetValue(first, out int most) || most < words)
            {
                firstWords[first] = words;
            }
        }

        // A bit per first word, set by the lexicons' first-word key (its length and end chars): a word
        // whose bit is not set begins no name, and costs no look-up (most words of a long document
        // naming thousands). The lexicons' FirstWordFilter is built once per trie; this one per
        // document from its names, in a table the thread keeps.
        ulong[] filter = scratch.Filter(scratch.FirstWords.Count);
        int shift = 64 - BitOperations.Log2((uint)filter.Length * 64);
        foreach (string first in scratch.FirstWords.Keys)
        {
            ulong bit = FirstWordFilter.Key(first) >> shift;
            filter[bit >> 6] |= 1UL << (int)bit;
        }

        int count = 0;
        for (int at = 0; at < chars.Length;)
        {
            if (!CharKinds.IsLetterOrDigit(chars[at]))
            {
                at++;
                continue;
            }

            int start = at;
            while (at < chars.Length && CharKinds.IsLetterOrDigit(chars[at]))
            {
                at++;
            }

            // The word itself, then past one proclitic (و ف ب ل ك), then past two.
            int starts = Proclitics.Starts(chars, start, at);
            for (int from = start; from < start + starts; from++)
            {
                ulong bit = FirstWordFilter.Key(chars[from..at]) >> shift;
                if ((filter[bit >> 6] & (1UL << (int)bit)) == 0 || !firstWords.TryGetValue(chars[from..at], out int mostWords))
                {
                    continue;
                }

                int end = at;
                for (int words = 1; ; words++)
                {
                    if (names.TryGetValue(chars[from..end], out (int Entity, string Full) known) && known.Entity >= 0)
                    {
                        count = scratch.AddHit(count, new Hit(from, end, known.Entity));
                    }

                    // One word more: past what separates the words of a name (a space, a hyphen), no farther than a name's longest separator.
                    int next = end;
                    while (next < chars.Length && next - end <= longestGap && !CharKinds.IsLetterOrDigit(chars[next]))
                    {
                        next++;
                    }

                    if (words == mostWords || next == end || next - end > longestGap || next == chars.Length)
                    {
                        break;
                    }

                    end = next;
                    while (end < chars.Length && CharKinds.IsLetterOrDigit(chars[end]))
                    {
                        end++;
                    }
                }
            }
        }

        return count;
    }

    /// <summary>How many runs of letters and digits a name has, and the longest run of other chars between two of them (a name that starts with another char is never found, as the search starts at words).</summary>
    private static (int Words, int Gap, int FirstEnd) Shape(string key)
    {
        int firstEnd = key.Length;
        int words = 0;
        int gap = 0;
        int i = 0;
        while (i < key.Length)
        {
            int separator = i;
            while (i < key.Length && !CharKinds.IsLetterOrDigit(key[i]))
            {
                i++;
            }

            if (words > 0 && i < key.Length)
            {
                gap = Math.Max(gap, i - separator);
            }

            if (i == key.Length)
            {
                break;
            }

            words++;
            while (i < key.Length && CharKinds.IsLetterOrDigit(key[i]))
            {
                i++;
            }

            if (words == 1)
            {
                firstEnd = i;
            }
        }

        return (words, gap, firstEnd);
    }

    /// <summary>Keeps the hits where no entity stands (the longest of those that start together) and adds their entities.</summary>
    private static void Take<T, TState>(List<T> entities, NormalizedText text, TState state, Func<T, TextSpan, TState, T> make, Span<Hit> hits)
        where T : IEntity
    {
        // The longest first where two start together (a whole name before its surname), then in order.
        hits.Sort(s_hitOrder);
        int original = entities.Count;
        int taken = 0; // entities are in document order: the first that may overlap the next mention
        int last = -1;
        foreach (Hit hit in hits)
        {
            if (hit.From < last)
            {
                continue;
            }

            TextSpan span = text.ToOriginal(hit.From, hit.End);
            while (taken < original && entities[taken].Span.End <= span.Start)
            {
                taken++;
            }

            if (taken < original && entities[taken].Span.Start < span.End)
            {
                continue;
            }

            entities.Add(make(entities[hit.Entity], span, state));
            last = hit.End;
        }

        if (entities.Count > original)
        {
            entities.Sort(static (a, b) => a.Span.CompareTo(b.Span));
        }
    }

    /// <summary>
    /// Keeps the hits of <c>repeats: true</c> but a one-word name with the article that a word with
    /// the article follows: an outlet or a body named by a common noun (القرن، التغيير، الصباح) is that
    /// noun with its adjective there (القرن الأفريقي، التغيير الحقيقي، في الصباح الباكر), not the name.
    /// </summary>
    /// <returns>How many hits are kept, moved to the front of <paramref name="hits"/> in order.</returns>
    private static int DropDefiniteNouns(ReadOnlySpan<char> chars, Span<Hit> hits)
    {
        int kept = 0;
        foreach (Hit hit in hits)
        {
            if (!IsDefiniteNounBeforeDefinite(chars, hit.From, hit.End))
            {
                hits[kept++] = hit;
            }
        }

        return kept;
    }

    /// <summary>Whether <c>chars[from..end)</c> is one word that begins with ال, and the next word after spaces begins with ال too.</summary>
    private static bool IsDefiniteNounBeforeDefinite(ReadOnlySpan<char> chars, int from, int end)
    {
        ReadOnlySpan<char> word = chars[from..end];
        if (!word.StartsWith(Article) || word.Length <= Article.Length || word.IndexOf(' ') >= 0)
        {
            return false;
        }

        int next = end;
        while (next < chars.Length && chars[next] == ' ')
        {
            next++;
        }

        return next > end && chars[next..].StartsWith(Article);
    }

    /// <summary>The Arabic article as the normalization writes it.</summary>
    private const string Article = "\u0627\u0644";

    private static bool EndsWord(ReadOnlySpan<char> chars, int end) => end == chars.Length || !CharKinds.IsLetterOrDigit(chars[end]);

    /// <summary>Whether a word starts at <paramref name="from"/>, or a run of proclitics (a letter of و ف ب ل ك, or و ف then ب ل ك) starts one right before it.</summary>
    private static bool WordStartsAt(ReadOnlySpan<char> chars, int from)
    {
        for (int clitics = 0; clitics <= Proclitics.Most && clitics <= from; clitics++)
        {
            int start = from - clitics;
            if ((clitics == 0 || Proclitics.IsRun(chars.Slice(start, clitics)))
                && (start == 0 || !CharKinds.IsLetterOrDigit(chars[start - 1])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A name or surname found in the text, and the index of the entity it names.</summary>
    private readonly record struct Hit(int From, int End, int Entity);

    /// <summary>By start, the longest first (a sort with a comparer object would make a delegate of it at each call).</summary>
    private static readonly Comparison<Hit> s_hitOrder = static (a, b) => a.From != b.From ? a.From.CompareTo(b.From) : b.End.CompareTo(a.End);

    /// <summary>The tables of one call, kept by the thread for the next document.</summary>
    private sealed class Scratch
    {
        /// <summary>Tables grown past this many entries are let go rather than kept.</summary>
        private const int Kept = 4096;

        /// <summary>Names and surnames (shared strings, normalized) to the entity they name and its full name.</summary>
        public Dictionary<string, (int Entity, string Full)> Names { get; private set; } = new(StringComparer.Ordinal);

        /// <summary>The full names registered so far.</summary>
        public HashSet<string> Registered { get; private set; } = new(StringComparer.Ordinal);

        /// <summary>The first word of each name, with the most words of a name that begins with it.</summary>
        public Dictionary<string, int> FirstWords { get; private set; } = new(StringComparer.Ordinal);

        public Hit[] Hits { get; private set; } = new Hit[64];

        private ulong[] _filter = [];

        /// <summary>The first words' filter, cleared: 32 bits a word at least (a word in 20 or so passes by chance), up to a megabit.</summary>
        public ulong[] Filter(int words)
        {
            int longs = (int)Math.Min(BitOperations.RoundUpToPowerOf2((uint)Math.Max(words, 2) / 2), MostFilterLongs);
            if (_filter.Length != longs)
            {
                _filter = new ulong[longs];
            }
            else
            {
                Array.Clear(_filter);
            }

            return _filter;
        }

        private const int MostFilterLongs = 1 << 14;

        public int AddHit(int count, Hit hit)
        {
            if (count == Hits.Length)
            {
                Hit[] larger = new Hit[Hits.Length * 2];
                Hits.AsSpan().CopyTo(larger);
                Hits = larger;
            }

            Hits[count] = hit;
            return count + 1;
        }

        public void Clear()
        {
            if (Names.Count > Kept)
            {
                Names = new(StringComparer.Ordinal);
                Registered = new(StringComparer.Ordinal);
                FirstWords = new(StringComparer.Ordinal);
            }
            else
            {
                Names.Clear();
                Registered.Clear();
                FirstWords.Clear();
            }

            if (Hits.Length > Kept)
            {
                Hits = new Hit[64];
            }
        }
    }
}
