using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using CorpusKit.Recognizers;

namespace CorpusKit.Tests.Recognizers;

/// <summary>What one peer case gives: whether it passed, what the peer expects and what CorpusKit found.</summary>
internal readonly record struct PeerOutcome(bool Passed, string Expected, string Found);

/// <summary>One case of a peer suite, run on demand.</summary>
internal sealed record PeerCase(string Id, string Suite, string Input, Func<PeerOutcome> Run);

/// <summary>
/// The Arabic test suites of Recognizers-Text and Duckling (copied under <c>Peers/</c>, see its
/// README), as cases for CorpusKit's <see cref="DateRecognizer"/> and <see cref="NumberRecognizer"/>.
/// </summary>
/// <remarks>
/// How a case passes:
/// <list type="bullet">
/// <item>Recognizers-Text extractors (cases its .NET port runs): the spans found equal the spans
/// expected, no more and no fewer.</item>
/// <item>Recognizers-Text number models: the same spans, and each value equal.</item>
/// <item>Duckling: one mention covers the whole input and has the expected value (for time, the
/// resolved start and grain, or the interval), against Duckling's reference time. Where our span
/// leaves out a leading word that Duckling covers (في, يوم, عند, قرابة, حوالي, بحدود), as our
/// spans leave out prepositions, the rest of the input must be covered.</item>
/// </list>
/// </remarks>
internal static class PeerSuites
{
    public const string DateExtractor = "Recognizers-Text DateTime/DateExtractor";
    public const string DucklingTime = "Duckling Time";

    /// <summary>The suites run, in report order, with their targets (0: measured, no target).</summary>
    public static readonly (string Suite, double Target)[] Suites =
    [
        (DateExtractor, 0.90),
        (DucklingTime, 0.80),
        ("Duckling Numeral", 0),
        ("Duckling Numeral (ar_EG)", 0),
        ("Duckling Ordinal", 0),
        ("Recognizers-Text Number/NumberModel", 0),
        ("Recognizers-Text Number/OrdinalModel", 0),
    ];

