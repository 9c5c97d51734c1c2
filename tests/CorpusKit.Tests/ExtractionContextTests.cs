using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using CorpusKit.CompilerServices;
using CsCheck;

namespace CorpusKit.Tests;

/// <summary>The context a document goes through the extractors in: exclusion, shared term hits, pattern options.</summary>
public sealed class ExtractionContextTests
{
    [Fact]
    public void Excluded_lines_read_as_spaces_in_the_normalized_text_and_offsets_do_not_move()
    {
        const string Text = "مباشر موسكو\nزار لافروف موسكو";
        var context = new ExtractionContext(Text);
        NormalizedText before = context.GetText(TextNormalization.Arabic);
        context.Exclude([new TextSpan(0, 11)]);
        NormalizedText after = context.GetText(TextNormalization.Arabic);

        Assert.NotSame(before, after);
        Assert.Equal(before.Text.Length, after.Text.Length);
        Assert.Equal(new string(' ', 11) + "\nزار لافروف موسكو", after.Text);

        // Only the second Moscow is found, at its place in the original.
        Article article = NewsCorpus.Instance.Extract(context);
        Place moscow = Assert.Single(article.PlaceMentions);
        Assert.Equal(Text.LastIndexOf("موسكو", StringComparison.Ordinal), moscow.Span.Start);
    }

    [Fact]
    public void Excluding_in_several_calls_hides_what_one_call_with_every_range_hides()
        => Gen.Select(Gen.Int[0, 50], Gen.Int[0, 9], Gen.Int[0, 2], (start, length, call) => (start, length, call)).Array[0, 12].Sample(steps =>
        {
            // Diacritics, a double space and a ligature: normalized offsets shift against the original.
            const string Text = "مُبَاشِر موسكو\nزار لافروفُ  موسكو ﻻ اليوم\nمباشر";
            List<TextSpan> spans = steps.Select(s => TextSpan.FromBounds(Math.Min(s.start, Text.Length), Math.Min(s.start + s.length, Text.Length))).ToList();
            var once = new ExtractionContext(Text);
            once.Exclude(spans);

            // Step by step: 0 joins the call before (ranges in no order), 1 starts a call, 2 starts one
            // on a text normalized (and masked) already, which the call then masks further.
            var piecemeal = new ExtractionContext(Text);
            var call = new List<TextSpan>();
            for (int i = 0; i < spans.Count; i++)
            {
                if (steps[i].call > 0 && call.Count > 0)
                {
                    piecemeal.Exclude(call);
                    call.Clear();
                }

                if (steps[i].call == 2)
                {
                    _ = piecemeal.GetText(TextNormalization.Arabic);
                }

                call.Add(spans[i]);
            }

            piecemeal.Exclude(call);
            Assert.Equal(spans.Where(s => s.Length > 0).Order(), once.Excluded);
            Assert.Equal(once.Excluded, piecemeal.Excluded);
            Assert.Equal(once.GetText(TextNormalization.Arabic).Text, piecemeal.GetText(TextNormalization.Arabic).Text);
            Assert.Equal(once.GetText(TextNormalization.None).Text, piecemeal.GetText(TextNormalization.None).Text);
        }, iter: 2000);

