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
    private readonly List<TextSpan> _excluded = [];
    private readonly Dictionary<(Matching.TermTrie, TextNormalization), List<Matching.TermHit>> _hits = [];
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

    /// <summary>Ranges of <see cref="Text"/> that rules do not see (boilerplate lines), in text order.</summary>
    public IReadOnlyList<TextSpan> Excluded => _excluded;

    /// <summary>The text as rules under <paramref name="normalization"/> see it, normalized on first use only.</summary>
    /// <remarks>Excluded ranges read as white space (line breaks kept), so offsets stay those of <see cref="Text"/>.</remarks>
    public NormalizedText GetText(TextNormalization normalization) => normalization switch
    {
        TextNormalization.None => _plain ??= Normalizer.Normalize(MatchText(), TextNormalization.None, Text),
        TextNormalization.Arabic => _arabic ??= Normalizer.Normalize(MatchText(), TextNormalization.Arabic, Text),
        _ => throw new ArgumentOutOfRangeException(nameof(normalization), normalization, "Unknown normalization."),
    };

    /// <summary>
    /// The forms of <paramref name="trie"/> in <paramref name="text"/> (this context's text under
    /// one normalization), found once per document and shared by every rule that uses the trie.
    /// </summary>
    public IReadOnlyList<Matching.TermHit> FindTerms(NormalizedText text, Matching.TermTrie trie)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(trie);
        if (!ReferenceEquals(text, GetText(text.Normalization)))
        {
            throw new ArgumentException("The text must be this context's normalized text.", nameof(text));
        }

        if (!_hits.TryGetValue((trie, text.Normalization), out List<Matching.TermHit>? hits))
        {
            hits = [];
            Matching.TermMatcher.FindAll(text.Text, trie, clitics: text.Normalization == TextNormalization.Arabic, hits);
            _hits[(trie, text.Normalization)] = hits;
        }

        return hits;
    }

    /// <summary>
    /// Hides <paramref name="span"/> from every rule: its chars read as spaces (line breaks kept),
    /// so nothing is found there and no match runs across it, while offsets stay unchanged.
    /// </summary>
    /// <exception cref="InvalidOperationException">The text was already normalized for a rule.</exception>
    public void Exclude(TextSpan span)
    {
        if (_plain is not null || _arabic is not null)
        {
            throw new InvalidOperationException("Exclude ranges before any rule runs: the text has already been normalized.");
        }

        if (span.Start < 0 || span.End > Text.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(span), $"{span} is not within a text of {Text.Length} chars.");
        }

        if (span.Length > 0)
        {
            _excluded.Add(span);
            _excluded.Sort();
        }
    }

    /// <summary>
    /// The entities of type <typeparamref name="T"/> in this document: those found already, or
    /// what <paramref name="extractor"/> finds now. Rules that build on other entities call this.
    /// </summary>
    public IReadOnlyList<T> Require<T>(IExtractor<T> extractor)
        where T : IEntity
    {
        ArgumentNullException.ThrowIfNull(extractor);
        return TryGetResults(out IReadOnlyList<T> found) ? found : extractor.Extract(this);
    }

    private string MatchText()
    {
        if (_excluded.Count == 0)
        {
            return Text;
        }

        char[] chars = Text.ToCharArray();
        foreach (TextSpan span in _excluded)
        {
            for (int i = span.Start; i < span.End; i++)
            {
                if (chars[i] is not ('\n' or '\r'))
                {
                    chars[i] = ' ';
                }
            }
        }

        return new string(chars);
    }

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