    /// <summary>Cases where CorpusKit differs on purpose, with why; they are not counted as passed.</summary>
    public static readonly IReadOnlyDictionary<string, string> ByDesign = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["rt/DateExtractor#38"] = "The demonstrative stays in the span (هذا اليوم), as Duckling's case duckling/Time#1.1 (في هذا اليوم) wants; the two suites disagree.",
        ["rt/DateExtractor#66"] = "A preposition written as its own word stays out of a span (إلى 27 gives 27), as in NewsDesk's guidelines; only a fused لل is kept.",
        ["rt/DateExtractor#68"] = "A preposition written as its own word stays out of a span (إلى 27 gives 27).",
        ["rt/DateExtractor#71"] = "A preposition written as its own word stays out of a span (إلى الحادي والعشرين gives الحادي والعشرين).",
        ["duckling/Time#2.0"] = "A month and a year in digits (2/2013) is read as the month (grain month); Duckling gives its first day.",
        ["duckling/Time#18.1"] = "من and a unit (من اسبوع) is read as \"of a week\", which news writes far more often than the spoken \"a week ago\".",
    };

    private static readonly Lazy<IReadOnlyList<PeerCase>> s_all = new(Load);

    public static IReadOnlyList<PeerCase> All => s_all.Value;

    public static PeerCase Find(string id) => All.Single(c => c.Id == id);

    private static string PeerFile(string relative) => Path.Combine(AppContext.BaseDirectory, "Peers", relative);

    private static IReadOnlyList<PeerCase> Load()
    {
        var cases = new List<PeerCase>();
        cases.AddRange(RecognizersTextExtractor("DateTime/DateExtractor", DateExtractor));
        cases.AddRange(DucklingTimeCases());
        cases.AddRange(DucklingNumbers("Numeral", "Duckling Numeral", ordinal: false));
        cases.AddRange(DucklingNumbers("Numeral_EG", "Duckling Numeral (ar_EG)", ordinal: false));
        cases.AddRange(DucklingNumbers("Ordinal", "Duckling Ordinal", ordinal: true));
        cases.AddRange(RecognizersTextNumbers("NumberModel"));
        cases.AddRange(RecognizersTextNumbers("OrdinalModel"));
        return cases;
    }

    private static IEnumerable<JsonElement> Lines(string relative)
    {
        foreach (string line in File.ReadLines(PeerFile(relative)))
        {
            yield return JsonDocument.Parse(line).RootElement.Clone();
        }
    }

    private static IEnumerable<PeerCase> RecognizersTextExtractor(string file, string suite)
    {
        foreach (JsonElement c in Lines($"recognizers-text/{file}.jsonl"))
        {
            if (!c.GetProperty("dotnetActiveUpstream").GetBoolean())
            {
                continue;
            }

            string input = c.GetProperty("input").GetString()!;
            DateTimeOffset reference = c.GetProperty("reference").ValueKind == JsonValueKind.String
                ? DateTimeOffset.Parse(c.GetProperty("reference").GetString()!, CultureInfo.InvariantCulture)
                : new DateTimeOffset(2016, 11, 7, 0, 0, 0, TimeSpan.Zero);
            string[] expected = c.GetProperty("expected").EnumerateArray()
                .Select(e => $"{e.GetProperty("text").GetString()}@{e.GetProperty("start").GetInt32()}").Order(StringComparer.Ordinal).ToArray();
            yield return new PeerCase($"rt/{file.Split('/')[1]}#{c.GetProperty("index").GetInt32()}", suite, input, () =>
            {
                string[] found = DateRecognizer.Find(input, reference).Select(m => $"{m.Text}@{m.Span.Start}").Order(StringComparer.Ordinal).ToArray();
                return new PeerOutcome(expected.SequenceEqual(found), List(expected), List(found));
            });
        }
    }

    private static readonly string[] s_leading = ["في", "يوم", "عند", "قرابة", "حوالي", "بحدود"];

    /// <summary>Where the input's rest starts after the leading words our spans leave out.</summary>
    private static int Leading(string input)
    {
        int at = 0;
        foreach (string word in s_leading)
        {
            if (input.AsSpan(at).StartsWith(word + " ", StringComparison.Ordinal))
            {
                at += word.Length + 1;
            }
        }

        return at;
    }

    private static IEnumerable<PeerCase> DucklingTimeCases()
    {
        foreach (JsonElement c in Lines("duckling/Time.jsonl"))
        {
            DateTimeOffset reference = DateTimeOffset.Parse(c.GetProperty("reference").GetString()!, CultureInfo.InvariantCulture);
            bool negative = c.GetProperty("negative").GetBoolean();
            string expected = negative ? "nothing" : DucklingTimeValue(c.GetProperty("expected"));
            int n = 0;
            foreach (JsonElement input in c.GetProperty("inputs").EnumerateArray())
            {
                string text = input.GetString()!;
                yield return new PeerCase($"duckling/Time#{c.GetProperty("index").GetInt32()}.{n++}", DucklingTime, text, () =>
                {
                    IReadOnlyList<DateMention> found = DateRecognizer.Find(text, reference);
                    if (negative)
                    {
                        return new PeerOutcome(found.Count == 0, expected, found.Count == 0 ? "nothing" : List(found.Select(m => m.Text)));
                    }

                    int rest = Leading(text);
                    DateMention? cover = found.FirstOrDefault(m => m.Span.Start <= rest && m.Span.End >= text.TrimEnd().Length);
                    string value = cover?.Value is { } v ? Format(v) : "nothing";
                    string seen = cover is not null ? value : found.Count == 0 ? "nothing" : "part only: " + List(found.Select(m => $"{m.Text} = {(m.Value is { } mv ? Format(mv) : "?")}"));
                    return new PeerOutcome(cover is not null && value == expected, expected, seen);
                });
            }
        }
    }

    private static string DucklingTimeValue(JsonElement expected)
        => expected.GetProperty("kind").GetString() == "interval"
            ? $"{expected.GetProperty("from").GetString()}/{expected.GetProperty("to").GetString()}"
            : $"{expected.GetProperty("start").GetString()} ({expected.GetProperty("grain").GetString()})";

    private static string Format(TimeValue value)
        => value.End is { } end
            ? $"{value.Start.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)}/{end.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)}"
            : value.ToString();

    private static IEnumerable<PeerCase> DucklingNumbers(string file, string suite, bool ordinal)
    {
        foreach (JsonElement c in Lines($"duckling/{file}.jsonl"))
        {
            decimal expected = c.GetProperty("expected").GetProperty("value").GetDecimal();
            int n = 0;
            foreach (JsonElement input in c.GetProperty("inputs").EnumerateArray())
            {
                string text = input.GetString()!;
                yield return new PeerCase($"duckling/{file}#{c.GetProperty("index").GetInt32()}.{n++}", suite, text, () =>
                {
                    IReadOnlyList<NumberMention> found = NumberRecognizer.Find(text);
                    NumberMention? cover = found.FirstOrDefault(m => m.Span.Start == 0 && m.Span.End == text.Length);
                    bool passed = cover is not null && cover.Value == expected && cover.IsOrdinal == ordinal;
                    return new PeerOutcome(passed, Number(expected, ordinal), found.Count == 0 ? "nothing" : List(found.Select(m => $"{m.Text} = {Number(m.Value, m.IsOrdinal)}")));
                });
            }
        }
    }

    private static IEnumerable<PeerCase> RecognizersTextNumbers(string file)
    {
        foreach (JsonElement c in Lines($"recognizers-text/Number/{file}.jsonl"))
        {
            if (!c.GetProperty("dotnetActiveUpstream").GetBoolean())
            {
                continue;
            }

            string input = c.GetProperty("input").GetString()!;
            var expected = c.GetProperty("expected").EnumerateArray().Select(e => (
                Start: e.GetProperty("start").ValueKind == JsonValueKind.Number ? e.GetProperty("start").GetInt32() : -1,
                Text: e.GetProperty("text").GetString()!,
                Value: e.GetProperty("value").ValueKind == JsonValueKind.Object && e.GetProperty("value").TryGetProperty("value", out JsonElement v) ? v.GetString() : null)).ToArray();
            yield return new PeerCase($"rt/{file}#{c.GetProperty("index").GetInt32()}", $"Recognizers-Text Number/{file}", input, () =>
            {
                NumberMention[] found = NumberRecognizer.Find(input).ToArray();
                bool passed = expected.Length == found.Length && expected.Zip(found).All(pair =>
                    (pair.First.Start < 0 || pair.First.Start == pair.Second.Span.Start) && pair.First.Text == pair.Second.Text
                    && (pair.First.Value is null || (decimal.TryParse(pair.First.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal value)
                        && Math.Abs(value - pair.Second.Value) <= 1e-9m * Math.Max(1, Math.Abs(value)))));
                return new PeerOutcome(
                    passed,
                    List(expected.Select(e => $"{e.Text} = {e.Value ?? "?"}")),
                    List(found.Select(m => $"{m.Text} = {Number(m.Value, m.IsOrdinal)}")));
            });
        }
    }

    private static string Number(decimal value, bool ordinal)
        => value.ToString(CultureInfo.InvariantCulture) + (ordinal ? " (ordinal)" : "");

    private static string List(IEnumerable<string> items)
    {
        string joined = string.Join(" ; ", items);
        return joined.Length == 0 ? "nothing" : joined;
    }
}
