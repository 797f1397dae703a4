using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using Logistics.Core;
using Logistics.Mqtt;
using Logistics.Telemetry.Alerts;
using Logistics.Telemetry.Alerts.Store;
using Logistics.Telemetry.Influx;
using Logistics.Telemetry.Journal;
using Logistics.Telemetry.Readings;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Logistics.Telemetry.Listener;

/// <summary>Feeds the journal to the alert engine as a second consumer (so alerts do not wait for
/// InfluxDB, nor stop while it is down), ticks it for silent trucks, and delivers every alert event:
/// to the alert store (lifecycle and audit), to the truck's cab on <c>fleet/{truck}/alerts</c>
/// (QoS 1), to InfluxDB's <c>alerts</c> measurement and to the optional webhook.
/// After a restart it restores the open alerts from the store and replays the last minutes of
/// readings from InfluxDB without decisions, so no open alert is forgotten and none is raised twice.
/// Evaluation never waits for I/O: events go through an outbox to one delivery loop, and the
/// journal checkpoint moves only past records whose events were delivered.</summary>
public sealed class AlertProcessor(
    MessageJournal journal,
    AlertEngine engine,
    SqliteAlertStore store,
    ListenerConnection connection,
    InfluxDbClient influx,
    TelemetryParser parser,
    TelemetryCounters counters,
    ListenerOptions options,
    TimeProvider clock,
    IHttpClientFactory httpClients,
    ILogger<AlertProcessor> logger) : BackgroundService
{
    public const string ConsumerName = "alerts";

    /// <summary>How far back readings are replayed into the engine at start: the trend window.</summary>
    public static readonly TimeSpan ReplayWindow = TimeSpan.FromMinutes(15);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
    private const int DeliveryBatch = 256;
    private readonly List<InfluxPoint> _alertPoints = [];
    private readonly Channel<Outgoing> _outbox = Channel.CreateUnbounded<Outgoing>(new UnboundedChannelOptions { SingleReader = true });
    private long _queued, _delivered = -1;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var open = await store.GetOpenAsync(stoppingToken);
        engine.Restore(open.Select(a => a.ToOpenAlert()));
        await ReplayRecentAsync(stoppingToken);
        logger.LogInformation("Alert engine restored {Open} open alerts", open.Count);

        var delivery = DeliveryLoopAsync(stoppingToken);
        using var ticker = new PeriodicTimer(options.AlertTickInterval, clock);
        var ticks = TickAsync(ticker, stoppingToken);
        try
        {
            using var consumer = journal.OpenConsumer(ConsumerName);
            var lastCommit = clock.GetUtcNow();
            var uncommitted = 0;
            while (!stoppingToken.IsCancellationRequested)
            {
                var record = await consumer.ReadAsync(stoppingToken);
                Enqueue(Evaluate(ParsedRecord.Parse(record, parser)), record.Sequence, record.ReceivedAt);
                uncommitted++;
                // A checkpoint costs a flush: commit every 200 ms or 1,000 records, whichever first,
                // and never past a record whose events are still in the outbox.
                var now = clock.GetUtcNow();
                if (uncommitted >= 1000 || now - lastCommit >= TimeSpan.FromMilliseconds(200))
                {
                    var safe = Interlocked.Read(ref _queued) == 0 ? record.Sequence : Interlocked.Read(ref _delivered);
                    if (safe > consumer.Checkpoint) consumer.Commit(safe);
                    (lastCommit, uncommitted) = (now, 0);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        await ticks;
        _outbox.Writer.TryComplete();
        await delivery;
    }

    private void Enqueue(IReadOnlyList<AlertEvent> events, long sequence, DateTimeOffset? receivedAt = null)
    {
        if (events.Count == 0) return;
        Interlocked.Increment(ref _queued);
        _outbox.Writer.TryWrite(new Outgoing(events, sequence, receivedAt));
    }

    private IReadOnlyList<AlertEvent> Evaluate(ParsedRecord parsed)
    {
        var receivedAt = parsed.Record.ReceivedAt;
        if (parsed.Status is { IsAccepted: true } status)
            return engine.ReportStatus(status.Truck!, status.Status == DeviceStatus.Online, receivedAt);
        if (parsed.Telemetry is not { IsAccepted: true } telemetry) return [];
        var events = new List<AlertEvent>();
        foreach (var fault in telemetry.Faults) events.AddRange(engine.ReportSensorFault(ReadingPoints.Notice(fault), receivedAt));
        events.AddRange(engine.Accept(telemetry.Message, receivedAt));
        return events;
    }

    private async Task TickAsync(PeriodicTimer ticker, CancellationToken stoppingToken)
    {
        try
        {
            while (await ticker.WaitForNextTickAsync(stoppingToken))
                Enqueue(engine.Tick(clock.GetUtcNow()), sequence: -1);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Delivers what the outbox holds, up to <see cref="DeliveryBatch"/> items at a time: first to the
    /// cabs, all publications in flight together (that is the latency a driver sees), then to the store in one
    /// transaction, the webhook, and InfluxDB's <c>alerts</c> points in one write. A crash before the store write
    /// is safe: the journal checkpoint has not passed those records, so they are evaluated and delivered again
    /// (the cab then sees the same alert id twice).</summary>
    private async Task DeliveryLoopAsync(CancellationToken stoppingToken)
    {
        var reader = _outbox.Reader;
        var batch = new List<Outgoing>(DeliveryBatch);
        try
        {
            while (await reader.WaitToReadAsync(CancellationToken.None))
            {
                batch.Clear();
                while (batch.Count < DeliveryBatch && reader.TryRead(out var item)) batch.Add(item);
                var events = batch.SelectMany(item => item.Events.Select(e => (Event: e, item.ReceivedAt))).ToList();
                foreach (var (e, _) in events)
                {
                    counters.OnAlertEvent();
                    logger.LogWarning("Alert {Type}: {Kind} {Severity} on {Truck} {Sensor}: {Detail}", e.Type, e.Kind, e.Severity, e.Truck, e.Sensor, e.Detail);
                }
                await Task.WhenAll(events.Select(x => PublishAsync(x.Event, x.ReceivedAt, stoppingToken)));
                await StoreAsync(events.Select(x => x.Event).ToList(), stoppingToken);
                foreach (var (e, _) in events)
                {
                    _alertPoints.Add(TelemetrySchema.Alert(e));
                    if (options.AlertWebhookUrl is { Length: > 0 } url) _ = PostWebhookAsync(url, e);
                }
                if (batch.Where(i => i.Sequence >= 0).Select(i => i.Sequence).DefaultIfEmpty(-1).Max() is var sequence and >= 0)
                    Interlocked.Exchange(ref _delivered, sequence);
                Interlocked.Add(ref _queued, -batch.Count);
                await WriteAlertPointsAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Events not delivered belong to records after the checkpoint: evaluated again next start.
        }
    }

    /// <summary>One transaction for the batch; if it is refused, event by event, so one event the store cannot
    /// take (logged) does not keep the others out.</summary>
    private async Task StoreAsync(IReadOnlyList<AlertEvent> events, CancellationToken stoppingToken)
    {
        try
        {
            await store.ApplyAsync(events, stoppingToken);
            return;
        }
        catch (Exception e) when (e is AlertNotFoundException or Microsoft.Data.Sqlite.SqliteException)
        {
            logger.LogWarning("The alert store refused a batch of {Count} events ({Error}); recording them one by one", events.Count, e.Message);
        }
        foreach (var e in events)
        {
            try { await store.ApplyAsync(e, stoppingToken); }
            catch (Exception ex) when (ex is AlertNotFoundException or Microsoft.Data.Sqlite.SqliteException)
            {
                logger.LogError("Alert {Id} ({Type} on {Truck}) not recorded in the alert store: {Error}", e.AlertId, e.Type, e.Truck, ex.Message);
            }
        }
    }

    private async Task PublishAsync(AlertEvent e, DateTimeOffset? receivedAt, CancellationToken stoppingToken)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(CabMessage.From(e), Json);
        try
        {
            await connection.Client.PublishAsync(FleetTopics.Alerts(e.Truck), payload, MqttQualityOfService.AtLeastOnce, retain: false, stoppingToken);
            counters.OnAlertPublished();
            var now = clock.GetUtcNow();
            // Alerts raised by readings only: their time is the device's. A status message ("offline") carries no
            // device time, and a fleet going offline at once would swamp the samples.
            if (receivedAt is { } received && e.Kind != AlertKind.NoData)
            {
                counters.ReceiptToCab.Add(now - received);
                counters.DeviceToCab.Add(now - e.At);
            }
        }
        catch (Exception ex) when (ex is MqttException or InvalidOperationException)
        {
            // The store has the alert; the cab sees it when the dispatcher or QA forwards it.
            logger.LogError("Could not publish alert {Id} to the cab of {Truck}: {Error}", e.AlertId, e.Truck, ex.Message);
        }
    }

    /// <summary>Alert points are written as they come; while InfluxDB is down they wait here (up to
    /// 10,000), the store holding the alerts themselves meanwhile.</summary>
    private async Task WriteAlertPointsAsync(CancellationToken stoppingToken)
    {
        if (_alertPoints.Count == 0) return;
        try
        {
            foreach (var chunk in _alertPoints.Chunk(InfluxDbClientOptions.MaxBatchSize))
                await influx.WriteIsolatingRefusedAsync(chunk, stoppingToken);
            _alertPoints.Clear();
        }
        catch (InfluxDbException ex)
        {
            logger.LogWarning("Alert events not yet in InfluxDB ({Error}); {Count} wait", ex.Message, _alertPoints.Count);
            if (_alertPoints.Count > 10_000) _alertPoints.RemoveRange(0, _alertPoints.Count - 10_000);
        }
    }

    private async Task PostWebhookAsync(string url, AlertEvent e)
    {
        try
        {
            using var response = await httpClients.CreateClient(nameof(AlertProcessor)).PostAsJsonAsync(url, CabMessage.From(e), Json);
            if (!response.IsSuccessStatusCode)
                logger.LogWarning("Alert webhook {Url} answered {Status} for alert {Id}", url, (int)response.StatusCode, e.AlertId);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            logger.LogWarning("Alert webhook {Url} failed for alert {Id}: {Error}", url, e.AlertId, ex.Message);
        }
    }

    /// <summary>Rebuilds timers, peaks and trends from the readings InfluxDB holds for the last
    /// <see cref="ReplayWindow"/>, deciding nothing (those decisions are in the store already).</summary>
    private async Task ReplayRecentAsync(CancellationToken stoppingToken)
    {
        IReadOnlyList<InfluxSeries> series;
        try
        {
            series = await influx.QueryAsync(TelemetrySchema.RecentReadings(clock.GetUtcNow() - ReplayWindow), stoppingToken);
        }
        catch (InfluxDbException e)
        {
            logger.LogWarning("Could not replay recent readings into the alert engine ({Error}); trends and timers start afresh", e.Message);
            return;
        }
        var messages = TelemetrySchema.ReadRecent(series);
        if (messages.Count == 0) return;
        var last = messages.GroupBy(m => m.Truck).ToDictionary(g => g.Key, g => g.Max(m => m.DeviceTime), StringComparer.Ordinal);
        Enqueue(engine.Replay(messages, truck => last.TryGetValue(truck, out var t) ? t : null), sequence: -1);
        logger.LogInformation("Replayed {Messages} recent messages of {Trucks} trucks into the alert engine", messages.Count, last.Count);
    }

    /// <summary>Events of one journal record (or of a tick or the replay: no sequence, no receipt).</summary>
    private sealed record Outgoing(IReadOnlyList<AlertEvent> Events, long Sequence, DateTimeOffset? ReceivedAt);

    /// <summary>What the cab display (and the webhook) receives.</summary>
    private sealed record CabMessage(Guid AlertId, string Event, string Truck, string? Sensor, string Kind, string Severity,
        double? BandMin, double? BandMax, double? Peak, double? Value, DateTimeOffset StartedAt, DateTimeOffset At, long? Seq, string Detail)
    {
        public static CabMessage From(AlertEvent e) => new(e.AlertId, e.Type.ToString(), e.Truck, e.Sensor, e.Kind.ToString(), e.Severity.ToString(),
            e.Band?.Min, e.Band?.Max, e.PeakValue, e.TriggerValue, e.StartedAt, e.At, e.Trigger?.Seq, e.Detail);
    }
}
