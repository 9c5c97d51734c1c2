using System.Collections.Generic;
using System.ComponentModel;
using CorpusKit.Recognizers;

namespace CorpusKit.CompilerServices;

/// <summary>
/// The built-in recognizers as generated extractors run them (<c>builtin: date</c>,
/// <c>builtin: number</c>): over the document's text under Arabic normalization, where excluded
/// lines read as spaces, so nothing is found in boilerplate.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Builtins
{
    /// <summary>The time expressions of the document, unresolved (a schema's dates are the calendar dates the text writes).</summary>
    public static IReadOnlyList<DateMention> Dates(ExtractionContext context)
        => DateRecognizer.Find(context.GetText(TextNormalization.Arabic), reference: null);

    /// <summary>The numbers of the document.</summary>
    public static IReadOnlyList<NumberMention> Numbers(ExtractionContext context)
        => NumberRecognizer.Find(context.GetText(TextNormalization.Arabic));

    /// <summary>The text of a date mention's calendar date (<c>12 يناير 2016</c> of <c>الاثنين 12 يناير 2016</c>), or of the whole mention.</summary>
    public static string DateText(ExtractionContext context, DateMention mention)
        => mention.DateSpan is { } span ? Captures.Text(context, span) : mention.Text;

    /// <summary>A number as an <see cref="int"/> field takes it: whole and in range, else null (the mention is skipped).</summary>
    public static int? Int(decimal value)
        => value == decimal.Truncate(value) && value >= int.MinValue && value <= int.MaxValue ? (int)value : null;
}
