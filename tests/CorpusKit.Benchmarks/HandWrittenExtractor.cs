using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace CorpusKit.Benchmarks;

/// <summary>
/// The baseline: what a .NET developer writes without CorpusKit. Every lexicon form is looked
/// for with an ordinal IndexOf loop over the raw text, and every regex rule is one compiled
/// Regex over it. It does less than CorpusKit (no normalization, no clitics, no overlaps, no
/// spans mapped back, no documents), so CorpusKit faster than it is a real gain.
/// The forms come from the NewsDesk schema, so both sides look for the same words.
/// </summary>
internal static class HandWrittenExtractor
{
    private static string[] s_forms = [];
    private static Regex[] s_patterns = [];

    public static void Prepare()
    {
        string schema = Path.Combine(Path.GetDirectoryName(NewsDesk.CorpusFiles.FindSeeds()!)!, "samples", "NewsDesk", "Schemas", "newsdesk.corpus.yaml");
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(schema)));
        var lexicons = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode).Children[new YamlScalarNode("lexicons")];
        var forms = new List<string>();
        string[] months = [];
        foreach ((YamlNode name, YamlNode value) in lexicons.Children)
        {
            List<string> lexicon = Forms(value);
            if (((YamlScalarNode)name).Value == "months")
            {
                months = [.. lexicon];
            }
            else
            {
                forms.AddRange(lexicon);
            }
        }

        s_forms = [.. forms.Distinct(StringComparer.Ordinal)];
        string month = "(?:" + string.Join("|", months.OrderByDescending(m => m.Length).Select(Regex.Escape)) + ")";
        s_patterns =
        [
            new Regex($@"(\d{{1,2}})(?:st|nd|rd|th)?,?\s+({month})(?:\s*/\s*{month})?,?\s+(\d{{4}})", RegexOptions.Compiled | RegexOptions.CultureInvariant),
            new Regex($@"({month})\s+(\d{{4}})", RegexOptions.Compiled | RegexOptions.CultureInvariant),
            new Regex($@"(\d{{1,2}})\s+({month})", RegexOptions.Compiled | RegexOptions.CultureInvariant),
            new Regex(@"عام\s+(\d{4})", RegexOptions.Compiled | RegexOptions.CultureInvariant),
            new Regex(@"(\d{4})\s*[-–]\s*(\d{4})", RegexOptions.Compiled | RegexOptions.CultureInvariant),
            new Regex(@":\s*[""“«]([^""”»\n]{8,})[""”»]", RegexOptions.Compiled | RegexOptions.CultureInvariant),
            new Regex(@"(?:أن|إن|إنه|قوله)\s+(?:\S+\s+){0,3}[""“«]([^""”»\n]{8,})[""”»]", RegexOptions.Compiled | RegexOptions.CultureInvariant),
        ];
    }

    /// <summary>How many matches the baseline finds in <paramref name="text"/>.</summary>
    public static int Count(string text)
    {
        int found = 0;
        foreach (string form in s_forms)
        {
            for (int at = text.IndexOf(form, StringComparison.Ordinal); at >= 0; at = text.IndexOf(form, at + form.Length, StringComparison.Ordinal))
            {
                found++;
            }
        }

        foreach (Regex pattern in s_patterns)
        {
            for (Match match = pattern.Match(text); match.Success; match = match.NextMatch())
            {
                found++;
            }
        }

        return found;
    }

    private static List<string> Forms(YamlNode node)
    {
        var forms = new List<string>();
        switch (node)
        {
            case YamlSequenceNode list:
                forms.AddRange(list.Children.OfType<YamlScalarNode>().Select(s => s.Value!));
                break;
            case YamlMappingNode map:
                foreach ((YamlNode key, YamlNode value) in map.Children)
                {
                    string name = ((YamlScalarNode)key).Value!;
                    if (!int.TryParse(name, out _))
                    {
                        forms.Add(name);
                    }

                    forms.AddRange(Forms(value));
                }

                break;
            case YamlScalarNode scalar when !string.IsNullOrEmpty(scalar.Value):
                forms.Add(scalar.Value);
                break;
        }

        return forms;
    }
}
