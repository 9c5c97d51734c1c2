using System.Collections.Generic;
using System.IO;
using System.Linq;
using CorpusKit.Evaluation;
using CorpusKit.Json;
using CorpusKit.Testing;

namespace NewsDesk.Tests;

/// <summary>
/// The results a reviewer reads: each seed's document result as JSON (Arabic readable), and
/// the evaluation report against the gold. A changed rule or text fails here with a diff.
/// </summary>
public sealed class SeedSnapshotTests
{
    [Fact]
    public void Each_seed_document_result()
        => Snapshot.VerifyAll(
            Repository.SeedFiles.Select(path => new KeyValuePair<string, string>(
                Path.GetFileName(path)[..3],
                CorpusJson.Serialize(NewsDeskCorpus.Instance.Extract(File.ReadAllText(path), Path.GetFileName(path))) + "\n")),
            "json");

    [Fact]
    public void Evaluation_report_against_the_gold()
    {
        var problems = new List<string>();
        List<Mention> gold = Mention.ReadFile(Repository.GoldMentions, problems);
        Assert.Empty(problems);
        EvaluationReport report = EvaluationReport.Compare(gold, Mentions.Of(Articles()));
        Snapshot.Verify(report.ToText(details: true, ReportView.PerArticle));
    }

    internal static List<Article> Articles()
        => Repository.SeedFiles.Select(path => NewsDeskCorpus.Instance.Extract(File.ReadAllText(path), Path.GetFileName(path))).ToList();
}
