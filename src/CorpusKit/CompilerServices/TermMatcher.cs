using System;
using System.Buffers;
using System.Collections.Generic;
using System.ComponentModel;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using CorpusKit.Text;

namespace CorpusKit.CompilerServices;

/// <summary>Finds the forms of a <see cref="TermIndex"/> or a <see cref="TermTrie"/> in normalized text, as whole words.</summary>
/// <remarks>For generated code: CorpusKit's generator emits the calls to this type; it is not meant to be called by hand and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class TermMatcher
{
    private const char Alef = '\u0627';
    private const char Beh = '\u0628';
    private const char Feh = '\u0641';
    private const char Kaf = '\u0643';
    private const char Lam = '\u0644';
    private const char Waw = '\u0648';

    /// <summary>The first and the last of the Arabic letters (ء to ي, tatweel among them), all of them letters.</summary>
    private const char FirstArabicLetter = '\u0621';
    private const char LastArabicLetter = '\u064A';

    /// <summary>Whether a word may start at <paramref name="index"/>: no letter or digit just before it.</summary>
    public static bool IsWordStart(ReadOnlySpan<char> text, int index)
        => index == 0 || (index <= text.Length && !CharKinds.IsLetterOrDigit(text[index - 1]));

    /// <summary>Whether a word may end at <paramref name="index"/>: no letter or digit just after it.</summary>
    public static bool IsWordEnd(ReadOnlySpan<char> text, int index)
        => index >= text.Length || !CharKinds.IsLetterOrDigit(text[index]);

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
    public static void FindAll(string text, TermTrie trie, bool clitics, List<TermHit> hits)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(trie);
        ArgumentNullException.ThrowIfNull(hits);
        FindAll(text, TermIndex.Of(trie), clitics, [hits]);
    }

    /// <summary>
    /// Finds the forms of every dictionary of <paramref name="index"/> in one pass over
    /// <paramref name="text"/>. Each dictionary's hits are what a scan for it alone finds:
    /// leftmost first, longest at each start, a found form skipped over.
    /// </summary>
    /// <param name="text">The normalized text.</param>
    /// <param name="index">The dictionaries.</param>
    /// <param name="clitics">Whether Arabic proclitics and the article are handled (see <see cref="FindAll(string, TermTrie, bool, List{TermHit})"/>).</param>
    /// <param name="hits">One list per dictionary of <paramref name="index"/>, receiving its hits in text order.</param>
    public static void FindAll(string text, TermIndex index, bool clitics, List<TermHit>[] hits)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(hits);
        FindAll(text.AsSpan(), index, clitics, hits);
    }

    /// <summary><see cref="FindAll(string, TermIndex, bool, List{TermHit}[])"/> over chars that need not be a string (a document's normalized text).</summary>
    /// <param name="text">The normalized text.</param>
    /// <param name="index">The dictionaries.</param>
    /// <param name="clitics">Whether Arabic proclitics and the article are handled.</param>
    /// <param name="hits">One list per dictionary.</param>
    /// <param name="filtered">Whether the trie's <see cref="FirstWordFilter"/> is asked before each walk (tests turn it off to see it changes no hit).</param>
    internal static void FindAll(ReadOnlySpan<char> text, TermIndex index, bool clitics, List<TermHit>[] hits, bool filtered = true)
    {
        if (hits.Length != index.DictionaryCount)
        {
            throw new ArgumentException($"Give one list per dictionary ({index.DictionaryCount}).", nameof(hits));
        }

        // The scan's per-dictionary state: rented, or on the stack for the usual few dictionaries.
        int count = index.DictionaryCount;
        TermHit[]? rentedBest = count <= StackDictionaries ? null : ArrayPool<TermHit>.Shared.Rent(count);
        int[]? rentedWork = count <= StackDictionaries ? null : ArrayPool<int>.Shared.Rent(2 * count);
        try
        {
            Span<TermHit> best = rentedBest ?? stackalloc TermHit[StackDictionaries];
            Span<int> work = rentedWork ?? stackalloc int[2 * StackDictionaries];
            var scan = new Scan(text, index, clitics, hits, filtered, best, work);
            scan.Run();
        }
        finally
        {
            if (rentedBest is not null)
            {
                ArrayPool<TermHit>.Shared.Return(rentedBest);
                ArrayPool<int>.Shared.Return(rentedWork!);
            }
        }
    }

    /// <summary>Up to this many dictionaries in an index, the scan keeps its state on the stack.</summary>
    private const int StackDictionaries = 64;

    /// <summary>
    /// One pass: at every word start, the trie is walked from the word and from after each
    /// proclitic and article that may stand there, each time only if the trie's
    /// <see cref="FirstWordFilter"/> lets the rest of the word begin a form (about one word in
    /// four on Arabic news); each dictionary keeps the hit that reaches furthest, and takes it
    /// unless its previous hit covers the word start.
    /// </summary>
    /// <remarks>The trie's arrays are held in fields and stepped through here: this loop is the hottest of a run.</remarks>
    private ref struct Scan
    {
        private readonly ReadOnlySpan<char> _text;
        private readonly bool _clitics;
        private readonly List<TermHit>[] _hits;

        private readonly TermIndex _index;
        private readonly TermTrie _trie;
        private readonly TermTrie.Cell[] _cells;
        private readonly ushort[] _codes;
        private readonly int[]? _entryStarts;
        private readonly int[]? _memberships;

        // Per dictionary: the best hit at the current word start (End < 0: none yet), and where
        // its next hit may start (its previous hit's end).
        private readonly Span<TermHit> _best;
        private readonly Span<int> _next;
        private readonly Span<int> _touched;
        private int _touchedCount;

        private readonly FirstWordFilter _filter;
        private readonly bool _filtered;

        public Scan(ReadOnlySpan<char> text, TermIndex index, bool clitics, List<TermHit>[] hits, bool filtered, Span<TermHit> best, Span<int> work)
        {
            _filter = index.Trie.FirstWords;
            _filtered = filtered;
            _text = text;
            _clitics = clitics;
            _hits = hits;
            _index = index;
            _trie = index.Trie;
            (_cells, _codes) = index.Trie.Arrays;
            _entryStarts = index.EntryStarts;
            _memberships = index.Memberships;
            int count = index.DictionaryCount;
            _best = best[..count];
            _best.Fill(new TermHit(0, -1, -1));
            _next = work[..count];
            _next.Clear();
            _touched = work.Slice(count, count);
            _touchedCount = 0;
        }

        public void Run()
        {
            ReadOnlySpan<char> text = _text;
            ushort[] codes = _codes;
            for (int i = 0; i < text.Length; i++)
            {
                // Each turn starts a word, or passes over white space: a word's letters and digits
                // are taken in one step, with the char that ends them, which cannot start a word.
                char c = text[i];
                if (CharKinds.IsLetterOrDigit(c))
                {
                    int end = WordEnd(text, i);
                    MatchWord(i, end);
                    if (_touchedCount > 0)
                    {
                        Take(i);
                    }

                    i = end;
                }
                else if (c != ' ' && c != '\n' && !CharKinds.IsWhiteSpace(c) && (c >= CharKinds.TableSize || codes[c] != 0))
                {
                    // A word of punctuation (a quotation mark, a bracket): only a form that begins
                    // with it can stand here, and no proclitic or article.
                    Walk(0, i, i);
                    if (_touchedCount > 0)
                    {
                        Take(i);
                    }
                }
            }
        }

        /// <summary>
        /// The end of the letters and digits from <paramref name="start"/>. The Arabic letters are
        /// passed over eight at a time in a vector where the text has eight more chars (a word is
        /// short: this costs less than a call to <c>IndexOfAnyExceptInRange</c> per word).
        /// </summary>
        private static int WordEnd(ReadOnlySpan<char> text, int start)
        {
            int end = start + 1;
            while (true)
            {
                if (Vector128.IsHardwareAccelerated && end <= text.Length - Vector128<ushort>.Count)
                {
                    Vector128<ushort> chars = Vector128.LoadUnsafe(ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text)), (nuint)end);
                    uint others = Vector128.GreaterThan(chars - Vector128.Create((ushort)FirstArabicLetter), Vector128.Create((ushort)(LastArabicLetter - FirstArabicLetter))).ExtractMostSignificantBits();
                    if (others == 0)
                    {
                        end += Vector128<ushort>.Count;
                        continue;
                    }

                    end += BitOperations.TrailingZeroCount(others);
                }
                else
                {
                    int letters = text.Slice(end).IndexOfAnyExceptInRange(FirstArabicLetter, LastArabicLetter);
                    if (letters < 0)
                    {
                        return text.Length;
                    }

                    end += letters;
                }

                if (!CharKinds.IsLetterOrDigit(text[end]))
                {
                    return end;
                }

                end++;
            }
        }

        /// <summary>
        /// Tries every form that may stand at the word <c>[wordStart, wordEnd)</c>: the word, and
        /// under clitics the word after each proclitic and article that may stand at its start.
        /// </summary>
        private void MatchWord(int wordStart, int wordEnd)
        {
            ReadOnlySpan<char> text = _text;
            ConsiderAt(wordStart, wordEnd, wordStart);
            if (!_clitics)
            {
                return;
            }

            // Proclitics stay out of the span: an optional conjunction, then an optional preposition.
            int position = wordStart;
            if (position < text.Length - 1 && text[position] is Waw or Feh)
            {
                position++;
                ConsiderAt(position, wordEnd, position);
            }

            if (position < text.Length - 1 && text[position] is Beh or Lam or Kaf)
            {
                ConsiderAt(position + 1, wordEnd, position + 1);

                // A fused لل is ل + ال; the article cannot be split off, so the span keeps both lams.
                if (text[position] == Lam && position + 2 < text.Length && text[position + 1] == Lam
                    && (!_filtered || _filter.MayBeginAfterArticle(text, position + 2, wordEnd)))
                {
                    int alef = _trie.Step(0, Alef);
                    int afterArticle = alef < 0 ? -1 : _trie.Step(alef, Lam);
                    if (afterArticle >= 0)
                    {
                        Walk(afterArticle, position + 2, position);
                    }
                }
            }
        }

        /// <summary>
        /// Tries a form at <paramref name="start"/>, and under clitics also one after an article
        /// there; a walk is skipped when the filter knows no form begins with the rest of the word.
        /// </summary>
        private void ConsiderAt(int start, int wordEnd, int spanStart)
        {
            ReadOnlySpan<char> text = _text;
            if (start >= text.Length)
            {
                return;
            }

            // Past the word's end (a proclitic alone) the walk starts on a char that is not a
            // letter or digit: the filter knows no such form, so it walks.
            if (start >= wordEnd || !_filtered || _filter.MayBegin(text, start, wordEnd))
            {
                Walk(0, start, spanStart);
            }

            // The article before a form that lacks it stays in the span (الكرملين for كرملين), but
            // for the dictionaries whose forms stand only as written.
            if (_clitics && start + 2 < text.Length && text[start] == Alef && text[start + 1] == Lam
                && (start + 2 >= wordEnd || !_filtered || _filter.MayBegin(text, start + 2, wordEnd)))
            {
                Walk(0, start + 2, spanStart, addedArticle: true);
            }
        }

        /// <summary>
        /// Walks the trie from <paramref name="node"/> along the text from <paramref name="start"/>;
        /// offers every form that ends on a word boundary (after an article the forms lack when
        /// <paramref name="addedArticle"/>, to the dictionaries that take one).
        /// </summary>
        private void Walk(int node, int start, int spanStart, bool addedArticle = false)
        {
            ReadOnlySpan<char> text = _text;
            TermTrie.Cell[] cells = _cells;
            ushort[] codes = _codes;
            for (int i = start; i < text.Length; i++)
            {
                char c = text[i];
                int code = c < CharKinds.TableSize ? codes[c] : _trie.WideCode(c);
                int child = cells[node].Base + code;
                if (code == 0 || (uint)child >= (uint)cells.Length || cells[child].Check != node)
                {
                    return;
                }

                node = child;
                int entry = cells[node].Value;
                if (entry >= 0 && (i + 1 == text.Length || !CharKinds.IsLetterOrDigit(text[i + 1])))
                {
                    OfferEntry(entry, new TermHit(spanStart, i + 1, -1), addedArticle);
                }
            }
        }

        /// <summary>
        /// Offers the hit to every dictionary the form belongs to, with the form's value there; a hit
        /// after an article the form lacks (<paramref name="addedArticle"/>) only to those that take one.
        /// </summary>
        private void OfferEntry(int entry, TermHit hit, bool addedArticle)
        {
            if (_entryStarts is null)
            {
                Offer(0, hit with { Value = entry });
                return;
            }

            int end = _entryStarts[entry + 1] * 2;
            for (int at = _entryStarts[entry] * 2; at < end; at += 2)
            {
                int dictionary = _memberships![at];
                if (addedArticle && _index.IsArticleAsWritten(dictionary))
                {
                    continue;
                }

                Offer(dictionary, hit with { Value = _memberships[at + 1] });
            }
        }

        /// <summary>Keeps the hit that reaches furthest; on a tie, the one that strips least.</summary>
        private void Offer(int dictionary, TermHit candidate)
        {
            ref TermHit best = ref _best[dictionary];
            if (best.End < 0)
            {
                _touched[_touchedCount++] = dictionary;
                best = candidate;
            }
            else if (candidate.End > best.End || (candidate.End == best.End && candidate.Start < best.Start))
            {
                best = candidate;
            }
        }

        /// <summary>Each dictionary that matched at <paramref name="wordStart"/> takes its hit, unless its last hit covers the word start.</summary>
        private void Take(int wordStart)
        {
            for (int t = 0; t < _touchedCount; t++)
            {
                int dictionary = _touched[t];
                ref TermHit best = ref _best[dictionary];
                if (wordStart >= _next[dictionary])
                {
                    _hits[dictionary].Add(best);
                    _next[dictionary] = best.End;
                }

                best = new TermHit(0, -1, -1);
            }

            _touchedCount = 0;
        }
    }
}
