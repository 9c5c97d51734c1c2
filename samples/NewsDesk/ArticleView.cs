using System;
using System.Collections.Generic;
using System.Linq;
using CorpusKit;
using CorpusKit.Documents;
using Spectre.Console;

namespace NewsDesk;

/// <summary>
/// The table view of one article: a summary a reader takes in at a glance, so each row is cut to a
/// few lines however long the article (a 64 MB article would otherwise be a table of 87 MB that
/// takes minutes to lay out); the json and mentions formats hold everything.
/// </summary>
public static class ArticleView
{
    /// <summary>The headline is cut after this many chars.</summary>
    public const int HeadlineChars = 200;

    /// <summary>A row of entities (people, places…) names this many, then how many more there are.</summary>
    public const int ShownGroups = 30;

    /// <summary>The quotes and the problems show this many each, then how many more there are.</summary>
    public const int ShownLines = 20;

    public static void Write(IAnsiConsole console, Article article)
    {
        var table = new Table().Border(TableBorder.Rounded).Expand();
        table.Title = new TableTitle($"[bold]{Markup.Escape(article.Id ?? "(text)")}[/]");
        table.AddColumn(new TableColumn("[grey]what[/]").NoWrap());
        table.AddColumn(new TableColumn("[grey]found[/]"));
        table.AddRow("headline", Markup.Escape(article.Headline is { } headline ? Cut(headline, HeadlineChars) : "—"));
        table.AddRow("published", Markup.Escape(article.Published?.Value.ToString() ?? "—"));
        table.AddRow("sources", Groups(article.Sources, g => g.Key));
        table.AddRow("people", Groups(article.People, g => g.Entity.Title is { } title ? $"{g.Key} ({title})" : g.Key));
        table.AddRow("organizations", Groups(article.Organizations, g => g.Key));
        table.AddRow("places", Groups(article.Places, g => g.Key));
        table.AddRow("dates", Groups(article.Dates, g => g.Key));
        table.AddRow("quotes", article.Quotes.Count == 0 ? "—" : Markup.Escape(Listed(article.Quotes.Select(Quote), article.Quotes.Count, ShownLines, "\n")));
        int boilerplate = article.Layout.Boilerplate.Count;
        int duplicates = article.Layout.Duplicates.Count;
        table.AddRow("lines", Markup.Escape($"{article.Layout.LineCount} lines; {boilerplate} boilerplate (hidden from rules); {duplicates} repeat earlier lines (counted once above, every occurrence in the mentions)"));
        if (article.Problems.Count > 0)
        {
            table.AddRow("[red]problems[/]", Markup.Escape(Listed(article.Problems.Select(p => $"{p.Entity}/{p.Rule}: {p.Message}"), article.Problems.Count, ShownLines, "\n")));
        }

        console.Write(table);
    }

    private static string Groups<T>(IReadOnlyList<EntityGroup<T>> groups, Func<EntityGroup<T>, string> name)
        where T : IEntity
        => groups.Count == 0 ? "—" : Markup.Escape(Listed(groups.Select(g => g.Mentions.Count > 1 ? $"{name(g)} ×{g.Mentions.Count}" : name(g)), groups.Count, ShownGroups, " · "));

    /// <summary>The first <paramref name="shown"/> of <paramref name="count"/> items joined, and how many more there are.</summary>
    private static string Listed(IEnumerable<string> items, int count, int shown, string separator)
    {
        string listed = string.Join(separator, items.Take(shown));
        return count > shown ? $"{listed}{separator}… and {count - shown} more" : listed;
    }

    /// <summary><paramref name="text"/> cut after <paramref name="chars"/> chars (not inside a surrogate pair), with an ellipsis.</summary>
    private static string Cut(string text, int chars)
    {
        if (text.Length <= chars)
        {
            return text;
        }

        int end = char.IsHighSurrogate(text[chars - 1]) ? chars - 1 : chars;
        return string.Concat(text.AsSpan(0, end), "…");
    }

    private static string Quote(EntityGroup<Quote> group)
    {
        string text = Cut(group.Key, 70);
        string speaker = group.Entity.Speaker?.Match(person => person.Name, organization => organization.Text) ?? "unknown speaker";
        return $"“{text}” — {speaker}" + (group.Mentions.Count > 1 ? $" ×{group.Mentions.Count}" : string.Empty);
    }
}
