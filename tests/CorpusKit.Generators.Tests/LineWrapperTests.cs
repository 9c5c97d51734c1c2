using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CorpusKit.Generators.Tests;

/// <summary>
/// How generated lines are wrapped near 120 columns: at the bound and one past it, at the
/// outermost argument list, never inside a literal, a generic argument list or a comment, and doc
/// comments at spaces outside tags and <c>&lt;c&gt;</c> code.
/// </summary>
public sealed class LineWrapperTests
{
    [Fact]
    public void A_line_that_ends_at_the_limit_stays_and_one_char_more_is_wrapped()
    {
        string call = "Call(first, second)";
        string atLimit = new string('x', LineWrapper.Limit - call.Length - 8) + call;

        Assert.Equal([atLimit], LineWrapper.Wrap(atLimit, 8));
        Assert.Equal(
            [atLimit[..^"first, second)".Length], "    first,", "    second)"],
            LineWrapper.Wrap(atLimit, 9));
    }

    [Fact]
    public void The_outermost_list_breaks_and_an_argument_still_too_long_breaks_again()
    {
        string inner = "Inner(" + string.Join(", ", Enumerable.Range(0, 12).Select(i => "argument" + i)) + ")";
        string line = "var x = Outer(a, " + inner + ", b);";

        List<string> lines = LineWrapper.Wrap(line, 0);

        Assert.Equal("var x = Outer(", lines[0]);
        Assert.Equal("    a,", lines[1]);
        Assert.Equal("    Inner(", lines[2]);
        Assert.Equal("        argument0,", lines[3]);
        Assert.Equal("        argument11),", lines[14]);
        Assert.Equal("    b);", lines[^1]);
        Assert.All(lines, l => Assert.True(l.Length <= LineWrapper.Limit, l));
    }

    [Theory]
    [InlineData("\"a, (b], c\"")]
    [InlineData("@\"a \"\", (b\"")]
    [InlineData("'('")]
    [InlineData("'\\''")]
    [InlineData("\"\\\", (\"")]
    public void Commas_and_brackets_inside_literals_are_not_breaks(string literal)
    {
        string line = "Call(" + literal + ", " + new string('y', 130) + ")";

        Assert.Equal(["Call(", "    " + literal + ",", "    " + new string('y', 130) + ")"], LineWrapper.Wrap(line, 0));
    }

    [Fact]
    public void A_generic_argument_list_is_not_broken_and_a_comparison_is_no_generic()
    {
        string generic = "global::System.Collections.Generic.Dictionary<string, global::System.Collections.Generic.List<int>> map";
        List<string> parameters = LineWrapper.Wrap("void M(" + generic + ", int other)", 8);
        Assert.Equal(["void M(", "    " + generic + ",", "    int other)"], parameters);

        string comparison = "Check(count < limit, " + new string('z', 120) + ")";
        Assert.Equal(["Check(", "    count < limit,", "    " + new string('z', 120) + ")"], LineWrapper.Wrap(comparison, 0));
    }

    [Fact]
    public void A_line_with_nothing_to_break_at_and_a_plain_comment_stay_whole()
    {
        string literal = "x = \"" + new string('q', 150) + "\";";
        string comment = "//     (?<a>x, y)\\s+" + new string('w', 140);
        string trailing = "Call(a) // " + new string('c', 130) + ", (d, e)";

        Assert.Equal([literal], LineWrapper.Wrap(literal, 4));
        Assert.Equal([comment], LineWrapper.Wrap(comment, 4));
        Assert.Equal([trailing], LineWrapper.Wrap(trailing, 4));
    }

    [Fact]
    public void A_doc_comment_breaks_at_spaces_outside_tags_and_code()
    {
        string words = string.Join(" ", Enumerable.Range(0, 20).Select(i => "word" + i));
        string line = "/// " + words + " <see cref=\"global::A.B\"/> and <c>two words</c> " + words + ".";

        List<string> lines = LineWrapper.Wrap(line, 8);

        Assert.True(lines.Count > 1);
        Assert.All(lines, l => Assert.StartsWith("/// ", l));
        Assert.All(lines, l => Assert.True(l.Length + 8 <= LineWrapper.Limit, l));
        Assert.Equal(line, "/// " + string.Join(" ", lines.Select(l => l[4..])));
        Assert.Contains(lines, l => l.Contains("<see cref=\"global::A.B\"/>"));
        Assert.Contains(lines, l => l.Contains("<c>two words</c>"));
    }

    [Fact]
    public void A_one_line_summary_too_long_becomes_a_block()
    {
        string text = string.Join(" ", Enumerable.Range(0, 30).Select(i => "word" + i));

        List<string> lines = LineWrapper.Wrap("/// <summary>" + text + "</summary>", 4);

        Assert.Equal("/// <summary>", lines[0]);
        Assert.Equal("/// </summary>", lines[^1]);
        Assert.Equal(text, string.Join(" ", lines.Skip(1).SkipLast(1).Select(l => l[4..])));
        Assert.Equal(["/// <summary>Short.</summary>"], LineWrapper.Wrap("/// <summary>Short.</summary>", 4));
    }

    [Fact]
    public void Wrapped_code_parses_as_the_line_did()
    {
        string line = "var result = global::N.Type.Method(text, match.Group(\"name, (x\"), other.Call(a, b), @\"verbatim \"\", )\", '\\'', new[] { 1, 2 }, list[0]);";
        string padded = line.Replace("text,", "text" + new string('_', 40) + ",");

        string wrapped = string.Join("\n", LineWrapper.Wrap(padded, 8));

        Assert.Empty(SyntaxFactory.ParseStatement(wrapped).GetDiagnostics());
        Assert.Equal(
            SyntaxFactory.ParseStatement(padded).NormalizeWhitespace().ToFullString(),
            SyntaxFactory.ParseStatement(wrapped).NormalizeWhitespace().ToFullString());
    }

    /// <summary>
    /// A template's lines keep their own indentation inside the writer's, and that indentation counts
    /// toward the limit: a nested doc comment still wraps as a comment, a nested call at its own column.
    /// </summary>
    [Fact]
    public void A_template_line_wraps_from_its_own_indentation()
    {
        var w = new SourceWriter();
        w.Indent();
        string call = "Call(first, second);";
        string fits = new string('x', LineWrapper.Limit - 4 - 4 - call.Length) + call; // ends at the limit
        string doc = "/// " + string.Join(" ", Enumerable.Repeat("word", 30));

        w.Line($$"""
            {
                {{fits}}
                {{fits.Replace("Call(", "Calls(")}}
                {{doc}}
            }
            """);

        string[] lines = w.ToString().Split('\n');
        Assert.Equal("    {", lines[0]);
        Assert.Equal("        " + fits, lines[1]);
        Assert.Equal("        " + fits.Replace("Call(", "Calls(")[..^"first, second);".Length], lines[2]);
        Assert.Equal("            first,", lines[3]);
        Assert.Equal("            second);", lines[4]);
        Assert.StartsWith("        /// word", lines[5], System.StringComparison.Ordinal);
        Assert.StartsWith("        /// word", lines[6], System.StringComparison.Ordinal);
        Assert.All(lines, l => Assert.True(l.Length <= LineWrapper.Limit, l));
        Assert.Equal("    }", lines[^2]);
    }
}
