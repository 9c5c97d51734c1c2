using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using CorpusKit.Testing;
using Xunit;

namespace CorpusKit.Tests.Recognizers;

/// <summary>
/// CorpusKit's recognizers measured against Recognizers-Text's and Duckling's Arabic tests
/// (<see cref="PeerSuites"/>). The report (<c>PeerSuiteTests.Report.verified.md</c>) is a reviewed
/// snapshot: pass rates per suite, the cases we differ from by design with the reason, and every
/// case we miss. Each case is also a row of its own, which checks that the report says of it what
/// it does: a change that fixes or breaks a case shows as a failing row until the report is
/// reviewed and accepted.
/// </summary>
public sealed class PeerSuiteTests
{
    public static TheoryData<string> CaseIds()
    {
        var data = new TheoryData<string>();
        foreach (PeerCase c in PeerSuites.All)
        {
            data.Add(c.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Case_agrees_with_the_report(string id)
    {
        PeerCase peerCase = PeerSuites.Find(id);
        PeerOutcome outcome = peerCase.Run();
        string? listed = VerifiedReport().Split('\n').FirstOrDefault(line => line.StartsWith($"- `{id}` ", StringComparison.Ordinal));
        if (outcome.Passed)
        {
            Assert.True(listed is null, $"{id} ({peerCase.Input}) passes now, but the report lists it as not passing: run Report and review the change.");
            Assert.False(PeerSuites.ByDesign.ContainsKey(id), $"{id} passes now: drop it from PeerSuites.ByDesign.");
        }
        else
        {
            Assert.True(listed is not null, $"{id} ({peerCase.Input}) does not pass (expected {outcome.Expected}, found {outcome.Found}), but the report does not list it: run Report and review the change.");
        }
    }

    [Fact]
    public void Report()
    {
        var results = PeerSuites.All.Select(c => (Case: c, Outcome: c.Run())).ToList();
        var text = new StringBuilder();
        text.Append("""
            # Peer suites: CorpusKit's recognizers against other projects' Arabic tests

            `DateRecognizer` and `NumberRecognizer` on the Arabic test cases of Recognizers-Text
            (Microsoft) and Duckling (Facebook), copied under `tests/CorpusKit.Tests/Peers` (see its
            README for sources, commits and licences). How a case passes is in `PeerSuites.cs`: the
            same spans for Recognizers-Text's extractors (the cases its .NET port runs), the same
            spans and values for its number models, and for Duckling one mention over the whole
            input with the expected value against Duckling's reference time. A case we differ from
            by design is listed with its reason and is not counted as passed.

            | suite | cases | passed | by design | missed | pass rate | target |
            | --- | ---: | ---: | ---: | ---: | ---: | ---: |

            """);
        foreach ((string suite, double target) in PeerSuites.Suites)
        {
            var rows = results.Where(r => r.Case.Suite == suite).ToList();
            int passed = rows.Count(r => r.Outcome.Passed);
            int byDesign = rows.Count(r => !r.Outcome.Passed && PeerSuites.ByDesign.ContainsKey(r.Case.Id));
            double rate = (double)passed / rows.Count;
            text.Append(CultureInfo.InvariantCulture, $"| {suite} | {rows.Count} | {passed} | {byDesign} | {rows.Count - passed - byDesign} | {rate:P1} | {(target > 0 ? target.ToString("P0", CultureInfo.InvariantCulture) : "none")} |\n");
            if (target > 0)
            {
                Assert.True(rate >= target, $"{suite}: {rate:P1} is below the target of {target:P0}.");
            }
        }

        text.Append("\nRecognizers-Text's other Arabic DateTime specs (date periods, durations, holidays, times, time\nperiods) and its percent and number-range models are not run yet.\n");
        text.Append("\n## By design\n\n");
        foreach ((PeerCase c, PeerOutcome o) in results.Where(r => !r.Outcome.Passed && PeerSuites.ByDesign.ContainsKey(r.Case.Id)))
        {
            text.Append(CultureInfo.InvariantCulture, $"- `{c.Id}` {OneLine(c.Input)} — expected {o.Expected}; found {o.Found}. {PeerSuites.ByDesign[c.Id]}\n");
        }

        text.Append("\n## Missed\n");
        foreach ((string suite, _) in PeerSuites.Suites)
        {
            var missed = results.Where(r => r.Case.Suite == suite && !r.Outcome.Passed && !PeerSuites.ByDesign.ContainsKey(r.Case.Id)).ToList();
            text.Append(CultureInfo.InvariantCulture, $"\n### {suite} ({missed.Count})\n\n");
            foreach ((PeerCase c, PeerOutcome o) in missed)
            {
                text.Append(CultureInfo.InvariantCulture, $"- `{c.Id}` {OneLine(c.Input)} — expected {o.Expected}; found {o.Found}\n");
            }
        }

        Snapshot.Verify(text.ToString(), "md");
    }

    private static string OneLine(string input) => $"«{input.Replace("\n", " ", StringComparison.Ordinal).Trim()}»";

    private static string VerifiedReport([CallerFilePath] string source = "")
        => File.ReadAllText(Path.Combine(Path.GetDirectoryName(source)!, "PeerSuiteTests.Report.verified.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
}
