using System.ComponentModel;

namespace CorpusKit.CompilerServices;

/// <summary>A match of one rule before overlaps are resolved.</summary>
/// <typeparam name="T">The entity the match produced.</typeparam>
/// <param name="Span">Where the match stands in the original text.</param>
/// <param name="RuleOrder">The rule's position among the entity's rules; earlier rules win ties.</param>
/// <param name="Value">The entity.</param>
/// <remarks>For generated code: CorpusKit's generator emits the calls to this type; it is not meant to be called by hand and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly record struct Candidate<T>(TextSpan Span, int RuleOrder, T Value);