    /// <summary>
    /// The layout's way (the text drafted into a pooled buffer, read, then masked once into the
    /// text rules see) gives what normalizing, then excluding, gives: the same chars, offsets both
    /// ways and digits; on the seeds (diacritics, Persian letters, Arabic-Indic digits) and on
    /// ranges that begin and end inside clusters.
    /// </summary>
    [Fact]
    public void A_drafted_text_masked_once_is_the_text_normalized_then_masked()
    {
        string[] texts = [.. Seeds.Names.Select(Seeds.Read), "مُبَاشِر موسكو\nزار لافروفُ  موسكو ﻻ اليوم ١٢\nمباشر"];
        Gen.Select(Gen.Int[0, texts.Length - 1], Gen.Select(Gen.Double[0, 1], Gen.Double[0, 0.2]).Array[0, 6]).Sample((which, ranges) =>
        {
            string text = texts[which];
            List<TextSpan> spans = ranges.Select(r => (int)(r.Item1 * text.Length)).Zip(ranges, (start, r) => TextSpan.FromBounds(start, Math.Min(text.Length, start + (int)(r.Item2 * text.Length)))).ToList();
            var expected = new ExtractionContext(text);
            NormalizedText unmasked = expected.GetText(TextNormalization.Arabic);
            expected.Exclude(spans);
            NormalizedText want = expected.GetText(TextNormalization.Arabic);

            var drafted = new ExtractionContext(text);
            Documents.NormalizedDraft draft = drafted.Draft(TextNormalization.Arabic);
            Assert.True(draft.OwnsBuffer);
            Assert.Equal(unmasked.Text, draft.Chars.ToString());
            Assert.Equal(unmasked.HasOtherDigits, draft.HasOtherDigits);
            int ended = 0;
            for (int i = 0; i <= text.Length; i++)
            {
                Assert.Equal(unmasked.ToNormalized(i), draft.ToNormalized(i, ref ended));
            }

            drafted.Exclude(spans, draft);
            Assert.False(draft.OwnsBuffer);
            NormalizedText got = drafted.GetText(TextNormalization.Arabic);
            Assert.Equal(want.Text, got.Text);
            Assert.Equal(want.HasOtherDigits, got.HasOtherDigits);
            for (int i = 0; i < got.Text.Length; i++)
            {
                Assert.Equal(want.ToOriginal(i, i + 1), got.ToOriginal(i, i + 1));
            }
        }, iter: 200);
    }

    /// <summary>A text past the pooled size (a million chars): its work buffer is allocated to size, and the result is the same.</summary>
    [Fact]
    public void A_drafted_text_of_more_than_a_million_chars_is_the_text_normalized_then_masked()
    {
        string seeds = string.Join("\n", Seeds.Names.Select(Seeds.Read));
        string text = string.Join("\n", Enumerable.Repeat(seeds, (1 << 20) / seeds.Length + 2));
        Assert.True(text.Length > 1 << 20);
        TextSpan[] spans = [new TextSpan(10, 500), new TextSpan(text.Length / 2, 20_000), new TextSpan(text.Length - 300, 300)];

        var expected = new ExtractionContext(text);
        _ = expected.GetText(TextNormalization.Arabic);
        expected.Exclude(spans);
        var drafted = new ExtractionContext(text);
        Documents.NormalizedDraft draft = drafted.Draft(TextNormalization.Arabic);
        drafted.Exclude(spans, draft);

        Assert.Equal(expected.GetText(TextNormalization.Arabic).Text, drafted.GetText(TextNormalization.Arabic).Text);
    }

    [Fact]
    public void A_text_normalized_already_is_drafted_as_is_and_masked_as_before()
    {
        var context = new ExtractionContext("مباشر موسكو\nزار لافروف موسكو");
        NormalizedText before = context.GetText(TextNormalization.Arabic);
        Documents.NormalizedDraft draft = context.Draft(TextNormalization.Arabic);
        Assert.False(draft.OwnsBuffer);
        Assert.Equal(before.Text, draft.Chars.ToString());

        context.Exclude([new TextSpan(0, 11)], draft);
        Assert.Equal(new string(' ', 11) + "\nزار لافروف موسكو", context.GetText(TextNormalization.Arabic).Text);
    }

