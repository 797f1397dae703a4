using System.Runtime.ExceptionServices;

namespace Logistics.Forecasting;

/// <summary>Independent pieces of a forecast run (backtest origins, methods' final forecasts) spread over threads.
/// Each piece writes only its own results, so the outcome is the same with one thread or many.</summary>
internal static class Work
{
    /// <summary>Runs <paramref name="body"/> for 0 ≤ i &lt; <paramref name="count"/>, on up to <paramref name="threads"/>
    /// threads (in order on the caller's thread when one). The first failure is rethrown as itself, not wrapped, so that
    /// cancellation and input errors reach the caller as they would from a loop.</summary>
    public static void For(int count, int threads, Action<int> body, CancellationToken cancellationToken)
    {
        if (threads <= 1 || count <= 1)
        {
            for (var i = 0; i < count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                body(i);
            }
            return;
        }
        try
        {
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken }, body);
        }
        catch (AggregateException e)
        {
            var inner = e.Flatten().InnerExceptions;
            ExceptionDispatchInfo.Capture(inner.FirstOrDefault(x => x is not OperationCanceledException) ?? inner[0]).Throw();
            throw;
        }
    }
}
