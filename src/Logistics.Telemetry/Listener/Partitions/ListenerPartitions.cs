using System.Collections.Concurrent;

namespace Logistics.Telemetry.Listener.Partitions;

/// <summary>The partitions this instance runs now (changed by <see cref="PartitionOwner"/>), for the health check, the
/// statistics and whoever publishes to the fleet. Thread-safe.</summary>
public sealed class ListenerPartitions
{
    private readonly ConcurrentDictionary<int, ListenerPartition> _running = new();

    /// <summary>The partitions running here, by index.</summary>
    public IReadOnlyList<ListenerPartition> Running => _running.Values.OrderBy(p => p.Index).ToList();

    internal void Add(ListenerPartition partition) => _running[partition.Index] = partition;

    internal void Remove(int index) => _running.TryRemove(index, out _);

    /// <summary>A connected MQTT session of this instance (the lowest partition's), waiting up to <paramref name="wait"/>
    /// for one.</summary>
    /// <exception cref="TimeoutException">This instance has none connected: it runs no partition (another instance
    /// listens) or the broker is unreachable.</exception>
    public async Task<ListenerConnection> ConnectedAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        var until = DateTime.UtcNow + wait;
        while (true)
        {
            foreach (var partition in Running)
                if (partition.Connection.Connected.IsCompletedSuccessfully) return partition.Connection;
            if (DateTime.UtcNow >= until) throw new TimeoutException($"no MQTT session of this instance was connected within {wait.TotalSeconds:0} s");
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }
}
