using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Xml.Linq;

namespace CorpusKit.Package.Tests;

/// <summary>
/// <c>dotnet new corpuskit</c> as a user meets it: the template, CorpusKit and CorpusKit.Testing
/// packed into a local feed, the template installed from it (into a template hive of the test's
/// own), a project made under another name, built, run over its sample and tested.
/// </summary>
[Collection(RepositoryBuilds.Name)]
public sealed class TemplateTests : IDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "corpuskit-template-" + Guid.NewGuid().ToString("N")[..12]);

    private readonly string _version = Shell.FreshVersion("tpl");

    public TemplateTests() => Directory.CreateDirectory(_work);

    [Fact]
    public void A_new_project_from_the_template_builds_runs_and_passes_its_tests()
    {
        string feed = Path.Combine(_work, "feed");
        string root = Shell.RepositoryRoot();
        foreach (string project in new[] { "CorpusKit", "CorpusKit.Testing", "CorpusKit.Templates" })
        {
            (int packed, string log) = Shell.Run("dotnet", $"pack \"{Path.Combine(root, "src", project, project + ".csproj")}\" -c Release -o \"{feed}\" -p:PackageVersion={_version}", root);
            Assert.True(packed == 0, log);
        }

        string hive = Path.Combine(_work, "hive");
        (int installed, string installLog) = Shell.Run("dotnet", $"new install \"{Path.Combine(feed, $"CorpusKit.Templates.{_version}.nupkg")}\" --debug:custom-hive \"{hive}\"", _work);
        Assert.True(installed == 0, installLog);
        Assert.Contains("corpuskit", installLog, StringComparison.Ordinal);

        string solution = Path.Combine(_work, "Acme.News");
        (int created, string createLog) = Shell.Run("dotnet", $"new corpuskit -n Acme.News -o \"{solution}\" --CorpusKitVersion {_version} --debug:custom-hive \"{hive}\"", _work);
        Assert.True(created == 0, createLog);
        Assert.Equal(
            ["Acme.News.Tests/Acme.News.Tests.csproj", "Acme.News.Tests/ExtractionTests.The_sample_document.verified.json", "Acme.News.Tests/ExtractionTests.cs", "Acme.News.slnx", "Acme.News/Acme.News.csproj", "Acme.News/Program.cs", "Acme.News/Schemas/news.corpus.yaml", "Acme.News/corpus/sample.txt"],
            Directory.GetFiles(solution, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(solution, f).Replace('\\', '/')).Order(StringComparer.Ordinal));
        Assert.Contains($"<PackageReference Include=\"CorpusKit\" Version=\"{_version}\" />", File.ReadAllText(Path.Combine(solution, "Acme.News", "Acme.News.csproj")), StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(_work, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="corpuskit-local" value="{feed}" />
              </packageSources>
            </configuration>
            """);

        // Its program: one JSON line per mention of the sample, named by the project's namespace.
        (int ran, string output) = Shell.Run("dotnet", $"run --project \"{Path.Combine(solution, "Acme.News")}\"", solution);
        Assert.True(ran == 0, output);
        Assert.Contains("""{"doc":"sample.txt","type":"Person","start":0,"end":6,"text":"لافروف","rule":"known","attrs":{"name":"سيرغي لافروف"}}""", output, StringComparison.Ordinal);
        Assert.Contains("""{"doc":"sample.txt","type":"Date","start":140,"end":158,"text":"12 تموز/يوليو 2025","rule":"day-month-year","attrs":{"value":"2025-07-12"}}""", output, StringComparison.Ordinal);
        Assert.Contains("1 document(s)", output, StringComparison.Ordinal);

        // Its tests: the schema's examples and the sample's snapshot, as the template ships them.
        (int tested, string testLog) = Shell.Run("dotnet", "test", solution);
        Assert.True(tested == 0, testLog);
        Assert.Contains("Passed!  - Failed:     0, Passed:     2", testLog, StringComparison.Ordinal);
    }

    [Fact]
    public void The_template_references_the_version_the_repository_builds()
    {
        string root = Shell.RepositoryRoot();
        string version = XDocument.Load(Path.Combine(root, "Directory.Build.props")).Descendants("VersionPrefix").Single().Value;
        using JsonDocument template = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "src", "CorpusKit.Templates", "templates", "corpuskit", ".template.config", "template.json")));

        Assert.Equal(version, template.RootElement.GetProperty("symbols").GetProperty("CorpusKitVersion").GetProperty("defaultValue").GetString());
    }

    public void Dispose() => Shell.CleanUp(_work, _version, "CorpusKit", "CorpusKit.Testing");
}
