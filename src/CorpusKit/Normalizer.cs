using System;
using CorpusKit.Text;

namespace CorpusKit;

/// <summary>Normalizes text for matching, keeping the map back to the original.</summary>
public static class Normalizer
{
    /// <summary>Normalizes <paramref name="text"/> once; the result maps every span back.</summary>
    public static NormalizedText Normalize(string text, TextNormalization normalization)
    {
        ArgumentNullException.ThrowIfNull(text);
        return normalization switch
        {
            TextNormalization.None => new NormalizedText(text, text, normalization, null, null),
            TextNormalization.Arabic => Arabic(text),
            _ => throw new ArgumentOutOfRangeException(nameof(normalization), normalization, "Unknown normalization."),
        };
    }

    /// <summary>Normalizes a single form (a lexicon entry, a query) as text is normalized.</summary>
    public static string NormalizeForm(string form, TextNormalization normalization)
    {
        ArgumentNullException.ThrowIfNull(form);
        return normalization == TextNormalization.Arabic ? NormalizerCore.NormalizeArabic(form) : form;
    }

    /// <summary>
    /// The number of words (runs of letters and digits) <paramref name="form"/> has once normalized,
    /// without making the normalized string.
    /// </summary>
    public static int CountWords(string form, TextNormalization normalization)
    {
        ArgumentNullException.ThrowIfNull(form);
        return normalization == TextNormalization.Arabic ? NormalizerCore.CountWordsArabic(form) : NormalizerCore.CountWords(form);
    }

    private static NormalizedText Arabic(string text)
    {
        string normalized = NormalizerCore.NormalizeArabic(text, out OffsetMap? map, out bool otherDigits);
        return new NormalizedText(text, normalized, TextNormalization.Arabic, map, otherDigits);
    }
}
