using System.Collections.Generic;

namespace CorpusKit.Evaluation;

/// <summary>The scores of one entity type, and what went wrong.</summary>
/// <param name="Type">The entity type.</param>
/// <param name="Exact">Matches with the same doc, type and span.</param>
/// <param name="Overlap">Matches with the same doc and type and overlapping spans (one to one).</param>
/// <param name="AttributesRight">Of the exact matches, those whose gold attributes all equal the predicted ones.</param>
/// <param name="Misses">Gold mentions no prediction matches exactly.</param>
/// <param name="FalseHits">Predicted mentions that match no gold one exactly.</param>
public sealed record TypeScore(string Type, Score Exact, Score Overlap, int AttributesRight, IReadOnlyList<Mention> Misses, IReadOnlyList<Mention> FalseHits);
