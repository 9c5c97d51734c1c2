using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CorpusKit.Generators.Model;

/// <summary>
/// Where something stands in a YAML file. Kept as plain numbers, never as a <see cref="Location"/>,
/// so specs stay cacheable; it becomes a Location only when a diagnostic is reported.
/// </summary>
/// <param name="Path">The YAML file's path as the compiler knows it.</param>
/// <param name="Start">Char offset of the start.</param>
/// <param name="Length">Length in chars.</param>
/// <param name="StartLine">0-based line of the start.</param>
/// <param name="StartColumn">0-based column of the start.</param>
/// <param name="EndLine">0-based line of the end.</param>
/// <param name="EndColumn">0-based column of the end.</param>
internal sealed record LocationInfo(string Path, int Start, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    public Location ToLocation()
        => Location.Create(
            Path,
            new TextSpan(Start, Length),
            new LinePositionSpan(new LinePosition(StartLine, StartColumn), new LinePosition(EndLine, EndColumn)));

    /// <summary>The 1-based line and column, as people read them.</summary>
    public override string ToString() => $"({StartLine + 1},{StartColumn + 1})";
}
