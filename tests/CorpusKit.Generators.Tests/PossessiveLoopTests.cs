using System.Collections.Generic;
using System.Text.RegularExpressions;
using CorpusKit.Generators.Patterns;

namespace CorpusKit.Generators.Tests;

/// <summary>
/// Which loops over one char the compiler makes give nothing back: those where no char the loop
/// takes can begin what must follow it. The machine's results stay .NET's either way (the
/// differential tests); these pin down the decision itself, both ways, at its edges.
/// </summary>
public sealed class PossessiveLoopTests
{
    private const int RepeatOp = 13;
    private const int Possessive = 2;

    [Theory]
    [InlineData(@"\d+x", true)]                      // a letter must follow the digits
    [InlineData(@"(?<day>\d{1,2}),?\s+[a-z]", true)]  // past a group and an optional comma, white space must follow
    [InlineData(@"a\s*:", true)]
    [InlineData(@"\d+", true)]                        // nothing follows: the first try is the match
    [InlineData(@"\d+x?", true)]                      // the match may end, and nothing there depends on where
    [InlineData(@"\d+\d", false)]                     // a digit must follow: giving one back is how it matches
    [InlineData(@"\d+[0-9a]", false)]
    [InlineData(@"\w+\s", true)]                      // categories against white space: no white-space char is a letter or digit
    [InlineData(@"a+\B", false)]                      // an assertion before the end may hold only after giving back
    [InlineData(@"\d+(?=\d)", false)]
    [InlineData(@"\d+\b", false)]
    [InlineData(@"\d+\bx", true)]                     // ... unless a char must still be taken after it
    [InlineData(@"[^x]+x", false)]                    // a negated class is not listed: not known, so left as it is
    [InlineData(@"\d+?x", false)]                     // lazy loops stay lazy
    [InlineData(@"(?:\d+x)+\d", true)]                // inside the body, x must follow
    [InlineData(@"(?:x\d+)+\d", false)]               // the body's end may be followed by the next round or a digit: not tracked
    public void A_greedy_loop_gives_nothing_back_only_when_that_cannot_help(string pattern, bool possessive)
    {
        List<int> modes = RepeatModes(pattern);

        Assert.Equal(possessive, modes[0] == Possessive);
    }

    [Fact]
    public void In_a_lookbehind_what_follows_is_to_the_left()
    {
        // Leftwards, the spaces come first and digits must come next; the digits end the block.
        Assert.Equal([Possessive, Possessive], RepeatModes(@"(?<=\d+\s*)x"));

        // Leftwards, \w* is matched first and digits must come next (\w holds them: it gives back); then a letter.
        Assert.Equal([0, Possessive], RepeatModes(@"(?<=[a-z]\d+\w*)x"));
    }

    /// <summary>The mode of each <c>Repeat</c> of the program, in program order.</summary>
    private static List<int> RepeatModes(string pattern)
    {
        PatternProgramSpec program = PatternCompiler.Compile(pattern, RegexOptions.CultureInvariant)!;
        int[] code = [.. program.Code];
        var modes = new List<int>();
        for (int pc = 0; pc < code.Length;)
        {
            // Operand counts of the ops these patterns use (no dispatch: fewer than three alternatives).
            int op = code[pc];
            if (op == RepeatOp)
            {
                modes.Add(code[pc + 5]);
            }

            pc += op switch
            {
                0 => 1,     // Succeed
                5 => 3,     // Split
                12 => 4,    // Look
                RepeatOp => 7,
                14 => throw new System.InvalidOperationException("a dispatch: keep the test patterns to two alternatives"),
                _ => 2,
            };
        }

        return modes;
    }
}
