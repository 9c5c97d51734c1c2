using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using YamlDotNet.RepresentationModel;

namespace CorpusKit.Benchmarks;

/// <summary>
/// What the baselines and the varied corpus take from the NewsDesk schema, read from its YAML so
/// that every contender looks for the same words CorpusKit does: the lexicon forms, the month
/// names and the boilerplate line patterns.
/// </summary>
internal sealed class NewsDeskSchema
{
    private static readonly Lazy<NewsDeskSchema> s_instance = new(() => Read(RepositoryFiles.NewsDeskSchema));

    private NewsDeskSchema(IReadOnlyList<string> forms, IReadOnlyList<string> months, IReadOnlyList<string> boilerplate)
    {
        Forms = forms;
        Months = months;
        Boilerplate = boilerplate;
    }

    /// <summary>The schema of the repository's NewsDesk sample, read once.</summary>
    public static NewsDeskSchema Instance => s_instance.Value;

    /// <summary>
    /// Every form of every lexicon but <c>months</c>, distinct, in schema order. The keys of a
    /// keyed lexicon are forms too, except numeric ones, as in CorpusKit.
    /// </summary>
    public IReadOnlyList<string> Forms { get; }

    /// <summary>The forms of the <c>months</c> lexicon, which the date rules use inside their patterns.</summary>
    public IReadOnlyList<string> Months { get; }

    /// <summary>The <c>line:</c> and <c>rest:</c> patterns of every document type's boilerplate rules.</summary>
    public IReadOnlyList<string> Boilerplate { get; }

    private static NewsDeskSchema Read(string path)
    {
        var yaml = new YamlStream();
        using (var reader = new StringReader(File.ReadAllText(path)))
        {
            yaml.Load(reader);
        }

        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var forms = new List<string>();
        var months = new List<string>();
        foreach ((YamlNode name, YamlNode lexicon) in (Child<YamlMappingNode>(root, "lexicons") ?? new YamlMappingNode()).Children)
        {
            (((YamlScalarNode)name).Value == "months" ? months : forms).AddRange(
                lexicon is YamlMappingNode map && Child<YamlScalarNode>(map, "file") is { } file
                    ? FileForms(Path.Combine(Path.GetDirectoryName(path)!, file.Value!), map)
                    : FormsOf(lexicon));
        }

        var boilerplate = new List<string>();
        foreach (YamlNode document in (Child<YamlMappingNode>(root, "documents") ?? new YamlMappingNode()).Children.Values)
        {
            foreach (YamlMappingNode rule in (Child<YamlSequenceNode>((YamlMappingNode)document, "boilerplate") ?? new YamlSequenceNode()).Children.OfType<YamlMappingNode>())
            {
                boilerplate.AddRange(new[] { "line", "rest" }.Select(key => Child<YamlScalarNode>(rule, key)?.Value).OfType<string>());
            }
        }

        return new NewsDeskSchema([.. forms.Distinct(StringComparer.Ordinal)], [.. months], [.. boilerplate]);
    }

    private static T? Child<T>(YamlMappingNode map, string key)
        where T : YamlNode
        => map.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? child) ? child as T : null;

    /// <summary>
    /// The forms of a lexicon kept in a TSV file (<c>{ file: lexicons/people.tsv, key: 1, forms: 1.., header: true }</c>):
    /// the cells of its form columns, lines of comments and the header left out, as CorpusKit reads them.
    /// </summary>
    private static List<string> FileForms(string file, YamlMappingNode lexicon)
    {
        YamlNode? formsNode = lexicon.Children.TryGetValue(new YamlScalarNode("forms"), out YamlNode? node) ? node : null;
        string[] columns = formsNode switch
        {
            YamlSequenceNode list => [.. list.Children.OfType<YamlScalarNode>().Select(c => c.Value!)],
            YamlScalarNode single => [single.Value!],
            _ => [Child<YamlScalarNode>(lexicon, "key") is { Value: "1" } ? "2.." : "1"],
        };
        bool header = Child<YamlScalarNode>(lexicon, "header")?.Value == "true";
        var forms = new List<string>();
        foreach (string line in File.ReadAllLines(file))
        {
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            if (header)
            {
                header = false;
                continue;
            }

            string[] cells = line.Split('\t');
            foreach (string column in columns)
            {
                int first = int.Parse(column.TrimEnd('.'), System.Globalization.CultureInfo.InvariantCulture);
                int last = column.EndsWith("..", StringComparison.Ordinal) ? cells.Length : first;
                for (int c = first; c <= last && c <= cells.Length; c++)
                {
                    if (cells[c - 1].Trim().Length > 0)
                    {
                        forms.Add(cells[c - 1].Trim());
                    }
                }
            }
        }

        return forms;
    }

    private static List<string> FormsOf(YamlNode node)
    {
        var forms = new List<string>();
        switch (node)
        {
            case YamlSequenceNode list:
                forms.AddRange(list.Children.OfType<YamlScalarNode>().Select(s => s.Value).OfType<string>());
                break;
            case YamlMappingNode map:
                foreach ((YamlNode key, YamlNode value) in map.Children)
                {
                    string name = ((YamlScalarNode)key).Value!;
                    if (!int.TryParse(name, out _))
                    {
                        forms.Add(name);
                    }

                    forms.AddRange(FormsOf(value));
                }

                break;
            case YamlScalarNode { Value: { Length: > 0 } form }:
                forms.Add(form);
                break;
        }

        return forms;
    }
}
