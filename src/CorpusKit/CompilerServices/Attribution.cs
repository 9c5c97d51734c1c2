using System;
using System.Collections.Generic;
using System.ComponentModel;

namespace CorpusKit.CompilerServices;

/// <summary>
/// Who said a quote: <c>set: { speaker: 'speaker(Person|Organization, verbs: speech-verbs, statements: statements, titles: title)' }</c>.
/// </summary>
/// <remarks>
/// <para>For generated code: CorpusKit's generator emits the calls to this type; it is not meant to be called by hand and may change in any release.</para>
/// <para>
/// A generated extractor asks for the quotes of a document in document order, once overlaps are
/// resolved, and gives each the speaker of the quote before it (for an anaphor). The speaker of a
/// quote is, in this order:
/// </para>
/// <list type="number">
/// <item>the subject of the last speech verb before it in its sentence: the first candidate after
/// the verb (<c>وقال وزير الخارجية فرهود شريفزاده في دوشنبه: «…»</c>);</item>
/// <item>else the last candidate before it in its sentence (<c>ووفقا للافروف، فإنه «…»</c>,
/// <c>وجاء في بيان الخارجية الروسية: «…»</c>);</item>
/// <item>else, for a quote that opens its sentence, the subject of a speech verb right after its
/// closing mark (<c>«…»، قال توكتوسونوف</c>);</item>
/// <item>else the speaker of the quote before it: the verb has no subject, or an anaphor for one
/// (<c>وقال: «…»</c>, <c>وأضاف الوزير: «…»</c>, <c>وأضاف البيان: «…»</c>); but when the word after the verb
/// is a word of titles (<c>وأشار الوزير إلى أن «…»</c>) and there is no quote before, or its speaker
/// has a title without that word, the last candidate before the quote whose title holds it;</item>
/// <item>else the candidate nearest before it in the document.</item>
/// </list>
/// <para>
/// A speaker named by the last words of a fuller name the document gives a candidate of the same
/// type (<c>قال القنصل التركي أوزتورك أوغلو</c> after <c>مراد أوزتورك أوغلو</c>) is that candidate: the
/// first that bears the fuller name. Two fuller names that end with the same words (<c>علي كريمي</c>,
/// <c>حسن كريمي</c>) leave the speaker as named.
/// </para>
/// <para>
/// No step takes the candidate a speech verb speaks to, governed by the preposition ل right after
/// it (<c>وقالت لـ«الخليج»: «…»</c>), or by ل or مع after the medium it speaks in (<c>مضيفا في تصريح
/// لـ«الخليج»</c>, <c>في اتصال هاتفي مع «الفرات نيوز»</c>): that is where the quote was given, not who gave it.
/// </para>
/// <para>
/// Candidates come as one list per type, in the order the field's union names them (<c>Person|Organization</c>):
/// within each step an earlier type is taken over a later one, so a person named after a speech
/// verb speaks rather than the ministry in their title. In a sentence that names a statement
/// (<c>بيان</c>), the later types are taken first in steps 2 and 5: a statement is an institution's.
/// </para>
/// <para>
/// Every look-up is a binary search in candidates sorted by where they start, and a scan of one
/// sentence at most, so a document of any size costs a logarithm per quote.
/// </para>
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class Attribution : IDisposable
{
    /// <summary>How far after a quote's text a speech verb may start and still govern it: the closing mark, a comma, spaces.</summary>
    internal const int MostCharsBeforeVerbAfter = 4;

    // Not readonly: an attribution of the thread's (Start) is filled again for the next document.
    private string _text = string.Empty;
    private Func<IEntity, string?>? _titleOf;

    /// <summary>The arrays this attribution fills: the thread's, given back by <see cref="Dispose"/> (null after).</summary>
    private Buffers? _buffers;

    private int _verbCount;
    private int _statementCount;
    private int _candidateCount;

    /// <summary>Whether this attribution came from <see cref="Start"/>, and goes back to the thread when disposed.</summary>
    private bool _pooled;

    /// <summary>Whether the candidates with titles are filed in <see cref="Buffers.Titled"/> (at the first anaphor).</summary>
    private bool _titlesIndexed;

    private int _titledCount;

    /// <summary>The <see cref="TitleWordIds.Generation"/> the word numbers of <see cref="Buffers.Titled"/> come from.</summary>
    private int _titledGeneration;

    /// <summary>
    /// Per candidate type, the last words of each fuller key to the first candidate that bears it
    /// (null where two fuller keys end with those words), made at the first speaker asked for
    /// among more than <see cref="MostScannedForFuller"/> candidates.
    /// </summary>
    private Dictionary<string, IEntity?>[]? _fuller;

    /// <summary>
    /// An attribution over a document: <paramref name="text"/> is its normalized text, where
    /// <paramref name="verbs"/> and <paramref name="statements"/> were found (terms of a lexicon);
    /// <paramref name="candidates"/> are the entities that may speak, one list per type in order
    /// of preference, each in document order.
    /// </summary>
    /// <remarks>
    /// <paramref name="titleOf"/> reads a candidate's title (null for none, or when no type has
    /// titles): an anaphor such as <c>الوزير</c> names it. The spans and lists it works with are
    /// kept in arrays of the thread, which <see cref="Dispose"/> gives back for the next document's
    /// attribution; one that is not disposed leaves them to the collector.
    /// </remarks>
    public Attribution(NormalizedText text, ReadOnlySpan<TermHit> verbs, ReadOnlySpan<TermHit> statements, Func<IEntity, string?>? titleOf, ReadOnlySpan<IReadOnlyList<IEntity>> candidates)
        => Initialize(text, verbs, statements, titleOf, candidates);

    private Attribution()
    {
    }

    /// <summary>
    /// An attribution as the constructor makes one, in the object the thread's last disposed one
    /// was made in: generated code disposes each at the end of its method, so a document costs no
    /// attribution of its own.
    /// </summary>
    /// <param name="text">The document's normalized text.</param>
    /// <param name="verbs">The speech verbs found in it.</param>
    /// <param name="statements">The words of a statement (بيان) found in it.</param>
    /// <param name="titleOf">Reads a candidate's title, or null.</param>
    /// <param name="candidates">The entities that may speak, one list per type in order of preference.</param>
    public static Attribution Start(NormalizedText text, ReadOnlySpan<TermHit> verbs, ReadOnlySpan<TermHit> statements, Func<IEntity, string?>? titleOf, ReadOnlySpan<IReadOnlyList<IEntity>> candidates)
    {
        Attribution attribution = t_freeAttribution ?? new Attribution();
        t_freeAttribution = null;
        attribution.Initialize(text, verbs, statements, titleOf, candidates);
        attribution._pooled = true;
        return attribution;
    }

    /// <summary>The thread's last disposed attribution from <see cref="Start"/>, free for its next.</summary>
    [ThreadStatic]
    private static Attribution? t_freeAttribution;

    private void Initialize(NormalizedText text, ReadOnlySpan<TermHit> verbs, ReadOnlySpan<TermHit> statements, Func<IEntity, string?>? titleOf, ReadOnlySpan<IReadOnlyList<IEntity>> candidates)
    {
        ArgumentNullException.ThrowIfNull(text);
        _fuller = null;
        _titlesIndexed = false;
        _titledCount = 0;
        _titledGeneration = 0;
        Buffers buffers = t_free ?? new Buffers();
        t_free = null;
        _buffers = buffers;
        _text = text.Original;
        _verbCount = ToOriginal(text, verbs, ref buffers.Verbs);
        _statementCount = ToOriginal(text, statements, ref buffers.Statements);
        _titleOf = titleOf;
        if (buffers.Candidates.Length < candidates.Length)
        {
            buffers.Candidates = new IReadOnlyList<IEntity>[candidates.Length];
        }

        for (int i = 0; i < candidates.Length; i++)
        {
            buffers.Candidates[i] = candidates[i] ?? throw new ArgumentNullException(nameof(candidates));
        }

        _candidateCount = candidates.Length;
    }

    /// <summary>The arrays of an attribution, kept by a thread between documents.</summary>
    private sealed class Buffers
    {
        public TextSpan[] Verbs = [];
        public TextSpan[] Statements = [];
        public IReadOnlyList<IEntity>[] Candidates = [];

        /// <summary>Every candidate with a title once per word of it, by word, then end (see <see cref="LastTitled"/>).</summary>
        public TitledEntry[] Titled = [];
    }

    /// <summary>The buffers of the thread's last disposed attribution, free for its next.</summary>
    [ThreadStatic]
    private static Buffers? t_free;

    /// <summary>An array grown past this many items (a huge document's) is let go rather than kept.</summary>
    private const int KeptLength = 1 << 16;

    private Buffers Arrays => _buffers ?? throw new ObjectDisposedException(nameof(Attribution));

    private ReadOnlySpan<TextSpan> Verbs => Arrays.Verbs.AsSpan(0, _verbCount);

    private ReadOnlySpan<TextSpan> Statements => Arrays.Statements.AsSpan(0, _statementCount);

    private ReadOnlySpan<IReadOnlyList<IEntity>> Candidates => Arrays.Candidates.AsSpan(0, _candidateCount);

    /// <summary>
    /// Gives the thread back the arrays this attribution filled (the candidates they name are let
    /// go); <see cref="Speaker"/> may not be called after.
    /// </summary>
    public void Dispose()
    {
        if (_buffers is not { } buffers)
        {
            return;
        }

        _buffers = null;
        _fuller = null;
        buffers.Candidates.AsSpan(0, _candidateCount).Clear();
        buffers.Titled.AsSpan(0, _titledCount).Clear();
        _titleOf = null;
        _text = string.Empty;
        if (_pooled)
        {
            _pooled = false;
            t_freeAttribution = this;
        }

        if (buffers.Verbs.Length > KeptLength || buffers.Statements.Length > KeptLength || buffers.Titled.Length > KeptLength)
        {
            return;
        }

        t_free = buffers;
    }

    /// <summary>
    /// The speaker of the quote whose text is <paramref name="quote"/> (inside its marks), given
    /// <paramref name="previous"/>, the speaker of the quote before it in the document (null for
    /// the first, or when that one had none); null when the text names no candidate.
    /// </summary>
    public IEntity? Speaker(TextSpan quote, IEntity? previous)
        => Named(quote, previous) is { } speaker ? Fullest(speaker) : null;

    /// <summary>The speaker as the text names them there (see <see cref="Speaker"/>).</summary>
    private IEntity? Named(TextSpan quote, IEntity? previous)
    {
        int sentence = Nearest.ScopeStart(_text, quote.Start, TextScope.Sentence);
        ReadOnlySpan<TextSpan> verbs = Verbs;
        ReadOnlySpan<IReadOnlyList<IEntity>> candidates = Candidates;
        bool statement = Last(Statements, sentence, quote.Start) >= 0;

        // 1. The subject of the last speech verb before the quote in its sentence; one the verb
        // speaks to (قال لـ«القبس») is no subject.
        int verb = Last(verbs, sentence, quote.Start);
        int verbEnd = verb >= 0 ? verbs[verb].End : -1;
        if (verb >= 0)
        {
            for (int type = 0; type < candidates.Length; type++)
            {
                if (FirstSpeaking(candidates[type], verbEnd, quote.Start, verbEnd) is { } subject)
                {
                    return subject;
                }
            }
        }

        // 2. The last candidate named before the quote in its sentence, but not one spoken to
        // after the verb.
        for (int i = 0; i < candidates.Length; i++)
        {
            if (LastSpeaking(candidates[Preferred(i, statement)], sentence, quote.Start, verbEnd) is { } named)
            {
                return named;
            }
        }

        // 3. A quote that opens its sentence: the subject of a speech verb right after it.
        if (verb < 0 && quote.End < _text.Length)
        {
            int sentenceEnd = Nearest.ScopeEnd(_text, quote.End + 1, TextScope.Sentence);
            int after = FirstStartingIn(verbs, quote.End, Math.Min(quote.End + MostCharsBeforeVerbAfter + 1, sentenceEnd));
            if (after >= 0)
            {
                for (int type = 0; type < candidates.Length; type++)
                {
                    if (FirstSpeaking(candidates[type], verbs[after].End, sentenceEnd, verbs[after].End) is { } subject)
                    {
                        return subject;
                    }
                }
            }
        }

        // 4. An anaphor that names a title (وأشار الوزير), or a verb with no subject: the last
        // candidate of that title, or the speaker of the quote before.
        if (verb >= 0 && _titleOf is not null && WordAfter(verbs[verb].End, quote.Start) is { } anaphor
            && (previous is null || _titleOf(previous) is { } title && Array.IndexOf(TitleWordIds.Of(title), TitleWordIds.Find(anaphor)) < 0)
            && LastTitled(anaphor, quote.Start) is { } titled)
        {
            return titled;
        }

        if (previous is not null)
        {
            return previous;
        }

        // 5. The candidate nearest before the quote.
        for (int i = 0; i < candidates.Length; i++)
        {
            if (LastSpeaking(candidates[Preferred(i, statement)], 0, quote.Start, verbEnd) is { } nearest)
            {
                return nearest;
            }
        }

        return null;
    }

    private int Preferred(int i, bool statement) => statement ? _candidateCount - 1 - i : i;

    /// <summary>
    /// The first candidate of <paramref name="speaker"/>'s type whose key is a fuller name ending
    /// with <paramref name="speaker"/>'s key, word for word; <paramref name="speaker"/> itself when
    /// there is none, or two fuller keys end so.
    /// </summary>
    private IEntity Fullest(IEntity speaker)
    {
        ReadOnlySpan<IReadOnlyList<IEntity>> candidates = Candidates;
        for (int type = 0; type < candidates.Length; type++)
        {
            if (candidates[type].Count == 0 || candidates[type][0].EntityType != speaker.EntityType)
            {
                continue;
            }

            IReadOnlyList<IEntity> list = candidates[type];
            if (list.Count <= MostScannedForFuller)
            {
                return ScanForFuller(list, speaker);
            }

            _fuller ??= new Dictionary<string, IEntity?>[candidates.Length];
            Dictionary<string, IEntity?> fuller = _fuller[type] ??= Endings(list);
            return fuller.TryGetValue(speaker.Key, out IEntity? full) && full is not null ? full : speaker;
        }

        return speaker;
    }

    /// <summary>
    /// Up to this many candidates of a type, a speaker's fuller name is looked for by reading them
    /// all (a document names a few dozen people: reading them costs less than making an index and
    /// allocates nothing); past it, through an
    /// index of their keys' last words (<see cref="Endings"/>), made once for the document.
    /// </summary>
    private const int MostScannedForFuller = 64;

    /// <summary><see cref="Fullest"/> by reading every candidate of the type.</summary>
    private static IEntity ScanForFuller(IReadOnlyList<IEntity> candidates, IEntity speaker)
    {
        string key = speaker.Key;
        IEntity? fuller = null;
        for (int i = 0; i < candidates.Count; i++)
        {
            string other = candidates[i].Key;
            if (other.Length > key.Length + 1 && other.EndsWith(key, StringComparison.Ordinal) && other[other.Length - key.Length - 1] == ' ')
            {
                if (fuller is null)
                {
                    fuller = candidates[i];
                }
                else if (fuller.Key != other)
                {
                    return speaker; // two fuller names end so: neither is meant
                }
            }
        }

        return fuller ?? speaker;
    }

    /// <summary>
    /// Each run of last words of a key of two words or more, to the first candidate with that key;
    /// null for a run that ends two different keys. Each key is taken once, so this is linear in
    /// the words of the distinct keys.
    /// </summary>
    private static Dictionary<string, IEntity?> Endings(IReadOnlyList<IEntity> candidates)
    {
        var endings = new Dictionary<string, IEntity?>(StringComparer.Ordinal);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (IEntity candidate in candidates)
        {
            string key = candidate.Key;
            if (!keys.Add(key))
            {
                continue;
            }

            for (int space = key.IndexOf(' '); space >= 0; space = key.IndexOf(' ', space + 1))
            {
                string ending = key[(space + 1)..];
                if (ending.Length == 0)
                {
                    continue;
                }

                if (!endings.TryGetValue(ending, out IEntity? earlier))
                {
                    endings[ending] = candidate;
                }
                else if (earlier is not null && earlier.Key != key)
                {
                    endings[ending] = null; // two fuller names end so: neither is meant
                }
            }
        }

        return endings;
    }

    /// <summary>The word that starts at <paramref name="from"/> (after spaces), before <paramref name="to"/>, as a title word (<see cref="TitleWord"/>); null when there is none.</summary>
    private string? WordAfter(int from, int to)
    {
        int start = from;
        while (start < to && char.IsWhiteSpace(_text[start]))
        {
            start++;
        }

        int end = start;
        while (end < to && char.IsLetter(_text[end]))
        {
            end++;
        }

        return end > start ? TitleWord(_text.AsSpan(start, end - start)) : null;
    }

    /// <summary>A word as titles are compared: normalized as Arabic, without the article (الوزير and وزير are one word).</summary>
    internal static string TitleWord(ReadOnlySpan<char> word)
    {
        string normalized = Text.NormalizerCore.NormalizeArabic(word.ToString());
        return normalized.Length > 3 && normalized.StartsWith("ال", StringComparison.Ordinal) ? normalized[2..] : normalized;
    }

    /// <summary>The words of a title, as <see cref="TitleWord"/> gives them.</summary>
    internal static HashSet<string> TitleWords(string title)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (string word in title.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            words.Add(TitleWord(word));
        }

        return words;
    }

    /// <summary>
    /// The candidate with a title that holds <paramref name="word"/>, ending last by
    /// <paramref name="before"/>; of the type named first on a tie of ends. The candidates are
    /// indexed by the words of their titles at the first question.
    /// </summary>
    private IEntity? LastTitled(string word, int before)
    {
        if (!_titlesIndexed || _titledGeneration != TitleWordIds.Generation)
        {
            IndexTitles();
        }

        int id = TitleWordIds.Find(word);
        if (id < 0)
        {
            return null;
        }

        // The first entry past (id, before): the one before it, if of this word, is the last to end at or before the quote.
        ReadOnlySpan<TitledEntry> titled = Arrays.Titled.AsSpan(0, _titledCount);
        int low = SortedSearch.FirstAtOrAfter(titled, ((long)id << 32) | (uint)(before + 1), static e => e.Key);
        return low > 0 && titled[low - 1].Word == id ? titled[low - 1].Entity : null;
    }

    /// <summary>
    /// Files every candidate with a title under each word of it, in one array sorted by word, then
    /// end, and on equal ends the type named first last (so the search takes it). The words are
    /// numbered by the thread (<see cref="TitleWordIds"/>), so a title seen in an earlier document is
    /// not split and normalized again.
    /// </summary>
    private void IndexTitles()
    {
        _titledGeneration = TitleWordIds.BeginIndex();
        Buffers buffers = Arrays;
        buffers.Titled.AsSpan(0, _titledCount).Clear();
        _titledCount = 0;
        ReadOnlySpan<IReadOnlyList<IEntity>> candidates = Candidates;
        for (int type = 0; type < candidates.Length; type++)
        {
            IReadOnlyList<IEntity> ofType = candidates[type];
            for (int i = 0; i < ofType.Count; i++)
            {
                IEntity candidate = ofType[i];
                if (_titleOf!(candidate) is not { } title)
                {
                    continue;
                }

                foreach (int word in TitleWordIds.Of(title))
                {
                    if (_titledCount == buffers.Titled.Length)
                    {
                        Array.Resize(ref buffers.Titled, Math.Max(16, 2 * buffers.Titled.Length));
                    }

                    buffers.Titled[_titledCount++] = new TitledEntry(word, candidate.Span.End, type, candidate);
                }
            }
        }

        _titlesIndexed = true;
        buffers.Titled.AsSpan(0, _titledCount).Sort(static (a, b) =>
            a.Word != b.Word ? a.Word.CompareTo(b.Word)
            : a.End != b.End ? a.End.CompareTo(b.End)
            : b.Type.CompareTo(a.Type));
    }

    /// <summary>The hits' spans in the original text, sorted, into <paramref name="spans"/> (grown if short); returns their number.</summary>
    private static int ToOriginal(NormalizedText text, ReadOnlySpan<TermHit> hits, ref TextSpan[] spans)
    {
        if (spans.Length < hits.Length)
        {
            spans = new TextSpan[Math.Max(hits.Length, 2 * spans.Length)];
        }

        for (int i = 0; i < hits.Length; i++)
        {
            spans[i] = text.ToOriginal(hits[i].Start, hits[i].End);
        }

        spans.AsSpan(0, hits.Length).Sort();
        return hits.Length;
    }

    /// <summary><see cref="First(IReadOnlyList{IEntity}, int, int)"/>, passing over the candidate the verb that ends at <paramref name="verbEnd"/> speaks to (<see cref="IsAddressed"/>).</summary>
    private IEntity? FirstSpeaking(IReadOnlyList<IEntity> candidates, int from, int to, int verbEnd)
    {
        for (int i = FirstStartingAtOrAfter(candidates, from); i < candidates.Count && candidates[i].Span.Start < to; i++)
        {
            if (candidates[i].Span.End <= to && !IsAddressed(verbEnd, candidates[i].Span.Start))
            {
                return candidates[i];
            }
        }

        return null;
    }

    /// <summary><see cref="Last(IReadOnlyList{IEntity}, int, int)"/>, passing over the candidate the verb that ends at <paramref name="verbEnd"/> speaks to (<see cref="IsAddressed"/>; −1 for no verb).</summary>
    private IEntity? LastSpeaking(IReadOnlyList<IEntity> candidates, int from, int to, int verbEnd)
    {
        for (int i = FirstStartingAtOrAfter(candidates, to) - 1; i >= 0 && candidates[i].Span.Start >= from; i--)
        {
            if (candidates[i].Span.End <= to && !IsAddressed(verbEnd, candidates[i].Span.Start))
            {
                return candidates[i];
            }
        }

        return null;
    }

    /// <summary>
    /// Whether the candidate that starts at <paramref name="start"/> is the one the speech verb that
    /// ends at <paramref name="verbEnd"/> speaks to: the preposition ل governs it right after the verb,
    /// nothing but white space between (<c>وقالت لـ«الخليج»</c>, <c>قال لوكالة «أبا»</c>, <c>وقال للخليج</c>,
    /// where a lexicon's span keeps both lams), or after the medium the verb speaks in, ل or مع
    /// (<c>مضيفا في تصريح لـ«الخليج»</c>, <c>ويقول في اتصال هاتفي مع «الفرات نيوز»</c>; see
    /// <see cref="AfterMedium"/>). After other words ل is "of" (in <c>قال المتحدث باسم
    /// الحركة لـ«حماس»</c> no one is spoken to), and without a verb (−1) no candidate is.
    /// </summary>
    internal bool IsAddressed(int verbEnd, int start)
    {
        if (verbEnd < 0 || start < verbEnd)
        {
            return false;
        }

        int word = SkipWhiteSpace(verbEnd, start);
        int medium = AfterMedium(word, start);
        bool withMedium = medium > word;
        word = medium;
        if (word == start)
        {
            // The candidate's own span opens with the fused لل of ل + ال (للخليج).
            return start + 2 < _text.Length && _text[start] == Lam && _text[start + 1] == Lam;
        }

        if (withMedium && _text.AsSpan(word).StartsWith("\u0645\u0639 ", StringComparison.Ordinal))
        {
            // مع: in a call or an interview with (… مع «الفرات نيوز»).
            return QuotationMarksTo(SkipWhiteSpace(word + 2, start), start) == start;
        }

        if (_text[word] == '\u0648' && word + 1 < start)
        {
            // و ل: and to (… للصحفيين ولـ«الخليج»).
            word++;
        }

        if (_text[word] != Lam)
        {
            return false;
        }

        // The preposition, then its tatweel, diacritics, a quotation mark: then the candidate.
        return QuotationMarksTo(word + 1, start) == start;
    }

    /// <summary>
    /// The nouns of a medium a verb of speech speaks in (<c>في تصريح</c>, <c>في حديث</c>, <c>في مقابلة</c>,
    /// <c>في اتصال</c>, <c>في لقاء</c>, <c>في حوار</c>), as normalized text writes them, each with the
    /// plural or the singular it is also written in.
    /// </summary>
    private static readonly string[] s_media = ["\u062A\u0635\u0631\u064A\u062D", "\u062A\u0635\u0631\u064A\u062D\u0627\u062A", "\u062D\u062F\u064A\u062B", "\u0645\u0642\u0627\u0628\u0644\u0629", "\u0627\u062A\u0635\u0627\u0644", "\u0644\u0642\u0627\u0621", "\u062D\u0648\u0627\u0631"];

    /// <summary>The words that may describe the medium (<c>هاتفي</c>, <c>خاص</c>, <c>صحفي</c>, <c>صحافي</c>, <c>متلفز</c>).</summary>
    private static readonly string[] s_mediumWords = ["\u0647\u0627\u062A\u0641\u064A", "\u062E\u0627\u0635", "\u0635\u062D\u0641\u064A", "\u0635\u062D\u0627\u0641\u064A", "\u0645\u062A\u0644\u0641\u0632"];

    /// <summary>
    /// Where the words after <paramref name="word"/> go on past the medium a verb speaks in
    /// (<c>في تصريح خاص</c>, <c>في اتصال هاتفي</c>) and the white space after it, short of
    /// <paramref name="limit"/>; <paramref name="word"/> itself when no medium stands there.
    /// </summary>
    private int AfterMedium(int word, int limit)
    {
        ReadOnlySpan<char> text = _text.AsSpan(0, limit);
        if (!text[word..].StartsWith("\u0641\u064A ", StringComparison.Ordinal))
        {
            return word;
        }

        int noun = SkipWhiteSpace(word + 2, limit);
        int end = WordEnd(noun, limit);
        if (end == noun || !IsOneOf(text[noun..end], s_media))
        {
            return word;
        }

        int next = SkipWhiteSpace(end, limit);
        int described = WordEnd(next, limit);
        if (described > next && IsOneOf(text[next..described], s_mediumWords))
        {
            next = SkipWhiteSpace(described, limit);
        }

        return next;
    }

    /// <summary>Whether <paramref name="word"/> is one of <paramref name="words"/>, char for char.</summary>
    private static bool IsOneOf(ReadOnlySpan<char> word, string[] words)
    {
        foreach (string candidate in words)
        {
            if (word.SequenceEqual(candidate))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first char at or after <paramref name="from"/>, short of <paramref name="limit"/>, that is not white space.</summary>
    private int SkipWhiteSpace(int from, int limit)
    {
        while (from < limit && char.IsWhiteSpace(_text[from]))
        {
            from++;
        }

        return from;
    }

    /// <summary>The end of the letters from <paramref name="from"/>, short of <paramref name="limit"/>.</summary>
    private int WordEnd(int from, int limit)
    {
        while (from < limit && char.IsLetter(_text[from]))
        {
            from++;
        }

        return from;
    }

    /// <summary>Past the tatweel, diacritics and quotation marks from <paramref name="from"/>, short of <paramref name="limit"/>.</summary>
    private int QuotationMarksTo(int from, int limit)
    {
        while (from < limit && (_text[from] is '«' or '"' or '“' or '\'' or Tatweel || _text[from] is >= '\u064B' and <= '\u0652'))
        {
            from++;
        }

        return from;
    }

    private const char Lam = '\u0644';
    private const char Tatweel = '\u0640';

    /// <summary>The first candidate that starts at or after <paramref name="from"/> and ends by <paramref name="to"/>, or null.</summary>
    internal static IEntity? First(IReadOnlyList<IEntity> candidates, int from, int to)
    {
        for (int i = FirstStartingAtOrAfter(candidates, from); i < candidates.Count && candidates[i].Span.Start < to; i++)
        {
            if (candidates[i].Span.End <= to)
            {
                return candidates[i];
            }
        }

        return null;
    }

    /// <summary>The candidate that starts at or after <paramref name="from"/>, ends by <paramref name="to"/> and starts last, or null.</summary>
    internal static IEntity? Last(IReadOnlyList<IEntity> candidates, int from, int to)
    {
        for (int i = FirstStartingAtOrAfter(candidates, to) - 1; i >= 0 && candidates[i].Span.Start >= from; i--)
        {
            if (candidates[i].Span.End <= to)
            {
                return candidates[i];
            }
        }

        return null;
    }

    private static int FirstStartingAtOrAfter(IReadOnlyList<IEntity> candidates, int start)
        => SortedSearch.FirstAtOrAfter(candidates, start, static candidate => candidate.Span.Start);

    /// <summary>The index of the span of <paramref name="spans"/> that lies in [<paramref name="from"/>, <paramref name="to"/>) and starts last, or −1.</summary>
    private static int Last(ReadOnlySpan<TextSpan> spans, int from, int to)
    {
        int i = SortedSearch.FirstAtOrAfter<TextSpan>(spans, to, static s => s.Start) - 1;
        for (; i >= 0 && spans[i].Start >= from; i--)
        {
            if (spans[i].End <= to)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The index of the first span of <paramref name="spans"/> that starts in [<paramref name="from"/>, <paramref name="to"/>), or −1.</summary>
    private static int FirstStartingIn(ReadOnlySpan<TextSpan> spans, int from, int to)
    {
        int i = SortedSearch.FirstAtOrAfter<TextSpan>(spans, from, static s => s.Start);
        return i < spans.Length && spans[i].Start < to ? i : -1;
    }

    /// <summary>A candidate filed under one word of its title.</summary>
    private readonly record struct TitledEntry(int Word, int End, int Type, IEntity Entity)
    {
        /// <summary>The word, then the end: the order the index is searched in.</summary>
        public long Key => ((long)Word << 32) | (uint)End;
    }

    /// <summary>
    /// The words of titles, numbered per thread: a title's words are split and normalized once for
    /// every document after (titles come from a lexicon, so there are few), and an anaphor is looked
    /// up by number. Past <see cref="MostTitles"/> titles the numbers start again, between two
    /// indexes, and an index of an older numbering is made again at its next look-up.
    /// </summary>
    internal static class TitleWordIds
    {
        internal const int MostTitles = 4096;

        [ThreadStatic]
        private static Dictionary<string, int[]>? t_titles;

        [ThreadStatic]
        private static Dictionary<string, int>? t_words;

        [ThreadStatic]
        private static int t_generation;

        internal static int Generation => t_generation;

        /// <summary>Called before an index is made: the numbering it will use, started again if it grew past the bound.</summary>
        internal static int BeginIndex()
        {
            if (t_titles is { Count: >= MostTitles })
            {
                t_titles.Clear();
                t_words!.Clear();
                t_generation++;
            }

            return t_generation;
        }

        /// <summary>The numbers of the words of <paramref name="title"/>, each once.</summary>
        internal static int[] Of(string title)
        {
            Dictionary<string, int[]> titles = t_titles ??= new Dictionary<string, int[]>(StringComparer.Ordinal);
            if (titles.TryGetValue(title, out int[]? ids))
            {
                return ids;
            }

            Dictionary<string, int> words = t_words ??= new Dictionary<string, int>(StringComparer.Ordinal);
            var list = new List<int>();
            foreach (string word in TitleWords(title))
            {
                if (!words.TryGetValue(word, out int id))
                {
                    words.Add(word, id = words.Count);
                }

                list.Add(id);
            }

            titles.Add(title, ids = [.. list]);
            return ids;
        }

        /// <summary>The number of a word of some title of this numbering, or -1.</summary>
        internal static int Find(string word) => t_words is { } words && words.TryGetValue(word, out int id) ? id : -1;
    }
}
