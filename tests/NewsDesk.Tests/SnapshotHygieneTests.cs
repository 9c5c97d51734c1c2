using System;
using System.IO;
using System.Linq;
using CorpusKit.Testing;

namespace NewsDesk.Tests;

/// <summary>Verified snapshots that no test produces any more are reported, not left to rot.</summary>
public sealed class SnapshotHygieneTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("corpuskit-hygiene-").FullName;

    [Fact]
    public void Every_verified_snapshot_of_this_project_belongs_to_a_test()
        => Assert.Empty(Snapshot.FindOrphans(
            Path.Combine(Repository.Root, "tests", "NewsDesk.Tests"),
            typeof(SnapshotHygieneTests).Assembly.GetTypes()));

    [Fact]
    public void A_snapshot_of_a_removed_test_is_an_orphan()
    {
        File.WriteAllText(Path.Combine(_folder, "SeedSnapshotTests.Each_seed_document_result#000.verified.json"), "{}");
        File.WriteAllText(Path.Combine(_folder, "SeedSnapshotTests.Removed_test.verified.txt"), "x");
        File.WriteAllText(Path.Combine(_folder, "GoneTests.Anything.verified.txt"), "x");

        Assert.Equal(
            ["GoneTests.Anything.verified.txt", "SeedSnapshotTests.Removed_test.verified.txt"],
            Snapshot.FindOrphans(_folder, [typeof(SeedSnapshotTests)]).Select(Path.GetFileName));
    }

    [Fact]
    public void A_name_a_test_no_longer_produces_fails_the_test()
    {
        // As if a seed had been removed: its verified file stays beside the test's others.
        string source = Path.Combine(_folder, "FakeTests.cs");
        File.WriteAllText(Path.Combine(_folder, "FakeTests.Seeds#000.verified.json"), "a\n");
        File.WriteAllText(Path.Combine(_folder, "FakeTests.Seeds#999.verified.json"), "b\n");

        SnapshotMismatchException failure = Assert.Throws<SnapshotMismatchException>(() =>
            Snapshot.VerifyAll([new("000", "a\n")], "json", source, "Seeds"));
        Assert.Contains("FakeTests.Seeds#999.verified.json is left behind", failure.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
