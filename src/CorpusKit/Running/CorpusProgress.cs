namespace CorpusKit.Running;

/// <summary>How far a run has come, reported after each document reaches the sink.</summary>
/// <param name="Documents">Documents delivered to the sink so far, skipped ones included.</param>
/// <param name="Bytes">Input bytes behind them (a file's length; the UTF-8 length of a text whose input size is unknown).</param>
/// <param name="TotalBytes">The inputs' size in bytes, when every input knows it before the run; null otherwise.</param>
public readonly record struct CorpusProgress(long Documents, long Bytes, long? TotalBytes);
