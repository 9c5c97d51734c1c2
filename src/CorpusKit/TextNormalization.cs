namespace CorpusKit;

/// <summary>How rules see the text: the <c>normalize:</c> setting of a schema.</summary>
public enum TextNormalization
{
    /// <summary>Rules see the original text as it is.</summary>
    None = 0,

    /// <summary>
    /// Rules see Arabic-normalized text: NFKC compatibility forms, tashkeel, tatweel and invisible
    /// format chars removed, alef and yeh variants unified, Persian letters and Arabic-Indic digits
    /// mapped, case folded, white-space runs collapsed. Spans still point into the original.
    /// </summary>
    Arabic = 1,
}
