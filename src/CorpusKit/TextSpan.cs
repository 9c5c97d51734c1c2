using System;

namespace CorpusKit;

/// <summary>A range of the original text, in UTF-16 code units: where an entity stands.</summary>
/// <param name="Start">Index of the first char.</param>
/// <param name="Length">Number of chars.</param>
public readonly record struct TextSpan(int Start, int Length) : IComparable<TextSpan>
{
    /// <summary>Index just past the last char (exclusive).</summary>
    public int End => Start + Length;

    /// <summary>Creates the span <c>[start, end)</c>.</summary>
    public static TextSpan FromBounds(int start, int end)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfLessThan(end, start);
        return new TextSpan(start, end - start);
    }

    /// <summary>Whether the two spans share at least one char.</summary>
    public bool Overlaps(TextSpan other) => Start < other.End && other.Start < End;

    /// <summary>Whether <paramref name="other"/> lies wholly inside this span.</summary>
    public bool Contains(TextSpan other) => Start <= other.Start && other.End <= End;

    /// <inheritdoc />
    public int CompareTo(TextSpan other)
    {
        int byStart = Start.CompareTo(other.Start);
        return byStart != 0 ? byStart : other.Length.CompareTo(Length);
    }

    /// <summary>The span as <c>[start..end)</c>.</summary>
    public override string ToString() => $"[{Start}..{End})";
}
