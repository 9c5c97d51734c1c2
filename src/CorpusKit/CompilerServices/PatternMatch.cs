using System;
using System.ComponentModel;
using CorpusKit.Text;

namespace CorpusKit.CompilerServices;

/// <summary>A match of a <see cref="Pattern"/>: where it stands in the text it ran over, and its named groups.</summary>
/// <remarks>
/// <para>For generated code: CorpusKit's generator emits the calls to this type; it is not meant to be called by hand and may change in any release.</para>
/// A match found for a rule (<see cref="Pattern.Matches"/>, a sequence's steps) is the extraction's:
/// once the extraction ends it is made again into a match of the thread's next document, so it must
/// not be kept past the extraction (its groups' values are strings of their own, and may be).
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class PatternMatch
{
    private string[] _groups;

    // Group slot, start, end of every capture, in the order they were made: the first _captureCount
    // ints from _captureStart of _captures (a buffer of the extraction's, for a rule's match).
    private int[] _captures;
    private int _captureStart;
    private int _captureCount;

    internal PatternMatch(ReadOnlyMemory<char> input, int index, int length, string[] groups, int[] captures)
    {
        Input = input;
        Index = index;
        Length = length;
        _groups = groups;
        _captures = captures;
        _captureCount = captures.Length;
    }

    /// <summary>Makes this (spent) match into another: its captures are the <paramref name="captureCount"/> ints from <paramref name="captureStart"/> of <paramref name="captures"/>.</summary>
    internal void Reset(ReadOnlyMemory<char> input, int index, int length, string[] groups, int[] captures, int captureStart, int captureCount)
    {
        Input = input;
        Index = index;
        Length = length;
        _groups = groups;
        _captures = captures;
        _captureStart = captureStart;
        _captureCount = captureCount;
    }

    /// <summary>Lets go of the text and the buffers (a spent match kept for reuse holds on to nothing).</summary>
    internal void Clear() => Reset(default, 0, 0, [], [], 0, 0);

    /// <summary>The text the pattern ran over (a normalized text, for rules; its chars are valid while the extraction that found the match runs).</summary>
    public ReadOnlyMemory<char> Input { get; private set; }

    /// <summary>Where the match begins.</summary>
    public int Index { get; private set; }

    /// <summary>How many chars it covers.</summary>
    public int Length { get; private set; }

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

    /// <summary>The captures: group slot, start, end of each, in the order they were made.</summary>
    private ReadOnlySpan<int> Captures => _captures.AsSpan(_captureStart, _captureCount);

    /// <summary>How many captures group slot <paramref name="slot"/> made.</summary>
    internal int CaptureCount(int slot)
    {
        ReadOnlySpan<int> captures = Captures;
        int count = 0;
        for (int i = 0; i < captures.Length; i += 3)
        {
            count += captures[i] == slot ? 1 : 0;
        }

        return count;
    }

    /// <summary>Capture <paramref name="k"/> of group slot <paramref name="slot"/>, in the order they were made.</summary>
    internal (int Start, int End) Capture(int slot, int k)
    {
        ReadOnlySpan<int> captures = Captures;
        for (int i = 0; i < captures.Length; i += 3)
        {
            if (captures[i] == slot && k-- == 0)
            {
                return (captures[i + 1], captures[i + 2]);
            }
        }

        throw new ArgumentOutOfRangeException(nameof(k), "The group made fewer captures.");
    }

    /// <summary>The last capture of group slot <paramref name="slot"/>, or (-1, -1).</summary>
    internal (int Start, int End) LastCapture(int slot)
    {
        ReadOnlySpan<int> captures = Captures;
        for (int i = captures.Length - 3; i >= 0; i -= 3)
        {
            if (captures[i] == slot)
            {
                return (captures[i + 1], captures[i + 2]);
            }
        }

        return (-1, -1);
    }
}
