using System;
using System.Text;

namespace CorpusKit.CompilerServices;

/// <summary>The reading half of <see cref="TermData"/>, which only the runtime needs.</summary>
internal static partial class TermData
{
    /// <summary>Reads what <see cref="Encode"/> wrote.</summary>
    public static (string Labels, int[] Targets, int[] EdgeStarts, int[] Values, int[] EntryStarts, int[] Memberships) Decode(string alphabet, ReadOnlySpan<byte> data)
    {
        int at = 0;
        int nodes = Read(data, ref at);
        int entries = Read(data, ref at);
        int[] edgeStarts = new int[nodes + 1];
        int[] values = new int[nodes];
        int entry = 0;
        for (int node = 0; node < nodes; node++)
        {
            int record = Read(data, ref at);
            edgeStarts[node + 1] = edgeStarts[node] + (record >> 1);
            values[node] = (record & 1) != 0 ? entry++ : -1;
        }

        int edges = edgeStarts[nodes];
        if (edges != nodes - 1 || entry != entries)
        {
            throw new ArgumentException($"The term data has {edges} edge(s) for {nodes} node(s) and {entry} entry node(s) for {entries} entries.", nameof(data));
        }

        char[] labels = new char[edges];
        int[] targets = new int[edges];
        for (int edge = 0; edge < edges; edge++)
        {
            labels[edge] = alphabet[Read(data, ref at)];
            targets[edge] = edge + 1;
        }

        int[] entryStarts = new int[entries + 1];
        var pairs = new System.Collections.Generic.List<int>(entries * 2);
        for (int e = 0; e < entries; e++)
        {
            int count = Read(data, ref at);
            entryStarts[e + 1] = entryStarts[e] + count;
            for (int pair = 0; pair < count * 2; pair++)
            {
                pairs.Add(Read(data, ref at));
            }
        }

        if (at != data.Length)
        {
            throw new ArgumentException($"The term data has {data.Length - at} byte(s) past its arrays.", nameof(data));
        }

        return (new string(labels), targets, edgeStarts, values, entryStarts, pairs.ToArray());
    }

    /// <summary>Reads what <see cref="Encode"/> wrote, from a string literal (for data small enough to be one).</summary>
    public static (string Labels, int[] Targets, int[] EdgeStarts, int[] Values, int[] EntryStarts, int[] Memberships) Decode(string alphabet, string data)
        => Decode(alphabet, Encoding.ASCII.GetBytes(data));

    /// <summary>The keys of a dictionary from their UTF-8 (see <see cref="KeySeparator"/>).</summary>
    public static string[] Keys(ReadOnlySpan<byte> utf8)
        => utf8.IsEmpty ? [] : Encoding.UTF8.GetString(utf8).Split(KeySeparator);

    /// <summary>The keys of a dictionary from one string (see <see cref="KeySeparator"/>).</summary>
    public static string[] Keys(string keys)
        => keys.Length == 0 ? [] : keys.Split(KeySeparator);

    /// <summary>Reads what <see cref="EncodeProgram"/> wrote: a pattern's code and its class table.</summary>
    public static (int[] Code, int[] Classes) DecodeProgram(ReadOnlySpan<byte> data)
    {
        int at = 0;
        int[] code = ReadArray(data, ref at);
        int[] classes = ReadArray(data, ref at);
        if (at != data.Length)
        {
            throw new ArgumentException($"The program data has {data.Length - at} byte(s) past its arrays.", nameof(data));
        }

        return (code, classes);
    }

    /// <summary>Reads what <see cref="EncodeProgram"/> wrote, from a string literal.</summary>
    public static (int[] Code, int[] Classes) DecodeProgram(string data) => DecodeProgram(Encoding.ASCII.GetBytes(data));

    private static int[] ReadArray(ReadOnlySpan<byte> data, ref int at)
    {
        int count = Read(data, ref at);
        if (count < 0 || count > data.Length - at)
        {
            throw new ArgumentException($"The program data announces {count} number(s) where {data.Length - at} byte(s) are left.", nameof(data));
        }

        int[] values = new int[count];
        for (int i = 0; i < values.Length; i++)
        {
            int zigzag = Read(data, ref at);
            values[i] = (int)((uint)zigzag >> 1) ^ -(zigzag & 1);
        }

        return values;
    }

    private static int Read(ReadOnlySpan<byte> data, ref int at)
    {
        uint value = 0;
        int shift = 0;
        while (true)
        {
            if (at >= data.Length)
            {
                throw new ArgumentException("The term data ends inside a number.", nameof(data));
            }

            int digit = Digit(data[at++]);
            value |= (uint)(digit & 31) << shift;
            if ((digit & 32) == 0)
            {
                return (int)value;
            }

            shift += 5;
        }
    }

    private static int Digit(byte c) => c switch
    {
        >= (byte)'A' and <= (byte)'Z' => c - 'A',
        >= (byte)'a' and <= (byte)'z' => c - 'a' + 26,
        >= (byte)'0' and <= (byte)'9' => c - '0' + 52,
        (byte)'-' => 62,
        (byte)'_' => 63,
        _ => throw new ArgumentException($"'{(char)c}' is not a char of term data."),
    };
}
