using System;
using System.Buffers;
using System.Collections.Generic;
using System.ComponentModel;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using CorpusKit.Text;

namespace CorpusKit.CompilerServices;

/// <summary>
/// Matches <c>sequence</c> rules: steps in order, each beginning where the previous one ended
/// after white space and joining punctuation (<c>، , : ؛ ; - – —</c>); a regex step is also
/// tried right where the previous step ended, so it may match a joiner itself. Only a regex
/// step can cross a line break. At each start the first way through wins, taking the longest entity or
/// form and the fewest gap words; matches may overlap, the entity's overlap mode decides.
/// </summary>
/// <remarks>For generated code: CorpusKit's generator emits the calls to this type; it is not meant to be called by hand and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SequenceMatcher
{
    /// <summary>The most chars of proclitic letters that may stand before an entity or a form.</summary>
    private const int MaxProcliticLength = 3;

    /// <summary>Finds every match of <paramref name="steps"/> in <paramref name="text"/>.</summary>
    /// <param name="text">The normalized text.</param>
    /// <param name="steps">The steps; the first and last are not gaps (the build checks).</param>
    /// <param name="inputs">The entity lists the entity steps refer to, in original-text spans.</param>
    /// <param name="context">Where a regex timeout is reported.</param>
    /// <param name="entity">The entity type, for problem reports.</param>
    /// <param name="rule">The rule id, for problem reports.</param>
    /// <returns>The matches, in a list of the context's (see <see cref="Pattern.Matches"/>).</returns>
    public static List<SequenceMatch> Matches(
        NormalizedText text,
        SequenceStep[] steps,
        ReadOnlySpan<IReadOnlyList<IEntity>> inputs,
        ExtractionContext context,
        string entity,
        string rule)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(context);
        List<SequenceMatch> matches = context.Matches.SequenceList();
        if (steps.Length == 0)
        {
            return matches;
        }

        if (steps[0].Kind is not (SequenceStepKind.Entity or SequenceStepKind.Terms or SequenceStepKind.Regex) || steps[0].IsOptional)
        {
            throw new ArgumentException("The first step anchors the sequence: an entity, terms or regex step, not optional.", nameof(steps));
        }

        // Most rules' first step (a rare form, an entity type) finds nothing in most documents:
        // then there is nothing to set up.
        SequenceStep first = steps[0];
        if ((first.Kind == SequenceStepKind.Terms && context.FindTermList(text, first.Index!, first.Dictionary).Count == 0)
            || (first.Kind == SequenceStepKind.Entity && inputs[first.Input].Count == 0))
        {
            return matches;
        }

        var state = State.Take(text, steps, inputs, context);
        try
        {
            // Where the first step matches, in text order: a regex's matches (those found before a
            // timeout, which is reported once they are tried) or the spans of the step.
            List<PatternMatch>? regexStarts = null;
            RegexMatchTimeoutException? startsTimedOut = null;
            if (steps[0].Kind == SequenceStepKind.Regex)
            {
                regexStarts = context.Matches.PatternList();
                try
                {
                    steps[0].Pattern!.ScanInto(text, regexStarts, context.Matches);
                }
                catch (RegexMatchTimeoutException exception)
                {
                    startsTimedOut = exception;
                }
            }

            // One path for every attempt (the state's); a match keeps a copy of it.
            StepMatch[] path = state.Path;
            int starts = regexStarts?.Count ?? state.SpanCount(0);
            if (starts > 0)
            {
                // The other steps' spans only where the first step found somewhere to start: most
                // rules' first step (a rare term, a pattern) finds nothing in most documents.
                state.PrepareRest(text, inputs, context);
            }

            for (int i = 0; i < starts; i++)
            {
                StepMatch start = regexStarts is null ? state.Span(0, i) : new StepMatch(regexStarts[i].Index, regexStarts[i].End, 0, regexStarts[i]);
                path[0] = start;
                if (state.Continue(1, start.End, path))
                {
                    matches.Add(context.Matches.SequenceMatch(path[0].Start, path[steps.Length - 1].End, path.AsSpan(0, steps.Length)));
                }
            }

            if (startsTimedOut is not null)
            {
                ReportTimeout(startsTimedOut);
            }
        }
        catch (RegexMatchTimeoutException exception)
        {
            ReportTimeout(exception);
        }
        finally
        {
            state.Release();
        }

        return matches;

        void ReportTimeout(RegexMatchTimeoutException exception)
            => PatternRunner.ReportTimeout(context, entity, rule, exception, "A regex of the sequence", "matches after that point were not looked for");
    }

    /// <summary>Whether <paramref name="c"/> may stand between two steps.</summary>
    public static bool IsJoiner(char c) => c is ' ' or '\t' or '\u060C' or ',' or ':' or '\u061B' or ';' or '-' or '\u2013' or '\u2014';


    /// <summary>The per-call state: entity spans mapped into normalized text, term hits by start.</summary>
    private sealed class State
    {
        /// <summary>The state this thread gave back last: one sequence is matched at a time on a thread.</summary>
        [ThreadStatic]
        private static State? t_free;

        private NormalizedText _source = null!;
        private ReadOnlyMemory<char> _text;
        private bool _otherDigits;
        private readonly PatternMachine _machine = Pattern.Machine;
        private MatchArena _arena = null!;
        private StepMatch[] _path = new StepMatch[8];
        private SequenceStep[] _steps = [];
        // Per entity step, its spans (by start) in the context's array; per terms step (or words step
        // with forms it refuses), the context's list of the dictionary's hits, read where it is;
        // and how many there are.
        private StepMatch[]?[] _spans;
        private List<TermHit>?[] _terms;
        private int[] _counts;
        // Per alternative step, the slot of its first choice in _spans and _counts.
        private int[] _choiceBase = [];
        // Per regex step after a gap, the last place its prefilter was asked from and the answer
        // (the first place a match may begin, or -1): a later ask between the two has the same answer.
        private int[] _placeFrom = [];
        private int[] _placeAt = [];
        // And the run of its inner literal found last, as a scan keeps it: a document of one line is
        // then not searched again for the run at every ask.
        private PatternPrefilter.InnerRun[] _placeRuns = [];
        // The last line end looked for (a line break, or the text's end) and where it was looked for
        // from: asked from ever later places too, it is searched for once per line.
        private int _lineFrom;
        private int _lineEnd;

        private State(int steps)
        {
            _spans = new StepMatch[]?[steps];
            _terms = new List<TermHit>?[steps];
            _counts = new int[steps];
        }

        /// <summary>The state for one call: this thread's free one (made ready for <paramref name="steps"/>), or a new one.</summary>
        public static State Take(NormalizedText text, SequenceStep[] steps, ReadOnlySpan<IReadOnlyList<IEntity>> inputs, ExtractionContext context)
        {
            State state = t_free ?? new State(steps.Length);
            t_free = null;
            state.Start(text, steps, inputs, context);
            return state;
        }

        private void Start(NormalizedText text, SequenceStep[] steps, ReadOnlySpan<IReadOnlyList<IEntity>> inputs, ExtractionContext context)
        {
            _source = text;
            _arena = context.Matches;
            if (_path.Length < steps.Length)
            {
                _path = new StepMatch[steps.Length];
            }

            _text = text.Memory;
            _otherDigits = text.HasOtherDigits;
            _steps = steps;
            // A slot per step, then one per choice of each alternative (after the steps).
            int slots = steps.Length;
            foreach (SequenceStep step in steps)
            {
                slots += step.Choices?.Length ?? 0;
            }

            if (_spans.Length < slots)
            {
                _spans = new StepMatch[]?[slots];
                _terms = new List<TermHit>?[slots];
                _counts = new int[slots];
            }

            if (_choiceBase.Length < steps.Length)
            {
                _choiceBase = new int[steps.Length];
                _placeFrom = new int[steps.Length];
                _placeAt = new int[steps.Length];
                _placeRuns = new PatternPrefilter.InnerRun[steps.Length];
            }

            _placeFrom.AsSpan().Fill(int.MaxValue);
            _placeRuns.AsSpan().Fill(PatternPrefilter.InnerRun.None);
            _lineFrom = int.MaxValue;

            _counts.AsSpan().Clear();
            Prepare(steps[0], 0, text, inputs, context);
        }

        /// <summary>Prepares the steps after the first, and every alternative's choices (the first step is never an alternative).</summary>
        public void PrepareRest(NormalizedText text, ReadOnlySpan<IReadOnlyList<IEntity>> inputs, ExtractionContext context)
        {
            SequenceStep[] steps = _steps;
            int next = steps.Length;
            for (int s = 0; s < steps.Length; s++)
            {
                if (s > 0)
                {
                    Prepare(steps[s], s, text, inputs, context);
                }

                if (steps[s].Choices is { } choices)
                {
                    _choiceBase[s] = next;
                    foreach (SequenceStep choice in choices)
                    {
                        Prepare(choice, next++, text, inputs, context);
                    }
                }
            }
        }

        /// <summary>The spans, by start, that an entity or terms step can take (a words step's refused forms), in slot <paramref name="slot"/>.</summary>
        private void Prepare(SequenceStep step, int slot, NormalizedText text, ReadOnlySpan<IReadOnlyList<IEntity>> inputs, ExtractionContext context)
        {
            if (step.Kind == SequenceStepKind.Entity)
            {
                // The context's spans of the list, mapped and sorted once for every rule that reads it.
                _spans[slot] = context.EntityStepSpans(text, inputs[step.Input], out _counts[slot]);
            }
            else if (step.Kind == SequenceStepKind.Terms || (step.Kind == SequenceStepKind.Words && step.Index is not null))
            {
                // A terms step's forms; a words step's forms it must not take: the context's hits
                // as they are, in text order (most of them are never reached by the steps before).
                List<TermHit> hits = context.FindTermList(text, step.Index!, step.Dictionary);
                _terms[slot] = hits;
                _counts[slot] = hits.Count;
            }
        }

        /// <summary>The path an attempt fills, one entry per step (at least as many as the call's steps).</summary>
        public StepMatch[] Path => _path;

        /// <summary>Lets go of the context's spans and hits, and gives the state to the thread.</summary>
        public void Release()
        {
            for (int s = 0; s < _spans.Length; s++)
            {
                _spans[s] = null;
                _terms[s] = null;
            }

            _source = null!;
            _arena = null!;
            _path.AsSpan().Clear();
            _text = default;
            _steps = [];
            t_free = this;
        }

        /// <summary>How many spans step <paramref name="step"/> has (0 for a regex or a gap).</summary>
        public int SpanCount(int step) => _counts[step];

        /// <summary>Span <paramref name="i"/> of step <paramref name="step"/>, in the order it is tried.</summary>
        public StepMatch Span(int step, int i)
        {
            if (_terms[step] is { } hits)
            {
                TermHit hit = hits[i];
                return new StepMatch(hit.Start, hit.End, hit.Value, null);
            }

            return _spans[step]![i];
        }

        /// <summary>
        /// Matches steps <paramref name="index"/>… from <paramref name="position"/>, filling
        /// <paramref name="path"/>; an optional step is tried first, then skipped.
        /// </summary>
        public bool Continue(int index, int position, StepMatch[] path)
        {
            if (index == _steps.Length)
            {
                return true;
            }

            if (ContinueWith(index, position, path))
            {
                return true;
            }

            if (!_steps[index].IsOptional)
            {
                return false;
            }

            path[index] = new StepMatch(position, position, -1, null);
            return Continue(index + 1, position, path);
        }

        /// <summary>Matches step <paramref name="index"/> at <paramref name="position"/>, then the steps after it.</summary>
        private bool ContinueWith(int index, int position, StepMatch[] path) => ContinueStep(_steps[index], index, index, position, path);

        /// <summary>
        /// Matches <paramref name="step"/> (step <paramref name="index"/>, or one of its choices) at
        /// <paramref name="position"/>, reading its spans from <paramref name="slot"/>, then the steps after it.
        /// </summary>
        private bool ContinueStep(SequenceStep step, int slot, int index, int position, StepMatch[] path)
        {
            int at = SkipJoiners(position);
            switch (step.Kind)
            {
                case SequenceStepKind.Gap:
                    int end = position;
                    // Where the step after the gap can next begin, when it says (a pattern's
                    // prefilter, a term's or an entity's spans): a gap that ends too far before
                    // that place is not tried, and none is once no place is left.
                    int place = NoPlaceYet;
                    for (int words = 0; words <= step.Max; words++)
                    {
                        if (words >= step.Min)
                        {
                            if (place != Anywhere && (place == NoPlaceYet || place < end))
                            {
                                place = NextPlace(index + 1, end);

                                // A gap takes no line break: a place past the line's end is out of its reach.
                                if (place == NoPlace || place > LineEnd(end))
                                {
                                    return false;
                                }
                            }

                            path[index] = new StepMatch(position, end, words, null);
                            if ((place == Anywhere || place <= SkipJoiners(end) + MaxProcliticLength) && Continue(index + 1, end, path))
                            {
                                return true;
                            }
                        }

                        if (NextWordEnd(end) is not int next)
                        {
                            return false;
                        }

                        end = next;
                    }

                    return false;
                case SequenceStepKind.Words:
                    return ContinueWords(index, slot, step, at, path);
                case SequenceStepKind.Any:
                    for (int c = 0; c < step.Choices!.Length; c++)
                    {
                        if (ContinueStep(step.Choices[c], _choiceBase[index] + c, index, position, path))
                        {
                            return true;
                        }
                    }

                    return false;
                case SequenceStepKind.Regex:
                    // After the joiners first; then where the previous step ended, for a
                    // pattern that may match the joiner itself (':\s*«'; the generator says which may).
                    PatternMatch? match = step.Pattern!.MatchAt(_machine, _source, at, _arena);
                    if (match is null && at != position && step.MayBeginWithJoiner)
                    {
                        match = step.Pattern.MatchAt(_machine, _source, position, _arena);
                    }

                    if (match is null)
                    {
                        return false;
                    }

                    path[index] = new StepMatch(match.Index, match.End, 0, match);
                    return Continue(index + 1, match.End, path);
                default:
                    // Spans that begin at the position, or just after proclitic letters there.
                    if (_terms[slot] is { } terms)
                    {
                        ReadOnlySpan<TermHit> hits = CollectionsMarshal.AsSpan(terms);
                        for (int i = LowerBound(hits, at); i < hits.Length && hits[i].Start <= at + MaxProcliticLength; i++)
                        {
                            TermHit hit = hits[i];
                            if (hit.Start == at || IsProcliticRun(at, hit.Start))
                            {
                                path[index] = new StepMatch(hit.Start, hit.End, hit.Value, null);
                                if (Continue(index + 1, hit.End, path))
                                {
                                    return true;
                                }
                            }
                        }

                        return false;
                    }

                    ReadOnlySpan<StepMatch> spans = _spans[slot].AsSpan(0, _counts[slot]);
                    for (int i = LowerBound(spans, at); i < spans.Length && spans[i].Start <= at + MaxProcliticLength; i++)
                    {
                        StepMatch candidate = spans[i];
                        if (candidate.Start == at || IsProcliticRun(at, candidate.Start))
                        {
                            path[index] = candidate;
                            if (Continue(index + 1, candidate.End, path))
                            {
                                return true;
                            }
                        }
                    }

                    return false;
            }
        }

        /// <summary>
        /// Where the line that holds <paramref name="position"/> ends: its line break, or the text's
        /// end. Kept for the next ask, which comes from a later place on the same line as a rule
        /// goes on: a document of one line is searched once, not once per start.
        /// </summary>
        private int LineEnd(int position)
        {
            if (position >= _lineFrom && position <= _lineEnd)
            {
                return _lineEnd;
            }

            ReadOnlySpan<char> text = _text.Span;
            int lineBreak = text[position..].IndexOf('\n');
            _lineFrom = position;
            _lineEnd = lineBreak < 0 ? text.Length : position + lineBreak;
            return _lineEnd;
        }

        /// <summary><see cref="NextPlace"/>: not asked yet.</summary>
        private const int NoPlaceYet = -3;

        /// <summary><see cref="NextPlace"/>: the step may begin anywhere, as far as it can tell.</summary>
        private const int Anywhere = -2;

        /// <summary><see cref="NextPlace"/>: the step can begin nowhere at or after the place asked.</summary>
        private const int NoPlace = -1;

        /// <summary>
        /// The first place at or after <paramref name="position"/> where step <paramref name="index"/>,
        /// which a gap comes before, can begin: where its pattern's prefilter lets a match begin, or
        /// where one of its spans (terms, an entity) begins; <see cref="NoPlace"/> if none does, and
        /// <see cref="Anywhere"/> for a step that cannot tell (optional, an alternative, words, a
        /// pattern without a prefilter). A place is an upper bound of where the step may be tried:
        /// the step reads its spans after proclitics (up to <see cref="MaxProcliticLength"/> chars on)
        /// and a pattern from the joiners skipped or before them, so a gap whose end is within that
        /// reach is tried.
        /// </summary>
        private int NextPlace(int index, int position)
        {
            if (index >= _steps.Length)
            {
                return Anywhere;
            }

            SequenceStep step = _steps[index];
            if (step.IsOptional)
            {
                return Anywhere;
            }

            switch (step.Kind)
            {
                case SequenceStepKind.Regex:
                    if (step.Pattern!.Prefilter is not { } prefilter)
                    {
                        return Anywhere;
                    }

                    // Asked from ever later places as the first step's starts go on: an answer
                    // holds for every place between where it was asked from and itself.
                    if (position >= _placeFrom[index] && (_placeAt[index] == NoPlace || position <= _placeAt[index]))
                    {
                        return _placeAt[index];
                    }

                    // A run kept from an earlier ask can only let more places through, never fewer.
                    int place = prefilter.Next(_text.Span, position, otherDigits: true, ref _placeRuns[index]);
                    _placeFrom[index] = position;
                    _placeAt[index] = place < 0 ? NoPlace : place;
                    return _placeAt[index];
                case SequenceStepKind.Terms:
                case SequenceStepKind.Entity:
                    if (_terms[index] is { } terms)
                    {
                        ReadOnlySpan<TermHit> hits = CollectionsMarshal.AsSpan(terms);
                        int first = LowerBound(hits, position);
                        return first < hits.Length ? hits[first].Start : NoPlace;
                    }

                    ReadOnlySpan<StepMatch> spans = _spans[index].AsSpan(0, _counts[index]);
                    int firstSpan = LowerBound(spans, position);
                    return firstSpan < spans.Length ? spans[firstSpan].Start : NoPlace;
                default:
                    return Anywhere;
            }
        }

        /// <summary>
        /// A words step at <paramref name="at"/>: the words in a row there (up to the step's most),
        /// then the rest tried after the most of them first, down to the fewest.
        /// </summary>
        private bool ContinueWords(int index, int slot, SequenceStep step, int at, StepMatch[] path)
        {
            Span<int> ends = stackalloc int[SequenceStep.MaxWords];
            int count = 0;
            int start = at;
            ReadOnlySpan<char> text = _text.Span;
            while (count < step.Max && WordAt(step, slot, start) is int end)
            {
                ends[count++] = end;
                int next = end;
                while (next < text.Length && text[next] is ' ' or '\t')
                {
                    next++;
                }

                if (next == end)
                {
                    break;
                }

                start = next;
            }

            for (int taken = count; taken >= step.Min; taken--)
            {
                path[index] = new StepMatch(at, ends[taken - 1], taken, null);
                if (Continue(index + 1, ends[taken - 1], path))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The end of the word of the words step in <paramref name="slot"/> that starts at <paramref name="start"/>:
        /// a whole word (no letter or digit on either side) of the step's script, where no form the
        /// step must not take begins; null when there is none.
        /// </summary>
        private int? WordAt(SequenceStep step, int slot, int start)
        {
            ReadOnlySpan<char> text = _text.Span;
            if (start >= text.Length || !CharKinds.IsLetterOrDigit(text[start]) || (start > 0 && CharKinds.IsLetterOrDigit(text[start - 1])))
            {
                return null;
            }

            int end = start;
            while (end < text.Length && CharKinds.IsLetterOrDigit(text[end]))
            {
                if (!InScript(text[end], step.Script))
                {
                    return null;
                }

                end++;
            }

            if (!HasAffixes(text[start..end], step))
            {
                return null;
            }

            if (step.Index is not null)
            {
                // A refused form begins at the word, or after its proclitics, and covers it.
                ReadOnlySpan<TermHit> refused = CollectionsMarshal.AsSpan(_terms[slot]);
                for (int i = LowerBound(refused, start); i < refused.Length && refused[i].Start <= start + MaxProcliticLength; i++)
                {
                    if (refused[i].End >= end && refused[i].Start < end && (refused[i].Start == start || IsProcliticRun(start, refused[i].Start)))
                    {
                        return null;
                    }
                }
            }

            return end;
        }

        /// <summary>Whether <paramref name="word"/> begins with one of the step's prefixes and ends with one of its suffixes, with a stem left between.</summary>
        private static bool HasAffixes(ReadOnlySpan<char> word, SequenceStep step)
        {
            if (step.Prefixes is null && step.Suffixes is null)
            {
                return true;
            }

            int prefix = step.Prefixes is null ? 0 : ShortestFittingAffix(word, step.Prefixes, atStart: true);
            int suffix = step.Suffixes is null ? 0 : ShortestFittingAffix(word, step.Suffixes, atStart: false);
            return prefix >= 0 && suffix >= 0 && word.Length - prefix - suffix >= SequenceStep.MinStemLength;
        }

        /// <summary>The length of the shortest of <paramref name="affixes"/> that begins (or ends) <paramref name="word"/>, which leaves the longest stem; -1 when none does.</summary>
        private static int ShortestFittingAffix(ReadOnlySpan<char> word, string[] affixes, bool atStart)
        {
            int found = -1;
            foreach (string affix in affixes)
            {
                bool fits = atStart ? word.StartsWith(affix, StringComparison.Ordinal) : word.EndsWith(affix, StringComparison.Ordinal);
                if (fits && (found < 0 || affix.Length < found))
                {
                    found = affix.Length;
                }
            }

            return found;
        }

        private static bool InScript(char c, WordScript script) => script switch
        {
            WordScript.Arabic => c is >= '\u0600' and <= '\u06FF' && char.IsLetter(c),
            WordScript.Latin => c < '\u0250' && char.IsLetter(c),
            WordScript.Digits => char.IsDigit(c),
            _ => true,
        };

        private bool IsProcliticRun(int from, int to)
        {
            ReadOnlySpan<char> text = _text.Span;
            return Text.Proclitics.IsRun(text[from..to]) && (from == 0 || !char.IsLetterOrDigit(text[from - 1]));
        }

        /// <summary>The first span that begins at or after <paramref name="start"/> (the spans are sorted by start).</summary>
        private static int LowerBound(ReadOnlySpan<StepMatch> spans, int start) => SortedSearch.FirstAtOrAfter(spans, start, default(StepStart));

        /// <summary>The first hit that begins at or after <paramref name="start"/> (the hits are in text order).</summary>
        private static int LowerBound(ReadOnlySpan<TermHit> hits, int start) => SortedSearch.FirstAtOrAfter(hits, start, default(HitStart));

        private readonly struct StepStart : IStartOf<StepMatch>
        {
            public int Of(in StepMatch item) => item.Start;
        }

        private readonly struct HitStart : IStartOf<TermHit>
        {
            public int Of(in TermHit item) => item.Start;
        }

        /// <summary>The first position at or after <paramref name="position"/> that holds no joiner (see <see cref="IsJoiner"/>).</summary>
        private int SkipJoiners(int position)
        {
            ReadOnlySpan<char> text = _text.Span;
            while (position < text.Length && IsJoiner(text[position]))
            {
                position++;
            }

            return position;
        }

        /// <summary>
        /// The end of the next word after <paramref name="position"/>; null at a line break or the
        /// end. Joiners are not part of a word (كلمته: is the word كلمته, then a colon), so a step
        /// after a gap may begin with one.
        /// </summary>
        private int? NextWordEnd(int position)
        {
            position = SkipJoiners(position);
            ReadOnlySpan<char> text = _text.Span;
            if (position >= text.Length || text[position] == '\n')
            {
                return null;
            }

            while (position < text.Length && text[position] != '\n' && !IsJoiner(text[position]))
            {
                position++;
            }

            return position;
        }
    }
}
