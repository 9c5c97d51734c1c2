using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace CorpusKit.Benchmarks;

/// <summary>
/// The regex rules of both baselines: the intent of the schema's Date and Quote rules as a .NET
/// developer writes them by hand, on the raw text, with the schema's month names.
/// </summary>
internal static class BaselineRules
{
    /// <summary>The rules, in the order the expert's alternation tries them at one position (longer dates first).</summary>
    /// <param name="schema">The schema whose month names the date rules use.</param>
    public static IReadOnlyList<BaselineRule> For(NewsDeskSchema schema)
    {
        string month = "(?:" + string.Join("|", schema.Months.OrderByDescending(m => m.Length).Select(Regex.Escape)) + ")";
        return
        [
            new("dayMonthYear", $@"(\d{{1,2}})(?:st|nd|rd|th)?,?\s+({month})(?:\s*/\s*{month})?,?\s+(\d{{4}})"),
            new("monthYear", $@"({month})\s+(\d{{4}})"),
            new("dayMonth", $@"(\d{{1,2}})\s+({month})"),
            new("year", @"عام\s+(\d{4})"),
            new("yearRange", @"(\d{4})\s*[-–]\s*(\d{4})"),
            new("quoteAfterColon", @":\s*[""“«]([^""”»\n]{8,})[""”»]"),
            new("quoteAfterCue", @"(?:أن|إن|إنه|قوله)\s+(?:\S+\s+){0,3}[""“«]([^""”»\n]{8,})[""”»]"),
        ];
    }
}
