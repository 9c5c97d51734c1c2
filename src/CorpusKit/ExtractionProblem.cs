namespace CorpusKit;

/// <summary>Something that went wrong while extracting from one document; the rest still ran.</summary>
/// <param name="Entity">The entity type whose rule had the problem.</param>
/// <param name="Rule">The rule's id.</param>
/// <param name="Message">What happened.</param>
public sealed record ExtractionProblem(string Entity, string Rule, string Message);
