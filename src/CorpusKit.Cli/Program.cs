using System.CommandLine;
using CorpusKit.Cli;

// corpuskit eval --gold FILE --mentions FILE
// corpuskit snapshots review|accept|reject
var root = new RootCommand("CorpusKit: score mention files against gold, review snapshots.");
root.Subcommands.Add(EvalCommand.Create());
root.Subcommands.Add(SnapshotsCommand.Create());
return root.Parse(args).Invoke();
