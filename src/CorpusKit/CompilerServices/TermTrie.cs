using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using CorpusKit.Text;

namespace CorpusKit.CompilerServices;

/// <summary>
/// A dictionary of normalized forms laid out as a trie, ready to walk a char at a time.
/// </summary>
/// <remarks>
/// <para>For generated code: CorpusKit's generator emits the calls to this type; it is not meant to be called by hand and may change in any release.</para>
/// Generated extractors construct their tries from the four flat arrays the generator computed at
/// build time, which are laid out once more as a double array when the trie is made;
/// <see cref="Create"/> builds one at run time for lexicons that are only known then.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class TermTrie
{
    /// <summary>
    /// The trie as a double array: the children of the node in cell <c>n</c> sit in the cells
    /// <c>Base + code</c> of <c>n</c>, each marked with <c>Check == n</c>; the root is cell 0.
    /// </summary>
    private readonly Cell[] _cells;

    /// <summary>The code of every char below <see cref="CharKinds.TableSize"/> (0: no edge has it).</summary>
    private readonly ushort[] _codes;

    /// <summary>The chars at or past <see cref="CharKinds.TableSize"/> that label an edge, sorted; the code of the one at index <c>i</c> is <see cref="_firstWideCode"/> + <c>i</c>.</summary>
    private readonly char[] _wideChars;

    private readonly int _firstWideCode;

    /// <summary>Wraps the arrays of a trie that the generator laid out.</summary>
    /// <param name="labels">The char of every edge, grouped by node and sorted within a node.</param>
    /// <param name="targets">The node each edge leads to.</param>
    /// <param name="edgeStarts">For node <c>n</c>, its edges are <c>[edgeStarts[n], edgeStarts[n + 1])</c>.</param>
    /// <param name="values">For each node, the value of the form that ends there, or -1.</param>
    /// <remarks>
    /// The arrays are laid out again here as a double array (Aoe, 1989): a step from a node is two
    /// array reads whatever its number of edges, where a search over the edges costs a loop. The
    /// layout takes time linear in the edges for the usual trie, where almost every node below the
    /// first levels has one child.
    /// </remarks>
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

        NodeCount = values.Length;
        (_codes, _wideChars, _firstWideCode) = AssignCodes(labels);
        _cells = new DoubleArrayBuilder(this, labels, targets, edgeStarts, values).Build();
        FirstWords = FirstWordFilter.Build(labels, targets, edgeStarts, values);
    }

    /// <summary>The number of nodes, the root included.</summary>
    public int NodeCount { get; }

    /// <summary>Which words may begin a form, asked before a walk from a word start (see <see cref="TermMatcher"/>).</summary>
    internal FirstWordFilter FirstWords { get; }

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
            if (node >= 0 && _cells[node].Value >= 0 && (i + 1 == text.Length || !CharKinds.IsLetterOrDigit(text[i + 1])))
            {
                length = i + 1;
                value = _cells[node].Value;
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

        value = node >= 0 ? _cells[node].Value : -1;
        return value >= 0;
    }

    /// <summary>The value of the form that ends at <paramref name="node"/>, or -1.</summary>
    internal int ValueAt(int node) => _cells[node].Value;

    /// <summary>The cells and the codes of the chars below <see cref="CharKinds.TableSize"/>, for a scan that steps through the trie itself (see <see cref="TermMatcher"/>).</summary>
    internal (Cell[] Cells, ushort[] Codes) Arrays => (_cells, _codes);

    /// <summary>The child of <paramref name="node"/> along <paramref name="c"/>, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int Step(int node, char c)
    {
        int code = c < CharKinds.TableSize ? _codes[c] : WideCode(c);
        Cell[] cells = _cells;
        int child = cells[node].Base + code;
        return code != 0 && (uint)child < (uint)cells.Length && cells[child].Check == node ? child : -1;
    }

    /// <summary>The code of a char at or past <see cref="CharKinds.TableSize"/>, or 0 when no edge has it.</summary>
    internal int WideCode(char c)
    {
        int index = Array.BinarySearch(_wideChars, c);
        return index >= 0 ? _firstWideCode + index : 0;
    }

    /// <summary>Numbers the chars that label an edge from 1, in char order.</summary>
    private static (ushort[] Codes, char[] WideChars, int FirstWideCode) AssignCodes(string labels)
    {
        var codes = new ushort[CharKinds.TableSize];
        var wide = new SortedSet<char>();
        foreach (char c in labels)
        {
            if (c < CharKinds.TableSize)
            {
                codes[c] = 1;
            }
            else
            {
                wide.Add(c);
            }
        }

        int code = 0;
        for (int c = 0; c < codes.Length; c++)
        {
            if (codes[c] != 0)
            {
                codes[c] = (ushort)++code;
            }
        }

        if (code + wide.Count > ushort.MaxValue)
        {
            throw new ArgumentException("The trie labels its edges with more distinct chars than it can number.", nameof(labels));
        }

        return (codes, [.. wide], code + 1);
    }

    /// <summary>One cell of the double array.</summary>
    internal struct Cell
    {
        /// <summary>Where this node's children start: the child along the char of code <c>k</c> is cell <c>Base + k</c>.</summary>
        public int Base;

        /// <summary>The cell of this cell's parent; -1 while the cell is free.</summary>
        public int Check;

        /// <summary>The value of the form that ends at this node, or -1.</summary>
        public int Value;
    }

    /// <summary>
    /// Places the nodes of an edge-list trie in a double array, breadth first: each node's children
    /// go to the first free cells that fit all of them, found through a list of the free cells.
    /// </summary>
    private sealed class DoubleArrayBuilder
    {
        private readonly TermTrie _trie;
        private readonly string _labels;
        private readonly int[] _targets;
        private readonly int[] _edgeStarts;
        private readonly int[] _values;
        private Cell[] _cells;

        // The free cells, a list in index order: the first, and each one's neighbours. A cell past the
        // end of the array is free; the last free cell links to the end.
        private int[] _nextFree;
        private int[] _previousFree;
        private int _firstFree;
        private int _lastFree;
        private int _used;

        // Where the search for a base starts. The free cells left behind among full ones (holes no
        // node's children fit) were walked again for every node: with the two million nodes of a
        // 200,000-form gazetteer, four fifths of the half second the build took. A search that walks
        // past many holes moves the start to where it was after the first of them, so they are
        // walked once; they stay free, at the cost of a little space.
        private int _searchStart;
        private const int HolesBeforeSkipping = 32;

        public DoubleArrayBuilder(TermTrie trie, string labels, int[] targets, int[] edgeStarts, int[] values)
        {
            _trie = trie;
            _labels = labels;
            _targets = targets;
            _edgeStarts = edgeStarts;
            _values = values;
            _cells = [];
            _nextFree = [];
            _previousFree = [];
            _firstFree = 0;
            _lastFree = -1;
        }

        public Cell[] Build()
        {
            Grow(_values.Length + 64);
            Occupy(0, parent: int.MinValue);
            _cells[0].Value = _values[0];
            var cellOf = new int[_values.Length];
            var placed = new bool[_values.Length];
            placed[0] = true;
            var queue = new Queue<int>();
            queue.Enqueue(0);
            var codes = new List<int>();
            while (queue.Count > 0)
            {
                int node = queue.Dequeue();
                int cell = cellOf[node];
                int low = _edgeStarts[node];
                int end = _edgeStarts[node + 1];
                if (low == end)
                {
                    continue;
                }

                codes.Clear();
                for (int edge = low; edge < end; edge++)
                {
                    char c = _labels[edge];
                    codes.Add(c < CharKinds.TableSize ? _trie._codes[c] : _trie.WideCode(c));
                }

                int @base = FindBase(codes);
                _cells[cell].Base = @base;
                for (int k = 0; k < codes.Count; k++)
                {
                    int child = _targets[low + k];
                    if ((uint)child >= (uint)_values.Length || placed[child])
                    {
                        throw new ArgumentException($"The trie arrays do not fit together: edge {low + k} leads to node {child}, which is not a node or has another parent.");
                    }

                    placed[child] = true;

                    int childCell = @base + codes[k];
                    Occupy(childCell, parent: cell);
                    _cells[childCell].Value = _values[child];
                    cellOf[child] = childCell;
                    queue.Enqueue(child);
                }
            }

            Array.Resize(ref _cells, _used);
            return _cells;
        }

        /// <summary>The smallest base, from the first free cell on, at which every code's cell is free.</summary>
        private int FindBase(List<int> codes)
        {
            int first = codes[0];
            int last = first;
            foreach (int code in codes)
            {
                last = Math.Max(last, code);
            }

            if (_searchStart < _firstFree)
            {
                _searchStart = _firstFree;
            }

            int walked = 0;
            int skipTo = -1;
            for (int free = _searchStart; ; free = _nextFree[free])
            {
                if (free + last >= _cells.Length)
                {
                    Grow(free + last + 1);
                }

                int @base = free - first;
                bool fits = @base >= 1;
                for (int k = 1; k < codes.Count && fits; k++)
                {
                    fits = _cells[@base + codes[k]].Check == -1;
                }

                if (fits)
                {
                    if (skipTo >= 0)
                    {
                        _searchStart = skipTo;
                    }

                    return @base;
                }

                if (++walked == HolesBeforeSkipping)
                {
                    skipTo = free;
                }
            }
        }

        private void Occupy(int cell, int parent)
        {
            if (_cells[cell].Check != -1)
            {
                throw new ArgumentException("The trie arrays do not fit together: an edge label repeats within a node.");
            }

            _cells[cell].Check = parent;
            int previous = _previousFree[cell];
            int next = _nextFree[cell];
            if (cell == _searchStart)
            {
                _searchStart = next; // the start is always a free cell (or the end of the array)
            }

            if (previous >= 0)
            {
                _nextFree[previous] = next;
            }
            else
            {
                _firstFree = next;
            }

            if (next < _cells.Length)
            {
                _previousFree[next] = previous;
            }
            else
            {
                _lastFree = previous;
            }

            _used = Math.Max(_used, cell + 1);
        }

        /// <summary>Makes the array at least <paramref name="length"/> cells long; the new cells are free and join the end of the list.</summary>
        private void Grow(int length)
        {
            int old = _cells.Length;
            length = Math.Max(length, old * 2);
            Array.Resize(ref _cells, length);
            Array.Resize(ref _nextFree, length);
            Array.Resize(ref _previousFree, length);
            for (int cell = old; cell < length; cell++)
            {
                _cells[cell] = new Cell { Base = 0, Check = -1, Value = -1 };
                _nextFree[cell] = cell + 1;
                _previousFree[cell] = cell == old ? _lastFree : cell - 1;
            }

            if (_lastFree < 0)
            {
                _firstFree = old;
            }

            _lastFree = length - 1;
        }
    }
}
