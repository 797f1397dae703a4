namespace Logistics.Telemetry.Listener;

/// <summary>The most recent latencies of one kind (a ring of <see cref="Capacity"/> samples, in milliseconds),
/// for percentiles in the stats endpoint. Thread-safe.</summary>
public sealed class LatencySamples
{
    public const int Capacity = 4096;
    private readonly double[] _ring = new double[Capacity];
    private readonly Lock _lock = new();
    private long _count;

    /// <summary>Samples recorded since start (the percentiles cover the last <see cref="Capacity"/>).</summary>
    public long Count { get { lock (_lock) return _count; } }

    public void Add(TimeSpan latency)
    {
        lock (_lock) _ring[_count++ % Capacity] = latency.TotalMilliseconds;
    }

    /// <summary>Adds one in <paramref name="every"/> calls (the first of each run of them), so that the ring spans
    /// <paramref name="every"/> × <see cref="Capacity"/> events: a per-message stage at 10,000 messages/s would
    /// otherwise hold only the last 0.4 s. <paramref name="calls"/> is the caller's own counter.</summary>
    public void AddSampled(TimeSpan latency, ref long calls, int every)
    {
        if (calls++ % every == 0) Add(latency);
    }

    /// <summary>Nearest-rank percentile (0 &lt; p ≤ 100) of the recent samples; null when there are none.</summary>
    public double? Percentile(double p)
    {
        double[] sorted;
        lock (_lock)
        {
            if (_count == 0) return null;
            sorted = _ring[..(int)Math.Min(_count, Capacity)];
        }
        Array.Sort(sorted);
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }
}
