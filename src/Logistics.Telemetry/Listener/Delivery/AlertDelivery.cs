using System.Threading.Channels;
using Logistics.Telemetry.Alerts;
using Microsoft.Extensions.Logging;

namespace Logistics.Telemetry.Listener.Delivery;

/// <summary>The outbox between the alert engine and the sinks, in two stages so that the driver never waits for
/// storage: evaluation never waits for I/O; the cab loop takes up to <see cref="Batch"/> queued items at a time and
/// publishes them to the cabs (that is the latency a driver sees) without waiting for the broker's acknowledgements,
/// then hands the batch to the record loop, which waits for those acknowledgements and gives the batch to the other
/// sinks in order (the store, the webhook, InfluxDB) while the cab loop goes on with the next batch. A slow or stopped store or InfluxDB therefore holds back only the records, never a cab. It tracks the last
/// journal record whose events every sink has, so the consumer's checkpoint never passes an event not yet stored. A
/// crash before the store write is safe: the checkpoint has not passed those records, so they are evaluated and
/// delivered again (the cab then gets the alert a second time, under a new alert id). With the alert engine reading records
/// before their fsync (ListenerOptions.AlertsBeforeDurable) a crash before the fsync does the same: the broker delivers the
/// unacknowledged message again. Enqueue is thread-safe; <see cref="RunAsync"/>
/// runs once.</summary>
public sealed class AlertDelivery(IAlertPublisher cab, IReadOnlyList<IAlertSink> records, TelemetryCounters counters, ILogger<AlertDelivery> logger)
{
    public const int Batch = 256;

    // The cab loop, waiting for alerts, goes on in the thread that queues one (the alert processor's, between two
    // records): the alert goes out without waiting for a thread-pool thread, which on a saturated machine took up to
    // 90 ms (README "Telemetry under overload", sixth round).
    private readonly Channel<Outgoing> _outbox = Channel.CreateUnbounded<Outgoing>(new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = true });
    private readonly Channel<Published> _published = Channel.CreateUnbounded<Published>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private long _queued, _delivered = -1;

    /// <summary>Queues the events of journal record <paramref name="sequence"/> (-1: of a tick or the replay), received
    /// and evaluated at the times given (for the latency samples).</summary>
    public void Enqueue(IReadOnlyList<AlertEvent> events, long sequence, DateTimeOffset? receivedAt = null, DateTimeOffset? evaluatedAt = null)
    {
        if (events.Count == 0) return;
        Interlocked.Increment(ref _queued);
        _outbox.Writer.TryWrite(new Outgoing(events, sequence, receivedAt, evaluatedAt));
    }

    /// <summary>How far a consumer that has read up to <paramref name="lastRead"/> may commit: all of it when nothing
    /// waits, else up to the last record whose events every sink has.</summary>
    public long SafeCheckpoint(long lastRead) => Interlocked.Read(ref _queued) == 0 ? lastRead : Interlocked.Read(ref _delivered);

    /// <summary>No more events; <see cref="RunAsync"/> ends once the queued ones are delivered.</summary>
    public void Complete() => _outbox.Writer.TryComplete();

    /// <summary>Delivers until <see cref="Complete"/> and the outbox is empty, or until cancelled (events not delivered
    /// belong to records after the checkpoint: evaluated again next start).</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var recording = RecordAsync(stoppingToken);
        try
        {
            await PublishAsync(stoppingToken);
        }
        finally
        {
            _published.Writer.TryComplete();
            await recording;
        }
    }

    private async Task PublishAsync(CancellationToken stoppingToken)
    {
        var reader = _outbox.Reader;
        try
        {
            while (await reader.WaitToReadAsync(CancellationToken.None))
            {
                var batch = new List<Outgoing>(Batch);
                while (batch.Count < Batch && reader.TryRead(out var item)) batch.Add(item);
                var alerts = new List<PendingAlert>();
                foreach (var item in batch)
                    foreach (var e in item.Events)
                        alerts.Add(new PendingAlert(e, item.ReceivedAt, item.EvaluatedAt));
                var acknowledged = await cab.PublishAsync(alerts, stoppingToken);
                // Logged after the cabs have them: the log's file and console writes are no part of a driver's wait.
                foreach (var a in alerts)
                {
                    counters.OnAlertEvent();
                    // Truck-level alerts (no data, door open) have no sensor: the log names the truck alone.
                    if (a.Event.Sensor is null)
                        logger.LogWarning("Alert {Type}: {Kind} {Severity} on {Truck}: {Detail}",
                            a.Event.Type, a.Event.Kind, a.Event.Severity, a.Event.Truck, a.Event.Detail);
                    else
                        logger.LogWarning("Alert {Type}: {Kind} {Severity} on {Truck} {Sensor}: {Detail}",
                            a.Event.Type, a.Event.Kind, a.Event.Severity, a.Event.Truck, a.Event.Sensor, a.Event.Detail);
                }
                _published.Writer.TryWrite(new Published(batch, alerts, acknowledged));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RecordAsync(CancellationToken stoppingToken)
    {
        var reader = _published.Reader;
        try
        {
            while (await reader.WaitToReadAsync(CancellationToken.None))
            {
                while (reader.TryRead(out var published))
                {
                    // Stored only once the cabs have them: a crash in between evaluates and sends them again.
                    await published.Acknowledged.WaitAsync(stoppingToken);
                    foreach (var sink in records) await sink.DeliverAsync(published.Alerts, stoppingToken);
                    var sequence = -1L;
                    foreach (var item in published.Batch) sequence = Math.Max(sequence, item.Sequence);
                    if (sequence >= 0) Interlocked.Exchange(ref _delivered, sequence);
                    Interlocked.Add(ref _queued, -published.Batch.Count);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Events of one journal record (or of a tick or the replay: no sequence, no receipt).</summary>
    private sealed record Outgoing(IReadOnlyList<AlertEvent> Events, long Sequence, DateTimeOffset? ReceivedAt, DateTimeOffset? EvaluatedAt);

    /// <summary>A batch the cabs have; the other sinks next.</summary>
    private sealed record Published(List<Outgoing> Batch, IReadOnlyList<PendingAlert> Alerts, Task Acknowledged);
}
