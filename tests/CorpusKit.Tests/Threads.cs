using System;
using System.Threading;

namespace CorpusKit.Tests;

/// <summary>For tests of what a thread keeps (its pools, its free lists): a thread that starts with none.</summary>
internal static class Threads
{
    /// <summary>Runs <paramref name="action"/> on a new thread and waits for it; what it throws is thrown here.</summary>
    public static void OnThreadOfItsOwn(Action action)
    {
        Exception? failed = null;
        var thread = new Thread(() =>
        {
            try
            {
                action();
            }
            catch (Exception exception)
            {
                failed = exception;
            }
        });
        thread.Start();
        thread.Join();
        if (failed is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failed).Throw();
        }
    }
}
