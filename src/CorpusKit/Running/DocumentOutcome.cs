namespace CorpusKit.Running;

/// <summary>What became of one document of a run (a result tells it by <see cref="DocumentResult{TDocument}.Extracted"/>, <see cref="DocumentResult{TDocument}.Problem"/> and <see cref="DocumentResult{TDocument}.Exception"/>).</summary>
internal enum DocumentOutcome
{
    /// <summary>The document was read and extracted.</summary>
    Extracted,

    /// <summary>The document could not be read (missing, unreadable, not valid UTF-8); it was skipped.</summary>
    Unreadable,

    /// <summary>The extractor threw on the document; it was skipped and the run went on.</summary>
    Failed,
}
