using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Runtime.InteropServices;
using CorpusKit.Text;

namespace CorpusKit.CompilerServices;

/// <summary>The spelling variants a <c>terms:</c> rule also finds (<c>variants:</c>); none by default.</summary>
[Flags]
[EditorBrowsable(EditorBrowsableState.Never)]
public enum SpellingVariants
{
    /// <summary>Only the forms as the lexicon writes them (normalized).</summary>
    None = 0,

    /// <summary>
    /// The letters transliteration confuses: غ, ج and ك are one letter; ة and ه are one; a long
    /// vowel (ا, و, ي) inside a word may be written or not (شانغهاي, شنغهاي).
    /// </summary>
    Letters = 1,

    /// <summary>
    /// One letter more, less or other in a one-word form of eight letters or more, as written; not
    /// in a word that ends in ي or ة, which is how Arabic makes an adjective of a name (أوكرانية of أوكرانيا).
    /// </summary>
    Edit = 2,
}

/// <summary>
/// The forms of one dictionary by their spelling skeleton, for a <c>terms:</c> rule with
/// <c>variants:</c>: what the trie finds, and besides, the words of the text whose skeleton is a
/// form's (or one edit from it). A skeleton two entries share names neither.
/// </summary>
/// <remarks>
/// <para>
/// A variant is looked for at every word, after one or two proclitics (و ف ب ل ك) too, over as
/// many words as the longest form has, and kept only where no form was found as written: the
/// exact spelling always wins. The tables are built from the forms on first use (a few thousand
/// entries for a gazetteer of hundreds of forms).
/// </para>
/// <para>
/// For generated code: CorpusKit's generator emits the calls to this type; it is not meant to be
/// called by hand and may change in any release.
/// </para>
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class SpellingIndex
{
    /// <summary>
    /// The fewest letters a form needs (spaces and each word's article aside) before its variants
    /// count: shorter forms are common words' variants too (مصر and مصير, قطر and قطار, الرباط and
    /// الربط), so they are found only as written.
    /// </summary>
    public const int MinLetters = 6;

    /// <summary>The fewest letters a form's skeleton needs besides.</summary>
    public const int MinSkeleton = 3;

    /// <summary>
    /// The fewest letters (the article aside) a one-word form needs before one edit of it counts:
    /// on the region's news, one edit of a shorter name is another place (أستارا of أستانا,
    /// ألمانيا of أرمينيا, داغستان of باكستان).
    /// </summary>
    public const int EditMinLetters = 8;

    private readonly string[] _forms;
    private readonly int[] _values;
    private readonly SpellingVariants _variants;
    private Tables? _tables;

    /// <summary>An index of <paramref name="forms"/> (normalized, words separated by one space), each with its value in the dictionary.</summary>
    public SpellingIndex(string[] forms, int[] values, SpellingVariants variants)
    {
        ArgumentNullException.ThrowIfNull(forms);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfNotEqual(values.Length, forms.Length, nameof(values));
        _forms = forms;
        _values = values;
        _variants = variants;
    }

    /// <summary>
    /// <paramref name="exact"/> (the trie's hits of the dictionary, in text order) followed by the
    /// variants found where none of them stands, in text order; a list of the context's.
    /// </summary>
    public ReadOnlySpan<TermHit> WithVariants(ExtractionContext context, NormalizedText text, ReadOnlySpan<TermHit> exact)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(text);
        List<TermHit> hits = context.BorrowList<TermHit>();
        foreach (TermHit hit in exact)
        {
            hits.Add(hit);
        }

        if (_variants != SpellingVariants.None)
        {
            Find(text.Span, exact, hits);
        }

        return CollectionsMarshal.AsSpan(hits);
    }

    /// <summary>The variants in <paramref name="chars"/> that overlap no exact hit, added to <paramref name="hits"/>.</summary>
    internal void Find(ReadOnlySpan<char> chars, ReadOnlySpan<TermHit> exact, List<TermHit> hits)
    {
        // Built on first use; two threads may both build them, and either set is right (they are
        // not changed after).
        Tables tables = _tables ??= new Tables(_forms, _values, _variants);
        Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> skeletons = tables.Skeletons.GetAlternateLookup<ReadOnlySpan<char>>();
        HashSet<string>.AlternateLookup<ReadOnlySpan<char>> prefixes = tables.Prefixes.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> key = stackalloc char[256];
        int covered = 0; // exact hits are in text order: those that end before a word are passed
        for (int at = 0; at < chars.Length;)
        {
            if (!CharKinds.IsLetterOrDigit(chars[at]))
            {
                at++;
                continue;
            }

            int wordStart = at;
            int wordEnd = WordEnd(chars, at);
            at = wordEnd;

            // The word, then past one proclitic, then past two.
            int starts = Proclitics.Starts(chars, wordStart, wordEnd);
            for (int from = wordStart; from < wordStart + starts; from++)
            {
                // Most words begin no form: too short, or a first letter none begins with.
                if (wordEnd - from < tables.ShortestFirst || !tables.Begins(chars[from]))
                {
                    continue;
                }

                int length = 0;
                int end = from;
                for (int words = 1; words <= tables.MostWords; words++)
                {
                    int start = words == 1 ? from : end + 1;
                    if (words > 1)
                    {
                        // The next word, after exactly one space.
                        if (end >= chars.Length - 1 || chars[end] != ' ' || !CharKinds.IsLetterOrDigit(chars[end + 1]) || length + 1 >= key.Length)
                        {
                            break;
                        }

                        key[length++] = ' ';
                    }

                    end = WordEnd(chars, start);
                    if (length + (end - start) > key.Length)
                    {
                        break;
                    }

                    length += Skeleton(chars[start..end], key[length..], _variants.HasFlag(SpellingVariants.Letters));
                    ReadOnlySpan<char> skeleton = key[..length];
                    // A skeleton two entries share (−1) is no guess either way.
                    int value = -1;
                    if (skeletons.TryGetValue(skeleton, out int found))
                    {
                        value = found;
                    }
                    else if (words == 1 && _variants.HasFlag(SpellingVariants.Edit) && end - from >= EditMinLetters - 1 && chars[end - 1] is not ('ي' or 'ة'))
                    {
                        // An edit of the spelling as written (normalized), not of its skeleton: one
                        // letter of a skeleton is too many of the word's (لروسيا would be بيلاروسيا).
                        value = OneEdit(chars[from..end], tables);
                    }

                    if (value >= 0 && !Overlaps(exact, ref covered, from, end))
                    {
                        hits.Add(new TermHit(from, end, value));
                    }

                    if (words < tables.MostWords && !prefixes.Contains(skeleton))
                    {
                        break; // no form of more words begins so
                    }
                }
            }
        }
    }

    /// <summary>
    /// The value of the one-word form one edit from <paramref name="word"/>, or −1 (none, or two
    /// that differ): the word is a form with a letter left out, a form is the word with a letter
    /// left out, or both are the same with the letter at one place left out (a letter other).
    /// </summary>
    private static int OneEdit(ReadOnlySpan<char> word, Tables tables)
    {
        Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> shorter = tables.Shorter.GetAlternateLookup<ReadOnlySpan<char>>();
        Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> forms = tables.Long.GetAlternateLookup<ReadOnlySpan<char>>();
        Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> other = tables.OtherAt.GetAlternateLookup<ReadOnlySpan<char>>();
        int value = -1;
        if (!Agree(shorter, word, ref value))
        {
            return -1;
        }

        Span<char> key = stackalloc char[word.Length];
        for (int drop = 0; drop < word.Length; drop++)
        {
            word[..drop].CopyTo(key);
            word[(drop + 1)..].CopyTo(key[drop..]);
            key[^1] = (char)(drop + 1); // the place left out, for a letter other
            if (!Agree(forms, key[..^1], ref value) || !Agree(other, key, ref value))
            {
                return -1;
            }
        }

        return value;

        // Whether what the table says of the key (nothing, or a value) agrees with the value so far.
        static bool Agree(Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> table, ReadOnlySpan<char> key, ref int value)
        {
            if (!table.TryGetValue(key, out int found))
            {
                return true;
            }

            if (found < 0 || (value >= 0 && found != value))
            {
                return false;
            }

            value = found;
            return true;
        }
    }

    /// <summary>Whether <c>[from, end)</c> overlaps an exact hit; <paramref name="covered"/> skips those that end before words already passed.</summary>
    private static bool Overlaps(ReadOnlySpan<TermHit> exact, ref int covered, int from, int end)
    {
        while (covered < exact.Length && exact[covered].End <= from && IsBehind(exact, covered, from))
        {
            covered++;
        }

        for (int i = covered; i < exact.Length && exact[i].Start < end; i++)
        {
            if (exact[i].End > from)
            {
                return true;
            }
        }

        return false;

        // A hit may be passed only when every hit before it ends before the word too (they nest).
        static bool IsBehind(ReadOnlySpan<TermHit> exact, int index, int from) => index == 0 || exact[index - 1].End <= from;
    }

    private static int WordEnd(ReadOnlySpan<char> chars, int at)
    {
        while (at < chars.Length && CharKinds.IsLetterOrDigit(chars[at]))
        {
            at++;
        }

        return at;
    }

    /// <summary>
    /// Writes the skeleton of one normalized word into <paramref name="output"/> and returns its
    /// length: under <paramref name="letters"/>, غ and ج as ك, ة as ه, and no long vowel between
    /// the first letter (of the stem, after an article) and the last; otherwise the word as it is.
    /// </summary>
    internal static int Skeleton(ReadOnlySpan<char> word, Span<char> output, bool letters)
    {
        if (!letters)
        {
            word.CopyTo(output);
            return word.Length;
        }

        // Long vowels inside the word only: its first letter (after the article: the hamza of
        // الأوراسي is gone once normalized, and it is not الروسي), and its last (أوراسيا is not
        // أوراسي, the adjective) stay.
        int first = word.Length > 3 && word.StartsWith("ال") ? 2 : 0;
        int length = 0;
        for (int i = 0; i < word.Length; i++)
        {
            char c = word[i];
            if (i > first && i < word.Length - 1 && c is 'ا' or 'و' or 'ي' or 'ى')
            {
                continue;
            }

            output[length++] = c switch
            {
                'غ' or 'ج' => 'ك',
                'ة' => 'ه',
                _ => c,
            };
        }

        return length;
    }

    /// <summary>The skeleton of a whole form, word by word.</summary>
    internal static string Skeleton(string form, bool letters)
    {
        var output = new char[form.Length];
        int length = 0;
        foreach (string word in form.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (length > 0)
            {
                output[length++] = ' ';
            }

            length += Skeleton(word, output.AsSpan(length), letters);
        }

        return new string(output, 0, length);
    }

    /// <summary>The skeletons of the forms and, for one edit, the long one-word forms and each with a letter left out.</summary>
    private sealed class Tables
    {
        public Tables(string[] forms, int[] values, SpellingVariants variants)
        {
            bool letters = variants.HasFlag(SpellingVariants.Letters);
            for (int i = 0; i < forms.Length; i++)
            {
                string skeleton = Skeleton(forms[i], letters);
                int words = 1 + skeleton.AsSpan().Count(' ');
                if (Letters(forms[i]) < MinLetters || skeleton.Length - (words - 1) < MinSkeleton)
                {
                    continue;
                }

                MostWords = Math.Max(MostWords, words);
                Add(Skeletons, skeleton, values[i]);
                for (int space = skeleton.IndexOf(' '); space > 0; space = skeleton.IndexOf(' ', space + 1))
                {
                    Prefixes.Add(skeleton[..space]);
                }

                int firstWord = skeleton.IndexOf(' ') is int cut and > 0 ? cut : skeleton.Length;
                ShortestFirst = Math.Min(ShortestFirst, firstWord);
                char begin = Begin(forms[i][0]);
                _begins[begin >> 6] |= 1UL << (begin & 63);
                string form = forms[i];
                if (variants.HasFlag(SpellingVariants.Edit) && words == 1 && Letters(form) >= EditMinLetters)
                {
                    Add(Long, form, values[i]);
                    for (int drop = 0; drop < form.Length; drop++)
                    {
                        string left = form.Remove(drop, 1);
                        Add(Shorter, left, values[i]);
                        Add(OtherAt, left + (char)(drop + 1), values[i]);
                    }
                }
            }
        }

        /// <summary>The letters of a form, spaces and each word's article (ال) aside: الرباط has four.</summary>
        private static int Letters(string form)
        {
            int letters = 0;
            foreach (string word in form.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                letters += word.StartsWith("ال", StringComparison.Ordinal) && word.Length > 2 ? word.Length - 2 : word.Length;
            }

            return letters;
        }

        private readonly ulong[] _begins = new ulong[(char.MaxValue + 1) / 64];

        /// <summary>The skeletons of the first words of the forms of several words, the first two words of those of three or more, and so on.</summary>
        public HashSet<string> Prefixes { get; } = new(StringComparer.Ordinal);

        /// <summary>The fewest letters the skeleton of a form's first word has: a word has at least as many as its skeleton.</summary>
        public int ShortestFirst { get; private set; } = int.MaxValue;

        /// <summary>Whether a form (its edits aside) can begin with <paramref name="c"/>, a word's first letter as written.</summary>
        public bool Begins(char c)
        {
            char begin = Begin(c);
            return (_begins[begin >> 6] & (1UL << (begin & 63))) != 0 || Long.Count > 0;
        }

        /// <summary>A first letter as skeletons write it.</summary>
        private static char Begin(char c) => c is 'غ' or 'ج' ? 'ك' : c;

        /// <summary>Skeleton to value, or −1 when entries with different values share it.</summary>
        public Dictionary<string, int> Skeletons { get; } = new(StringComparer.Ordinal);

        /// <summary>The long one-word forms as written, for one edit (−1 when shared by entries of different values, as in each table).</summary>
        public Dictionary<string, int> Long { get; } = new(StringComparer.Ordinal);

        /// <summary>Each of those with one letter left out.</summary>
        public Dictionary<string, int> Shorter { get; } = new(StringComparer.Ordinal);

        /// <summary>Each of those with one letter left out, followed by the place it was left out at (as a char, 1 for the first).</summary>
        public Dictionary<string, int> OtherAt { get; } = new(StringComparer.Ordinal);

        /// <summary>The most words a form has.</summary>
        public int MostWords { get; }

        private static void Add(Dictionary<string, int> table, string key, int value)
        {
            if (table.TryGetValue(key, out int known))
            {
                if (known != value)
                {
                    table[key] = -1;
                }

                return;
            }

            table.Add(key, value);
        }
    }
}
