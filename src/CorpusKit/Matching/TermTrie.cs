using System;
using System.Collections.Generic;
using System.Linq;
using CorpusKit.Text;

namespace CorpusKit.Matching;

/// <summary>
/// A dictionary of normalized forms laid out as a trie in four flat arrays, ready to walk.
/// </summary>
/// <remarks>
/// Generated extractors construct their tries from arrays the generator computed at build time;
/// <see cref="Create"/> builds one at run time for lexicons that are only known then.
/// </remarks>
public sealed class TermTrie
{
    private readonly char[] _labels;
    private readonly int[] _targets;
    private readonly int[] _edgeStarts;
    private readonly int[] _values;

    /// <summary>The root's children by first char below <see cref="CharKinds.TableSize"/> (-1: none): the one node with many edges, looked up directly.</summary>
    private readonly int[] _root;

    /// <summary>
    /// For each node with more than <see cref="DenseFanOut"/> edges (the nodes after ا, ال, م…), where its
    /// children by Arabic letter start in <see cref="_denseChildren"/>; -1 for the others. Such nodes are
    /// stepped through in one lookup instead of a search over their edges.
    /// </summary>
    private readonly int[] _dense;
    private readonly int[] _denseChildren;

    /// <summary>Wraps the arrays of a trie that the generator laid out.</summary>
    /// <param name="labels">The char of every edge, grouped by node and sorted within a node.</param>
    /// <param name="targets">The node each edge leads to.</param>
    /// <param name="edgeStarts">For node <c>n</c>, its edges are <c>[edgeStarts[n], edgeStarts[n + 1])</c>.</param>
    /// <param name="values">For each node, the value of the form that ends there, or -1.</param>
    public TermTrie(string labels, int[] targets, int[] edgeStarts, int[] values)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(edgeStarts);
        ArgumentNullException.ThrowIfNull(values);
        if (labels.Length != targets.Length || edgeStarts.Length != values.Length + 1 || values.Length == 0)
        {
            throw new ArgumentException("The trie arrays do not fit together.");
        }

        _labels = labels.ToCharArray();
        _targets = targets;
        _edgeStarts = edgeStarts;
        _values = values;
        _root = new int[CharKinds.TableSize];
        _root.AsSpan().Fill(-1);
        for (int edge = edgeStarts[0]; edge < edgeStarts[1]; edge++)
        {
            if (labels[edge] < CharKinds.TableSize)
            {
                _root[labels[edge]] = targets[edge];
            }
        }

        _dense = new int[values.Length];
        _dense.AsSpan().Fill(-1);
        var denseChildren = new List<int>();
        for (int node = 1; node < values.Length; node++)
        {
            if (edgeStarts[node + 1] - edgeStarts[node] > DenseFanOut)
            {
                _dense[node] = denseChildren.Count;
                int first = denseChildren.Count;
                denseChildren.AddRange(Enumerable.Repeat(-1, ArabicLetterCount));
                for (int edge = edgeStarts[node]; edge < edgeStarts[node + 1]; edge++)
                {
                    if ((uint)(labels[edge] - FirstArabicLetter) < ArabicLetterCount)
                    {
                        denseChildren[first + labels[edge] - FirstArabicLetter] = targets[edge];
                    }
                }
            }
        }

