using System.Threading.Channels;
using Logistics.Telemetry.Alerts;
using Microsoft.Extensions.Logging;

namespace Logistics.Telemetry.Listener.Delivery;

/// <summary>The outbox between the alert engine and the sinks: evaluation never waits for I/O; one loop takes up to
/// <see cref="Batch"/> queued items at a time and hands them to each sink in order (the cab first: that is the latency
/// a driver sees; then the store, the webhook, InfluxDB). It tracks the last journal record whose events are all
/// delivered, so the consumer's checkpoint never passes an event still in the outbox. A crash before the store
/// write is safe: the checkpoint has not passed those records, so they are evaluated and delivered again (the cab
/// then sees the same alert id twice). Enqueue is thread-safe; <see cref="RunAsync"/> runs once.</summary>
public sealed class AlertDelivery(IReadOnlyList<IAlertSink> sinks, TelemetryCounters counters, ILogger<AlertDelivery> logger)
{
    public const int Batch = 256;

    private readonly Channel<Outgoing> _outbox = Channel.CreateUnbounded<Outgoing>(new UnboundedChannelOptions { SingleReader = true });
    private long _queued, _delivered = -1;

    /// <summary>Queues the events of journal record <paramref name="sequence"/> (-1: of a tick or the replay).</summary>
    public void Enqueue(IReadOnlyList<AlertEvent> events, long sequence, DateTimeOffset? receivedAt = null)
    {
        if (events.Count == 0) return;
        Interlocked.Increment(ref _queued);
        _outbox.Writer.TryWrite(new Outgoing(events, sequence, receivedAt));
    }

    /// <summary>How far a consumer that has read up to <paramref name="lastRead"/> may commit: all of it when nothing
    /// waits, else up to the last record whose events were delivered.</summary>
    public long SafeCheckpoint(long lastRead) => Interlocked.Read(ref _queued) == 0 ? lastRead : Interlocked.Read(ref _delivered);

    /// <summary>No more events; <see cref="RunAsync"/> ends once the queued ones are delivered.</summary>
    public void Complete() => _outbox.Writer.TryComplete();

    /// <summary>Delivers until <see cref="Complete"/> and the outbox is empty, or until cancelled (events not delivered
    /// belong to records after the checkpoint: evaluated again next start).</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var reader = _outbox.Reader;
        var batch = new List<Outgoing>(Batch);
        try
        {
            while (await reader.WaitToReadAsync(CancellationToken.None))
            {
                batch.Clear();
                while (batch.Count < Batch && reader.TryRead(out var item)) batch.Add(item);
                var alerts = batch.SelectMany(item => item.Events.Select(e => new PendingAlert(e, item.ReceivedAt))).ToList();
                foreach (var a in alerts)
                {
                    counters.OnAlertEvent();
                    logger.LogWarning("Alert {Type}: {Kind} {Severity} on {Truck} {Sensor}: {Detail}",
                        a.Event.Type, a.Event.Kind, a.Event.Severity, a.Event.Truck, a.Event.Sensor, a.Event.Detail);
                }
                foreach (var sink in sinks) await sink.DeliverAsync(alerts, stoppingToken);
                if (batch.Where(i => i.Sequence >= 0).Select(i => i.Sequence).DefaultIfEmpty(-1).Max() is var sequence and >= 0)
                    Interlocked.Exchange(ref _delivered, sequence);
                Interlocked.Add(ref _queued, -batch.Count);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Events of one journal record (or of a tick or the replay: no sequence, no receipt).</summary>
    private sealed record Outgoing(IReadOnlyList<AlertEvent> Events, long Sequence, DateTimeOffset? ReceivedAt);
}
