using System;
using System.Collections.Generic;
using System.Text;
using DiffPlex;
using DiffPlex.Model;

namespace CorpusKit.Testing;

/// <summary>Unified diffs of two texts, line by line (DiffPlex finds the changes).</summary>
public static class UnifiedDiff
{
    /// <summary>Writes the changes from <paramref name="oldText"/> to <paramref name="newText"/> as a unified diff with three lines of context.</summary>
    public static string Create(string oldText, string newText, string oldName, string newName, int context = 3)
    {
        ArgumentNullException.ThrowIfNull(oldText);
        ArgumentNullException.ThrowIfNull(newText);
        DiffResult diff = Differ.Instance.CreateLineDiffs(oldText, newText, ignoreWhitespace: false, ignoreCase: false);
        IReadOnlyList<string> a = diff.PiecesOld;
        IReadOnlyList<string> b = diff.PiecesNew;
        var output = new StringBuilder();
        output.Append("--- ").Append(oldName).Append('\n');
        output.Append("+++ ").Append(newName).Append('\n');
        List<DiffBlock> blocks = [.. diff.DiffBlocks];
        int i = 0;
        while (i < blocks.Count)
        {
            // Merge blocks whose context would touch into one hunk.
            int first = i;
            int last = i;
            while (last + 1 < blocks.Count
                && blocks[last + 1].DeleteStartA - (blocks[last].DeleteStartA + blocks[last].DeleteCountA) <= 2 * context)
            {
                last++;
            }

            int startA = Math.Max(0, blocks[first].DeleteStartA - context);
            int endA = Math.Min(a.Count, blocks[last].DeleteStartA + blocks[last].DeleteCountA + context);
            int startB = Math.Max(0, blocks[first].InsertStartB - context);
            int endB = Math.Min(b.Count, blocks[last].InsertStartB + blocks[last].InsertCountB + context);
            output.Append("@@ -").Append(startA + 1).Append(',').Append(endA - startA)
                .Append(" +").Append(startB + 1).Append(',').Append(endB - startB).Append(" @@\n");
            int lineA = startA;
            for (int k = first; k <= last; k++)
            {
                DiffBlock block = blocks[k];
                for (; lineA < block.DeleteStartA; lineA++)
                {
                    output.Append(' ').Append(a[lineA]).Append('\n');
                }

                for (int d = 0; d < block.DeleteCountA; d++)
                {
                    output.Append('-').Append(a[block.DeleteStartA + d]).Append('\n');
                }

                for (int n = 0; n < block.InsertCountB; n++)
                {
                    output.Append('+').Append(b[block.InsertStartB + n]).Append('\n');
                }

                lineA = block.DeleteStartA + block.DeleteCountA;
            }

            for (; lineA < endA; lineA++)
            {
                output.Append(' ').Append(a[lineA]).Append('\n');
            }

            i = last + 1;
        }

        return output.ToString();
    }
}
