using Logistics.Telemetry.Journal;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Logistics.Telemetry.Listener.Partitions;

/// <summary>One partition of the fleet as this instance runs it: its MQTT session, journal, intake, InfluxDB writer and
/// alert processor with their own alert engine (<see cref="ListenerPartitionFactory"/> makes them). Started when this
/// instance comes to own the partition, stopped when it gives it up.</summary>
public sealed class ListenerPartition(
    int index,
    MessageJournal journal,
    ListenerConnection connection,
    AlertPace pace,
    IReadOnlyList<BackgroundService> services,
    ILogger logger) : IAsyncDisposable
{
    private static readonly TimeSpan DrainCheck = TimeSpan.FromMilliseconds(50);

    public int Index => index;
    public MessageJournal Journal => journal;
    public ListenerConnection Connection => connection;
    public AlertPace Pace => pace;

    /// <summary>Starts the intake, the writer and the alert processor, in that order (the host's order before partitions).</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var service in services) await service.StartAsync(cancellationToken);
    }

    /// <summary>Whether InfluxDB and the alert engine have everything this partition's journal holds.</summary>
    public bool IsDrained()
    {
        var last = journal.LastSequence;
        return pace.Evaluated >= last && journal.Checkpoints.TryGetValue(InfluxWriter.ConsumerName, out var stored) && stored >= last;
    }

    /// <summary>Stops the intake first (what the broker sent and was not journaled stays unacknowledged there, for the
    /// next owner of the session), then waits up to <paramref name="drain"/> for the writer and the alert processor
    /// to finish what the journal holds (records left go on when this instance owns the partition again), then stops
    /// them and closes the session and the journal.</summary>
    public async Task StopAsync(TimeSpan drain, CancellationToken cancellationToken)
    {
        var intake = services[0];
        await intake.StopAsync(cancellationToken);
        if (drain > TimeSpan.Zero)
        {
            var until = DateTime.UtcNow + drain;
            while (!IsDrained() && DateTime.UtcNow < until) await Task.Delay(DrainCheck, CancellationToken.None);
            var left = journal.LastSequence - journal.Checkpoints.Values.DefaultIfEmpty(journal.LastSequence).Min();
            if (left > 0)
                logger.LogWarning("Partition {Partition}: {Left} journaled messages not yet stored or evaluated after {Seconds} s; they wait in this instance's journal",
                    index, left, drain.TotalSeconds);
        }
        for (var i = services.Count - 1; i >= 1; i--) await services[i].StopAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var service in services) service.Dispose();
        await connection.DisposeAsync();
        await journal.DisposeAsync();
    }
}
