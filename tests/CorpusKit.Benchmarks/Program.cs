using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/CorpusKit.Benchmarks -- --filter '*'
if (args is ["--profile"]) { CorpusKit.Benchmarks.Profile.Run(); return; }
BenchmarkSwitcher.FromAssembly(typeof(CorpusKit.Benchmarks.NewsDeskThroughput).Assembly).Run(args);
