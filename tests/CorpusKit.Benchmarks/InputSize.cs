using System;
using System.Collections.Concurrent;
using System.Reflection;
using BenchmarkDotNet.Parameters;
using BenchmarkDotNet.Running;

namespace CorpusKit.Benchmarks;

/// <summary>
/// The input size of a benchmark case, found in the host process: the benchmark ran in a process
/// of its own, so an instance of its type is made here, given the case's parameter values and
/// asked (see <see cref="ICorpusBenchmark"/>). Each case is measured once.
/// </summary>
internal static class InputSize
{
    private static readonly ConcurrentDictionary<(Type Type, string Parameters), long> s_bytes = new();

    /// <summary>The UTF-8 bytes one operation of <paramref name="benchmarkCase"/> runs over, or null if its type does not say.</summary>
    public static long? Of(BenchmarkCase benchmarkCase)
    {
        Type type = benchmarkCase.Descriptor.Type;
        if (!typeof(ICorpusBenchmark).IsAssignableFrom(type))
        {
            return null;
        }

        return s_bytes.GetOrAdd((type, benchmarkCase.Parameters.FolderInfo), _ =>
        {
            var benchmark = (ICorpusBenchmark)Activator.CreateInstance(type)!;
            foreach (ParameterInstance parameter in benchmarkCase.Parameters.Items)
            {
                Set(benchmark, parameter.Name, parameter.Value);
            }

            return benchmark.InputBytes();
        });
    }

    /// <summary>Sets a [Params] property or field, as BenchmarkDotNet does before the setup.</summary>
    private static void Set(object benchmark, string name, object value)
    {
        const BindingFlags Members = BindingFlags.Public | BindingFlags.Instance;
        Type type = benchmark.GetType();
        if (type.GetProperty(name, Members) is { } property)
        {
            property.SetValue(benchmark, value);
        }
        else
        {
            type.GetField(name, Members)!.SetValue(benchmark, value);
        }
    }
}
