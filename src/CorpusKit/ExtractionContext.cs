using System;
using System.Collections.Generic;
using System.ComponentModel;

namespace CorpusKit;

/// <summary>
/// One document on its way through the extractors: its text, normalized once per normalization,
/// the entities found so far (later entity types refer to earlier ones) and any problems.
/// </summary>
public sealed class ExtractionContext
{
    private List<ExtractionProblem>? _problems; // made at the first problem: most documents have none
    private List<TextSpan>? _excluded; // borrowed at the first range hidden: most documents of a site have some

    // A document meets a handful of entity types and of term indexes: small arrays searched in
    // turn cost less to make and to search than dictionaries, made again for every document.
    private Results[] _results = [];
    private int _resultCount;
    private TermHits[] _hits = [];
    private int _hitCount;
    private EntitySpans[] _entitySpans = [];
    private int _entitySpanCount;
    private NormalizedText? _plain;
    private NormalizedText? _arabic;
    private CompilerServices.MatchArena? _matches;

    // The lists this context borrowed from its thread's free lists, and how each goes back.
    private List<(object List, Action<object> GiveBack)>? _borrowed;

    /// <summary>This thread's record of borrowed lists, free while no extraction of the thread holds it.</summary>
    [ThreadStatic]
    private static List<(object List, Action<object> GiveBack)>? t_freeRecord;

    /// <summary>The tables of results and of term hits of the thread's last ended extraction, emptied, for its next one.</summary>
    [ThreadStatic]
    private static Results[]? t_freeResults;

    /// <summary>The table of term hits of the thread's last ended extraction, emptied.</summary>
    [ThreadStatic]
    private static TermHits[]? t_freeHits;

    /// <summary>The last ended extraction's array of hit lists (one per dictionary of an index), with its lists emptied.</summary>
    [ThreadStatic]
    private static List<CompilerServices.TermHit>[]? t_freeHitLists;

    /// <summary>The longest table kept for the thread's next extraction.</summary>
    private const int KeptTable = 64;

    /// <summary>A dictionary's list of hits grown past this many is not kept for the thread's next extraction.</summary>
    private const int MaxKeptHits = 1 << 16;

    /// <summary>Whether this context came from <see cref="Start"/>, and goes back to its thread at <see cref="EndExtraction"/>.</summary>
    private bool _pooled;

    // What a context of the thread's pool keeps from one document to the next: the objects its
    // Arabic text was made of, each filled again (nothing outside the context refers to them).
    private NormalizedText? _spareText;
    private CorpusKit.Text.OffsetMap? _spareMap;
    private Documents.NormalizedDraft? _spareDraft;

    /// <summary>The thread's context from <see cref="Start"/> whose extraction ended last, free for its next.</summary>
    [ThreadStatic]
    private static ExtractionContext? t_free;

    /// <summary>Starts extraction over <paramref name="text"/>.</summary>
    /// <param name="text">The document's original text.</param>
    /// <param name="documentId">A name for the document (a file name), written into exports.</param>
    public ExtractionContext(string text, string? documentId = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text;
        DocumentId = documentId;
        _progress = t_progress;
    }

    /// <summary>
    /// For generated code: a context as the constructor makes one, for an <c>Extract(string)</c>
    /// that ends it with <see cref="EndExtraction"/> and hands out none of it: the context of the
    /// thread's last such extraction, with the objects its text was made of, is used again, so a
    /// document costs none of them.
    /// </summary>
    /// <param name="text">The document's original text.</param>
    /// <param name="documentId">A name for the document (a file name), written into exports.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static ExtractionContext Start(string text, string? documentId = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (t_free is not { } context)
        {
            return new ExtractionContext(text, documentId) { _pooled = true };
        }

