using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace CorpusKit.CompilerServices;

/// <summary>
/// A term index written as one literal of ASCII letters, digits, <c>-</c> and <c>_</c>, which
/// the generator emits and the runtime reads: the trie's nodes and edges, and its entries.
/// </summary>
/// <remarks>
/// <para>
/// One array initializer element per node made the C# compiler the slow part of a build with a
/// real gazetteer: 200,000 forms are about two million nodes, and their arrays took minutes and
/// gigabytes to compile. A literal is one token; what the compiler still pays is in proportion to
/// its length, so the data says only what cannot be derived.
/// </para>
/// <para>
/// The trie is laid out breadth first (<see cref="TrieBuilder"/>): each edge leads to the next
/// node not yet reached, so no target is written, and a node's edges start where the node
/// before's end, so only its count of edges is. Its entries are numbered in the order of their
/// nodes, so a node says only whether it has one. Per node: its edge count times two, plus one
/// when an entry ends there. Per edge: its char's place in the alphabet (the distinct chars of
/// the labels, the most frequent first, written apart as a short string). Then, per entry, how
/// many (dictionary, value) pairs it has, and the pairs.
/// </para>
/// <para>
/// Each number is written 5 bits a char, least significant first, with a sixth bit that says
/// more follow, in the URL-safe base64 alphabet: a number below 32 is one char.
/// </para>
/// </remarks>
internal static partial class TermData
{
    /// <summary>Keys joined by <see cref="KeySeparator"/>, as the generator writes them in one literal.</summary>
    public const char KeySeparator = '\u001F';

    private const string Digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    /// <summary>The distinct chars of <paramref name="labels"/>, the most frequent first (then in char order), so most take one char of data.</summary>
    public static string AlphabetOf(string labels)
    {
        var counts = new Dictionary<char, int>();
        foreach (char c in labels)
        {
            counts[c] = counts.TryGetValue(c, out int count) ? count + 1 : 1;
        }

        return new string(counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key).Select(p => p.Key).ToArray());
    }

    /// <summary>
    /// Writes a term index laid out breadth first with its entries in the order of their nodes
    /// (see the remarks); throws when the arrays are laid out otherwise.
    /// </summary>
    public static string Encode(string alphabet, string labels, int[] targets, int[] edgeStarts, int[] values, int[] entryStarts, int[] memberships)
    {
        var codes = new Dictionary<char, int>();
        for (int i = 0; i < alphabet.Length; i++)
        {
            codes[alphabet[i]] = i;
        }

        var text = new StringBuilder(values.Length * 2 + memberships.Length * 2);
        Write(text, values.Length);
        Write(text, entryStarts.Length - 1);
        int entry = 0;
        for (int node = 0; node < values.Length; node++)
        {
            if (values[node] >= 0 && values[node] != entry++)
            {
                throw new ArgumentException($"Node {node} holds entry {values[node]}: the entries are not numbered in the order of their nodes.", nameof(values));
            }

            Write(text, ((edgeStarts[node + 1] - edgeStarts[node]) * 2) + (values[node] >= 0 ? 1 : 0));
        }

        for (int edge = 0; edge < labels.Length; edge++)
        {
            if (targets[edge] != edge + 1)
            {
                throw new ArgumentException($"Edge {edge} leads to node {targets[edge]}: the trie is not laid out breadth first.", nameof(targets));
            }

            Write(text, codes[labels[edge]]);
        }

        for (int e = 0; e + 1 < entryStarts.Length; e++)
        {
            Write(text, entryStarts[e + 1] - entryStarts[e]);
            for (int pair = entryStarts[e] * 2; pair < entryStarts[e + 1] * 2; pair++)
            {
                Write(text, memberships[pair]);
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// Writes a pattern's program: the count of its code, the code, the count of its class table,
    /// the table, each number zigzagged (0, -1, 1, -2 … as 0, 1, 2, 3 …, so the -1 a program uses
    /// for "none" is one char) and then written as the trie's are.
    /// One literal instead of an initializer element per int: the C# compiler parses a long
    /// program's tens of thousands of elements on every build.
    /// </summary>
    public static string EncodeProgram(IReadOnlyList<int> code, IReadOnlyList<int> classes)
    {
        var text = new StringBuilder(code.Count * 2 + classes.Count * 2 + 8);
        Write(text, code.Count);
        foreach (int value in code)
        {
            Write(text, (value << 1) ^ (value >> 31));
        }

        Write(text, classes.Count);
        foreach (int value in classes)
        {
            Write(text, (value << 1) ^ (value >> 31));
        }

        return text.ToString();
    }

    private static void Write(StringBuilder text, int value)
    {
        uint rest = (uint)value;
        while (rest >= 32)
        {
            text.Append(Digits[(int)(rest & 31) | 32]);
            rest >>= 5;
        }

        text.Append(Digits[(int)rest]);
    }
}
