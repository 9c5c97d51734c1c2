using System.Collections.Generic;
using System.IO;
using System.Linq;
using CorpusKit.Evaluation;

namespace CorpusKit.Tests;

/// <summary>
/// Scoring on its own, with mentions written by hand: exact and overlap matching one to one,
/// touching spans, a choice between two candidates, attributes, types apart; and mention files.
/// </summary>
public sealed class EvaluationTests
{
    private static Mention M(string type, int start, int end, string doc = "a.txt", params (string Name, string Value)[] attributes)
        => new(doc, type, start, end, "…", attributes.ToDictionary(a => a.Name, a => a.Value));

    [Fact]
    public void Exact_needs_the_same_document_type_and_span()
    {
        Mention[] gold = [M("Person", 0, 5), M("Person", 10, 15), M("Place", 20, 25)];
        Mention[] found = [M("Person", 0, 5), M("Person", 10, 14), M("Place", 20, 25, doc: "b.txt"), M("Person", 20, 25)];

        EvaluationReport report = EvaluationReport.Compare(gold, found);

        Assert.Equal(new Score(1, 2, 1), report.For("Person")!.Exact);
        Assert.Equal(new Score(0, 1, 1), report.For("Place")!.Exact);
        Assert.Equal(new Score(1, 3, 2), report.Exact);
        Assert.Equal([(10, 15)], report.For("Person")!.Misses.Select(m => (m.Start, m.End)));
        Assert.Equal([(10, 14), (20, 25)], report.For("Person")!.FalseHits.Select(m => (m.Start, m.End)));
        Assert.Null(report.For("Date"));
    }

    /// <summary>Spans that share a char overlap; spans that only touch do not, at either end.</summary>
    [Theory]
    [InlineData(4, 8, true)]
    [InlineData(9, 12, true)]
    [InlineData(5, 11, true)]
    [InlineData(10, 12, false)]
    [InlineData(2, 5, false)]
    public void Overlap_needs_a_shared_char(int start, int end, bool overlaps)
    {
        EvaluationReport report = EvaluationReport.Compare([M("Person", 5, 10)], [M("Person", start, end)]);

        Assert.Equal(overlaps ? new Score(1, 0, 0) : new Score(0, 1, 1), report.Overlap);
        Assert.Equal(new Score(0, 1, 1), report.Exact);
    }

    /// <summary>Two predictions over one gold mention: one matches, the other is a false hit (one to one), and an exact pair is taken first.</summary>
    [Fact]
    public void Overlap_matches_one_to_one_exact_pairs_first()
    {
        Mention[] gold = [M("Org", 0, 10), M("Org", 8, 20)];
        Mention[] found = [M("Org", 2, 9), M("Org", 8, 20), M("Org", 5, 7)];

        EvaluationReport report = EvaluationReport.Compare(gold, found);

        // (8, 20) pairs exactly; (2, 9) then takes the free (0, 10); (5, 7) finds no free gold mention.
        Assert.Equal(new Score(1, 2, 1), report.Exact);
        Assert.Equal(new Score(2, 1, 0), report.Overlap);
    }

    [Fact]
    public void Attributes_count_on_exact_pairs_when_every_gold_attribute_agrees()
    {
        Mention[] gold = [M("Date", 0, 4, attributes: [("year", "2024")]), M("Date", 10, 14, attributes: [("year", "2023"), ("month", "5")]), M("Date", 20, 24, attributes: [("year", "2022")])];
        Mention[] found = [M("Date", 0, 4, attributes: [("year", "2024"), ("day", "1")]), M("Date", 10, 14, attributes: [("year", "2023")]), M("Date", 20, 24, attributes: [("year", "2021")])];

        TypeScore date = EvaluationReport.Compare(gold, found).For("Date")!;

        Assert.Equal(3, date.Exact.TruePositives);
        Assert.Equal(1, date.AttributesRight);
    }

