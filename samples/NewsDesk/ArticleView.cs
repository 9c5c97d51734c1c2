using System.Collections.Generic;
using System.Linq;
using CorpusKit;
using CorpusKit.Documents;
using Spectre.Console;

namespace NewsDesk;

/// <summary>The table view of one article.</summary>
public static class ArticleView
{
    public static void Write(IAnsiConsole console, Article article)
    {
        var table = new Table().Border(TableBorder.Rounded).Expand();
        table.Title = new TableTitle($"[bold]{Markup.Escape(article.Id ?? "(text)")}[/]");
        table.AddColumn(new TableColumn("[grey]what[/]").NoWrap());
        table.AddColumn(new TableColumn("[grey]found[/]"));
        table.AddRow("headline", Markup.Escape(article.Headline ?? "—"));
        table.AddRow("published", Markup.Escape(article.Published?.Value.ToString() ?? "—"));
        table.AddRow("sources", Groups(article.Sources, g => g.Key));
        table.AddRow("people", Groups(article.People, g => g.Entity.Title is { } title ? $"{g.Key} ({title})" : g.Key));
        table.AddRow("organizations", Groups(article.Organizations, g => g.Key));
        table.AddRow("places", Groups(article.Places, g => g.Key));
        table.AddRow("dates", Groups(article.Dates, g => g.Key));
        table.AddRow("quotes", Markup.Escape(string.Join("\n", article.Quotes.Select(Quote))) is { Length: > 0 } quotes ? quotes : "—");
        int boilerplate = article.Layout.Lines.Count(l => l.Kind == LineKind.Boilerplate);
        int duplicates = article.Layout.Lines.Count(l => l.Kind == LineKind.Duplicate);
        table.AddRow("lines", Markup.Escape($"{article.Layout.Lines.Count} lines; {boilerplate} boilerplate (hidden from rules); {duplicates} repeat earlier lines (counted once above, every occurrence in the mentions)"));
        if (article.Problems.Count > 0)
        {
            table.AddRow("[red]problems[/]", Markup.Escape(string.Join("\n", article.Problems.Select(p => $"{p.Entity}/{p.Rule}: {p.Message}"))));
        }

        console.Write(table);
    }

    private static string Groups<T>(IReadOnlyList<EntityGroup<T>> groups, System.Func<EntityGroup<T>, string> name)
        where T : IEntity
        => groups.Count == 0 ? "—" : Markup.Escape(string.Join(" · ", groups.Select(g => g.Mentions.Count > 1 ? $"{name(g)} ×{g.Mentions.Count}" : name(g))));

    private static string Quote(EntityGroup<Quote> group)
    {
        string text = group.Key.Length > 70 ? group.Key[..70] + "…" : group.Key;
        string speaker = group.Entity.Speaker?.Name ?? "unknown speaker";
        return $"“{text}” — {speaker}" + (group.Mentions.Count > 1 ? $" ×{group.Mentions.Count}" : string.Empty);
    }
}
