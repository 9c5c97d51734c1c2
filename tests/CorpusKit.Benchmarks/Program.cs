using System;
using System.Globalization;
using System.IO;
using BenchmarkDotNet.Running;
using CorpusKit.Benchmarks;

// dotnet run -c Release --project tests/CorpusKit.Benchmarks -- ARGUMENTS
//   --filter '*Seed*'     naive, expert and CorpusKit over the seed corpus (0.9 MB)
//   --filter '*Varied*'   the same over 50 MB of varied documents
//   --filter '*Scaling*'  CorpusKit over one document of 8, 16, 32 and 64 MB
//   --filter '*Gazetteer*'  a 200,000-form gazetteer over the seed corpus, against one SearchValues<string> scan
//   --filter '*'          all of them; any other BenchmarkDotNet option works too (--job dry …)
//   --check               what each contender finds, to see they do comparable work (no timing)
//   --profile             time and allocation per entity type over the seed corpus
//   --write-corpus DIR --megabytes N   the varied corpus as .txt files, one document each
switch (args)
{
    case ["--check"]:
        Check.Run();
        return 0;
    case ["--profile"]:
        Profile.Run();
        return 0;
    case ["--write-corpus", string directory, "--megabytes", string megabytes]:
        return WriteCorpus(directory, megabytes);
    case ["--write-corpus", ..]:
        Console.Error.WriteLine("usage: --write-corpus DIR --megabytes N");
        return 2;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(ExtractorComparison).Assembly).Run(args);
        return 0;
}

static int WriteCorpus(string directory, string megabytes)
{
    if (!double.TryParse(megabytes, NumberStyles.Float, CultureInfo.InvariantCulture, out double size) || !(size > 0))
    {
        Console.Error.WriteLine($"--megabytes: '{megabytes}' is not a positive number.");
        return 2;
    }

    try
    {
        VariedCorpus corpus = VariedCorpus.FromSeeds();
        (int files, long bytes) = corpus.Write(directory, (long)(size * Utf8Size.Megabyte));
        Console.WriteLine($"{files} documents, {Utf8Size.Megabytes(bytes)} MB of UTF-8, written to {Path.GetFullPath(directory)} (random seed {corpus.RandomSeed})");
        return 0;
    }
    catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
    {
        Console.Error.WriteLine(exception.Message);
        return 1;
    }
}
