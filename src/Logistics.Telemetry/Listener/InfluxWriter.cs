using Logistics.Telemetry.Influx;
using Logistics.Telemetry.Journal;
using Logistics.Telemetry.Readings;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Logistics.Telemetry.Listener;

/// <summary>Reads the journal from its checkpoint, validates each message, writes the points to
/// InfluxDB in batches and moves the checkpoint only once InfluxDB confirmed them; the journal then
/// deletes finished segments. While InfluxDB is down the batch is tried again and readings wait in
/// the journal. Lines InfluxDB refuses (a field type conflict, say) go to <c>rejected</c> with its
/// reason instead of being retried forever.</summary>
public sealed class InfluxWriter(
    MessageJournal journal,
    InfluxDbClient influx,
    TelemetryParser parser,
    TelemetryCounters counters,
    ListenerOptions options,
    RetentionPolicy retention,
    ILogger<InfluxWriter> logger) : BackgroundService
{
    public const string ConsumerName = "influx";

    private readonly Func<JournalRecord, ParsedRecord> _parse = ParsedRecord.SharedParser(parser);
    private readonly List<InfluxPoint> _points = [];
    private long _batchMessages, _batchReadings, _batchLast = -1;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Listener:Enabled=false: this instance serves the API and runs jobs; another one listens (one session per fleet).
        if (!options.Enabled) return;
        await EnsureDatabaseAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // Whatever went wrong, the journal still holds every record after the checkpoint.
                logger.LogError(e, "InfluxDB writer failed; it starts again from its checkpoint in {Delay} s", options.RetryInterval.TotalSeconds);
                _points.Clear();
                _batchMessages = _batchReadings = 0;
                _batchLast = -1;
                await Task.Delay(options.RetryInterval, stoppingToken);
            }
        }
    }

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        using var consumer = journal.OpenConsumer(ConsumerName);
        logger.LogInformation("InfluxDB writer resumes after journal record {Checkpoint}", consumer.Checkpoint);
        Task<JournalRecord>? next = null;
        var deadline = DateTime.MaxValue;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                next ??= consumer.ReadAsync(stoppingToken).AsTask();
                if (_batchLast > consumer.Checkpoint && !next.IsCompleted)
                {
                    var wait = deadline - DateTime.UtcNow;
                    if (wait > TimeSpan.Zero) await Task.WhenAny(next, Task.Delay(wait, stoppingToken));
                    if (!next.IsCompleted)
                    {
                        await FlushAsync(consumer, stoppingToken);
                        continue;
                    }
                }
                var record = await next;
                next = null;
                if (_batchLast <= consumer.Checkpoint) deadline = DateTime.UtcNow + options.FlushInterval;
                Add(_parse(record));
                if (_points.Count >= options.BatchSize - 16) await FlushAsync(consumer, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // What was read and not written stays after the checkpoint and is read again next time.
        }
    }

    private void Add(ParsedRecord parsed)
    {
        var (readings, unstorable) = ReadingPoints.Append(parsed, _points);
        _batchReadings += readings;
        _batchLast = parsed.Record.Sequence;
        if (parsed.Rejection is { } rejection) counters.OnRejected(rejection.Code);
        else if (unstorable) counters.OnRejected(TelemetrySchema.Reasons.Unstorable);
        else _batchMessages++;
        if (parsed.Telemetry is { Faults.Count: > 0 } t) counters.OnSensorFaults(t.Faults.Count);
    }

    private async Task FlushAsync(JournalConsumer consumer, CancellationToken stoppingToken)
    {
        // A batch of status messages alone holds no points, yet its records are done with.
        if (_points.Count > 0)
        {
            // Unavailable, or refusing the whole request (wrong password, database dropped): nothing to isolate,
            // so the batch waits and is tried again; a dropped database is made again first.
            var databaseMissing = false;
            var retry = UntilDone<InfluxDbException>.Pipeline(options.RetryInterval, exponential: false, (e, delay) =>
            {
                counters.OnInfluxFailure(e.Message);
                logger.LogWarning("InfluxDB did not store the batch ({Error}); {Points} points wait in the journal, trying again in {Delay} s",
                    e.Message, _points.Count, delay.TotalSeconds);
                databaseMissing = e is InfluxDbRequestRejectedException { StatusCode: System.Net.HttpStatusCode.NotFound };
            });
            await retry.ExecuteAsync(async ct =>
            {
                if (databaseMissing) await EnsureDatabaseAsync(ct);
                var result = await influx.WriteIsolatingRefusedAsync(_points, ct);
                if (!result.AllStored) await StoreRefusedAsync(result.Refused, ct);
            }, stoppingToken);
        }
        consumer.Commit(_batchLast);
        counters.OnStored(_batchMessages, _batchReadings);
        _points.Clear();
        _batchMessages = _batchReadings = 0;
    }

    /// <summary>Lines InfluxDB refused: each becomes a <c>rejected</c> point with InfluxDB's reason,
    /// so that nothing is lost silently and nothing blocks the journal.</summary>
    private async Task StoreRefusedAsync(IReadOnlyList<RefusedLine> refused, CancellationToken stoppingToken)
    {
        var points = new List<InfluxPoint>(refused.Count);
        foreach (var line in refused)
        {
            var original = _points[line.Index];
            counters.OnRejected(TelemetrySchema.Reasons.InfluxRefused);
            logger.LogWarning("InfluxDB refused a {Measurement} line: {Reason}", original.Measurement, LogSafe.Text(line.Reason));
            points.Add(TelemetrySchema.RefusedLine(original, line.Line, line.Reason));
        }
        var result = await influx.WriteIsolatingRefusedAsync(points, stoppingToken);
        foreach (var line in result.Refused)
            logger.LogError("InfluxDB refused even the rejection record of a line: {Reason}", LogSafe.Text(line.Reason));
    }

    private async Task EnsureDatabaseAsync(CancellationToken stoppingToken)
    {
        var retry = UntilDone<InfluxDbException>.Pipeline(options.RetryInterval, exponential: true, (e, delay) =>
        {
            counters.OnInfluxFailure(e.Message);
            logger.LogWarning("Cannot prepare InfluxDB yet ({Error}); readings wait in the journal, trying again in {Delay} s", e.Message, delay.TotalSeconds);
        });
        var setup = await retry.ExecuteAsync(async ct => await influx.EnsureDatabaseAsync(retention, ct), stoppingToken);
        logger.LogInformation("InfluxDB database {Database} ready (created: {Created}; retention policy {Policy} created: {PolicyCreated}, altered: {Altered})",
            influx.Connection.Database, setup.DatabaseCreated, retention.Name, setup.PolicyCreated, setup.PolicyAltered);
    }
}
