namespace CorpusKit.Benchmarks;

/// <summary>
/// A benchmark whose every operation is one pass over a known input, so that the throughput
/// columns (<see cref="MegabytesPerSecondColumn"/>, <see cref="AllocatedPerInputByteColumn"/>)
/// can divide by its size.
/// </summary>
public interface ICorpusBenchmark
{
    /// <summary>
    /// The UTF-8 size of the exact input one operation runs over, for the current parameter
    /// values. The columns call it in the host process, on an instance no setup has run on, so it
    /// builds the input the way the setup does.
    /// </summary>
    long InputBytes();
}
