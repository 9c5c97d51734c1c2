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
/// </remarks>
internal sealed class TrieBuilder
{
    private readonly List<Node> _nodes = [new Node()];

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
            if (!_nodes[node].Children.TryGetValue(c, out int child))
            {
                child = _nodes.Count;
                _nodes.Add(new Node());
                _nodes[node].Children.Add(c, child);
            }

            node = child;
        }

        Node terminal = _nodes[node];
        if (terminal.Value < 0)
        {
            terminal.Value = value;
        }
        else if (terminal.Value != value)
        {
            Conflicts.Add((form, terminal.Value, value));
        }
    }

    /// <summary>Lays the trie out breadth first, each node's edges sorted by char.</summary>
    public (string Labels, int[] Targets, int[] EdgeStarts, int[] Values) Build()
    {
        // Renumber breadth first so that the layout depends only on the set of forms.
        var order = new List<int> { 0 };
        var newIndex = new int[_nodes.Count];
        for (int i = 0; i < order.Count; i++)
        {
            foreach (int child in SortedChildren(_nodes[order[i]]))
            {
                newIndex[child] = order.Count;
                order.Add(child);
            }
        }

        var labels = new StringBuilder();
        var targets = new List<int>();
        var edgeStarts = new int[order.Count + 1];
        var values = new int[order.Count];
        for (int i = 0; i < order.Count; i++)
        {
            Node node = _nodes[order[i]];
            edgeStarts[i] = targets.Count;
            values[i] = node.Value;
            var keys = new List<char>(node.Children.Keys);
            keys.Sort();
            foreach (char key in keys)
            {
                labels.Append(key);
                targets.Add(newIndex[node.Children[key]]);
            }
        }

        edgeStarts[order.Count] = targets.Count;
        return (labels.ToString(), targets.ToArray(), edgeStarts, values);
    }

    private static IEnumerable<int> SortedChildren(Node node)
    {
        var keys = new List<char>(node.Children.Keys);
        keys.Sort();
        foreach (char key in keys)
        {
            yield return node.Children[key];
        }
    }

    private sealed class Node
    {
        public Dictionary<char, int> Children { get; } = [];

        public int Value { get; set; } = -1;
    }
}
