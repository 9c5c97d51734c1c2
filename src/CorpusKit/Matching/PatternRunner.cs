using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace CorpusKit.Matching;

/// <summary>Runs a rule's regex over a document, so that a runaway match costs one rule, not the run.</summary>
public static class PatternRunner
{
    /// <summary>The match timeout of every regex the generator emits.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The options of every regex the generator emits, for the given normalization. The generator
    /// checks patterns with the same options at build time.
    /// </summary>
    public static RegexOptions OptionsFor(TextNormalization normalization)
        => (CompiledPatterns ? RegexOptions.Compiled : RegexOptions.None)
            | (normalization == TextNormalization.Arabic
                ? RegexOptions.CultureInvariant | RegexOptions.IgnoreCase
                : RegexOptions.CultureInvariant);

    /// <summary>The runtime switch that turns <see cref="CompiledPatterns"/> on.</summary>
    public const string CompiledPatternsSwitch = "CorpusKit.CompiledPatterns";

    /// <summary>
    /// Whether patterns are compiled to IL (<see cref="RegexOptions.Compiled"/>): each then takes
    /// tens of milliseconds to build on first use and runs several times faster, which pays off
    /// on large corpora and not on a few documents. Off unless the runtime switch
    /// <c>CorpusKit.CompiledPatterns</c> is on (in a project:
    /// <c>&lt;RuntimeHostConfigurationOption Include="CorpusKit.CompiledPatterns" Value="true" /&gt;</c>,
    /// or <see cref="AppContext.SetSwitch(string, bool)"/> before the first extraction). NativeAOT ignores it.
    /// </summary>
    public static bool CompiledPatterns => AppContext.TryGetSwitch(CompiledPatternsSwitch, out bool on) && on;

    /// <summary>
    /// Returns every match of <paramref name="regex"/> in <paramref name="text"/>. A match that
    /// times out is reported on <paramref name="context"/>; the matches found before it are kept.
    /// </summary>
    public static List<Match> Matches(Regex regex, string text, ExtractionContext context, string entity, string rule)
    {
        ArgumentNullException.ThrowIfNull(regex);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(context);
        var matches = new List<Match>();
        try
        {
            for (Match match = regex.Match(text); match.Success; match = match.NextMatch())
            {
                matches.Add(match);
            }
        }
        catch (RegexMatchTimeoutException exception)
        {
            ReportTimeout(context, entity, rule, exception, "The regex", "matches after that point were not looked for");
        }

        return matches;
    }

    /// <summary>
    /// Returns every match of <paramref name="anchored"/>, a pattern that begins with <c>\G</c>, tried
    /// only where <paramref name="prefilter"/> says a match can begin: the same matches as the
    /// unanchored pattern scanning the whole text. A match that times out is reported on
    /// <paramref name="context"/>; the matches found before it are kept.
    /// </summary>
    public static List<Match> Matches(Regex anchored, PatternPrefilter prefilter, NormalizedText text, ExtractionContext context, string entity, string rule)
    {
        ArgumentNullException.ThrowIfNull(anchored);
        ArgumentNullException.ThrowIfNull(prefilter);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(context);
        var matches = new List<Match>();
        string input = text.Text;
        bool otherDigits = text.HasOtherDigits;
        try
        {
            int from = 0;
            while ((from = prefilter.Next(input, from, otherDigits)) >= 0)
            {
                Match match = anchored.Match(input, from);
                if (match.Success)
                {
                    matches.Add(match);
                    from = match.Index + Math.Max(match.Length, 1);
                }
                else
                {
                    from++;
                }
            }
        }
        catch (RegexMatchTimeoutException exception)
        {
            ReportTimeout(context, entity, rule, exception, "The regex", "matches after that point were not looked for");
        }

        return matches;
    }

    /// <summary>Reports a pattern that ran out of time: which one, after how long, and what was given up.</summary>
    internal static void ReportTimeout(ExtractionContext context, string entity, string rule, RegexMatchTimeoutException exception, string what, string consequence)
        => context.Report(new ExtractionProblem(
            entity,
            rule,
            $"{what} timed out after {exception.MatchTimeout.TotalSeconds:0.###} s; {consequence}."));
}
