using System;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace CorpusKit.Package.Tests;

/// <summary>
/// What a user does: pack CorpusKit into a local folder, make a fresh project outside the
/// repository that references the package from that folder, add a schema it has never seen,
/// build and run it.
/// </summary>
[Collection(RepositoryBuilds.Name)]
public sealed class PackageTests : IDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "corpuskit-package-" + Guid.NewGuid().ToString("N")[..12]);

    private readonly string _version = Shell.FreshVersion("it");

    public PackageTests() => Directory.CreateDirectory(_work);

    [Fact]
    public void A_fresh_project_gets_types_and_extractors_from_the_package()
    {
        string feed = Pack();
        string project = NewProject(feed, """
            normalize: arabic
            doc: Places and years of a stranger's corpus.
            lexicons:
              cities: { file: lexicons/cities.tsv, key: 1, forms: 2.., header: true }
            entities:
              Place:
                doc: A country or city.
                fields:
                  id: string
                rules:
                  - id: known
                    terms:
                      RU: [روسيا, موسكو]
                      BY: [بيلاروسيا, روسيا البيضاء]
                  - id: city
                    terms: cities
              Year:
                fields:
                  value: int
                rules:
                  - id: year
                    regex: 'عام\s+(?<value>\d{4})'
            """, """
            using Stranger.App;

            var document = AtlasCorpus.Instance.Extract("التقى وزير خارجية روسيا بنظيره من بيلاروسيا في موسكو عام ٢٠٢٥ ثم في مينسك.", "doc-1");
            foreach (Place place in document.Places)
            {
                System.Console.WriteLine($"Place {place.Id} '{place.Text}' {place.Span.Start}-{place.Span.End} {place.Rule}");
            }

            foreach (Year year in document.Years)
            {
                System.Console.WriteLine($"Year {year.Value + 1} {year.Span.Start}-{year.Span.End}");
            }

            System.Console.WriteLine(CorpusKit.Json.CorpusJson.Serialize(document, indented: false));
            """);

        // A gazetteer kept in a file: the package's build files give every *.tsv to the generator.
        Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(project)!, "Schemas", "lexicons"));
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(project)!, "Schemas", "lexicons", "cities.tsv"), "id\tnames\nMINSK\tمينسك\tمنسك\n");
        (int exit, string output) = Shell.Run("dotnet", $"run --project \"{project}\"", _work);

        Assert.True(exit == 0, output);
        string[] lines = output.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("Place MINSK 'مينسك' 68-73 city", lines);
        Assert.Contains("Place RU 'روسيا' 18-23 known", lines);
        Assert.Contains("Place BY 'بيلاروسيا' 34-43 known", lines);
        Assert.Contains("Place RU 'موسكو' 47-52 known", lines);
        Assert.Contains("Year 2026 53-61", lines); // the whole match, عام and the year: the rule names no span:
        Assert.Contains(lines, l => l.StartsWith("{\"id\":\"doc-1\",\"places\":[{\"id\":\"RU\",\"span\":{\"start\":18,\"end\":23},\"text\":\"روسيا\"", StringComparison.Ordinal));
    }

    [Fact]
    public void A_broken_schema_fails_the_build_at_its_yaml_line()
    {
        string feed = Pack();
        string project = NewProject(feed, """
            entities:
              Place:
                fields: { id: string }
                rules:
                  - id: known
                    terms: countries
            """, "System.Console.WriteLine();");

        (int exit, string output) = Shell.Run("dotnet", $"build \"{project}\"", _work);

        Assert.NotEqual(0, exit);
        Assert.Contains("atlas.corpus.yaml(6,16): error CK0009: No lexicon named 'countries' in this file", output, StringComparison.Ordinal);
        Assert.DoesNotContain("CS8785", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_native_aot_publish_of_generated_extractors_has_no_trim_or_aot_warning()
    {
        string feed = Pack();
        string project = NewProject(feed, """
            normalize: arabic
            lexicons:
              months:
                7: [يوليو, تموز]
            entities:
              Person:
                fields: { name: string }
                rules:
                  - id: known
                    terms: { سيرغي لافروف: [لافروف] }
              Date:
                fields: { value: date }
                rules:
                  - id: dmy
                    regex: '(?<day>\d{1,2})\s+(?<month>{months})\s+(?<year>\d{4})'
                    set: { value: 'date(year, month, day)' }
              Quote:
                fields:
                  text: string
                  speaker: Person?
                rules:
                  - id: said
                    sequence:
                      - { entity: Person, as: speaker }
                      - { gap: 0..6 words }
                      - { regex: '"(?<text>[^"]{8,})"' }
                    examples:
                      - text: 'قال لافروف: "إن العمل جار"'
                        expect: { speaker: سيرغي لافروف }
                  - id: quoted
                    regex: '«(?<text>[^»]{8,})»'
                    set: { speaker: 'nearest(Person, before, sentence)' }
            documents:
              Article:
                headline: first-line
                boilerplate:
                  - { id: menu, line: '^Ru En$' }
                fields:
                  people: Person[]
                  quotes: Quote[]
            """, """
            using Stranger.App;

            const string Text = "Ru En\nلافروف: العمل جار\n١٢ يوليو ٢٠٢٣\nوقال لافروف في تسجيل فيديو: \"إن العمل جار لتنفيذ الفكرة\".";
            Article article = AtlasCorpus.Instance.Extract(Text, "aot");
            System.Console.WriteLine(article.Headline);
            foreach (var mention in article.Mentions())
            {
                using var stream = new System.IO.MemoryStream();
                using (var writer = new System.Text.Json.Utf8JsonWriter(stream, CorpusKit.Json.CorpusJson.Compact))
                {
                    CorpusKit.Json.CorpusJson.WriteMention(writer, "aot", mention);
                }

                System.Console.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
            }

            foreach (var example in AtlasCorpus.Examples)
            {
                System.Console.WriteLine(example.Check() ?? "example ok");
            }
            """,
            "<PublishAot>true</PublishAot>");

        string rid = System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier;
        string output = Path.Combine(_work, "native");
        (int exit, string log) = Shell.Run("dotnet", $"publish \"{project}\" -c Release -r {rid} -o \"{output}\"", _work);

        Assert.True(exit == 0, log);
        Assert.False(File.Exists(Path.Combine(output, "Stranger.App.dll")), "a native publish leaves no managed entry assembly");
        Assert.DoesNotContain(log.Split('\n'), line => line.Contains("warning", StringComparison.OrdinalIgnoreCase) && !line.Contains("0 Warning", StringComparison.OrdinalIgnoreCase));
        (int runExit, string printed) = Shell.Run(Path.Combine(output, "Stranger.App"), string.Empty, _work);
        Assert.True(runExit == 0, printed);
        string[] lines = printed.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("لافروف: العمل جار", lines[0]);
        Assert.Contains("""{"doc":"aot","type":"Date","start":24,"end":37,"text":"١٢ يوليو ٢٠٢٣","rule":"dmy","attrs":{"value":"2023-07-12"}}""", lines);
        Assert.Contains(lines, l => l.Contains("\"type\":\"Quote\"", StringComparison.Ordinal) && l.Contains("\"speaker\":\"سيرغي لافروف\"", StringComparison.Ordinal));
        Assert.Equal("example ok", lines[^1]);
    }

    public void Dispose() => Shell.CleanUp(_work, _version, "CorpusKit");

    private string Pack()
    {
        string feed = Path.Combine(_work, "feed");
        string root = Shell.RepositoryRoot();
        (int exit, string output) = Shell.Run(
            "dotnet",
            $"pack \"{Path.Combine(root, "src", "CorpusKit", "CorpusKit.csproj")}\" -c Release -o \"{feed}\" -p:PackageVersion={_version}",
            root);
        Assert.True(exit == 0, output);
        string package = Path.Combine(feed, $"CorpusKit.{_version}.nupkg");
        Assert.True(File.Exists(package), output);
        using (System.IO.Compression.ZipArchive zip = System.IO.Compression.ZipFile.OpenRead(package))
        {
            // What a user gets: the runtime, the generator beside YamlDotNet, the build files, the JSON Schema.
            string[] entries = zip.Entries.Select(e => e.FullName).ToArray();
            Assert.Contains("lib/net10.0/CorpusKit.dll", entries);
            Assert.Contains("analyzers/dotnet/cs/CorpusKit.Generators.dll", entries);
            Assert.Contains("analyzers/dotnet/cs/YamlDotNet.dll", entries);
            Assert.Contains("build/CorpusKit.targets", entries);
            Assert.Contains("schema/corpus.schema.json", entries);
        }

        return feed;
    }

    private string NewProject(string feed, string schema, string program, string properties = "")
    {
        string directory = Path.Combine(_work, "Stranger.App");
        Directory.CreateDirectory(Path.Combine(directory, "Schemas"));
        File.WriteAllText(Path.Combine(directory, "Stranger.App.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                {properties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="CorpusKit" Version="{_version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(_work, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="corpuskit-local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(directory, "Schemas", "atlas.corpus.yaml"), schema);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), program);
        return Path.Combine(directory, "Stranger.App.csproj");
    }
}
