using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using CorpusKit.CompilerServices;
using CorpusKit.Documents;

namespace CorpusKit.Tests;

/// <summary>The layout on its own: boilerplate rules, repeated lines and what it reports.</summary>
public sealed class DocumentLayoutTests
{
    private static readonly LineRuleSet s_menu = new([new LineRule("menu", Pattern.OnRegex("^الرئيسية$", RegexOptions.CultureInvariant, null, []), LineRuleReach.Line)]);

    /// <summary>
    /// A repeated line names the line it repeats, by number: the first thousand or so numbers are
    /// made once and shared, the rest as they come (lines 1,023, 1,024 and 1,025 around the bound).
    /// </summary>
    [Theory]
    [InlineData(3)]
    [InlineData(1023)]
    [InlineData(1024)]
    [InlineData(1025)]
    public void A_repeated_line_names_the_line_it_repeats(int original)
    {
        const string Repeated = "قال الوزير لافروف إن التعاون مستمر مع الشركاء";
        string[] lines = [.. Enumerable.Range(1, original - 1).Select(n => n == 1 ? "عنوان" : "سطر رقم " + n), Repeated, "سطر آخر", Repeated];
        var context = new ExtractionContext(string.Join('\n', lines));

        DocumentLayout layout = DocumentLayout.Apply(context, TextNormalization.Arabic, s_menu, "Article");

        DocumentLine duplicate = layout.Lines[^1];
        Assert.Equal((LineKind.Duplicate, original.ToString(System.Globalization.CultureInfo.InvariantCulture)), (duplicate.Kind, duplicate.Rule));
        Assert.Equal(LineKind.Body, layout.Lines[original - 1].Kind);
    }

    /// <summary>
    /// A block drops its line and the lines after it up to the next blank line, which ends it; a
    /// text without blank lines loses everything after it, as under rest:. A rest rule beside it
    /// still drops to the end, blank lines or not. (H headline, B body, x blank, D dropped.)
    /// </summary>
    [Theory]
    [InlineData("عنوان\nفقرة أولى\n\nاقرأ أيضا\nخبر متصل\nخبر آخر\n\nفقرة ثانية\nفقرة ثالثة", "HBxDDDxBB")]
    [InlineData("عنوان\nفقرة أولى من الخبر\nاقرأ أيضا\nخبر متصل\nمقال ملحق", "HBDDD")]
    [InlineData("عنوان الخبر في سطر\nاقرأ أيضا\n\nفقرة\nالتعليقات\nتعليق\n\nتعليق آخر", "HDxBDDxD")] // four words: a headline, not a site's name
    public void A_block_ends_at_the_next_blank_line(string text, string kinds)
        => Assert.Equal(kinds, Kinds(DocumentLayout.Apply(new ExtractionContext(text), TextNormalization.Arabic, s_blocks, "Article")));

    /// <summary>
    /// On a page without blank lines, a first line right above a block's first line is a site's
    /// name however long it is: read as the headline, it would leave the block to run to the end
    /// and take the article with it. The block then ends, as a menu above the headline does, at the
    /// first line longer than a menu's items: the headline. With a blank line after the block, the
    /// long first line stays the headline and the blank line ends the block.
    /// </summary>
    [Theory]
    [InlineData("وكالة الأنباء والمعلومات الفلسطينية - وفا\nالرئيسية\nمحليات\nعربي ودولي\nلجنة إعمار الخليل تنهي ترميم أربعين منزلا في البلدة القديمة\nأنهت اللجنة اليوم ترميم أربعين منزلا ومحلا تجاريا", "DDDDHB", 5)]
    [InlineData("وكالة الأنباء والمعلومات الفلسطينية - وفا\nالرئيسية\nمحليات\n\nلجنة إعمار الخليل تنهي ترميم أربعين منزلا في البلدة القديمة\nأنهت اللجنة اليوم ترميم أربعين منزلا ومحلا تجاريا", "HDDxBB", 1)]
    [InlineData("وكالة الأنباء والمعلومات الفلسطينية - وفا\nخبر عاجل من الخليل في سطر طويل\nالرئيسية\nمحليات", "HBDD", 1)] // the block is not right under the first line
    public void A_long_first_line_right_above_a_block_no_blank_line_ends_is_a_site_name(string text, string kinds, int headline)
    {
        DocumentLayout layout = DocumentLayout.Apply(new ExtractionContext(text), TextNormalization.Arabic, s_blocks, "Article");

        Assert.Equal(kinds, Kinds(layout));
        Assert.Equal(headline, layout.Headline!.Value.Number);
    }

