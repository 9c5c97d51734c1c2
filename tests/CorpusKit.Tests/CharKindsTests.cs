using CorpusKit.CompilerServices;
using CorpusKit.Text;

namespace CorpusKit.Tests;

/// <summary>The hot paths' char tests give .NET's answers for every UTF-16 code unit.</summary>
public sealed class CharKindsTests
{
    [Fact]
    public void Letters_and_digits_are_dotnets()
    {
        for (int c = 0; c <= char.MaxValue; c++)
        {
            Assert.True(char.IsLetterOrDigit((char)c) == CharKinds.IsLetterOrDigit((char)c), $"U+{c:X4}");
        }
    }

    [Fact]
    public void White_space_is_dotnets()
    {
        for (int c = 0; c <= char.MaxValue; c++)
        {
            Assert.True(char.IsWhiteSpace((char)c) == CharKinds.IsWhiteSpace((char)c), $"U+{c:X4}");
        }
    }

    /// <summary>A pattern's <c>\s</c> loop is taken with a vectorized search of the listed white space: the list is .NET's.</summary>
    [Fact]
    public void The_listed_white_space_of_patterns_is_dotnets()
    {
        for (int c = 0; c <= char.MaxValue; c++)
        {
            Assert.True(char.IsWhiteSpace((char)c) == CharClassSet.WhiteSpace.Contains((char)c, System.StringComparison.Ordinal), $"U+{c:X4}");
        }
    }
}
