using System;
using System.Collections.Generic;

namespace CorpusKit;

/// <summary>
/// One document on its way through the extractors: its text, normalized once per normalization,
/// the entities found so far (later entity types refer to earlier ones) and any problems.
/// </summary>
public sealed class ExtractionContext
{
    private readonly Dictionary<Type, object> _results = [];
    private readonly List<ExtractionProblem> _problems = [];
    private NormalizedText? _plain;
    private NormalizedText? _arabic;

    /// <summary>Starts extraction over <paramref name="text"/>.</summary>
    /// <param name="text">The document's original text.</param>
    /// <param name="documentId">A name for the document (a file name), written into exports.</param>
    public ExtractionContext(string text, string? documentId = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text;
        DocumentId = documentId;
    }

    /// <summary>The document's original text.</summary>
    public string Text { get; }

    /// <summary>The document's name, if it has one.</summary>
    public string? DocumentId { get; }

    /// <summary>Problems met so far (a regex that timed out, say); extraction went on without that rule.</summary>
    public IReadOnlyList<ExtractionProblem> Problems => _problems;

    /// <summary>The text as rules under <paramref name="normalization"/> see it, normalized on first use only.</summary>
    public NormalizedText GetText(TextNormalization normalization) => normalization switch
    {
        TextNormalization.None => _plain ??= Normalizer.Normalize(Text, TextNormalization.None),
        TextNormalization.Arabic => _arabic ??= Normalizer.Normalize(Text, TextNormalization.Arabic),
        _ => throw new ArgumentOutOfRangeException(nameof(normalization), normalization, "Unknown normalization."),
    };

    /// <summary>Records a problem with one rule on this document.</summary>
    public void Report(ExtractionProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        _problems.Add(problem);
    }

    /// <summary>Stores the entities of type <typeparamref name="T"/> found in this document.</summary>
    public void SetResults<T>(IReadOnlyList<T> entities)
        where T : IEntity
    {
        ArgumentNullException.ThrowIfNull(entities);
        _results[typeof(T)] = entities;
    }

    /// <summary>The entities of type <typeparamref name="T"/> found so far, if that type has run.</summary>
    public bool TryGetResults<T>(out IReadOnlyList<T> entities)
        where T : IEntity
    {
        if (_results.TryGetValue(typeof(T), out object? stored))
        {
            entities = (IReadOnlyList<T>)stored;
            return true;
        }

        entities = [];
        return false;
    }
}