    /// <summary>
    /// A site's menu and a "read also" list (blocks) and a comment section (to the end). Rules see
    /// lines normalized, as the generator writes their patterns: اقرأ أيضا reads اقرا ايضا.
    /// </summary>
    private static readonly LineRuleSet s_blocks = new(
    [
        new LineRule("section-menu", Pattern.OnRegex("^الرئيسية$", RegexOptions.CultureInvariant, null, []), LineRuleReach.Block),
        new LineRule("read-also", Pattern.OnRegex("^اقرا ايضا$", RegexOptions.CultureInvariant, null, []), LineRuleReach.Block),
        new LineRule("comments", Pattern.OnRegex("^التعليقات$", RegexOptions.CultureInvariant, null, []), LineRuleReach.Rest),
    ]);

    /// <summary>
    /// The first line that is not blank, of at most three words, right above a line the boilerplate
    /// drops is a site's name above its menu: dropped with it, by its rule, and the headline is the
    /// next body line; so are the first two lines, each that short, right above it (a site's short
    /// and full names). Four words, a body line of four under it, a third short line, or a line
    /// before it keep it the headline.
    /// </summary>
    [Theory]
    [InlineData("الأناضول\nالرئيسية\nعنوان الخبر هنا\nفقرة", "DDHB", "عنوان الخبر هنا")]
    [InlineData("\nأخبار الخليج اليوم\nالرئيسية\nعنوان الخبر هنا", "xDDH", "عنوان الخبر هنا")]              // three words, after a blank line
    [InlineData("أخبار الخليج اليوم الجديدة\nالرئيسية\nعنوان الخبر هنا", "HDB", "أخبار الخليج اليوم الجديدة")] // four words
    [InlineData("الأناضول\nعنوان الخبر هنا اليوم\nالرئيسية", "HBD", "الأناضول")]                         // no menu right under it, four words under it
    [InlineData("كونا\nوكالة الأنباء الكويتية\nالرئيسية\nعنوان الخبر هنا اليوم", "DDDH", "عنوان الخبر هنا اليوم")] // two short lines
    [InlineData("كونا\nوكالة الأنباء الكويتية العامة\nالرئيسية\nعنوان الخبر", "HBDB", "كونا")]           // the second of four words
    [InlineData("كونا\nوكالة الأنباء\nالكويتية\nالرئيسية\nعنوان الخبر", "HBBDB", "كونا")]               // three short lines
    [InlineData("الرئيسية\nالأناضول\nالرئيسية\nعنوان الخبر هنا", "DHDB", "الأناضول")]                      // a line dropped before it
    public void A_short_first_line_right_above_a_dropped_line_is_a_site_name_not_the_headline(string text, string kinds, string headline)
    {
        DocumentLayout layout = DocumentLayout.Apply(new ExtractionContext(text), TextNormalization.Arabic, s_menu, "Article");

        Assert.Equal(kinds, Kinds(layout));
        Assert.Equal(headline, text.Substring(layout.Headline!.Value.Span.Start, layout.Headline.Value.Span.Length));
        Assert.All(layout.Boilerplate, line => Assert.Equal("menu", line.Rule));
        Assert.Equal(layout.Boilerplate.OrderBy(l => l.Number), layout.Lines.Where(l => l.Kind == LineKind.Boilerplate));
    }

    /// <summary>The kinds of a layout's lines, a letter each: H headline, x blank, D dropped, B body.</summary>
    private static string Kinds(DocumentLayout layout) => string.Concat(layout.Lines.Select(l => l.Kind switch
    {
        LineKind.Headline => 'H',
        LineKind.Blank => 'x',
        LineKind.Boilerplate => 'D',
        _ => 'B',
    }));

