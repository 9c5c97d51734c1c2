using System;
using System.Collections.Generic;

namespace CorpusKit;

/// <summary>
/// A text as rules see it, with the map back to the original: every span found in
/// <see cref="Text"/> becomes a span of <see cref="Original"/>.
/// </summary>
public sealed class NormalizedText
{
    private readonly int[]? _starts;
    private readonly int[]? _ends;

    internal NormalizedText(string original, string text, TextNormalization normalization, int[]? starts, int[]? ends)
    {
        Original = original;
        Text = text;
        Normalization = normalization;
        _starts = starts;
        _ends = ends;
    }

    /// <summary>
    /// This text with every char that comes wholly from inside <paramref name="excluded"/>
    /// (sorted original ranges) turned into a space, line breaks kept; the map is unchanged.
    /// </summary>
    internal NormalizedText Masked(IReadOnlyList<TextSpan> excluded)
    {
        if (excluded.Count == 0)
        {
            return this;
        }

        char[] chars = Text.ToCharArray();
        int next = 0;
        for (int i = 0; i < chars.Length; i++)
        {
            TextSpan source = ToOriginal(i, i + 1);
            while (next < excluded.Count && excluded[next].End <= source.Start)
            {
                next++;
            }

            if (next < excluded.Count && excluded[next].Start <= source.Start && source.End <= excluded[next].End && chars[i] != '\n')
            {
                chars[i] = ' ';
            }
        }

        return new NormalizedText(Original, new string(chars), Normalization, _starts, _ends);
    }

    /// <summary>The text as given.</summary>
    public string Original { get; }

    /// <summary>The text rules match against.</summary>
    public string Text { get; }

    /// <summary>How <see cref="Text"/> was made from <see cref="Original"/>.</summary>
    public TextNormalization Normalization { get; }

    /// <summary>Maps the normalized range <c>[start, end)</c> to the original text.</summary>
    /// <remarks>
    /// The result covers every original char that produced a char of the range, diacritics on
    /// its last letter included; it never splits a surrogate pair. An empty range maps to an
    /// empty span at the matching original position.
    /// </remarks>
    public TextSpan ToOriginal(int start, int end)
    {
        if ((uint)start > (uint)Text.Length || end < start || end > Text.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(start), $"[{start}, {end}) is not a range of a text of {Text.Length} chars.");
        }

        if (_starts is null || _ends is null)
        {
            return TextSpan.FromBounds(start, end);
        }

        if (start == end)
        {
            int position = start < Text.Length ? _starts[start] : Original.Length;
            return new TextSpan(position, 0);
        }

        return TextSpan.FromBounds(_starts[start], _ends[end - 1]);
    }

    /// <summary>Maps an original index to the first normalized char at or after it.</summary>
    public int ToNormalized(int originalIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(originalIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(originalIndex, Original.Length);
        if (_ends is null)
        {
            return originalIndex;
        }

        // The first normalized char whose source ends after originalIndex.
        int low = 0;
        int high = Text.Length;
        while (low < high)
        {
            int middle = low + ((high - low) >> 1);
            if (_ends[middle] <= originalIndex)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>The original text of the normalized range <c>[start, end)</c>.</summary>
    public string OriginalText(int start, int end)
    {
        TextSpan span = ToOriginal(start, end);
        return Original.Substring(span.Start, span.Length);
    }
}