        t_free = null;
        context.Text = text;
        context.DocumentId = documentId;
        context._progress = t_progress;
        context._pooled = true;
        return context;
    }

    /// <summary>
    /// Told how far extraction of this document has come, from 0 to 1, as a corpus's stages end
    /// (the layout, then each entity type; see <see cref="ReportProgress"/>), on the thread that
    /// extracts. A <see cref="Running.CorpusRunner{TDocument}"/> sets it for the contexts its
    /// workers make for a long document, so its progress moves within that document too.
    /// </summary>
    public Action<double>? Progress { get => _progress; init => _progress = value; }

    private Action<double>? _progress;

    /// <summary>The progress given to contexts made on this thread (a runner's worker sets it around a long document).</summary>
    [ThreadStatic]
    private static Action<double>? t_progress;

    /// <summary>Sets <see cref="Progress"/> for the contexts made on this thread until the scope is disposed.</summary>
    internal static ProgressScope ReportTo(Action<double> progress)
    {
        Action<double>? outer = t_progress;
        t_progress = progress;
        return new ProgressScope(outer);
    }

    /// <summary>Gives the thread back the progress it had before <see cref="ReportTo"/>.</summary>
    internal readonly struct ProgressScope(Action<double>? outer) : IDisposable
    {
        public void Dispose() => t_progress = outer;
    }

    /// <summary>
    /// Tells <see cref="Progress"/> that <paramref name="done"/> of the extraction's
    /// <paramref name="stages"/> stages have ended (generated corpora call it after the layout and
    /// after each entity type).
    /// </summary>
    public void ReportProgress(int done, int stages)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(done);
        ArgumentOutOfRangeException.ThrowIfLessThan(stages, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(done, stages);
        Progress?.Invoke((double)done / stages);
    }

    /// <summary>The document's original text.</summary>
    public string Text { get; private set; }

    /// <summary>
    /// Where this context's extractions add their time rule by rule (null, the default: they are
    /// not timed). Make the context yourself, set this, and extract with it
    /// (<c>corpus.Extract(context)</c>); a context of <c>Extract(string)</c> has none.
    /// </summary>
    public Profiling.RuleProfile? Profile { get; set; }

    /// <summary>
    /// Starts an entity type's rules: marks where the context's matches stand, and starts timing
    /// the first rule when <see cref="Profile"/> is set; <paramref name="candidates"/> is how many
    /// the type has so far. For generated code.
    /// </summary>
    /// <remarks>Inlined: without a profile a rule pays a test of a field and the mark.</remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public CompilerServices.RuleClock StartRule(int candidates)
        => Profile is null ? new(0, 0, 0, MatchesHere) : StartTiming(candidates, MatchesHere);

    private CompilerServices.RuleClock StartTiming(int candidates, CompilerServices.MatchArena.Mark matches)
        => new(System.Diagnostics.Stopwatch.GetTimestamp(), candidates, _profileRecorded, matches);

    /// <summary>Where the matches stand (nothing made yet when no rule has asked for the arena).</summary>
    private CompilerServices.MatchArena.Mark MatchesHere => _matches?.Here ?? default;

    /// <summary>The entity type and the rule under which a profile files the scan of the text for all lexicons of an index.</summary>
    internal const string LexiconScan = "(lexicons)";

    /// <summary>
    /// Every Stopwatch tick this context has recorded into its profile: a rule's own time is its
    /// time less what was recorded while it ran (the lexicon scan it asked for first, the rules of
    /// an entity type it made run), so nothing is counted twice.
    /// </summary>
    private long _profileRecorded;

    /// <summary>
    /// Ends the rule (or step) <paramref name="rule"/> of <paramref name="entityType"/> started at
    /// <paramref name="clock"/>, its type now holding <paramref name="candidates"/>: lets go of the
    /// matches made since the type's rules started (a rule reads its matches only while it runs;
    /// its candidates hold records, not matches), and when <see cref="Profile"/> is set records the
    /// rule's time and starts timing the next. For generated code; inlined as <see cref="StartRule"/> is.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public CompilerServices.RuleClock NextRule(CompilerServices.RuleClock clock, string entityType, string rule, int candidates)
    {
        if (clock.HasMatches)
        {
            _matches?.Rewind(clock.Matches);
        }

        return Profile is null ? clock : EndTiming(clock, entityType, rule, candidates);
    }

    private CompilerServices.RuleClock EndTiming(CompilerServices.RuleClock clock, string entityType, string rule, int candidates)
    {
        if (clock.Started == 0)
        {
            // Started before the profile was set: nothing to record yet.
            return StartTiming(candidates, clock.Matches);
        }

        long now = System.Diagnostics.Stopwatch.GetTimestamp();
        long own = now - clock.Started - (_profileRecorded - clock.Recorded);
        Profile!.Add(entityType, rule, own, candidates - clock.Candidates);
        _profileRecorded += own;
        return new CompilerServices.RuleClock(System.Diagnostics.Stopwatch.GetTimestamp(), candidates, _profileRecorded, clock.Matches);
    }

    /// <summary>The document's name, if it has one.</summary>
    public string? DocumentId { get; private set; }

    /// <summary>
    /// Problems met so far (a regex that timed out, say); extraction went on without that rule. Read
    /// it once extraction is done: before the first problem it is an empty list that stays empty.
    /// </summary>
    public IReadOnlyList<ExtractionProblem> Problems => _problems ?? (IReadOnlyList<ExtractionProblem>)[];

    /// <summary>Ranges of <see cref="Text"/> that rules do not see (boilerplate lines), in text order.</summary>
    public IReadOnlyList<TextSpan> Excluded => (IReadOnlyList<TextSpan>?)_excluded ?? [];

    /// <summary>The text as rules under <paramref name="normalization"/> see it, normalized on first use only.</summary>
    /// <remarks>Excluded ranges read as white space (line breaks kept), so offsets stay those of <see cref="Text"/>.</remarks>
    public NormalizedText GetText(TextNormalization normalization) => normalization switch
    {
        TextNormalization.None => _plain ??= NormalizedText.Normalize(Text, TextNormalization.None).Masked(Excluded),
        TextNormalization.Arabic => _arabic ??= NormalizeArabic(),
        _ => throw new ArgumentOutOfRangeException(nameof(normalization), normalization, "Unknown normalization."),
    };

    /// <summary>The text under the Arabic normalization, into a pooled buffer masked in place (given back by <see cref="EndExtraction"/>).</summary>
    private NormalizedText NormalizeArabic()
    {
        char[] buffer = CorpusKit.Text.NormalizerCore.NormalizeArabicRented(Text, out int length, out CorpusKit.Text.OffsetMap? map, out bool otherDigits, TakeSpareMap());
        return NormalizedText.FromMasked(Text, buffer, length, TextNormalization.Arabic, map, otherDigits, Excluded, TakeSpareText());
    }

    /// <summary>
    /// Hides <paramref name="spans"/> from every rule: their chars read as spaces (line breaks
    /// kept), so nothing is found there and no match runs across them, while offsets stay
    /// unchanged. Call it before any extractor runs; the text may already be normalized.
    /// </summary>
    /// <exception cref="InvalidOperationException">An extractor has already run on this document.</exception>
    public void Exclude(IEnumerable<TextSpan> spans)
    {
        ArgumentNullException.ThrowIfNull(spans);
        if (_resultCount > 0)
        {
            throw new InvalidOperationException("Exclude ranges before any extractor runs: entities have already been found in this document.");
        }

        List<TextSpan> excluded = _excluded ??= Borrow<TextSpan>();
        int before = excluded.Count;
        if (spans is ICollection<TextSpan> collection)
        {
            excluded.EnsureCapacity(before + collection.Count);
        }

        if (spans is List<TextSpan> list)
        {
            // The layout's list: read as a span, without an enumerator on the heap.
            foreach (TextSpan span in System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list))
            {
                AddExcluded(span);
            }
        }
        else
        {
            foreach (TextSpan span in spans)
            {
                AddExcluded(span);
            }
        }

        if (excluded.Count == before)
        {
            return;
        }

        // Only the new ranges need masking over a text already masked with the earlier ones; the
        // list is sorted whole only when they do not follow the earlier ones (one call per
        // document, from the layout, passes its lines in order).
        int added = excluded.Count - before;
        excluded.Sort(before, added, comparer: null);
        if (_plain is not null || _arabic is not null)
        {
            List<TextSpan> newRanges = excluded.GetRange(before, added);
            _plain = _plain?.Masked(newRanges);
            _arabic = _arabic?.Masked(newRanges);
        }

        if (before > 0 && excluded[before - 1].CompareTo(excluded[before]) > 0)
        {
            excluded.Sort();
        }

        ClearHits();
    }

    /// <summary>Adds one range for <see cref="Exclude(IEnumerable{TextSpan})"/>, checked against the text.</summary>
    private void AddExcluded(TextSpan span)
    {
        if (span.Start < 0 || span.End > Text.Length)
        {
            throw new ArgumentOutOfRangeException("spans", $"{span} is not within a text of {Text.Length} chars.");
        }

        if (span.Length > 0)
        {
            _excluded!.Add(span);
        }
    }

    /// <summary>
    /// The text under <paramref name="normalization"/> before any range is hidden, for the layout
    /// to read: when this context has not normalized it yet (and nothing is hidden), into a pooled
    /// buffer that <see cref="Exclude(IEnumerable{TextSpan}, Documents.NormalizedDraft)"/> turns into the
    /// masked text with one copy.
    /// </summary>
    internal Documents.NormalizedDraft Draft(TextNormalization normalization)
    {
        if (normalization != TextNormalization.Arabic || _arabic is not null || _excluded is { Count: > 0 })
        {
            return new Documents.NormalizedDraft(GetText(normalization));
        }

        char[] buffer = CorpusKit.Text.NormalizerCore.NormalizeArabicRented(Text, out int length, out CorpusKit.Text.OffsetMap? map, out bool otherDigits, TakeSpareMap());
        // A draft that was never completed (the layout failed half-way) keeps its buffer, and is not made again.
        Documents.NormalizedDraft draft = _spareDraft is { OwnsBuffer: false } spare
            ? spare.Reset(Text, normalization, buffer, length, map, otherDigits)
            : new Documents.NormalizedDraft(Text, normalization, buffer, length, map, otherDigits);
        if (_pooled)
        {
            // The layout is done with its draft before the extraction ends: the next document's is made in it.
            _spareDraft = draft;
        }

        return draft;
    }

    /// <summary>
    /// <see cref="Exclude(IEnumerable{TextSpan})"/>, then the text of <paramref name="draft"/> (from
    /// <see cref="Draft"/>) becomes the text rules see under its normalization, if the context has
    /// none yet.
    /// </summary>
    internal void Exclude(IEnumerable<TextSpan> spans, Documents.NormalizedDraft draft)
    {
        Exclude(spans);
        if (draft.OwnsBuffer && draft.Normalization == TextNormalization.Arabic && _arabic is null)
        {
            _arabic = draft.Complete(Excluded, TakeSpareText());
        }
    }

    /// <summary>Hides one range from every rule; see <see cref="Exclude(IEnumerable{TextSpan})"/>.</summary>
    public void Exclude(TextSpan span) => Exclude([span]);

    /// <summary>
    /// The forms of <paramref name="trie"/> in <paramref name="text"/> (this context's text under
    /// one normalization), found once per document and shared by every rule that uses the trie.
    /// For generated code.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public ReadOnlySpan<CompilerServices.TermHit> FindTerms(NormalizedText text, CompilerServices.TermTrie trie)
    {
        ArgumentNullException.ThrowIfNull(trie);
        return FindTerms(text, CompilerServices.TermIndex.Of(trie), 0);
    }

    /// <summary>
    /// The forms of dictionary <paramref name="dictionary"/> of <paramref name="index"/> in
    /// <paramref name="text"/> (this context's text under one normalization), in text order. The
    /// first call scans the text once for every dictionary of the index; the rest read what it
    /// found. The hits stay valid until the extraction ends. For generated code.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public ReadOnlySpan<CompilerServices.TermHit> FindTerms(NormalizedText text, CompilerServices.TermIndex index, int dictionary)
        => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(FindTermList(text, index, dictionary));

    /// <summary>
    /// <see cref="FindTerms(NormalizedText, CompilerServices.TermIndex, int)"/>, as the list that holds
    /// the hits: a sequence keeps it for its step instead of a copy. The list is the context's: it
    /// must not be changed, and stays valid until the extraction ends.
    /// </summary>
    internal List<CompilerServices.TermHit> FindTermList(NormalizedText text, CompilerServices.TermIndex index, int dictionary)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(index);
        ArgumentOutOfRangeException.ThrowIfNegative(dictionary);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(dictionary, index.DictionaryCount);
        if (!ReferenceEquals(text, GetText(text.Normalization)))
        {
            throw new ArgumentException("The text must be this context's normalized text.", nameof(text));
        }

        List<CompilerServices.TermHit>[]? hits = null;
        for (int i = 0; i < _hitCount; i++)
        {
            if (_hits[i].Index == index && _hits[i].Normalization == text.Normalization)
            {
                hits = _hits[i].Lists;
                break;
            }
        }

        if (hits is null)
        {
            hits = t_freeHitLists is { } free && free.Length == index.DictionaryCount ? free : new List<CompilerServices.TermHit>[index.DictionaryCount];
            if (ReferenceEquals(hits, t_freeHitLists))
            {
                t_freeHitLists = null;
            }

            for (int i = 0; i < hits.Length; i++)
            {
                // The thread's lists come back empty with their array (GiveTables), not one by one.
                hits[i] ??= [];
            }

            long scanStarted = Profile is null ? 0 : System.Diagnostics.Stopwatch.GetTimestamp();
            CompilerServices.TermMatcher.FindAll(text.Span, index, clitics: text.Normalization == TextNormalization.Arabic, hits);
            if (Profile is { } profile)
            {
                // The one scan for every lexicon of the index is a step of its own, not the time of the rule that asked first.
                long scanned = System.Diagnostics.Stopwatch.GetTimestamp() - scanStarted;
                profile.Add(LexiconScan, LexiconScan, scanned, 0);
                _profileRecorded += scanned;
            }
            if (_hitCount == _hits.Length)
            {
                if (_hits.Length == 0 && t_freeHits is { } freeHits)
                {
                    _hits = freeHits;
                    t_freeHits = null;
                }
                else
                {
                    Array.Resize(ref _hits, Math.Max(2, _hits.Length * 2));
                }
            }

            _hits[_hitCount++] = new TermHits(index, text.Normalization, hits);
        }

        return hits[dictionary];
    }

    /// <summary>
    /// The spans of <paramref name="entities"/> in <paramref name="text"/> (this context's normalized
    /// text) as a sequence's entity step takes them: by start, the longest first at a start, each
    /// with the entity's index in the list. Made once per list and text, then shared by every rule
    /// whose step reads the list (NewsDesk's Source rules read the Organizations sixteen times a
    /// document). The array is the context's: it must not be changed, and stays valid until the
    /// extraction ends or boilerplate is hidden. Its first <paramref name="count"/> items are the spans.
    /// </summary>
    internal CompilerServices.StepMatch[] EntityStepSpans(NormalizedText text, IReadOnlyList<IEntity> entities, out int count)
    {
        count = entities.Count;
        for (int i = 0; i < _entitySpanCount; i++)
        {
            // The count too: a list that grew since (an entity type's own list, read while it is made) is mapped again.
            ref EntitySpans cached = ref _entitySpans[i];
            if (ReferenceEquals(cached.Entities, entities) && ReferenceEquals(cached.Text, text) && cached.Count == count)
            {
                return cached.Spans;
            }
        }

        CompilerServices.StepMatch[] spans = WorkArrays<CompilerServices.StepMatch>.Rent(count);
        for (int i = 0; i < count; i++)
        {
            TextSpan span = entities[i].Span;
            int start = text.ToNormalized(span.Start);
            int end = Math.Max(start, text.ToNormalized(span.End));
            spans[i] = new CompilerServices.StepMatch(start, end, i, null);
        }

        // By start, then longest first: the longest entity at a position is tried first.
        // A static lambda is made once; a comparer struct would be wrapped in a new delegate per sort.
        spans.AsSpan(0, count).Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        if (_entitySpanCount == _entitySpans.Length)
        {
            Array.Resize(ref _entitySpans, Math.Max(4, _entitySpans.Length * 2));
        }

        _entitySpans[_entitySpanCount++] = new EntitySpans(entities, text, count, spans);
        return spans;
    }

    /// <summary>Forgets the term hits found so far (their lists, emptied, are kept for the thread: <see cref="KeepHitLists"/>) and the entity steps' spans.</summary>
    private void ClearHits()
    {
        for (int i = 0; i < _hitCount; i++)
        {
            KeepHitLists(_hits[i].Lists);
        }

        Array.Clear(_hits, 0, _hitCount);
        _hitCount = 0;
        for (int i = 0; i < _entitySpanCount; i++)
        {
            // The spans hold no match: nothing to clear for the collector.
            WorkArrays<CompilerServices.StepMatch>.Return(_entitySpans[i].Spans);
        }

        Array.Clear(_entitySpans, 0, _entitySpanCount);
        _entitySpanCount = 0;
    }

    /// <summary>
    /// Keeps an index's hit lists in their array, emptied, for the thread's next scan; one that grew
    /// for a huge document is let go (a new one is made in its place). The array has a list per
    /// dictionary of the schema's index, whatever the document: it is kept at any length (NewsDesk's
    /// has sixty-six).
    /// </summary>
    private static void KeepHitLists(List<CompilerServices.TermHit>[] lists)
    {
        for (int d = 0; d < lists.Length; d++)
        {
            if (lists[d].Capacity > MaxKeptHits)
            {
                lists[d] = null!;
            }
            else
            {
                lists[d].Clear();
            }
        }

        t_freeHitLists = lists;
    }

    /// <summary>
    /// At the end of the extraction: the <c>nearest(…)</c> indexes give back their arrays, and the
    /// emptied tables of results and hits are kept for the thread's next extraction.
    /// </summary>
    private void GiveTables()
    {
        for (int i = 0; i < _resultCount; i++)
        {
            (_results[i].Nearest as CompilerServices.IReleasable)?.Release();
        }

        Array.Clear(_results, 0, _resultCount);
        _resultCount = 0;
        if (_results.Length is > 0 and <= KeptTable)
        {
            t_freeResults = _results;
        }

        _results = [];
        ClearHits();
        if (_hits.Length is > 0 and <= KeptTable)
        {
            t_freeHits = _hits;
        }

        _hits = [];
    }

    /// <summary>
    /// For generated code: an empty list for an extractor's candidates, to be chosen among by
    /// <paramref name="mode"/>, borrowed from this thread's free lists until <see cref="EndExtraction"/>;
    /// <paramref name="checkSpans"/> when its rules ask <see cref="CompilerServices.Candidates{T}.Beaten"/>.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public CompilerServices.Candidates<T> Candidates<T>(CompilerServices.OverlapMode mode, bool checkSpans)
    {
        CompilerServices.Candidates<T> candidates = CompilerServices.Candidates<T>.Take(mode, checkSpans);
        Record(candidates, CompilerServices.Candidates<T>.GiveBack);
        return candidates;
    }

    /// <summary>
    /// For generated code, when the context was made by an <c>Extract(string)</c> and its
    /// extraction is over: the lists it borrowed for its work (term hits, candidates) go back to
    /// the thread's free lists. Nothing of the context may be used after, but the results are
    /// the caller's: no list of theirs is borrowed, and no result refers to the normalized texts,
    /// whose chars go back to the pool too.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public void EndExtraction()
    {
        GiveTables();

        // The normalized texts' chars go back to the pool too: no result refers to them. Nor to
        // the rules' matches, which the thread's next extraction makes again.
        _arabic?.Release();
        _plain?.Release();
        _matches?.Give();
        _matches = null;
        if (_borrowed is not null)
        {
            foreach ((object list, Action<object> giveBack) in _borrowed)
            {
                giveBack(list);
            }

            // The record itself goes back to the thread too.
            _borrowed.Clear();
            t_freeRecord = _borrowed;
            _borrowed = null;
        }

        if (_pooled)
        {
            Recycle();
        }
    }

    /// <summary>
    /// Puts a context from <see cref="Start"/>, its extraction ended, back in its thread's pool: its
    /// released Arabic text and offset map are kept to be filled again; what the results took (the
    /// problems) and what went back with the borrowed lists (the hidden ranges) are let go.
    /// </summary>
    private void Recycle()
    {
        _pooled = false;
        if (_arabic is { } arabic)
        {
            // Always made in a buffer (NormalizeArabic, a draft), released above.
            _spareText = arabic;
            _spareMap = arabic.Map;
        }

        _arabic = null;
        _plain = null;
        _problems = null;
        _excluded = null;
        Text = string.Empty;
        DocumentId = null;
        _progress = null;
        Profile = null;
        t_free = this;
    }

    /// <summary>The released offset map of this pooled context's last document, to make the next one's in.</summary>
    private CorpusKit.Text.OffsetMap? TakeSpareMap()
    {
        CorpusKit.Text.OffsetMap? map = _spareMap;
        _spareMap = null;
        return map;
    }

    /// <summary>The released Arabic text of this pooled context's last document, to make the next one's in.</summary>
    private NormalizedText? TakeSpareText()
    {
        NormalizedText? text = _spareText;
        _spareText = null;
        return text;
    }

    /// <summary>Where this extraction's rules make their matches; given back to the thread at <see cref="EndExtraction"/>.</summary>
    internal CompilerServices.MatchArena Matches => _matches ??= CompilerServices.MatchArena.Take();

    /// <summary>A list for this extraction's work, given back to the thread at <see cref="EndExtraction"/>.</summary>
    internal List<TItem> BorrowList<TItem>() => Borrow<TItem>();

    private List<TItem> Borrow<TItem>()
    {
        List<TItem> list = FreeLists<TItem>.Take();
        Record(list, FreeLists<TItem>.GiveBack);
        return list;
    }

    /// <summary>Notes a list borrowed from the thread, which <see cref="EndExtraction"/> gives back.</summary>
    private void Record(object list, Action<object> giveBack)
    {
        if (_borrowed is null)
        {
            _borrowed = t_freeRecord ?? [];
            t_freeRecord = null;
        }

        _borrowed.Add((list, giveBack));
    }

    /// <summary>
    /// The entities of type <typeparamref name="T"/> in this document: those found already, or
    /// what <paramref name="extractor"/> finds now. Rules that build on other entities call this.
    /// </summary>
    public IReadOnlyList<T> Require<T>(IExtractor<T> extractor)
        where T : IEntity
    {
        ArgumentNullException.ThrowIfNull(extractor);
        return TryGetResults(out IReadOnlyList<T> found) ? found : extractor.Extract(this);
    }

    /// <summary>For generated code: records a problem with one rule on this document (read them in <see cref="Problems"/>).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public void Report(ExtractionProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        (_problems ??= []).Add(problem);
    }

    /// <summary>
    /// For generated code: the index that <c>nearest(…)</c> fills look up among the entities of
    /// type <typeparamref name="T"/> (found now by <paramref name="extractor"/> if they are not
    /// yet), built once per document and shared by every rule that looks for a nearest
    /// <typeparamref name="T"/>.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public CompilerServices.NearestIndex<T> Nearest<T>(IExtractor<T> extractor)
        where T : class, IEntity
    {
        IReadOnlyList<T> entities = Require(extractor);
        int at = Find(typeof(T));
        if (_results[at].Nearest is CompilerServices.NearestIndex<T> nearest)
        {
            return nearest;
        }

        nearest = CompilerServices.NearestIndex<T>.Over(entities, Text);
        _results[at].Nearest = nearest;
        return nearest;
    }

    /// <summary>
    /// For generated code: stores a copy of an extractor's work list (from
    /// <see cref="CompilerServices.OverlapResolver.Resolve{T}(CompilerServices.Candidates{T})"/>) as the
    /// entities of type <typeparamref name="T"/> found in this document, exactly sized, and returns it:
    /// the results are an array of the caller's, the work list stays the extractor's.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public IReadOnlyList<T> SetResults<T>(List<T> entities)
        where T : IEntity
    {
        ArgumentNullException.ThrowIfNull(entities);
        T[] results = entities.Count == 0 ? [] : [.. entities];
        SetResults<T>((IReadOnlyList<T>)results);
        GiveBackCandidates(entities);
        return results;
    }

    /// <summary>
    /// Gives back at once the candidates whose winners <paramref name="winners"/> are, now copied
    /// out: nothing reads a type's candidates after its results are set, and on a long document
    /// they are much of the work kept (a 64 MB document's places alone make half a million).
    /// </summary>
    private void GiveBackCandidates<T>(List<T> winners)
    {
        if (_borrowed is null)
        {
            return;
        }

        for (int i = _borrowed.Count - 1; i >= 0; i--)
        {
            if (_borrowed[i].List is CompilerServices.Candidates<T> candidates && ReferenceEquals(candidates.Winners, winners))
            {
                _borrowed[i].GiveBack(candidates);
                _borrowed.RemoveAt(i);
                return;
            }
        }
    }

    /// <summary>For generated code: stores the entities of type <typeparamref name="T"/> found in this document (read them with <see cref="TryGetResults"/> or <see cref="Require"/>).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public void SetResults<T>(IReadOnlyList<T> entities)
        where T : IEntity
    {
        ArgumentNullException.ThrowIfNull(entities);
        int at = Find(typeof(T));
        if (at < 0)
        {
            if (_resultCount == _results.Length)
            {
                if (_results.Length == 0 && t_freeResults is { } free)
                {
                    _results = free;
                    t_freeResults = null;
                }
                else
                {
                    Array.Resize(ref _results, Math.Max(8, _results.Length * 2));
                }
            }

            at = _resultCount++;
        }

        // Entities set again replace the earlier ones, and the index built over those.
        _results[at] = new Results(typeof(T), entities);
    }

    /// <summary>The entities of type <typeparamref name="T"/> found so far, if that type has run.</summary>
    public bool TryGetResults<T>(out IReadOnlyList<T> entities)
        where T : IEntity
    {
        int at = Find(typeof(T));
        if (at >= 0)
        {
            entities = (IReadOnlyList<T>)_results[at].Entities;
            return true;
        }

        entities = [];
        return false;
    }

    /// <summary>Where the results of <paramref name="type"/> are in <see cref="_results"/>, or -1.</summary>
    private int Find(Type type)
    {
        for (int i = 0; i < _resultCount; i++)
        {
            if (_results[i].Type == type)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The entities found of one type, and the <c>nearest(…)</c> index over them once one is built.</summary>
    private struct Results(Type type, object entities)
    {
        public readonly Type Type = type;
        public readonly object Entities = entities;
        public object? Nearest;
    }

    /// <summary>The spans of a list of entities in one normalized text, as entity steps read them (<see cref="EntityStepSpans"/>).</summary>
    private readonly struct EntitySpans(IReadOnlyList<IEntity> entities, NormalizedText text, int count, CompilerServices.StepMatch[] spans)
    {
        public readonly IReadOnlyList<IEntity> Entities = entities;
        public readonly NormalizedText Text = text;
        public readonly int Count = count;
        public readonly CompilerServices.StepMatch[] Spans = spans;
    }

    /// <summary>The hits of every dictionary of one term index, in the text under one normalization.</summary>
    private readonly struct TermHits(CompilerServices.TermIndex index, TextNormalization normalization, List<CompilerServices.TermHit>[] lists)
    {
        public readonly CompilerServices.TermIndex Index = index;
        public readonly TextNormalization Normalization = normalization;
        public readonly List<CompilerServices.TermHit>[] Lists = lists;
    }
}
