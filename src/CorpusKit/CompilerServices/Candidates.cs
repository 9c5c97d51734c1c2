using System;
using System.Collections.Generic;
using System.ComponentModel;

namespace CorpusKit.CompilerServices;

/// <summary>
/// The candidates of one entity type in one document, in the order its rules found them, and the
/// overlap mode that will choose among them (<see cref="OverlapResolver.Resolve{T}(Candidates{T})"/>).
/// </summary>
/// <remarks>
/// <para>
/// Under <see cref="OverlapMode.Longest"/> and <see cref="OverlapMode.First"/> a candidate whose span
/// is the very span of one found before it can never be chosen: the choice takes candidates greedily
/// in an order where, of two with one span, the earlier rule (and in one rule, the earlier match)
/// comes first, so the later one meets either the earlier one or whatever kept that one out. A rule
/// asks <see cref="Beaten"/> before it makes its entity, and makes none for such a candidate: a name
/// that a titled rule, a lexicon and a title-and-words rule all find is made once, not three times.
/// </para>
/// <para>
/// A match that overlaps an entity of a type named in <c>outside:</c> (listed with
/// <see cref="KeepOutOf"/>) is no candidate: the rule asks <see cref="KeptOut"/> and adds nothing,
/// so it competes with no one. A reading that runs into an organisation's name is not a person's,
/// and the shorter reading beside the name may win (<c>نائب رئيس الإدارة الدينية لمسلمي كازاخستان
/// يرلان قاسيمبيكوف</c>: the name after the body, not the words across it).
/// </para>
/// <para>
/// For generated code: CorpusKit's generator emits the calls to this type; it is not meant to be
/// called by hand and may change in any release.
/// </para>
/// </remarks>
/// <typeparam name="T">The entity type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class Candidates<T>
{
    /// <summary>Sets grown past this many spans are let go rather than kept for the next document.</summary>
    private const int KeptSpans = 4096;

    /// <summary>How many lists a thread keeps, and the largest it keeps (as <c>FreeLists</c> does).</summary>
    private const int KeptLists = 64;

    private const int MaxKeptCapacity = 1 << 16;

    [ThreadStatic]
    private static Stack<Candidates<T>>? t_free;

    private readonly List<Candidate<T>> _items = [];
    private readonly List<T> _winners = [];
    private HashSet<long> _spans = [];

    /// <summary>The spans of the entities no candidate may overlap; null until a rule's type lists any.</summary>
    private OutsideSpans? _outside;

    private Candidates()
    {
    }

    /// <summary>Gives a candidate list back to its thread's pool, for <see cref="ExtractionContext"/>.</summary>
    internal static readonly Action<object> GiveBack = list => ((Candidates<T>)list).Give();

    /// <summary>How the candidates will be chosen among.</summary>
    public OverlapMode Mode { get; private set; }

    /// <summary>Whether the spans added are kept for <see cref="Beaten"/>: only where the mode lets one candidate of a span win and the rules ask.</summary>
    private bool _tracked;

    /// <summary>How many candidates were added so far.</summary>
    public int Count => _items.Count;

    /// <summary>The candidates, in the order they were added.</summary>
    internal List<Candidate<T>> Items => _items;

    /// <summary>
    /// The list <see cref="OverlapResolver.Resolve{T}(Candidates{T})"/> fills with the winners,
    /// kept with the candidates: the extractor's work list, which
    /// <see cref="ExtractionContext.SetResults{T}(List{T})"/> copies out exactly sized.
    /// </summary>
    internal List<T> Winners => _winners;

    /// <summary>
    /// Whether a candidate added before has this very span, so that one of it cannot be chosen (never
    /// under <see cref="OverlapMode.All"/>, nor when the list was not asked to check spans).
    /// </summary>
    public bool Beaten(TextSpan span)
        => _tracked && span.Length > 0 && _spans.Contains(Key(span));

    /// <summary>Adds a candidate; rules add theirs in rule order (<paramref name="ruleOrder"/> does not go down).</summary>
    public void Add(TextSpan span, int ruleOrder, T value)
    {
        _items.Add(new Candidate<T>(span, ruleOrder, value));
        if (_tracked && span.Length > 0)
        {
            _spans.Add(Key(span));
        }
    }

    /// <summary>
    /// Lists entities that no entity of this type may overlap: those of a type named in its
    /// <c>outside:</c>, found before its rules run.
    /// </summary>
    public void KeepOutOf(IReadOnlyList<IEntity> others)
        => (_outside ??= new OutsideSpans()).Add(others);

    /// <summary>Whether <paramref name="span"/> overlaps an entity listed with <see cref="KeepOutOf"/>: its match is no candidate, and is not added.</summary>
    public bool KeptOut(TextSpan span)
        => _outside is { IsEmpty: false } outside && outside.Overlaps(span);

    /// <summary>An empty list from this thread's pool; <paramref name="checkSpans"/> says whether rules will ask <see cref="Beaten"/>.</summary>
    internal static Candidates<T> Take(OverlapMode mode, bool checkSpans)
    {
        Candidates<T> list = t_free is { Count: > 0 } free ? free.Pop() : new Candidates<T>();
        list.Mode = mode;
        list._tracked = checkSpans && mode != OverlapMode.All;
        return list;
    }

    private void Give()
    {
        _items.Clear();
        _winners.Clear();
        _outside?.Clear(KeptSpans);
        if (_spans.Count > KeptSpans)
        {
            _spans = [];
        }
        else
        {
            _spans.Clear();
        }

        Stack<Candidates<T>> free = t_free ??= new Stack<Candidates<T>>();
        if (free.Count < KeptLists && _items.Capacity <= MaxKeptCapacity && _winners.Capacity <= MaxKeptCapacity)
        {
            free.Push(this);
        }
    }

    private static long Key(TextSpan span) => ((long)span.Start << 32) | (uint)span.Length;
}
