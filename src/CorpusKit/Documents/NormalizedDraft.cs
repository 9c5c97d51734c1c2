using System;
using CorpusKit.Text;

namespace CorpusKit.Documents;

/// <summary>
/// A document's text as rules will see it, before its boilerplate is hidden: what the layout
/// reads to sort the lines out (<see cref="ExtractionContext.Draft"/>). When the context had not
/// normalized the text yet, the chars are in a pooled buffer, which becomes the text the rules see
/// once it is masked in place (<see cref="ExtractionContext.Exclude(System.Collections.Generic.IEnumerable{TextSpan}, NormalizedDraft)"/>):
/// the text is never copied.
/// </summary>
internal sealed class NormalizedDraft
{
    // Not readonly: a pooled context makes its next document's draft in this one (Reset).
    private readonly NormalizedText? _text;
    private string _original;
    private OffsetMap? _map;
    private char[]? _buffer;

    /// <summary>A draft over a text the context already has.</summary>
    public NormalizedDraft(NormalizedText text)
    {
        _text = text;
        _original = text.Original;
        Chars = text.Memory;
        HasOtherDigits = text.HasOtherDigits;
    }

    /// <summary>A draft over <paramref name="buffer"/> (from <see cref="NormalizerCore.RentBuffer"/>), the text of <paramref name="original"/> normalized under <paramref name="normalization"/>.</summary>
    public NormalizedDraft(string original, TextNormalization normalization, char[] buffer, int length, OffsetMap? map, bool otherDigits)
        => Fill(original, normalization, buffer, length, map, otherDigits);

    /// <summary>
    /// This draft, spent, made again as the constructor over a buffer makes one: for a context of the
    /// thread's pool (<see cref="ExtractionContext.Start"/>), the only one that refers to it.
    /// </summary>
    public NormalizedDraft Reset(string original, TextNormalization normalization, char[] buffer, int length, OffsetMap? map, bool otherDigits)
    {
        if (_text is not null || _buffer is not null)
        {
            throw new InvalidOperationException("Only a draft over a buffer, completed, is made again.");
        }

        Fill(original, normalization, buffer, length, map, otherDigits);
        return this;
    }

    [System.Diagnostics.CodeAnalysis.MemberNotNull(nameof(_original))]
    private void Fill(string original, TextNormalization normalization, char[] buffer, int length, OffsetMap? map, bool otherDigits)
    {
        _original = original;
        _buffer = buffer;
        _map = map;
        Normalization = normalization;
        Chars = buffer.AsMemory(0, length);
        HasOtherDigits = otherDigits;
    }

    /// <summary>The normalized chars.</summary>
    public ReadOnlyMemory<char> Chars { get; private set; }

    /// <summary>See <see cref="NormalizedText.HasOtherDigits"/>.</summary>
    public bool HasOtherDigits { get; private set; }

    /// <summary>The normalization, for a draft over a buffer.</summary>
    public TextNormalization Normalization { get; private set; }

    /// <summary>Whether the chars are this draft's own buffer (the context has no text for this normalization yet).</summary>
    public bool OwnsBuffer => _buffer is not null;

    /// <summary>
    /// See <see cref="NormalizedText.ToNormalized(int)"/>, for indexes looked up in order (a
    /// document's lines): <paramref name="ended"/> carries where the previous look-up got to (0 at
    /// first), so the whole pass costs one step per offset anchor.
    /// </summary>
    public int ToNormalized(int originalIndex, ref int ended)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(originalIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(originalIndex, _original.Length);
        return NormalizedText.ToNormalized(_text is null ? _map : _text.Map, originalIndex, Chars.Length, ref ended);
    }

    /// <summary>
    /// The text the rules see: the buffer with <paramref name="excluded"/> masked in place, which the
    /// text now owns (made in <paramref name="reuse"/>, a released text, when one is given); the
    /// draft is spent.
    /// </summary>
    public NormalizedText Complete(System.Collections.Generic.IReadOnlyList<TextSpan> excluded, NormalizedText? reuse = null)
    {
        char[] buffer = _buffer ?? throw new InvalidOperationException("The draft has no buffer of its own, or it was completed already.");
        _buffer = null;
        NormalizedText text = NormalizedText.FromMasked(_original, buffer, Chars.Length, Normalization, _map, HasOtherDigits, excluded, reuse);
        Chars = default;
        _map = null;
        return text;
    }
}
