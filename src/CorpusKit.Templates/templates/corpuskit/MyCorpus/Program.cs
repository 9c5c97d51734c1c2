using CorpusKit.Json;
using CorpusKit.Running;
using MyCorpus;

// dotnet run -- [paths…]   one JSON line per mention of each document, in input order; the paths are
// folders (their *.txt files) and files, - for standard input (JSON Lines of {"id": …, "text": …},
// or raw text); without a path, the corpus/ folder beside the program. Documents are extracted on
// every core, with bounded memory; a file that cannot be read is reported and skipped.
string[] paths = args.Length > 0 ? args : [Path.Combine(AppContext.BaseDirectory, "corpus")];
using Stream output = Console.OpenStandardOutput();
using var writer = new System.Text.Json.Utf8JsonWriter(output, CorpusJson.Compact);
var runner = new CorpusRunner<Article>(NewsCorpus.Instance.Extract);
CorpusRunSummary run = runner.Run(CorpusInput.FromPaths(paths), result =>
{
    if (!result.Extracted)
    {
        Console.Error.WriteLine($"skipped: {result.Origin} {result.Problem}");
        return;
    }

    foreach (CorpusKit.IEntity mention in result.Document.Mentions())
    {
        CorpusJson.WriteMention(writer, result.Id, mention);
        writer.Flush();
        writer.Reset();
        output.Write("\n"u8);
    }

    output.Flush();
});

Console.Error.WriteLine($"{run.Documents} document(s), {run.Bytes} bytes of UTF-8 in {run.Elapsed.TotalMilliseconds:0} ms{(run.Skipped > 0 ? $", {run.Skipped} skipped" : string.Empty)}.");
return run.Documents == 0 ? 2 : run.Skipped > 0 ? 1 : 0;
