using System.Diagnostics;
using Logistics.Telemetry.Influx;
using Logistics.Telemetry.Journal;
using Logistics.Telemetry.Readings;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Logistics.Telemetry.Listener;

/// <summary>Reads the journal from its checkpoint, validates each message, writes the lines to
/// InfluxDB in batches and moves the checkpoint only once InfluxDB confirmed them; the journal then
/// deletes finished segments. While InfluxDB is down the batch is tried again and readings wait in
/// the journal. Lines InfluxDB refuses (a field type conflict, say) go to <c>rejected</c> with its
/// reason instead of being retried forever. Up to <see cref="ListenerOptions.WritesInFlight"/> batches
/// are written at once (the next one fills while InfluxDB takes the last); the checkpoint passes them
/// in journal order, each only once it and every batch before it are stored.</summary>
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
    // Batches written and not yet committed, oldest first; the batch being filled; emptied ones to reuse.
    private readonly Queue<Batch> _inFlight = new();
    private readonly Stack<Batch> _spare = new();
    private Batch? _filling;

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
                await Task.Delay(options.RetryInterval, stoppingToken);
            }
        }
    }

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        using var consumer = journal.OpenConsumer(ConsumerName);
        logger.LogInformation("InfluxDB writer resumes after journal record {Checkpoint}", consumer.Checkpoint);
        // The next record: read at once (nearly always, while the writer is behind: no task), or still to come.
        JournalRecord? ready = null;
        Task<JournalRecord>? next = null;
        var deadline = DateTime.MaxValue;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (ready is null && next is null)
                {
                    var read = consumer.ReadAsync(stoppingToken);
                    if (read.IsCompletedSuccessfully) ready = read.Result;
                    else next = read.AsTask();
                }
                CommitWritten(consumer);
                if (ready is null && !next!.IsCompleted)
                {
                    var waiting = Stopwatch.GetTimestamp();
                    if (_filling is { Last: >= 0 } && _inFlight.Count == 0)
                    {
                        // Nothing more to read and InfluxDB idle: the partial batch goes now, not at its deadline (at the
                        // end of a burst that wait was all of the tail; under load the batch fills while a write is on its way).
                        await SendAsync(consumer, stoppingToken);
                        continue;
                    }
                    if (_filling is { Last: >= 0 })
                    {
                        // A partial batch goes at its deadline if nothing more comes.
                        var wait = deadline - DateTime.UtcNow;
                        if (wait > TimeSpan.Zero) await WhenAny(next, Task.Delay(wait, stoppingToken));
                        counters.WriterWaitingForJournal.AddSince(waiting);
                        if (!next.IsCompleted)
                        {
                            if (DateTime.UtcNow >= deadline) await SendAsync(consumer, stoppingToken);
                            continue;
                        }
                    }
                    else if (_inFlight.Count > 0)
                    {
                        await WhenAny(next, _inFlight.Peek().Write);
                        counters.WriterWaitingForJournal.AddSince(waiting);
                        continue;
                    }
                    else
                    {
                        await next;
                        counters.WriterWaitingForJournal.AddSince(waiting);
                    }
                }
                var busy = Stopwatch.GetTimestamp();
                var record = ready ?? await next!;
                (ready, next) = (null, null);
                var batch = _filling ??= TakeBatch();
                if (batch.Last < 0) (deadline, batch.FirstReceivedAt) = (DateTime.UtcNow + options.FlushInterval, record.ReceivedAt);
                Add(batch, _parse(record));
                counters.WriterBusy.AddSince(busy);
                if (batch.Lines.Count >= options.BatchSize - 16) await SendAsync(consumer, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // What was read and not written stays after the checkpoint and is read again next time.
        }
        finally
        {
            // Nothing more is committed; writes still on their way finish (or give up) before their batches are reused.
            foreach (var written in _inFlight)
                await written.Write.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            while (_inFlight.TryDequeue(out var done)) Recycle(done);
            if (_filling is { } filling) Recycle(filling);
            _filling = null;
        }
    }

    private static Task WhenAny(Task a, Task b) => Task.WhenAny(a, b);

    private Batch TakeBatch() => _spare.TryPop(out var batch) ? batch : new Batch(influx.Options.Precision);

    private void Recycle(Batch batch)
    {
        batch.Clear();
        _spare.Push(batch);
    }

    private void Add(Batch batch, ParsedRecord parsed)
    {
        var (readings, unstorable) = ReadingPoints.Append(parsed, batch.Lines);
        batch.Readings += readings;
        batch.Last = parsed.Record.Sequence;
        if (parsed.Rejection is { } rejection) counters.OnRejected(rejection.Code);
        else if (unstorable) counters.OnRejected(TelemetrySchema.Reasons.Unstorable);
        else batch.Messages++;
        if (parsed.Telemetry is { Faults.Count: > 0 } t) counters.OnSensorFaults(t.Faults.Count);
    }

    /// <summary>Starts writing the batch being filled, after making room: with as many writes on their way as
    /// allowed, the oldest is waited for (and committed) first.</summary>
    private async Task SendAsync(JournalConsumer consumer, CancellationToken stoppingToken)
    {
        if (_filling is not { Last: >= 0 } batch) return;
        _filling = null;
        while (_inFlight.Count >= options.WritesInFlight)
        {
            var waiting = Stopwatch.GetTimestamp();
            await _inFlight.Peek().Write.WaitAsync(stoppingToken);
            counters.WriterWaitingForInflux.AddSince(waiting);
            CommitWritten(consumer);
        }
        // A batch of status messages alone holds no lines, yet its records are done with.
        batch.Write = batch.Lines.Count > 0 ? Task.Run(() => StoreAsync(batch.Lines, stoppingToken), stoppingToken) : Task.CompletedTask;
        _inFlight.Enqueue(batch);
    }

    /// <summary>Commits the written batches at the head of the queue (in journal order); a write that failed for
    /// good fails the writer, which starts again from the checkpoint.</summary>
    private void CommitWritten(JournalConsumer consumer)
    {
        while (_inFlight.TryPeek(out var written) && written.Write.IsCompleted)
        {
            written.Write.GetAwaiter().GetResult();
            _inFlight.Dequeue();
            consumer.Commit(written.Last);
            counters.OnStored(written.Messages, written.Readings);
            counters.ReceiptToStored.Add(DateTimeOffset.UtcNow - written.FirstReceivedAt);
            Recycle(written);
        }
    }

    /// <summary>Writes one batch until InfluxDB has it: unavailable, or refusing the whole request (wrong password,
    /// database dropped), there is nothing to isolate, so the batch waits and is tried again; a dropped database is
    /// made again first.</summary>
    private async Task StoreAsync(LineProtocolBatch lines, CancellationToken stoppingToken)
    {
        var databaseMissing = false;
        var retry = UntilDone<InfluxDbException>.Pipeline(options.RetryInterval, exponential: false, (e, delay) =>
        {
            counters.OnInfluxFailure(e.Message);
            logger.LogWarning("InfluxDB did not store the batch ({Error}); {Points} points wait in the journal, trying again in {Delay} s",
                e.Message, lines.Count, delay.TotalSeconds);
            databaseMissing = e is InfluxDbRequestRejectedException { StatusCode: System.Net.HttpStatusCode.NotFound };
        });
        await retry.ExecuteAsync(async ct =>
        {
            if (databaseMissing) await EnsureDatabaseAsync(ct);
            var result = await influx.WriteIsolatingRefusedAsync(lines, ct);
            if (!result.AllStored) await StoreRefusedAsync(lines, result.Refused, ct);
        }, stoppingToken);
    }

    /// <summary>Lines InfluxDB refused: each becomes a <c>rejected</c> point with InfluxDB's reason,
    /// so that nothing is lost silently and nothing blocks the journal.</summary>
    private async Task StoreRefusedAsync(LineProtocolBatch lines, IReadOnlyList<RefusedLine> refused, CancellationToken stoppingToken)
    {
        var points = new List<InfluxPoint>(refused.Count);
        foreach (var line in refused)
        {
            counters.OnRejected(TelemetrySchema.Reasons.InfluxRefused);
            logger.LogWarning("InfluxDB refused a line: {Reason}", LogSafe.Text(line.Reason));
            points.Add(TelemetrySchema.RefusedLine(lines.TruckOf(line.Index), lines.TimeOf(line.Index), line.Line, line.Reason));
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

    /// <summary>One batch's lines and what they account for in the journal and the counters.</summary>
    private sealed class Batch(InfluxPrecision precision)
    {
        public LineProtocolBatch Lines { get; } = new(precision, 512 * 1024);
        public long Messages { get; set; }
        public long Readings { get; set; }
        /// <summary>The last journal record in the batch; -1 while it has none.</summary>
        public long Last { get; set; } = -1;
        public Task Write { get; set; } = Task.CompletedTask;
        /// <summary>When the listener received the batch's first message.</summary>
        public DateTimeOffset FirstReceivedAt { get; set; }

        public void Clear()
        {
            Lines.Clear();
            Messages = Readings = 0;
            Last = -1;
            Write = Task.CompletedTask;
        }
    }
}
