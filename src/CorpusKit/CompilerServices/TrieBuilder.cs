using System.Collections.Generic;
using System.Text;

namespace CorpusKit.CompilerServices;

/// <summary>
/// Builds the flat arrays of a <see cref="TermTrie"/> from normalized forms.
/// </summary>
/// <remarks>
/// The generator runs this at build time and writes the arrays into the generated extractor, so
/// nothing is built when the application starts. Compiled into both the runtime and the
/// generator; netstandard2.0 APIs only.
/// <para>
/// A node is four numbers in parallel lists (its edge's char, its first child, its next sibling,
/// its value), its children a list kept sorted by char: about 16 bytes a node, where an object
/// and a dictionary of children a node took some 250, which for the two million nodes of a
/// 200,000-form gazetteer was half a gigabyte inside the compiler.
/// </para>
/// </remarks>
internal sealed class TrieBuilder
{
    private readonly List<char> _chars = ['\0'];
    private readonly List<int> _firstChild = [-1];
    private readonly List<int> _nextSibling = [-1];
    private readonly List<int> _values = [-1];

    /// <summary>The forms that were added twice with different values: (form, kept value, dropped value).</summary>
    public List<(string Form, int Kept, int Dropped)> Conflicts { get; } = [];

    /// <summary>Adds <paramref name="form"/>; the first value given for a form wins.</summary>
    public void Add(string form, int value)
    {
        if (form.Length == 0)
        {
            return;
        }

        int node = 0;
        foreach (char c in form)
        {
            node = Child(node, c);
        }

        if (_values[node] < 0)
        {
            _values[node] = value;
        }
        else if (_values[node] != value)
        {
            Conflicts.Add((form, _values[node], value));
        }
    }

    /// <summary>The child of <paramref name="node"/> along <paramref name="c"/>, made (in its place among the sorted children) when there is none.</summary>
    private int Child(int node, char c)
    {
        int previous = -1;
        int child = _firstChild[node];
        while (child >= 0 && _chars[child] < c)
        {
            previous = child;
            child = _nextSibling[child];
        }

        if (child >= 0 && _chars[child] == c)
        {
            return child;
        }

        int made = _chars.Count;
        _chars.Add(c);
        _firstChild.Add(-1);
        _nextSibling.Add(child);
        _values.Add(-1);
        if (previous < 0)
        {
            _firstChild[node] = made;
        }
        else
        {
            _nextSibling[previous] = made;
        }

        return made;
    }

    /// <summary>Lays the trie out breadth first, each node's edges sorted by char.</summary>
    public (string Labels, int[] Targets, int[] EdgeStarts, int[] Values) Build()
    {
        // Renumber breadth first so that the layout depends only on the set of forms: a node's
        // children come in char order, and each edge leads to the next number given.
        int count = _chars.Count;
        var order = new int[count];
        int ordered = 1;
        var labels = new StringBuilder(count);
        var targets = new int[count - 1];
        var edgeStarts = new int[count + 1];
        var values = new int[count];
        int edges = 0;
        for (int i = 0; i < ordered; i++)
        {
            int node = order[i];
            edgeStarts[i] = edges;
            values[i] = _values[node];
            for (int child = _firstChild[node]; child >= 0; child = _nextSibling[child])
            {
                labels.Append(_chars[child]);
                targets[edges++] = ordered;
                order[ordered++] = child;
            }
        }

        edgeStarts[count] = edges;
        return (labels.ToString(), targets, edgeStarts, values);
    }
}
