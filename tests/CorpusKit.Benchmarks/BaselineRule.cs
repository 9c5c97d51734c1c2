namespace CorpusKit.Benchmarks;

/// <summary>One regex rule of the baselines.</summary>
/// <param name="Name">The rule's name, a valid regex group name (the expert names its alternative so).</param>
/// <param name="Pattern">The .NET regex, month names already in place.</param>
internal sealed record BaselineRule(string Name, string Pattern);
