namespace CorpusKit.Text;

/// <summary>
/// NFKC compatibility mappings for the code points that matter in Arabic and Latin news text.
/// </summary>
/// <remarks>
/// <para>
/// We do not call <c>string.Normalize(NormalizationForm.FormKC)</c> at run time: with
/// <c>InvariantGlobalization</c> (the usual NativeAOT setting) it silently does nothing, and the
/// generator, which runs inside the compiler, would then normalize lexicons differently from the
/// application that matches them. A fixed table gives the same answer everywhere.
/// </para>
/// <para>
/// This file is compiled into both the runtime and the generator, so it uses only netstandard2.0 APIs.
/// </para>
/// </remarks>
internal static partial class CompatibilityTable
{
    /// <summary>The inclusive code-point ranges the table covers.</summary>
    internal static readonly (char First, char Last)[] Ranges =
    [
        ('\u00A0', '\u00FF'), // Latin-1: NBSP, ordinal indicators, superscript digits, fractions
        ('\u0600', '\u06FF'), // Arabic: the high-hamza letters U+0675..U+0678
        ('\u2000', '\u215F'), // spaces, punctuation, super- and subscripts, letterlike symbols
        ('\uFB00', '\uFDFF'), // Latin ligatures, Arabic presentation forms A
        ('\uFE70', '\uFEFF'), // Arabic presentation forms B
        ('\uFF00', '\uFFEF'), // fullwidth and halfwidth forms
    ];

    /// <summary>
    /// For each 256-char page (the high byte), where its keys start in <see cref="Keys"/>; page
    /// <c>p</c> holds <c>[PageStarts[p], PageStarts[p + 1])</c>. Most text (Arabic letters among it)
    /// falls on pages with no keys or a handful, so the normalizer's hot path does not search
    /// the whole table.
    /// </summary>
    private static readonly int[] s_pageStarts = BuildPageStarts();

    /// <summary>Returns the NFKC form of <paramref name="c"/>, or null when NFKC leaves it unchanged.</summary>
    internal static string? Lookup(char c)
    {
        int page = c >> 8;
        int low = s_pageStarts[page];
        int high = s_pageStarts[page + 1] - 1;
        while (low <= high)
        {
            int middle = low + ((high - low) >> 1);
            char key = Keys[middle];
            if (key == c)
            {
                int start = middle == 0 ? 0 : ValueEnds[middle - 1];
                return ValueText.Substring(start, ValueEnds[middle] - start);
            }

            if (key < c)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return null;
    }

    private static int[] BuildPageStarts()
    {
        var starts = new int[257];
        int index = 0;
        for (int page = 0; page < 256; page++)
        {
            starts[page] = index;
            while (index < Keys.Length && Keys[index] >> 8 == page)
            {
                index++;
            }
        }

        starts[256] = index;
        return starts;
    }
}