    /// <summary>
    /// A type's candidates go back to the thread as soon as its results are set from their
    /// winners, before the extraction ends (nothing reads them after, and on a long document they
    /// are much of the work kept): the next list taken on the thread is the same one, empty. The
    /// candidates of another type, and a list of winners that is not a candidate list's, stay.
    /// </summary>
    [Fact]
    public void Candidates_go_back_when_their_type_s_results_are_set()
    {
        var context = new ExtractionContext("زار لافروف موسكو");
        var place = new Place("RU", new TextSpan(11, 5), "موسكو", "test");
        Candidates<Place> places = context.Candidates<Place>(OverlapMode.Longest, checkSpans: true);
        Candidates<Place> other = context.Candidates<Place>(OverlapMode.Longest, checkSpans: true);
        places.Add(place.Span, 0, place);
        other.Add(place.Span, 0, place);

        IReadOnlyList<Place> results = context.SetResults<Place>(OverlapResolver.Resolve(places));
        Assert.Equal([place], results);
        context.SetResults<Place>([place]); // a list of the caller's own: no candidates go back for it

        Candidates<Place> next = context.Candidates<Place>(OverlapMode.Longest, checkSpans: true);
        Assert.Same(places, next);
        Assert.False(next.Beaten(place.Span));
        Assert.Empty(OverlapResolver.Resolve(next));
        Assert.True(other.Beaten(place.Span)); // the other list is still borrowed, as it was
        Assert.Equal([place], OverlapResolver.Resolve(other));
        Assert.Equal([place], results);
        context.EndExtraction();
    }

    /// <summary>
    /// The lists a context borrows for its work go back to the thread when its extraction ends,
    /// empty, and the next document takes them; no list of a result is among them, so a result
    /// stays as it was while later documents are extracted.
    /// </summary>
    [Fact]
    public void Borrowed_lists_go_back_empty_and_results_keep_their_own()
    {
        var first = new ExtractionContext("زار لافروف موسكو");
        first.Exclude(new TextSpan(0, 3));
        Candidates<Place> borrowed = first.Candidates<Place>(OverlapMode.Longest, checkSpans: true);
        var place = new Place("RU", new TextSpan(11, 5), "موسكو", "test");
        borrowed.Add(place.Span, 0, place);
        Assert.True(borrowed.Beaten(place.Span));
        List<Place> winners = OverlapResolver.Resolve(borrowed);
        IReadOnlyList<Place> results = first.SetResults<Place>(winners);
        Assert.NotSame(winners, results); // the results are a copy of the work list, exactly sized
        Assert.Equal([place], Assert.IsType<Place[]>(results));
        Assert.True(first.TryGetResults(out IReadOnlyList<Place> kept));
        Assert.Same(results, kept);
        first.EndExtraction();

        Assert.Empty(winners); // the work list went back with its candidates
        Assert.Equal([place], results);
        var second = new ExtractionContext("موسكو");
        Assert.Empty(second.Excluded); // the first's ranges went back with its lists
        Candidates<Place> again = second.Candidates<Place>(OverlapMode.Longest, checkSpans: true);
        Assert.Same(borrowed, again);
        Assert.Empty(OverlapResolver.Resolve(again));
        Assert.Same(winners, OverlapResolver.Resolve(again));
        Assert.False(again.Beaten(place.Span)); // its spans went with its candidates
        Assert.NotSame(again, second.Candidates<Place>(OverlapMode.Longest, checkSpans: true)); // one list per borrower until it is given back
        second.Exclude(new TextSpan(1, 2));
        Assert.Equal([new TextSpan(1, 2)], second.Excluded);
        Assert.Same(Array.Empty<Place>(), second.SetResults<Place>(new List<Place>()));
        second.EndExtraction();

        string[] seeds = [.. Seeds.Names.Select(Seeds.Read)];
        Article article = NewsCorpus.Instance.Extract(seeds[0], "000");
        string before = Json.CorpusJson.Serialize(article);
        foreach (string seed in seeds.Skip(1))
        {
            _ = NewsCorpus.Instance.Extract(seed);
            _ = PlaceExtractor.Instance.Extract(seed);
        }

        Assert.Equal(before, Json.CorpusJson.Serialize(article));
    }

