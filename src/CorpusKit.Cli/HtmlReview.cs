using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using CorpusKit.Evaluation;

namespace CorpusKit.Cli;

/// <summary>
/// One self-contained HTML page for a review (<c>diff --html</c>, <c>snapshots review --html</c>):
/// per section, the summary, counts per type and rule, each change in its sentence with the span
/// marked, read right to left where the text is Arabic, filters by type, rule and kind, and the
/// commands that decide a snapshot. Nothing is loaded from elsewhere: the styles and the filter
/// script are in the page.
/// </summary>
internal static class HtmlReview
{
    /// <summary>A part of the page: one comparison, with what to run to decide it (a snapshot's accept and reject).</summary>
    public sealed record Section(string Title, MentionDiff Diff, IReadOnlyDictionary<string, string>? Texts, IReadOnlyList<string> Commands, string? RawDiff);

    /// <summary>Writes the page to <paramref name="path"/> whole: under a temporary name, then renamed.</summary>
    public static void Write(string path, string title, IReadOnlyList<Section> sections)
    {
        string html = Render(title, sections);
        string full = Path.GetFullPath(path);
        string temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        File.WriteAllText(temporary, html, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        File.Move(temporary, full, overwrite: true);
    }

    public static string Render(string title, IReadOnlyList<Section> sections)
    {
        var types = sections.SelectMany(s => s.Diff.Changes).Select(c => c.Mention.Type).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var rules = sections.SelectMany(s => s.Diff.Changes).Select(c => c.Rule).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var html = new StringBuilder();
        html.Append($$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>{{E(title)}}</title>
            <style>
            body { font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "DejaVu Sans", sans-serif; margin: 1.5em; color: #222; }
            table { border-collapse: collapse; margin: 0.5em 0; }
            th, td { border: 1px solid #ccc; padding: 0.2em 0.6em; text-align: left; }
            td.n { text-align: right; }
            .filters label { margin-right: 1em; white-space: nowrap; }
            .change { border-top: 1px solid #eee; padding: 0.4em 0; }
            .change .where { font-family: monospace; font-size: 0.9em; color: #555; }
            .sentence { font-size: 1.25em; line-height: 1.8; margin: 0.2em 0; }
            mark { padding: 0 0.15em; border-radius: 0.2em; }
            mark.added { background: #b9f6ca; }
            mark.removed { background: #ffcdd2; text-decoration: line-through; }
            mark.changed { background: #fff59d; }
            mark.moved { background: #bbdefb; }
            .kind { display: inline-block; min-width: 5em; font-weight: bold; }
            .kind.added { color: #1b5e20; } .kind.removed { color: #b71c1c; } .kind.changed { color: #8d6e00; } .kind.moved { color: #0d47a1; }
            pre { background: #f7f7f7; padding: 0.5em; overflow-x: auto; }
            code.command { display: block; background: #f0f0f0; padding: 0.3em; margin: 0.2em 0; }
            </style>
            </head>
            <body>
            <h1>{{E(title)}}</h1>

            """);
        html.Append("<div class=\"filters\" id=\"filters\">\n<p><b>Kinds:</b> ");
        foreach (string kind in new[] { "added", "removed", "changed", "moved" })
        {
            html.Append(CultureInfo.InvariantCulture, $"<label><input type=\"checkbox\" data-filter=\"kind\" value=\"{kind}\" checked> {kind}</label>");
        }

        html.Append("</p>\n<p><b>Types:</b> ");
        foreach (string type in types)
        {
            html.Append(CultureInfo.InvariantCulture, $"<label><input type=\"checkbox\" data-filter=\"type\" value=\"{E(type)}\" checked> {E(type)}</label>");
        }

        html.Append("</p>\n<p><b>Rules:</b> ");
        foreach (string rule in rules)
        {
            html.Append(CultureInfo.InvariantCulture, $"<label><input type=\"checkbox\" data-filter=\"rule\" value=\"{E(rule)}\" checked> {E(rule)}</label>");
        }

        html.Append("</p>\n<p id=\"shown\"></p>\n</div>\n");
        foreach (Section section in sections)
        {
            AppendSection(html, section);
        }

        html.Append("""
            <script>
            // The filters: a change shows when its kind, type and rule are all ticked.
            function apply() {
              const ticked = f => new Set([...document.querySelectorAll(`input[data-filter="${f}"]:checked`)].map(i => i.value));
              const kinds = ticked("kind"), types = ticked("type"), rules = ticked("rule");
              let shown = 0, all = 0;
              for (const change of document.querySelectorAll(".change")) {
                const on = kinds.has(change.dataset.kind) && types.has(change.dataset.type) && rules.has(change.dataset.rule);
                change.style.display = on ? "" : "none";
                shown += on ? 1 : 0; all++;
              }
              document.getElementById("shown").textContent = `${shown} of ${all} changes shown`;
            }
            for (const box of document.querySelectorAll("input[data-filter]")) box.addEventListener("change", apply);
            apply();
            </script>
            </body>
            </html>

            """);
        return html.ToString();
    }

    private static void AppendSection(StringBuilder html, Section section)
    {
        MentionDiff diff = section.Diff;
        html.Append(CultureInfo.InvariantCulture, $"<section>\n<h2>{E(section.Title)}</h2>\n<p class=\"summary\"><b>{E(diff.Summary())}</b> ({diff.Unchanged} mention(s) the same in both)</p>\n");
        foreach (string command in section.Commands)
        {
            html.Append(CultureInfo.InvariantCulture, $"<code class=\"command\">{E(command)}</code>\n");
        }

        html.Append("<table><tr><th>type</th><th>rule</th><th>added</th><th>removed</th><th>changed</th><th>moved</th></tr>\n");
        foreach ((string type, string rule, int added, int removed, int changed, int moved) in diff.Counts())
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(type)}</td><td>{E(rule)}</td><td class=\"n\">{added}</td><td class=\"n\">{removed}</td><td class=\"n\">{changed}</td><td class=\"n\">{moved}</td></tr>\n");
        }

        html.Append("</table>\n");
        foreach (MentionChange change in diff.Changes)
        {
            Mention where = change.Mention;
            string kind = change.Kind.ToString().ToLowerInvariant();
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"change\" data-kind=\"{kind}\" data-type=\"{E(where.Type)}\" data-rule=\"{E(change.Rule)}\">\n");
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"where\"><span class=\"kind {kind}\">{kind}</span> {E(where.Doc)} · {E(where.Type)} · {E(change.Rule)} · [{where.Start}..{where.End})</div>\n");
            html.Append("<p class=\"sentence\" dir=\"auto\">");
            if (section.Texts is not null && section.Texts.TryGetValue(where.Doc, out string? text) && where.End <= text.Length)
            {
                TextSpan sentence = MentionDiff.SentenceAround(text, where.Start, where.End);
                html.Append(E(Flat(text[sentence.Start..where.Start])))
                    .Append(CultureInfo.InvariantCulture, $"<mark class=\"{kind}\">{E(Flat(text[where.Start..where.End]))}</mark>")
                    .Append(E(Flat(text[where.End..sentence.End])));
            }
            else
            {
                html.Append(CultureInfo.InvariantCulture, $"<mark class=\"{kind}\">{E(where.Text)}</mark>");
            }

            html.Append("</p>\n");
            html.Append("<div class=\"what\">").Append(What(change)).Append("</div>\n</div>\n");
        }

        if (section.RawDiff is { Length: > 0 } raw)
        {
            html.Append(CultureInfo.InvariantCulture, $"<details><summary>The raw diff</summary><pre dir=\"auto\">{E(raw)}</pre></details>\n");
        }

        html.Append("</section>\n");
    }

    /// <summary>What changed, each text and value isolated (<c>bdi</c>) so Arabic reads right to left inside the line.</summary>
    private static string What(MentionChange change)
    {
        static string Isolated(string? text) => text is null ? "<i>none</i>" : $"<bdi>{E(text)}</bdi>";
        static string Value(Mention mention, string key) => mention.Attributes.TryGetValue(key, out string? value) ? Isolated(value) : Isolated(null);
        static string Fields(Mention mention) => string.Join(", ", mention.Attributes.Select(p => $"{E(p.Key)}: {Isolated(p.Value)}"));
        return change.Kind switch
        {
            MentionChangeKind.Changed => string.Join(", ", change.Old!.Attributes.Keys.Union(change.New!.Attributes.Keys)
                .Where(key => !string.Equals(change.Old.Attributes.GetValueOrDefault(key), change.New.Attributes.GetValueOrDefault(key), StringComparison.Ordinal))
                .Select(key => $"{E(key)}: {Value(change.Old, key)} → {Value(change.New, key)}")),
            MentionChangeKind.Moved => $"was [{change.Old!.Start}..{change.Old.End}) {Isolated(change.Old.Text)}",
            _ => Fields(change.Mention),
        };
    }

    private static string Flat(string text) => text.Replace('\r', ' ').Replace('\n', ' ');

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
