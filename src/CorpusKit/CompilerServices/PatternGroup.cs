using System;
using System.ComponentModel;
using CorpusKit.Text;

namespace CorpusKit.CompilerServices;

/// <summary>A named group of a <see cref="PatternMatch"/>: its last capture, and every capture it made (a group in a loop makes several).</summary>
/// <remarks>For generated code: CorpusKit's generator emits the calls to this type; it is not meant to be called by hand and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct PatternGroup : IEquatable<PatternGroup>
{
    private readonly PatternMatch? _match;
    private readonly int _slot;
    private readonly int _start;
    private readonly int _end;

    internal PatternGroup(PatternMatch match, int slot)
    {
        _match = match;
        _slot = slot;
        (_start, _end) = slot < 0 ? (-1, -1) : match.LastCapture(slot);
    }

    /// <summary>Whether the group captured anything.</summary>
    public bool Success => _start >= 0;

    /// <summary>Where its last capture begins (0 when it captured nothing).</summary>
    public int Index => Math.Max(_start, 0);

    /// <summary>How many chars its last capture covers.</summary>
    public int Length => Success ? _end - _start : 0;

    /// <summary>The text of its last capture (empty when it captured nothing).</summary>
    public string Value => Success ? SharedStrings.Of(_match!.Input.Span[_start.._end]) : string.Empty;

    /// <summary>How many captures the group made.</summary>
    public int CaptureCount => _match is null || _slot < 0 ? 0 : _match.CaptureCount(_slot);

    /// <summary>Capture <paramref name="k"/>, in the order they were made: where it begins and how long it is.</summary>
    public (int Index, int Length) Capture(int k)
    {
        if (_match is null || _slot < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(k), "The group made no capture.");
        }

        (int start, int end) = _match.Capture(_slot, k);
        return (start, end - start);
    }

    /// <summary>The text of capture <paramref name="k"/>.</summary>
    public string CaptureValue(int k)
    {
        (int index, int length) = Capture(k);
        return SharedStrings.Of(_match!.Input.Span.Slice(index, length));
    }

    /// <inheritdoc />
    public bool Equals(PatternGroup other) => ReferenceEquals(_match, other._match) && _slot == other._slot;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PatternGroup other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_match, _slot);

    /// <summary>Whether two groups are the same group of the same match.</summary>
    public static bool operator ==(PatternGroup left, PatternGroup right) => left.Equals(right);

    /// <summary>Whether two groups differ.</summary>
    public static bool operator !=(PatternGroup left, PatternGroup right) => !left.Equals(right);
}
