namespace CorpusKit.Text;

/// <summary>Char tests of the matching hot paths, looked up in tables below U+0800 (ASCII, Latin, Arabic).</summary>
internal static class CharKinds
{
    /// <summary>The chars below this one are answered from tables.</summary>
    internal const int TableSize = 0x800;

    private static readonly bool[] s_letterOrDigit = Build();

    /// <summary>The same answer as <see cref="char.IsLetterOrDigit(char)"/>, from a table for the common scripts.</summary>
    internal static bool IsLetterOrDigit(char c) => c < TableSize ? s_letterOrDigit[c] : char.IsLetterOrDigit(c);

    /// <summary>
    /// The same answer as <see cref="char.IsWhiteSpace(char)"/>, without its Unicode lookup for
    /// the letters between U+0100 and U+167F (Arabic among them): no white space stands there.
    /// </summary>
    internal static bool IsWhiteSpace(char c) => c < 0x100 ? char.IsWhiteSpace(c) : c >= FirstUpperWhiteSpace && char.IsWhiteSpace(c);

    /// <summary>U+1680 OGHAM SPACE MARK: the first white space char above Latin-1.</summary>
    private const char FirstUpperWhiteSpace = '\u1680';

    private static bool[] Build()
    {
        var table = new bool[TableSize];
        for (int c = 0; c < TableSize; c++)
        {
            table[c] = char.IsLetterOrDigit((char)c);
        }

        return table;
    }
}
