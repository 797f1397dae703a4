using Logistics.Telemetry.Alerts;
using Logistics.Telemetry.Journal;
using Logistics.Telemetry.Listener.Delivery;
using Logistics.Telemetry.Readings;
using Microsoft.Extensions.Hosting;

namespace Logistics.Telemetry.Listener;

/// <summary>Feeds the journal to the alert engine as a second consumer (so alerts do not wait for InfluxDB, nor stop
/// while it is down), ticks it for silent trucks, and hands every event to <see cref="AlertDelivery"/> (cab, store,
/// InfluxDB, webhook). At start <see cref="AlertEngineRestore"/> brings the engine back. The journal checkpoint moves
/// only past records whose events were delivered, and only past durable ones: with
/// <see cref="ListenerOptions.AlertsBeforeDurable"/> it reads records before their fsync, and one lost in a crash is
/// delivered by the broker again (it was not acknowledged) and evaluated again.</summary>
public sealed class AlertProcessor(
    MessageJournal journal,
    AlertEngine engine,
    TelemetryParser parser,
    AlertEngineRestore restore,
    AlertDelivery delivery,
    AlertPace pace,
    TelemetryCounters counters,
    ListenerOptions options,
    TimeProvider clock) : BackgroundService
{
    public const string ConsumerName = "alerts";

    private readonly Func<JournalRecord, ParsedRecord> _parse = ParsedRecord.SharedParser(parser);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Listener:Enabled=false: this instance serves the API and runs jobs; another one listens (one session per fleet).
        if (!options.Enabled) return;
        delivery.Enqueue(await restore.RestoreAsync(stoppingToken), sequence: -1);
        AlertPathWarmup.Run(engine.Blank(), clock);
        var delivering = delivery.RunAsync(stoppingToken);
        using var ticker = new PeriodicTimer(options.AlertTickInterval, clock);
        var ticks = TickAsync(ticker, stoppingToken);
        using var consumer = journal.OpenConsumer(ConsumerName, options.AlertsBeforeDurable);
        var lastRead = consumer.Checkpoint;
        try
        {
            pace.OnEvaluated(consumer.Checkpoint);
            var lastCommit = clock.GetUtcNow();
            var uncommitted = 0;
            long sampled = 0;
            // A checkpoint costs two fsyncs, tens of milliseconds on a busy disk: written beside the evaluation, one at a time.
            var committing = Task.CompletedTask;
            try
            {
                while (!stoppingToken.IsCancellationRequested)
                {
                    var record = await consumer.ReadAsync(stoppingToken);
                    var events = Evaluate(engine, _parse(record));
                    var now = clock.GetUtcNow();
                    delivery.Enqueue(events, record.Sequence, record.ReceivedAt, now);
                    pace.OnEvaluated(record.Sequence);
                    lastRead = record.Sequence;
                    uncommitted++;
                    // Commit every 200 ms or 1,000 records, whichever first, and never past a record whose events are
                    // still in the outbox.
                    counters.ReceiptToEvaluated.AddSampled(now - record.ReceivedAt, ref sampled, TelemetryCounters.MessageSampling);
                    if (committing.IsCompleted && (uncommitted >= 1000 || now - lastCommit >= TimeSpan.FromMilliseconds(200)))
                    {
                        await committing;
                        var safe = Committable(record.Sequence);
                        if (safe > consumer.Checkpoint) committing = Task.Run(() => consumer.Commit(safe), CancellationToken.None);
                        (lastCommit, uncommitted) = (now, 0);
                    }
                }
            }
            finally
            {
                await committing;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        await ticks;
        delivery.Complete();
        await delivering;
        // What was delivered before the stop is done with: a partition handed to another instance and later back must
        // not evaluate it again.
        var delivered = Committable(lastRead);
        if (delivered > consumer.Checkpoint) consumer.Commit(delivered);
    }

    /// <summary>How far the checkpoint may move after reading up to <paramref name="read"/>: not past a record whose
    /// events are still being delivered, nor past the last durable record (one read before its fsync may be lost).</summary>
    private long Committable(long read) => Math.Min(delivery.SafeCheckpoint(read), journal.LastSequence);

    /// <summary>The engine's events for one record (internal: the allocation bench calls it as the loop does).</summary>
    internal static IReadOnlyList<AlertEvent> Evaluate(AlertEngine engine, ParsedRecord parsed)
    {
        var receivedAt = parsed.Record.ReceivedAt;
        if (parsed.Status is { IsAccepted: true } status)
            return engine.ReportStatus(status.Truck!, status.Status == DeviceStatus.Online, receivedAt);
        if (parsed.Telemetry is not { IsAccepted: true } telemetry) return [];
        // Nearly every message: the engine's own list, no second one.
        if (telemetry.Faults.Count == 0) return engine.Accept(telemetry.Message, receivedAt);
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
                delivery.Enqueue(engine.Tick(clock.GetUtcNow()), sequence: -1);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