    /// <summary>A boilerplate pattern that runs out of time is reported on the document, and the line is kept.</summary>
    [Fact]
    public void A_boilerplate_pattern_that_runs_out_of_time_is_reported_and_the_line_is_kept()
    {
        // Nested loops over a line that does not end as the pattern wants: the backtracking runs past the timeout.
        var runaway = new LineRuleSet([new LineRule("runaway", Pattern.OnRegex(@"^(\w+\s?)*$", RegexOptions.CultureInvariant, null, []), LineRuleReach.Line)]);
        string line = string.Concat(Enumerable.Repeat("كلمة ", 40)) + "!";
        var context = new ExtractionContext("عنوان الخبر؟\n" + line); // a short headline fails at once

        DocumentLayout layout = DocumentLayout.Apply(context, TextNormalization.Arabic, runaway, "Article");

        Assert.Equal([LineKind.Headline, LineKind.Body], layout.Lines.Select(l => l.Kind));
        ExtractionProblem problem = Assert.Single(context.Problems);
        Assert.Equal(("Article", "runaway"), (problem.Entity, problem.Rule));
        Assert.Contains("the line was kept", problem.Message, System.StringComparison.Ordinal);
    }

    /// <summary>
    /// The layout keeps a kind per line and the lines it marked; the list of every line, made when
    /// first asked for, is split from the text again and agrees with them: spans without the line
    /// break (CRLF too), the headline trimmed, the rule of each dropped line, the line each duplicate
    /// repeats, blank lines and a last line without a break.
    /// </summary>
    [Fact]
    public void Every_line_made_on_demand_agrees_with_the_lines_marked()
    {
        const string Said = "قال الوزير لافروف إن التعاون مستمر مع الشركاء";
        string text = "الرئيسية\r\n  عنوان الخبر  \n\n" + Said + "\r\nالرئيسية\n" + Said + "\n\t\n" + Said;
        var context = new ExtractionContext(text);

        DocumentLayout layout = DocumentLayout.Apply(context, TextNormalization.Arabic, s_menu, "Article");

        Assert.Equal(8, layout.LineCount);
        Assert.Equal(
            [LineKind.Boilerplate, LineKind.Headline, LineKind.Blank, LineKind.Body, LineKind.Boilerplate, LineKind.Duplicate, LineKind.Blank, LineKind.Duplicate],
            layout.Lines.Select(l => l.Kind));
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8], layout.Lines.Select(l => l.Number));
        Assert.Equal(["الرئيسية", "عنوان الخبر", "", Said, "الرئيسية", Said, "\t", Said], layout.Lines.Select(l => text.Substring(l.Span.Start, l.Span.Length)));
        Assert.Equal([(1, "menu"), (5, "menu")], layout.Boilerplate.Select(l => (l.Number, l.Rule)));
        Assert.Equal([(6, "4"), (8, "4")], layout.Duplicates.Select(l => (l.Number, l.Rule)));
        Assert.Equal(layout.Headline, layout.Lines[1]);
        Assert.Equal(layout.Boilerplate.Concat(layout.Duplicates).OrderBy(l => l.Number), layout.Lines.Where(l => l.Kind is LineKind.Boilerplate or LineKind.Duplicate));
        Assert.Same(layout.Lines, layout.Lines);
    }

    /// <summary>
    /// The lists of dropped and repeated lines are made from the kinds and rules kept, when first
    /// read, and read alone (before every line is) they hold the same lines: each a whole line
    /// without its break, the site's name above a menu with them.
    /// </summary>
    [Fact]
    public void Dropped_and_repeated_lines_made_on_demand_are_whole_lines_read_first_or_not()
    {
        const string Said = "قال الوزير لافروف إن التعاون مستمر مع الشركاء";
        string text = "الأناضول\r\nالرئيسية\nعنوان الخبر\n" + Said + "\r\nالرئيسية\n\n" + Said;
        DocumentLayout layout = DocumentLayout.Apply(new ExtractionContext(text), TextNormalization.Arabic, s_menu, "Article");

        IReadOnlyList<DocumentLine> boilerplate = layout.Boilerplate;
        Assert.Same(boilerplate, layout.Boilerplate);
        Assert.Equal([(1, "الأناضول", "menu"), (2, "الرئيسية", "menu"), (5, "الرئيسية", "menu")], boilerplate.Select(l => (l.Number, text.Substring(l.Span.Start, l.Span.Length), l.Rule)));
        Assert.Equal([(7, Said, "4")], layout.Duplicates.Select(l => (l.Number, text.Substring(l.Span.Start, l.Span.Length), l.Rule)));
        Assert.Equal("عنوان الخبر", text.Substring(layout.Headline!.Value.Span.Start, layout.Headline.Value.Span.Length));
        Assert.Equal(boilerplate, layout.Lines.Where(l => l.Kind == LineKind.Boilerplate));
        Assert.Equal(layout.Duplicates, layout.Lines.Where(l => l.Kind == LineKind.Duplicate));
    }

    /// <summary>A document with no line to mark has empty lists, and one line even when the text is empty.</summary>
    [Theory]
    [InlineData("", 1, LineKind.Blank)]
    [InlineData("عنوان", 1, LineKind.Headline)]
    [InlineData("عنوان\n", 2, LineKind.Headline)]
    public void A_plain_document_marks_nothing_but_its_headline(string text, int lines, LineKind first)
    {
        DocumentLayout layout = DocumentLayout.Apply(new ExtractionContext(text), TextNormalization.Arabic, s_menu, "Article");

        Assert.Equal(lines, layout.LineCount);
        Assert.Equal(lines, layout.Lines.Count);
        Assert.Equal(first, layout.Lines[0].Kind);
        Assert.Empty(layout.Boilerplate);
        Assert.Empty(layout.Duplicates);
    }

    /// <summary>
    /// A line that repeats a dropped line's words (a bullet before them) is dropped by the same rule,
    /// in that document only: the next document on the thread starts with nothing dropped.
    /// </summary>
    [Fact]
    public void A_line_repeating_a_dropped_line_is_dropped_in_that_document_only()
    {
        DocumentLayout first = DocumentLayout.Apply(new ExtractionContext("الرئيسية\nعنوان\n• الرئيسية"), TextNormalization.Arabic, s_menu, "Article");
        DocumentLayout second = DocumentLayout.Apply(new ExtractionContext("عنوان\n• الرئيسية"), TextNormalization.Arabic, s_menu, "Article");

        Assert.Equal([(1, "menu"), (3, "menu")], first.Boilerplate.Select(l => (l.Number, l.Rule)));
        Assert.Empty(second.Boilerplate);
        Assert.Equal([LineKind.Headline, LineKind.Body], second.Lines.Select(l => l.Kind));
    }

    /// <summary>
    /// A line's kind is a byte that holds the index of the rule that dropped it, for the first
    /// <see cref="DocumentLayout.RulesInKinds"/> rules of a set; the index of a later rule is kept
    /// apart: rules at the last index a byte holds and at the two after it are each named right,
    /// in every list, beside a duplicate line.
    /// </summary>
    [Fact]
    public void The_rule_of_a_dropped_line_is_named_right_past_what_a_line_byte_holds()
    {
        int last = DocumentLayout.RulesInKinds - 1;
        var rules = new LineRuleSet([.. Enumerable.Range(0, DocumentLayout.RulesInKinds + 2).Select(i => new LineRule("rule" + i, Pattern.OnRegex("^سطر" + i + "$", RegexOptions.CultureInvariant, null, []), LineRuleReach.Line))]);
        const string Said = "قال الوزير لافروف إن التعاون مستمر مع الشركاء";
        string text = $"عنوان الخبر في سطر\nسطر{last + 2}\n{Said}\nسطر0\nسطر{last}\n{Said}\nسطر{last + 1}\nسطر{last + 2}";

        DocumentLayout layout = DocumentLayout.Apply(new ExtractionContext(text), TextNormalization.Arabic, rules, "Article");

        (int, string?)[] dropped = [(2, "rule" + (last + 2)), (4, "rule0"), (5, "rule" + last), (7, "rule" + (last + 1)), (8, "rule" + (last + 2))];
        Assert.Equal(dropped, layout.Boilerplate.Select(l => (l.Number, l.Rule)));
        Assert.Equal([(6, "3")], layout.Duplicates.Select(l => (l.Number, l.Rule)));
        Assert.Equal(dropped, layout.Lines.Where(l => l.Kind == LineKind.Boilerplate).Select(l => (l.Number, l.Rule)));
        Assert.Equal("HDBDDRDD", string.Concat(layout.Lines.Select(l => l.Kind switch
        {
            LineKind.Headline => 'H',
            LineKind.Boilerplate => 'D',
            LineKind.Duplicate => 'R',
            _ => 'B',
        })));
    }

    /// <summary>
    /// On a page without blank lines, a block that begins above the headline (a site's menu under
    /// its name) ends at the first line of six words or more, a headline or a paragraph, which is
    /// read as any line is (five words are still a menu's item). A block below the headline (a
    /// "read also" list, the site's appended articles after it) still runs on to the next blank
    /// line, but for a paragraph with boilerplate after it (see the next test). (D dropped, H
    /// headline, B body.)
    /// </summary>
    [Theory]
    [InlineData("الموقع\nالرئيسية\nسياسة\nعنوان الخبر الذي يبدأ به الموقع صفحته اليوم\nوقعت الدولتان أمس اتفاقا جديدا للتعاون في مجال الطاقة.\nفقرة ثانية من الخبر.", "DDDHBB")]
    [InlineData("الموقع\nالرئيسية\nسياسة\nأخبار الاقتصاد والمال في العالم\nفقرة.", "DDDDD")] // five words
    [InlineData("الموقع\nالرئيسية\nأخبار الاقتصاد والمال في العالم العربي\nفقرة ثانية.", "DDHB")] // six words
    [InlineData("عنوان الخبر في سطر واحد\nفقرة أولى من الخبر\nاقرأ أيضا\nوقعت الدولتان أمس اتفاقا جديدا للتعاون في مجال الطاقة.\nمقال ملحق", "HBDDD")]
    public void A_menu_above_the_headline_ends_at_a_longer_line_on_a_page_without_blank_lines(string text, string kinds)
        => Assert.Equal(kinds, Kinds(DocumentLayout.Apply(new ExtractionContext(text), TextNormalization.Arabic, s_blocks, "Article")));

    /// <summary>
    /// On a page without blank lines, a "read also" list inside the article (a block begun below
    /// the headline) ends at the first paragraph, a line of more than
    /// <see cref="DocumentLayout.MaxListedHeadlineWords"/> words, when boilerplate comes after it
    /// (the article's tags, a footer, the comments): the article goes on after the list. With no
    /// boilerplate after it, the paragraphs are the site's appended articles and go with the list
    /// (a seed's page), and so does a line of 20 words, a listed headline's length. The lines after
    /// the first such paragraph are read once a document: a second list whose paragraphs come after
    /// the last boilerplate line keeps them.
    /// </summary>
    [Theory]
    [InlineData("عنوان الخبر في سطر واحد\nفقرة أولى من الخبر\nاقرأ أيضا\nخبر متصل بالموضوع\nوقعت الدولتان أمس اتفاقا جديدا للتعاون في مجال الطاقة والنقل والتجارة وقال الوزير إن الاتفاق يفتح الباب أمام استثمارات كبيرة جدا.\nفقرة أخرى من الخبر\nالتعليقات\nتعليق", "HBDDBBDD")]
    [InlineData("عنوان الخبر في سطر واحد\nفقرة أولى من الخبر\nاقرأ أيضا\nخبر متصل بالموضوع\nوقعت الدولتان أمس اتفاقا جديدا للتعاون في مجال الطاقة والنقل والتجارة وقال الوزير إن الاتفاق يفتح الباب أمام استثمارات كبيرة جدا.\nفقرة أخرى من الخبر", "HBDDDD")] // nothing closes the article after it
    [InlineData("عنوان الخبر في سطر واحد\nفقرة أولى من الخبر\nاقرأ أيضا\nخبر متصل بالموضوع\nوقعت الدولتان أمس اتفاقا جديدا للتعاون في مجال الطاقة والنقل والتجارة وقال الوزير إن الاتفاق يفتح الباب أمام استثمارات جدا.\nفقرة أخرى من الخبر\nالتعليقات\nتعليق", "HBDDDDDD")] // twenty words
    [InlineData("عنوان الخبر في سطر واحد\nفقرة أولى من الخبر\nاقرأ أيضا\nخبر متصل بالموضوع\nوقعت الدولتان أمس اتفاقا جديدا للتعاون في مجال الطاقة والنقل والتجارة وقال الوزير إن الاتفاق يفتح الباب أمام استثمارات كبيرة جدا.\n\nالتعليقات", "HBDDDxD")] // a blank line ends the list
    [InlineData("عنوان الخبر في سطر واحد\nفقرة أولى من الخبر\nاقرأ أيضا\nخبر متصل بالموضوع\nوقعت الدولتان أمس اتفاقا جديدا للتعاون في مجال الطاقة والنقل والتجارة وقال الوزير إن الاتفاق يفتح الباب أمام استثمارات كبيرة جدا.\nوقعت الدولتان أمس اتفاقا جديدا للتعاون في مجال الطاقة والنقل والتجارة وقال الوزير إن الاتفاق يفتح الباب أمام استثمارات كبيرة جدا.\nاقرأ أيضا\nخبر متصل بالموضوع\nوقعت الدولتان أمس اتفاقا جديدا للتعاون في مجال الطاقة والنقل والتجارة وقال الوزير إن الاتفاق يفتح الباب أمام استثمارات كبيرة جدا.", "HBDDBBDDD")] // the second list has no boilerplate after it: the site's appended article
    public void A_list_inside_the_article_ends_at_a_paragraph_that_boilerplate_follows_on_a_page_without_blank_lines(string text, string kinds)
        => Assert.Equal(kinds, Kinds(DocumentLayout.Apply(new ExtractionContext(text), TextNormalization.Arabic, s_blocks, "Article")));

    /// <summary>
    /// The same on a page whose paragraphs no blank line sets apart but with a blank line before its
    /// foot: a second paragraph before that blank line shows the page's way, and the list ends at
    /// the first; a paragraph alone before a blank line stays with the list (above), and with no
    /// boilerplate after the blank line the paragraphs go with the list too.
    /// </summary>
    [Theory]
    [InlineData("عنوان الخبر في سطر واحد\nفقرة أولى من الخبر\nاقرأ أيضا\nخبر متصل بالموضوع\nوقعت الدولتان أمس اتفاقا جديدا للتعاون في مجال الطاقة والنقل والتجارة وقال الوزير إن الاتفاق يفتح الباب أمام استثمارات كبيرة جدا.\nوقعت الدولتان أمس اتفاقا جديدا للتعاون في مجال الطاقة والنقل والتجارة وقال الوزير إن الاتفاق يفتح الباب أمام استثمارات كبيرة جدا.\n\nالتعليقات", "HBDDBBxD")]
    [InlineData("عنوان الخبر في سطر واحد\nفقرة أولى من الخبر\nاقرأ أيضا\nخبر متصل بالموضوع\nوقعت الدولتان أمس اتفاقا جديدا للتعاون في مجال الطاقة والنقل والتجارة وقال الوزير إن الاتفاق يفتح الباب أمام استثمارات كبيرة جدا.\nوقعت الدولتان أمس اتفاقا جديدا للتعاون في مجال الطاقة والنقل والتجارة وقال الوزير إن الاتفاق يفتح الباب أمام استثمارات كبيرة جدا.\n\nمقال ملحق", "HBDDDDxB")] // nothing closes the article after the blank line
    public void A_list_inside_the_article_ends_at_a_paragraph_when_a_second_comes_before_the_blank_line(string text, string kinds)
        => Assert.Equal(kinds, Kinds(DocumentLayout.Apply(new ExtractionContext(text), TextNormalization.Arabic, s_blocks, "Article")));
}