        _denseChildren = [.. denseChildren];
    }

    /// <summary>Nodes with more edges than this get a table of their children by Arabic letter.</summary>
    internal const int DenseFanOut = 6;

    /// <summary>The first of the Arabic letters a dense node's table covers (ء).</summary>
    internal const char FirstArabicLetter = '\u0621';

    /// <summary>How many letters a dense node's table covers (ء to ي).</summary>
    internal const int ArabicLetterCount = '\u064A' - FirstArabicLetter + 1;

    /// <summary>The number of nodes, the root included.</summary>
    public int NodeCount => _values.Length;

    /// <summary>The index with this trie as its one dictionary, once asked for (see <see cref="TermIndex.Of"/>).</summary>
    internal TermIndex? AsIndex { get; set; }

    /// <summary>Builds a trie at run time; each form should already be normalized as the text will be.</summary>
    /// <param name="forms">Each form with its value (a non-negative number the caller maps to a key).</param>
    public static TermTrie Create(IEnumerable<KeyValuePair<string, int>> forms)
    {
        ArgumentNullException.ThrowIfNull(forms);
        var builder = new TrieBuilder();
        foreach (KeyValuePair<string, int> form in forms)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(form.Value);
            builder.Add(form.Key, form.Value);
        }

        (string labels, int[] targets, int[] edgeStarts, int[] values) = builder.Build();
        return new TermTrie(labels, targets, edgeStarts, values);
    }

    /// <summary>
    /// Walks the trie along <paramref name="text"/> and finds the longest form that ends on a
    /// word boundary.
    /// </summary>
    /// <param name="text">The normalized text from the candidate start onwards.</param>
    /// <param name="length">The length of the longest form that matched.</param>
    /// <param name="value">Its value.</param>
    /// <returns>Whether any form matched.</returns>
    public bool TryMatchLongest(ReadOnlySpan<char> text, out int length, out int value)
        => TryMatchLongest(ReadOnlySpan<char>.Empty, text, out length, out value);

    /// <summary>
    /// Like <see cref="TryMatchLongest(ReadOnlySpan{char}, out int, out int)"/>, but first walks
    /// <paramref name="prefix"/>, which stands for chars the text has lost (the ال of a fused لل).
    /// </summary>
    /// <param name="prefix">Chars walked before the text; they do not count in <paramref name="length"/>.</param>
    /// <param name="text">The normalized text from the candidate start onwards.</param>
    /// <param name="length">The number of chars of <paramref name="text"/> the longest form covers.</param>
    /// <param name="value">Its value.</param>
    /// <returns>Whether any form matched.</returns>
    public bool TryMatchLongest(ReadOnlySpan<char> prefix, ReadOnlySpan<char> text, out int length, out int value)
    {
        length = 0;
        value = -1;
        int node = 0;
        for (int i = 0; i < prefix.Length && node >= 0; i++)
        {
            node = Step(node, prefix[i]);
        }

        for (int i = 0; i < text.Length && node >= 0; i++)
        {
            node = Step(node, text[i]);
            if (node >= 0 && _values[node] >= 0 && (i + 1 == text.Length || !CharKinds.IsLetterOrDigit(text[i + 1])))
            {
                length = i + 1;
                value = _values[node];
            }
        }

        return value >= 0;
    }

    /// <summary>Whether the whole of <paramref name="text"/> is a form; gives its value.</summary>
    public bool TryGetValue(ReadOnlySpan<char> text, out int value)
    {
        int node = 0;
        for (int i = 0; i < text.Length && node >= 0; i++)
        {
            node = Step(node, text[i]);
        }

        value = node >= 0 ? _values[node] : -1;
        return value >= 0;
    }

    /// <summary>The value of the form that ends at <paramref name="node"/>, or -1.</summary>
    internal int ValueAt(int node) => _values[node];

    /// <summary>The arrays of the trie, for a scan that steps through it itself (see <see cref="TermMatcher"/>).</summary>
    internal (char[] Labels, int[] Targets, int[] EdgeStarts, int[] Values, int[] Root, int[] Dense, int[] DenseChildren) Arrays
        => (_labels, _targets, _edgeStarts, _values, _root, _dense, _denseChildren);

    /// <summary>The child of <paramref name="node"/> along <paramref name="c"/>, or -1.</summary>
    internal int Step(int node, char c)
    {
        if (node == 0 && c < CharKinds.TableSize)
        {
            return _root[c];
        }

        int low = _edgeStarts[node];
        int end = _edgeStarts[node + 1];
        if (end - low <= 4)
        {
            // Most nodes below the root have one edge, a few have two to four: a scan beats a search.
            for (int edge = low; edge < end; edge++)
            {
                if (_labels[edge] == c)
                {
                    return _targets[edge];
                }
            }

            return -1;
        }

        int high = end - 1;
        while (low <= high)
        {
            int middle = low + ((high - low) >> 1);
            char label = _labels[middle];
            if (label == c)
            {
                return _targets[middle];
            }

            if (label < c)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return -1;
    }
}
