using System.CommandLine;
using CorpusKit.Cli;

// corpuskit eval --gold FILE --mentions FILE
// corpuskit diff OLD NEW [--texts PATH…]
// corpuskit snapshots review|accept|reject
var root = new RootCommand("CorpusKit: score mention files against gold, compare two runs, review snapshots.");
root.Subcommands.Add(EvalCommand.Create());
root.Subcommands.Add(DiffCommand.Create());
root.Subcommands.Add(SnapshotsCommand.Create());
return root.Parse(args).Invoke();
