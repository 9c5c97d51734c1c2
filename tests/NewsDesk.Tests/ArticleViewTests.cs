using System.IO;
using System.Linq;
using System.Text;
using Spectre.Console;

namespace NewsDesk.Tests;

/// <summary>
/// The table view stays a summary however long the article: each row is cut at its bound, and
/// says how much more there is.
/// </summary>
public sealed class ArticleViewTests
{
    private static readonly string[] s_months = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"];

    [Theory]
    [InlineData(ArticleView.ShownGroups)]
    [InlineData(ArticleView.ShownGroups + 1)]
    public void A_row_of_entities_names_at_most_its_bound_and_counts_the_rest(int dates)
    {
        var text = new StringBuilder("عنوان الخبر\n");
        for (int i = 0; i < dates; i++)
        {
            text.Append($"وجرى اللقاء في {(i % 28) + 1} {s_months[i % 12]} {1950 + i}.\n");
        }

        Article article = NewsDeskCorpus.Instance.Extract(text.ToString(), "dates.txt");
        Assert.Equal(dates, article.Dates.Count);

        string view = Render(article);

        Assert.Equal(ArticleView.ShownGroups, Enumerable.Range(0, dates).Count(i => view.Contains($"{1950 + i}-", System.StringComparison.Ordinal)));
        Assert.Equal(dates > ArticleView.ShownGroups, view.Contains($"… and {dates - ArticleView.ShownGroups} more", System.StringComparison.Ordinal));
        Assert.Equal(dates == ArticleView.ShownGroups, view.Contains($"{1950 + dates - 1}-", System.StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(ArticleView.ShownLines)]
    [InlineData(ArticleView.ShownLines + 1)]
    public void The_quotes_show_at_most_their_bound_and_count_the_rest(int quotes)
    {
        var text = new StringBuilder("عنوان الخبر\n");
        for (int i = 0; i < quotes; i++)
        {
            text.Append($"وقال المتحدث: «هذا هو التصريح رقم {i + 100} عن التعاون».\n");
        }

        Article article = NewsDeskCorpus.Instance.Extract(text.ToString(), "quotes.txt");
        Assert.Equal(quotes, article.Quotes.Count);

        string view = Render(article);

        Assert.Equal(ArticleView.ShownLines, Enumerable.Range(0, quotes).Count(i => view.Contains($"رقم {i + 100} ", System.StringComparison.Ordinal)));
        Assert.Equal(quotes > ArticleView.ShownLines, view.Contains("… and 1 more", System.StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(ArticleView.HeadlineChars, false)]
    [InlineData(ArticleView.HeadlineChars + 1, true)]
    public void The_headline_is_cut_past_its_bound(int length, bool cut)
    {
        // A headline of one repeated letter then a closing mark, so where it was cut shows.
        string headline = new string('ب', length - 1) + "ج";
        Article article = NewsDeskCorpus.Instance.Extract(headline + "\nنص الخبر.", "headline.txt");
        Assert.Equal(headline, article.Headline);

        string view = Render(article);

        Assert.Equal(!cut, view.Contains(headline, System.StringComparison.Ordinal));
        Assert.Equal(cut, view.Contains(new string('ب', ArticleView.HeadlineChars) + "…", System.StringComparison.Ordinal));
    }

    /// <summary>The table as a wide terminal without colours shows it, so no row is wrapped.</summary>
    private static string Render(Article article)
    {
        var output = new StringWriter();
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 2000;
        ArticleView.Write(console, article);
        return output.ToString();
    }
}
