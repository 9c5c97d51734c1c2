using System;
using System.Collections;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using Microsoft.CodeAnalysis;

namespace CorpusKit.Generators.Tests;

/// <summary>
/// A gazetteer at a real size (200,000 forms in a TSV file, as GeoNames' city names are) goes
/// through the generator and the compiler, and the compiled extractor finds what the small
/// lexicons' tests find: forms after proclitics and under normalization, with their keys.
/// Build time and memory at this size are measured apart (README, Speed), not here.
/// </summary>
public sealed class GazetteerScaleTests
{
    private const int Forms = 200_000;

    [Fact]
    public void A_gazetteer_of_200000_forms_compiles_and_finds_its_forms_with_their_keys()
    {
        var tsv = new StringBuilder("id\tnames\n");
        var random = new Random(15);
        const string Letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي";
        var seen = new System.Collections.Generic.HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; seen.Count < Forms - 3; i++)
        {
            string form = string.Join(' ', Enumerable.Range(0, random.Next(1, 4)).Select(_ => new string([.. Enumerable.Range(0, random.Next(4, 9)).Select(_ => Letters[random.Next(Letters.Length)])])));
            if (seen.Add(form))
            {
                tsv.Append('G').Append(i).Append('\t').Append(form).Append('\n');
            }
        }

        // Three real names among them: one written with and without hamza, one found after two proclitics, one of two words in a second spelling.
        tsv.Append("ALEXANDRIA\tالإسكندرية\nMOSCOW\tموسكو\nSAINT-PETERSBURG\tسان بطرسبورغ\tسانت بطرسبرغ\n");

        (GeneratorDriverRunResult result, Compilation output) = GeneratorHarness.Run(
            GeneratorHarness.Yaml("gazetteer.corpus.yaml", "namespace: Scale\nnormalize: arabic\nlexicons:\n  places: { file: data/places.tsv, key: 1, forms: 2.., header: true }\nentities:\n  Place:\n    fields: { id: string }\n    rules: [ { id: listed, terms: places } ]\n"),
            GeneratorHarness.Yaml("data/places.tsv", tsv.ToString()));
        Assert.Empty(result.Diagnostics);
        Assert.Contains($"{Forms + 1} form(s) of {Forms} key(s)", result.Results[0].GeneratedSources.Single(s => s.HintName == "gazetteer.GazetteerCorpus.g.cs").SourceText.ToString(), StringComparison.Ordinal);

        using var image = new MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult emitted = output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Take(5)));
        var context = new AssemblyLoadContext("gazetteer", isCollectible: true);
        try
        {
            image.Position = 0;
            Assembly assembly = context.LoadFromStream(image);
            object extractor = assembly.GetType("Scale.PlaceExtractor")!.GetProperty("Instance")!.GetValue(null)!;
            var found = (IEnumerable)extractor.GetType().GetMethod("Extract", [typeof(string)])!.Invoke(extractor, ["وصل إلى الاسكندرية ثم وبموسكو ومنها إلى سانت بطرسبرغ، لا إلى الإسكندر."])!;
            string[] places = [.. found.Cast<IEntity>().Select(p => $"{p.Key} {p.Text}")];
            Assert.Equal(["ALEXANDRIA الاسكندرية", "MOSCOW موسكو", "SAINT-PETERSBURG سانت بطرسبرغ"], places);
        }
        finally
        {
            context.Unload();
        }
    }
}
