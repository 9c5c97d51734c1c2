using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CorpusKit.Evaluation;
using Spectre.Console;

namespace NewsDesk;

/// <summary>The table view of an evaluation report.</summary>
public static class ReportView
{
    /// <summary>The attributes whose accuracy is shown per article: who said each quote.</summary>
    public static readonly string[] PerArticle = ["Quote.speaker"];

    public static void Write(IAnsiConsole console, EvaluationReport report, bool details)
    {
        var table = new Table().Border(TableBorder.Rounded);
        table.Title = new TableTitle("[bold]mentions against gold[/]");
        foreach (string column in new[] { "type", "gold", "found", "exact P", "exact R", "exact F1", "overlap P", "overlap R", "overlap F1", "attrs right" })
        {
            table.AddColumn(new TableColumn(column).RightAligned());
        }

        foreach (TypeScore type in report.Types)
        {
            table.AddRow(Row(type.Type, type.Exact, type.Overlap, $"{type.AttributesRight}/{type.Exact.TruePositives}"));
        }

        table.AddRow(Row("[bold]all[/]", report.Exact, report.Overlap, string.Empty));
        console.Write(table);
        foreach (string attribute in PerArticle)
        {
            IReadOnlyList<AttributeScore> scores = report.AttributeScores(attribute);
            var perArticle = new Table().Border(TableBorder.Rounded);
            perArticle.Title = new TableTitle($"[bold]{Markup.Escape(attribute)} per article[/]");
            perArticle.AddColumn("article");
            perArticle.AddColumn(new TableColumn("right").RightAligned());
            foreach (AttributeScore score in scores)
            {
                perArticle.AddRow(Markup.Escape(score.Doc), $"{score.Right}/{score.Compared}");
            }

            perArticle.AddRow("[bold]all[/]", $"{scores.Sum(s => s.Right)}/{scores.Sum(s => s.Compared)}");
            console.Write(perArticle);
        }

        if (!details)
        {
            return;
        }

        foreach (TypeScore type in report.Types)
        {
            foreach (Mention miss in type.Misses)
            {
                console.MarkupLine($"[red]miss[/]      {Markup.Escape(miss.ToString())}");
            }

            foreach (Mention hit in type.FalseHits)
            {
                console.MarkupLine($"[yellow]false hit[/] {Markup.Escape(hit.ToString())}");
            }
        }

        foreach (AttributeScore score in PerArticle.SelectMany(report.AttributeScores))
        {
            foreach ((Mention Gold, Mention Found) wrong in score.Wrong)
            {
                console.MarkupLine($"[yellow]wrong[/]     {Markup.Escape(score.Describe(wrong))}");
            }
        }
    }

    private static string[] Row(string name, Score exact, Score overlap, string attributes)
    {
        static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
        return
        [
            name,
            (exact.TruePositives + exact.FalseNegatives).ToString(CultureInfo.InvariantCulture),
            (exact.TruePositives + exact.FalsePositives).ToString(CultureInfo.InvariantCulture),
            F(exact.Precision), F(exact.Recall), F(exact.F1), F(overlap.Precision), F(overlap.Recall), F(overlap.F1), attributes,
        ];
    }
}
