using System;
using System.Diagnostics.CodeAnalysis;

namespace CorpusKit.Running;

/// <summary>One document of a run as the sink receives it, in input order: the extracted document, or why it was skipped.</summary>
/// <typeparam name="TDocument">What the extractor returns for a document.</typeparam>
public sealed class DocumentResult<TDocument>
{
    internal DocumentResult(long index, CorpusDocument source, DocumentOutcome outcome, TDocument? document, long utf8Length, string? problem, Exception? exception)
    {
        Index = index;
        Id = source.Id;
        Origin = source.Origin;
        Outcome = outcome;
        Document = document;
        Utf8Length = utf8Length;
        Problem = problem;
        Exception = exception;
    }

    /// <summary>The document's place in the run, from 0, in input order.</summary>
    public long Index { get; }

    /// <summary>The document id the extractor was given (a file's name).</summary>
    public string Id { get; }

    /// <summary>Where the document comes from (a file's path as given or found), for messages.</summary>
    public string Origin { get; }

    /// <summary>Whether the document was extracted, could not be read, or made the extractor throw.</summary>
    internal DocumentOutcome Outcome { get; }

    /// <summary>
    /// Whether the document was extracted (<see cref="Document"/> holds the result); when it was
    /// not, <see cref="Problem"/> says why (it could not be read, or the extractor failed on it),
    /// and <see cref="Exception"/> holds what was thrown, if anything was.
    /// </summary>
    [MemberNotNullWhen(true, nameof(Document))]
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool Extracted => Outcome == DocumentOutcome.Extracted;

    /// <summary>What the extractor returned; the default value when the document was skipped.</summary>
    public TDocument? Document { get; }

    /// <summary>The text's length in UTF-8 bytes; 0 when it could not be read.</summary>
    public long Utf8Length { get; }

    /// <summary>
    /// Why the document was skipped, worded to follow its <see cref="Origin"/> (<c>does not exist</c>,
    /// <c>is not valid UTF-8 (…)</c>, <c>failed in extraction: …</c>); null when it was extracted.
    /// </summary>
    public string? Problem { get; }

    /// <summary>What the extractor (or the reading of a custom document) threw, if anything did.</summary>
    public Exception? Exception { get; }

    /// <inheritdoc />
    public override string ToString() => Extracted ? $"{Origin}: {Outcome}" : $"{Origin}: {Outcome}, {Problem}";
}
