using System.CommandLine;
using System.IO;
using NewsDesk;

// NewsDesk [paths…] [--format table|json|mentions]   runs the sample over the seeds, or over the paths
// NewsDesk eval --gold FILE [paths…]                 scores the mentions against gold
var paths = new Argument<string[]>("paths") { Description = "Folders (their *.txt files) and files; default: the repository's seeds/.", Arity = ArgumentArity.ZeroOrMore };
var format = new Option<OutputFormat>("--format") { Description = "table: a summary per article; json: the typed document results; mentions: one JSON line per mention.", DefaultValueFactory = _ => OutputFormat.Table };
var root = new RootCommand("NewsDesk: people, organisations, places, dates, quotes and sources of Arabic news.") { paths, format };
root.SetAction(result => Runner.Run(result.GetValue(paths) ?? [], result.GetValue(format)));

var gold = new Option<FileInfo>("--gold") { Description = "Gold mentions (JSON Lines), such as samples/NewsDesk/gold/seeds.gold.jsonl.", Required = true };
var evalPaths = new Argument<string[]>("paths") { Description = "What to run over; default: the repository's seeds/.", Arity = ArgumentArity.ZeroOrMore };
var summary = new Option<bool>("--summary") { Description = "The scores only, without the misses and false hits." };
var eval = new Command("eval", "Run over the corpus and score the mentions against gold: precision, recall and F1 per type.") { gold, evalPaths, summary };
eval.SetAction(result => Runner.Evaluate(result.GetValue(gold)!, result.GetValue(evalPaths) ?? [], result.GetValue(summary)));
root.Subcommands.Add(eval);

return root.Parse(args).Invoke();