    [Fact]
    public void A_normalized_text_is_read_from_its_buffer_until_the_extraction_ends()
    {
        var context = new ExtractionContext("زارَ لافروفُ موسكو");
        NormalizedText text = context.GetText(TextNormalization.Arabic);
        var kept = new ExtractionContext("قال لافروف");
        NormalizedText made = kept.GetText(TextNormalization.Arabic);
        string madeText = made.Text; // a string made before the end stays readable

        Assert.Equal("زار لافروف موسكو", text.Span.ToString());
        Assert.Equal(16, text.Length);
        Assert.Equal("لافروف", text.TextOf(4, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => text.TextOf(4, 17));

        context.EndExtraction();
        kept.EndExtraction();

        Assert.Throws<ObjectDisposedException>(() => text.Text);
        Assert.Throws<ObjectDisposedException>(() => text.TextOf(0, 3));
        Assert.Equal(16, text.Length);
        Assert.Same(madeText, made.Text);
        Assert.Equal("قال لافروف", made.Span.ToString());
    }

    [Fact]
    public void A_generated_corpus_reports_the_layout_and_each_entity_type_as_it_ends()
    {
        var reported = new List<double>();
        var context = new ExtractionContext(Seeds.Read("000"), "000") { Progress = reported.Add };

        NewsCorpus.Instance.Extract(context);

        // The layout, then Place, Person, Date, Quote, YearRange, Share and Figure: eight stages.
        Assert.Equal(Enumerable.Range(1, 8).Select(stage => stage / 8.0), reported);
    }

    [Fact]
    public void Progress_is_told_the_share_of_stages_done_and_nothing_is_told_without_it()
    {
        var reported = new List<double>();
        var context = new ExtractionContext("نص") { Progress = reported.Add };
        context.ReportProgress(0, 3);
        context.ReportProgress(3, 3);
        new ExtractionContext("نص").ReportProgress(1, 2);

        Assert.Equal([0, 1], reported);
        Assert.Throws<ArgumentOutOfRangeException>(() => context.ReportProgress(4, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => context.ReportProgress(-1, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => context.ReportProgress(0, 0));
    }

    [Fact]
    public void A_thread_reporting_to_a_runner_gives_its_progress_to_the_contexts_it_makes_until_the_scope_ends()
    {
        var reported = new List<double>();
        ExtractionContext inside;
        using (ExtractionContext.ReportTo(reported.Add))
        {
            inside = new ExtractionContext("نص");
            Action<double>? elsewhere = null;
            var thread = new System.Threading.Thread(() => elsewhere = new ExtractionContext("نص").Progress);
            thread.Start();
            thread.Join();
            Assert.Null(elsewhere); // another thread's contexts do not report
        }

        inside.ReportProgress(1, 2);
        Assert.Equal([0.5], reported);
        Assert.Null(new ExtractionContext("نص").Progress);
    }

    [Fact]
    public void Excluding_after_an_extractor_ran_is_refused()
    {
        var context = new ExtractionContext("زار لافروف موسكو");
        _ = PlaceExtractor.Instance.Extract(context);

        Assert.Throws<InvalidOperationException>(() => context.Exclude([new TextSpan(0, 3)]));
    }

    [Fact]
    public void Term_hits_are_found_once_per_document_and_trie()
    {
        var context = new ExtractionContext("سيرغي لافروف وبوتين");
        NormalizedText text = context.GetText(TextNormalization.Arabic);
        TermTrie trie = TermTrie.Create([new("لافروف", 0), new("بوتين", 1)]);

        ReadOnlySpan<TermHit> first = context.FindTerms(text, trie);
        Assert.True(first == context.FindTerms(text, trie)); // the same hits, not found again
        Assert.Equal([0, 1], first.ToArray().Select(h => h.Value));
        Assert.Equal("بوتين", text.Text[first[1].Start..first[1].End]); // the و stays out
        Assert.Throws<ArgumentException>(() => { _ = context.FindTerms(NormalizedText.Normalize("لافروف", TextNormalization.Arabic), trie); });
    }

    [Theory]
    [InlineData(1 << 16, true)]
    [InlineData((1 << 16) + 1, false)]
    public void A_threads_next_document_fills_the_same_hit_lists_emptied_up_to_a_bound(int hits, bool kept)
        => Threads.OnThreadOfItsOwn(() =>
        {
            TermTrie trie = TermTrie.Create([new("لافروف", 0), new("بوتين", 1)]);
            static List<TermHit> Hits(ExtractionContext context, TermTrie trie)
                => context.FindTermList(context.GetText(TextNormalization.Arabic), TermIndex.Of(trie), 0);

            var first = ExtractionContext.Start("لافروف وبوتين ولافروف");
            List<TermHit> firstHits = Hits(first, trie);
            Assert.Equal(3, firstHits.Count);
            first.EndExtraction();
            Assert.Empty(firstHits);

            var second = ExtractionContext.Start("قال بوتين");
            List<TermHit> secondHits = Hits(second, trie);
            Assert.Same(firstHits, secondHits);
            Assert.Equal([1], secondHits.Select(h => h.Value));
            second.EndExtraction();

            // 65,536 hits fill a list of that capacity, which the thread keeps; one more grows it past, and the next document has a new one.
            var huge = ExtractionContext.Start(string.Join(' ', Enumerable.Repeat("بوتين", hits)));
            List<TermHit> hugeHits = Hits(huge, trie);
            Assert.Equal(hits, hugeHits.Count);
            Assert.Same(firstHits, hugeHits);
            huge.EndExtraction();

            var after = ExtractionContext.Start("لافروف");
            List<TermHit> afterHits = Hits(after, trie);
            Assert.Equal(kept, ReferenceEquals(hugeHits, afterHits));
            Assert.Equal([0], afterHits.Select(h => h.Value));
            after.EndExtraction();
        });

    [Theory]
    [InlineData(64)]
    [InlineData(65)]
    public void A_schema_of_many_lexicons_keeps_its_hit_lists_for_the_threads_next_document(int dictionaries)
        => Threads.OnThreadOfItsOwn(() =>
        {
            // One form per dictionary (the schema's lexicons and inline lists): NewsDesk has more than sixty-four.
            TermIndex index = TermIndex.Create([.. Enumerable.Range(0, dictionaries).Select(d => (KeyValuePair<string, int>[])[new("كلمة" + d, d)])]);
            static List<TermHit> Last(ExtractionContext context, TermIndex index)
                => context.FindTermList(context.GetText(TextNormalization.Arabic), index, index.DictionaryCount - 1);

            var first = ExtractionContext.Start("كلمة" + (dictionaries - 1));
            List<TermHit> hits = Last(first, index);
            Assert.Single(hits);
            first.EndExtraction();

            var second = ExtractionContext.Start("نص آخر");
            Assert.Same(hits, Last(second, index));
            Assert.Empty(hits);
            second.EndExtraction();
        });

    [Fact]
    public void Each_term_index_and_normalization_has_hits_of_its_own()
    {
        var context = new ExtractionContext("Lavrov في موسكو وبوتين");
        NormalizedText arabic = context.GetText(TextNormalization.Arabic);
        NormalizedText plain = context.GetText(TextNormalization.None);
        TermTrie moscow = TermTrie.Create([new("موسكو", 7)]);
        TermTrie putin = TermTrie.Create([new("بوتين", 8)]);
        TermTrie lavrov = TermTrie.Create([new("lavrov", 9)]);

        // Three indexes over two texts: the table of hits grows past its first two entries.
        Assert.Equal([7], context.FindTerms(arabic, moscow).ToArray().Select(h => h.Value));
        Assert.Equal([8], context.FindTerms(arabic, putin).ToArray().Select(h => h.Value));
        Assert.Equal([9], context.FindTerms(arabic, lavrov).ToArray().Select(h => h.Value));
        Assert.Empty(context.FindTerms(plain, lavrov).ToArray()); // without normalization, the case stays
        Assert.Equal([7], context.FindTerms(arabic, moscow).ToArray().Select(h => h.Value));
        Assert.True(context.FindTerms(arabic, putin) == context.FindTerms(arabic, putin));
    }

    [Fact]
    public void Results_are_kept_per_type_and_set_again_they_replace_the_earlier_ones()
    {
        var context = new ExtractionContext("نص");
        Place place = new("RU", new TextSpan(0, 1), "ن", "known");
        Person person = new("لافروف", new TextSpan(1, 1), "ص", "known");

        Assert.False(context.TryGetResults(out IReadOnlyList<Place> none));
        Assert.Empty(none);
        context.SetResults<Place>([place]);
        context.SetResults<Person>([person]);
        context.SetResults<Date>([]);
        context.SetResults<Quote>([]);
        context.SetResults<Figure>([]); // a fifth type: the table grows

        Assert.True(context.TryGetResults(out IReadOnlyList<Place> places));
        Assert.Same(place, Assert.Single(places));
        Assert.True(context.TryGetResults(out IReadOnlyList<Person> people));
        Assert.Same(person, Assert.Single(people));
        Assert.True(context.TryGetResults(out IReadOnlyList<Figure> figures));
        Assert.Empty(figures);
        Assert.False(context.TryGetResults(out IReadOnlyList<Share> _));

        context.SetResults<Place>([]);
        Assert.True(context.TryGetResults(out places));
        Assert.Empty(places);
        Assert.True(context.TryGetResults(out people));
        Assert.Same(person, Assert.Single(people));
    }

    [Fact]
    public void The_nearest_index_of_a_type_is_built_once_per_document_and_again_when_its_entities_change()
    {
        const string Text = "قال لافروف ثم قال بوتين";
        var context = new ExtractionContext(Text);
        NearestIndex<Person> nearest = context.Nearest(PersonExtractor.Instance);

        // The extractor ran on the first call; both rules of a type share one index.
        Assert.True(context.TryGetResults(out IReadOnlyList<Person> people));
        Assert.Equal(["سيرغي لافروف", "فلاديمير بوتين"], people.Select(p => p.Name));
        Assert.Same(nearest, context.Nearest(PersonExtractor.Instance));
        Assert.Equal("فلاديمير بوتين", nearest.Find(new TextSpan(Text.Length, 0), NearestDirection.Before, TextScope.Document)?.Name);

        // Entities set again: a new index over them.
        context.SetResults<Person>([people[0]]);
        NearestIndex<Person> again = context.Nearest(PersonExtractor.Instance);
        Assert.NotSame(nearest, again);
        Assert.Equal("سيرغي لافروف", again.Find(new TextSpan(Text.Length, 0), NearestDirection.Before, TextScope.Document)?.Name);
    }

    /// <summary>
    /// A context from <see cref="ExtractionContext.Start"/> goes back to its thread when its
    /// extraction ends, and the thread's next one is made in it, its Arabic text and offset map in
    /// the released ones: each document still reads its own text and maps its spans by its own
    /// shifts (diacritics and a double space, then other ones, then none), the results and problems
    /// of the first are left as they were, and a context made with <c>new</c> is never kept.
    /// </summary>
    [Fact]
    public void A_started_context_is_made_again_for_the_next_document_of_its_thread()
        => Threads.OnThreadOfItsOwn(() =>
        {
            const string First = "زارَ لافروفُ  موسكو";
            ExtractionContext first = ExtractionContext.Start(First, "a");
            NormalizedText firstText = first.GetText(TextNormalization.Arabic);
            Assert.Equal("زار لافروف موسكو", firstText.Span.ToString());
            IReadOnlyList<Place> firstPlaces = PlaceExtractor.Instance.Extract(first);
            first.Report(new ExtractionProblem("Place", "known", "a problem of the first document"));
            IReadOnlyList<ExtractionProblem> firstProblems = first.Problems;
            first.EndExtraction();
            Assert.Equal(string.Empty, first.Text);
            Assert.Null(first.DocumentId);

            const string Second = "قالَ بوتينُ في مُوسكو";
            ExtractionContext second = ExtractionContext.Start(Second, "b");
            Assert.Same(first, second);
            Assert.Equal((Second, "b"), (second.Text, second.DocumentId));
            Assert.Empty(second.Problems);
            Assert.False(second.TryGetResults(out IReadOnlyList<Place> _));
            NormalizedText secondText = second.GetText(TextNormalization.Arabic);
            Assert.Same(firstText, secondText);
            Assert.Equal("قال بوتين في موسكو", secondText.Span.ToString());
            Place moscow = Assert.Single(PlaceExtractor.Instance.Extract(second));
            Assert.Equal(("مُوسكو", 15), (moscow.Text, moscow.Span.Start));
            second.EndExtraction();

            const string Third = "زار موسكو";
            ExtractionContext third = ExtractionContext.Start(Third);
            Assert.Same(first, third);
            Assert.Equal(4, Assert.Single(PlaceExtractor.Instance.Extract(third)).Span.Start);
            third.EndExtraction();

            Assert.Equal([("موسكو", new TextSpan(14, 5))], firstPlaces.Select(p => (p.Text, p.Span)));
            Assert.Equal("a problem of the first document", Assert.Single(firstProblems).Message);

            var made = new ExtractionContext("موسكو");
            made.EndExtraction();
            Assert.Same(first, ExtractionContext.Start("موسكو"));
            Assert.NotSame(made, ExtractionContext.Start("موسكو")); // the pool's one is in use: a new one
        });

    /// <summary>A generated corpus's <c>Extract(string)</c> on a thread's pooled context gives what it gives on a context of its own, document after document.</summary>
    [Fact]
    public void Extracting_on_the_thread_s_context_gives_what_a_context_of_its_own_gives()
        => Threads.OnThreadOfItsOwn(() =>
        {
            foreach (string seed in Seeds.Names)
            {
                string text = Seeds.Read(seed);
                var own = new ExtractionContext(text, seed);
                string expected = Json.CorpusJson.Serialize(NewsCorpus.Instance.Extract(own));
                own.EndExtraction();

                Assert.Equal(expected, Json.CorpusJson.Serialize(NewsCorpus.Instance.Extract(text, seed)));
            }
        });

    /// <summary>
    /// When an extraction ends, its tables of results and term hits and its nearest indexes' arrays
    /// go to the thread's next extraction: that one starts with no results of any type and finds
    /// its own, and an index of the ended extraction still answers (it builds its arrays again).
    /// </summary>
    [Fact]
    public void The_next_extraction_on_a_thread_starts_from_empty_tables()
    {
        const string First = "قال لافروف ثم قال بوتين";
        var first = new ExtractionContext(First);
        NearestIndex<Person> nearest = first.Nearest(PersonExtractor.Instance);
        Assert.Equal("فلاديمير بوتين", nearest.Find(new TextSpan(First.Length, 0), NearestDirection.Before, TextScope.Document)?.Name);
        _ = PlaceExtractor.Instance.Extract(first);
        first.EndExtraction();

        const string Second = "زار بوتين موسكو";
        var second = new ExtractionContext(Second);
        Assert.False(second.TryGetResults(out IReadOnlyList<Person> _));
        Assert.False(second.TryGetResults(out IReadOnlyList<Place> _));
        NearestIndex<Person> secondNearest = second.Nearest(PersonExtractor.Instance);
        Assert.NotSame(nearest, secondNearest);
        Assert.Null(secondNearest.Find(new TextSpan(0, 3), NearestDirection.Before, TextScope.Document));
        Assert.Equal("فلاديمير بوتين", secondNearest.Find(new TextSpan(Second.Length, 0), NearestDirection.Before, TextScope.Document)?.Name);
        Assert.Equal(["موسكو"], PlaceExtractor.Instance.Extract(second).Select(p => p.Text));

        Assert.Equal("سيرغي لافروف", nearest.Find(new TextSpan(10, 0), NearestDirection.Before, TextScope.Document)?.Name);
        Assert.Equal("فلاديمير بوتين", nearest.Find(new TextSpan(11, 0), NearestDirection.After, TextScope.Document)?.Name);
        second.EndExtraction();
    }

    [Fact]
    public void Patterns_run_with_the_options_the_build_checked_them_with()
    {
        Assert.Equal(RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, PatternRunner.OptionsFor(TextNormalization.Arabic));
        Assert.Equal(RegexOptions.CultureInvariant, PatternRunner.OptionsFor(TextNormalization.None));
    }
}
