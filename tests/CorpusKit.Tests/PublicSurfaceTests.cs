using System;
using System.ComponentModel;
using System.Linq;
using System.Reflection;

namespace CorpusKit.Tests;

/// <summary>
/// The runtime's surface as a user sees it: what generated code calls is in one namespace and
/// hidden from IntelliSense; everything else is shown, and there is little of it. (The members
/// themselves are declared in <c>PublicAPI.*.txt</c>, which the build checks.)
/// </summary>
public sealed class PublicSurfaceTests
{
    private const string Plumbing = "CorpusKit.CompilerServices";

    private static readonly Type[] s_exported = typeof(ExtractionContext).Assembly.GetExportedTypes();

    [Fact]
    public void Every_type_for_generated_code_is_hidden_and_no_other_is()
    {
        Type[] plumbing = [.. s_exported.Where(t => t.Namespace == Plumbing && !t.IsNested)];
        Assert.Contains(typeof(CompilerServices.TermTrie), plumbing);
        Assert.Contains(typeof(CompilerServices.OverlapResolver), plumbing);
        Assert.All(plumbing, type => Assert.True(IsHidden(type), $"{type} is for generated code but shows in IntelliSense"));
        Assert.All(s_exported.Where(t => t.Namespace != Plumbing), type => Assert.False(IsHidden(type), $"{type} is hidden outside {Plumbing}"));
    }

    [Fact]
    public void Users_see_at_most_the_types_the_readme_counts()
    {
        string[] shown = [.. s_exported.Where(t => !IsHidden(t) && !t.IsNested).Select(t => t.FullName!).Order(StringComparer.Ordinal)];

        Assert.True(shown.Length <= 43, $"{shown.Length} browsable types: {string.Join(", ", shown)}");
        Assert.Contains("CorpusKit.ExtractionContext", shown);
        Assert.DoesNotContain(shown, name => name.StartsWith(Plumbing, StringComparison.Ordinal));
    }

    [Fact]
    public void The_context_hides_what_only_generated_code_calls()
    {
        string[] hidden = [.. typeof(ExtractionContext).GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(IsHidden).Select(m => m.Name).Distinct().Order(StringComparer.Ordinal)];

        Assert.Equal(["Candidates", "EndExtraction", "FindTerms", "Nearest", "NextRule", "Report", "SetResults", "StartRule"], hidden);
    }

    private static bool IsHidden(MemberInfo member)
        => member.GetCustomAttribute<EditorBrowsableAttribute>()?.State == EditorBrowsableState.Never;
}
