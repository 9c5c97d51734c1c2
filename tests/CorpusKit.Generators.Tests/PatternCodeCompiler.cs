using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Basic.Reference.Assemblies;
using CorpusKit.CompilerServices;
using CorpusKit.Generators.Patterns;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CorpusKit.Generators.Tests;

/// <summary>
/// Compiles the C# the generator writes for patterns' programs (<see cref="PatternCodeWriter"/>),
/// many in one assembly, as a consuming project's build would: no error and no warning allowed.
/// </summary>
internal static class PatternCodeCompiler
{
    /// <summary>The C# of each program, compiled and loaded: one <see cref="PatternCode"/> per program, in order.</summary>
    public static PatternCode[] Compile(IReadOnlyList<PatternProgramSpec> programs)
    {
        var w = new SourceWriter();
        w.Line("""
            #nullable enable
            namespace Compiled;

            public static class Patterns
            {
            """);
        w.Indent();
        w.Line("public static global::CorpusKit.CompilerServices.PatternCode[] All =>");
        w.Line("[");
        w.Indent();
        for (int i = 0; i < programs.Count; i++)
        {
            w.Line(PatternCodeWriter.MethodName("P" + i) + ",");
        }

        w.Unindent();
        w.Line("];");
        for (int i = 0; i < programs.Count; i++)
        {
            w.Line();
            PatternCodeWriter.Write(w, "P" + i, "pattern " + i, programs[i]);
        }

        w.CloseBrace();
        CSharpCompilation compilation = CSharpCompilation.Create(
            "PatternCode" + Guid.NewGuid().ToString("N"),
            [CSharpSyntaxTree.ParseText(w.ToString(), new CSharpParseOptions(LanguageVersion.Latest))],
            [.. Net100.References.All, MetadataReference.CreateFromFile(typeof(Pattern).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult emitted = compilation.Emit(image);
        Diagnostic[] problems = [.. emitted.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning)];
        string[] lines = w.ToString().Split('\n');
        Assert.True(problems.Length == 0, string.Join("\n", problems.Take(10).Select(p => p + "\n    " + string.Join("\n    ", lines.Skip(Math.Max(0, p.Location.GetLineSpan().StartLinePosition.Line - 6)).Take(8)))));
        Assembly assembly = Assembly.Load(image.ToArray());
        return (PatternCode[])assembly.GetType("Compiled.Patterns")!.GetProperty("All")!.GetValue(null)!;
    }

    /// <summary>The C# of one program, compiled.</summary>
    public static PatternCode Compile(PatternProgramSpec program) => Compile([program])[0];
}
