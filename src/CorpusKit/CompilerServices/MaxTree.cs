using System;
using System.Buffers;
using System.Numerics;

namespace CorpusKit.CompilerServices;

/// <summary>
/// A segment tree over a fixed row of ints, each node the greatest value below it: finds the last
/// item before a position, or the first at or after one, whose value reaches a threshold, in
/// O(log n) however many items in between fall short.
/// </summary>
internal sealed class MaxTree
{
    // Node 1 is the root, node i has children 2i and 2i + 1; the leaves start at _leaves (a power
    // of two), the items first, then padding that reaches no threshold above int.MinValue.
    // The nodes' array may be rented, and longer than the 2 * _leaves nodes it holds.
    private readonly int[] _nodes;
    private readonly int _leaves;
    private readonly int _count;
    private readonly bool _rented;

    /// <summary>Builds the tree over <paramref name="values"/>, in their order.</summary>
    internal MaxTree(ReadOnlySpan<int> values)
        : this(values, rented: false)
    {
    }

    private MaxTree(ReadOnlySpan<int> values, bool rented)
    {
        _count = values.Length;
        _leaves = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(values.Length, 1));
        _rented = rented;
        _nodes = rented ? WorkArrays<int>.Rent(2 * _leaves) : new int[2 * _leaves];
        values.CopyTo(_nodes.AsSpan(_leaves));
        _nodes.AsSpan(_leaves + _count, _leaves - _count).Fill(int.MinValue);
        for (int node = _leaves - 1; node > 0; node--)
        {
            _nodes[node] = Math.Max(_nodes[2 * node], _nodes[2 * node + 1]);
        }
    }

    /// <summary>A tree over <paramref name="values"/> whose nodes are in a rented array, which <see cref="Release"/> gives back.</summary>
    internal static MaxTree Rented(ReadOnlySpan<int> values) => new(values, rented: true);

    /// <summary>Gives a rented tree's nodes back to the pool; the tree is not used after.</summary>
    internal void Release()
    {
        if (_rented)
        {
            WorkArrays<int>.Return(_nodes);
        }
    }

    /// <summary>The last index below <paramref name="end"/> (at most the count) whose value is at least <paramref name="threshold"/>, or -1.</summary>
    internal int LastAtLeast(int end, int threshold)
    {
        if (end <= 0)
        {
            return -1;
        }

        // Walk left from the leaf before end through the subtrees that cover what lies before
        // it, nearest first; the first that reaches the threshold holds the answer.
        int node = _leaves + end - 1;
        while (_nodes[node] < threshold)
        {
            while ((node & 1) == 0)
            {
                node >>= 1;
            }

            if (node == 1)
            {
                return -1;
            }

            node--;
        }

        while (node < _leaves)
        {
            node = _nodes[(2 * node) + 1] >= threshold ? (2 * node) + 1 : 2 * node;
        }

        return node - _leaves;
    }

    /// <summary>The first index at or after <paramref name="start"/> (not negative) whose value is at least <paramref name="threshold"/>, or -1.</summary>
    internal int FirstAtLeast(int start, int threshold)
    {
        if (start >= _count)
        {
            return -1;
        }

        // The mirror of LastAtLeast: walk right through the subtrees after start, nearest first.
        int node = _leaves + start;
        while (_nodes[node] < threshold)
        {
            while ((node & 1) == 1)
            {
                node >>= 1;
            }

            if (node == 0)
            {
                return -1;
            }

            node++;
        }

        while (node < _leaves)
        {
            node = _nodes[2 * node] >= threshold ? 2 * node : (2 * node) + 1;
        }

        // Never padding: it reaches only int.MinValue, which the leaf at start reaches first.
        return node - _leaves;
    }
}
