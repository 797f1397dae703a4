using System.Diagnostics;

namespace Logistics.Telemetry;

/// <summary>A running total of time spent in one state (e.g. the intake waiting for the alert processor, the journal
/// flushing to disk), for the stats endpoint's per-stage breakdown. Thread-safe.</summary>
public sealed class ElapsedTotal
{
    private long _ticks;

    public TimeSpan Total => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _ticks));

    /// <summary>Adds the time since <paramref name="startTimestamp"/> (a <see cref="Stopwatch.GetTimestamp"/>).</summary>
    public void AddSince(long startTimestamp) => Interlocked.Add(ref _ticks, Stopwatch.GetTimestamp() - startTimestamp);
}