    /// <summary>An attribute per document: right over compared on exact pairs, the wrong ones with the value found, none counted as wrong.</summary>
    [Fact]
    public void An_attribute_is_scored_per_document_with_its_wrong_values()
    {
        Mention[] gold =
        [
            M("Quote", 0, 10, "a.txt", ("speaker", "RU-MFA")),
            M("Quote", 20, 30, "a.txt", ("speaker", "لافروف")),
            M("Quote", 40, 50, "a.txt", ("speaker", "بوتين")),
            M("Quote", 0, 10, "b.txt", ("speaker", "بوتين")),
            M("Quote", 60, 70, "b.txt", ("speaker", "بوتين")),
        ];
        Mention[] found =
        [
            M("Quote", 0, 10, "a.txt", ("speaker", "RU-MFA")),
            M("Quote", 20, 30, "a.txt", ("speaker", "بوتين")),
            M("Quote", 40, 50, "a.txt"),
            M("Quote", 0, 10, "b.txt", ("speaker", "بوتين")),
            M("Quote", 61, 70, "b.txt", ("speaker", "بوتين")), // overlaps only: not compared
        ];

        EvaluationReport report = EvaluationReport.Compare(gold, found);
        IReadOnlyList<AttributeScore> speakers = report.AttributeScores("Quote.speaker");

        Assert.Equal([("a.txt", 1, 3), ("b.txt", 1, 1)], speakers.Select(s => (s.Doc, s.Right, s.Compared)));
        Assert.Equal(
            ["Quote.speaker a.txt [20..30) …: gold لافروف, found بوتين", "Quote.speaker a.txt [40..50) …: gold بوتين, found none"],
            speakers[0].Wrong.Select(speakers[0].Describe));
        Assert.Empty(report.AttributeScores("Quote.verb"));
        Assert.Throws<System.ArgumentException>(() => report.AttributeScores("speaker"));
        string text = report.ToText(details: true, "Quote.speaker");
        Assert.Contains("Quote.speaker per document: right / compared", text, System.StringComparison.Ordinal);
        Assert.Contains("  all                                      2/4 (0.500)", text, System.StringComparison.Ordinal);
        Assert.Contains("wrong     Quote.speaker a.txt [40..50) …: gold بوتين, found none", text, System.StringComparison.Ordinal);
        Assert.DoesNotContain("per document", report.ToText(), System.StringComparison.Ordinal);
    }

    /// <summary>A reference to one of several entity types is written {type, key}; scoring reads its key.</summary>
    [Fact]
    public void A_reference_of_a_union_is_read_by_its_key_and_any_other_object_as_json()
    {
        Assert.True(Mention.TryParse("""{"doc":"a.txt","type":"Quote","start":0,"end":4,"attrs":{"speaker":{"type":"Organization","key":"RU-MFA"},"span":{"start":1,"end":2}}}""", out Mention? mention, out string? error), error);
        Assert.Equal("RU-MFA", mention!.Attributes["speaker"]);
        Assert.Equal("""{"start":1,"end":2}""", mention.Attributes["span"]);
    }

    [Fact]
    public void Scores_are_one_when_nothing_was_expected_or_found_and_zero_when_all_missed()
    {
        Assert.Equal((1.0, 1.0, 1.0), (default(Score).Precision, default(Score).Recall, default(Score).F1));
        var missed = new Score(0, 0, 3);
        Assert.Equal((0.0, 0.0, 0.0), (missed.Precision, missed.Recall, missed.F1));
        var half = new Score(1, 1, 1);
        Assert.Equal(0.5, half.F1, 10);
    }

    [Fact]
    public void A_mention_line_parses_with_its_attributes_and_a_broken_one_says_why()
    {
        Assert.True(Mention.TryParse("""{"doc":"a.txt","type":"Date","start":3,"end":9,"text":"٢٠٢٤","attrs":{"year":2024,"era":"AD"}}""", out Mention? mention, out string? error));
        Assert.Null(error);
        Assert.Equal(("a.txt", "Date", 3, 9, "٢٠٢٤"), (mention.Doc, mention.Type, mention.Start, mention.End, mention.Text));
        Assert.Equal(new Dictionary<string, string> { ["year"] = "2024", ["era"] = "AD" }, mention.Attributes);

        Assert.False(Mention.TryParse("""{"doc":"a.txt","type":"Date","start":9,"end":3}""", out _, out error));
        Assert.Contains("start <= end", error, System.StringComparison.Ordinal);
        Assert.False(Mention.TryParse("{not json", out _, out error));
        Assert.StartsWith("not JSON", error, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_mention_file_reports_a_bad_line_by_number_and_keeps_the_rest()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(path, [
                """{"doc":"a.txt","type":"Person","start":0,"end":5}""",
                "",
                """{"doc":"a.txt","type":"Person"}""",
                """{"doc":"b.txt","type":"Place","start":1,"end":2}""",
            ]);
            var problems = new List<string>();

            List<Mention> mentions = Mention.ReadFile(path, problems);

            Assert.Equal(["a.txt", "b.txt"], mentions.Select(m => m.Doc));
            string problem = Assert.Single(problems);
            Assert.StartsWith(path + "(3): not a mention", problem, System.StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
