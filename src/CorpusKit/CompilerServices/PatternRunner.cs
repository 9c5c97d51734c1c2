using System.ComponentModel;
using System.Text.RegularExpressions;

namespace CorpusKit.CompilerServices;

/// <summary>What patterns that run on <see cref="Regex"/> share with the build, and how a runaway match is reported.</summary>
/// <remarks>For generated code: CorpusKit's generator emits the calls to this type; it is not meant to be called by hand and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class PatternRunner
{
    /// <summary>
    /// The options of every pattern, for the given normalization; the generator checks patterns
    /// with the same options at build time.
    /// </summary>
    public static RegexOptions OptionsFor(TextNormalization normalization)
        => normalization == TextNormalization.Arabic
            ? RegexOptions.CultureInvariant | RegexOptions.IgnoreCase
            : RegexOptions.CultureInvariant;

    /// <summary>Reports a pattern that ran out of time: which one, after how long, and what was given up.</summary>
    internal static void ReportTimeout(ExtractionContext context, string entity, string rule, RegexMatchTimeoutException exception, string what, string consequence)
        => context.Report(new ExtractionProblem(
            entity,
            rule,
            $"{what} timed out after {exception.MatchTimeout.TotalSeconds:0.###} s; {consequence}."));
}
