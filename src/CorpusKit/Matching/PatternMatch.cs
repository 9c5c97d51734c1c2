using System;
using CorpusKit.Text;

namespace CorpusKit.Matching;

/// <summary>A match of a <see cref="Pattern"/>: where it stands in the text it ran over, and its named groups.</summary>
public sealed class PatternMatch
{
    private readonly string[] _groups;

    // Group slot, start, end of every capture, in the order they were made.
    private readonly int[] _captures;

    internal PatternMatch(ReadOnlyMemory<char> input, int index, int length, string[] groups, int[] captures)
    {
        Input = input;
        Index = index;
        Length = length;
        _groups = groups;
        _captures = captures;
    }

    /// <summary>The text the pattern ran over (a normalized text, for rules; its chars are valid while the extraction that found the match runs).</summary>
    public ReadOnlyMemory<char> Input { get; }

    /// <summary>Where the match begins.</summary>
    public int Index { get; }

    /// <summary>How many chars it covers.</summary>
    public int Length { get; }

    /// <summary>Where the match ends.</summary>
    public int End => Index + Length;

    /// <summary>The matched text.</summary>
    public string Value => SharedStrings.Of(Input.Span.Slice(Index, Length));

    /// <summary>The named group <paramref name="name"/>; a group the pattern does not have, or that captured nothing, is not <see cref="PatternGroup.Success"/>.</summary>
    public PatternGroup Group(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return new PatternGroup(this, Array.IndexOf(_groups, name));
    }

    /// <summary>How many captures group slot <paramref name="slot"/> made.</summary>
    internal int CaptureCount(int slot)
    {
        int count = 0;
        for (int i = 0; i < _captures.Length; i += 3)
        {
            count += _captures[i] == slot ? 1 : 0;
        }

        return count;
    }

    /// <summary>Capture <paramref name="k"/> of group slot <paramref name="slot"/>, in the order they were made.</summary>
    internal (int Start, int End) Capture(int slot, int k)
    {
        for (int i = 0; i < _captures.Length; i += 3)
        {
            if (_captures[i] == slot && k-- == 0)
            {
                return (_captures[i + 1], _captures[i + 2]);
            }
        }

        throw new ArgumentOutOfRangeException(nameof(k), "The group made fewer captures.");
    }

    /// <summary>The last capture of group slot <paramref name="slot"/>, or (-1, -1).</summary>
    internal (int Start, int End) LastCapture(int slot)
    {
        for (int i = _captures.Length - 3; i >= 0; i -= 3)
        {
            if (_captures[i] == slot)
            {
                return (_captures[i + 1], _captures[i + 2]);
            }
        }

        return (-1, -1);
    }
}
