namespace Logistics.Routing.Tests.Solver;

/// <summary>Calls back on the reporting thread, so a test sees every report by the time the solver returns
/// (<see cref="Progress{T}"/> posts them to the thread pool).</summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
