using Logistics.Service.Security;
using Logistics.Telemetry.Listener;
using Logistics.Telemetry.Listener.Partitions;

namespace Logistics.Service.Telemetry;

public static class TelemetryStatsApi
{
    /// <summary>GET /api/telemetry/stats: what the listener received, stored and refused since it started,
    /// and where its journal stands. Staff only: it names the last InfluxDB error and shows the fleet's traffic.</summary>
    public static IEndpointRouteBuilder MapTelemetryStatsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/telemetry/stats", (TelemetryCounters c, ListenerPartitions partitions) => Results.Ok(Stats(c, partitions.Running)))
            .RequireAuthorization(Policies.Staff).WithTags("Telemetry").WithName("GetTelemetryStats")
            .WithSummary("What the listener received, journaled, acknowledged, stored and rejected since it started, and its journal's checkpoints.");
        return endpoints;
    }

    private static object Stats(TelemetryCounters c, IReadOnlyList<ListenerPartition> running)
    {
        // One partition (the default): its journal as before partitions; the others' under "partitions".
        var first = running.Count > 0 ? running[0] : null;
        return new
        {
            received = c.Received,
            journaled = c.Journaled,
            acknowledged = c.Acknowledged,
            messagesStored = c.MessagesStored,
            readingsStored = c.ReadingsStored,
            sensorFaults = c.SensorFaults,
            rejected = c.Rejected,
            rejectedTotal = c.RejectedTotal,
            alertEvents = c.AlertEvents,
            alertsPublished = c.AlertsPublished,
            influxFailures = c.InfluxFailures,
            lastInfluxError = c.LastInfluxError,
            // Over the last LatencySamples.Capacity alerts published to cabs.
            alertLatency = new
            {
                // The journal record the alert engine evaluated last: it runs ahead of storage.
                evaluatedSequence = first?.Pace.Evaluated ?? -1,
                samples = c.ReceiptToCab.Count,
                receiptToCabMs = new { p50 = c.ReceiptToCab.Percentile(50), p99 = c.ReceiptToCab.Percentile(99) },
                // Of which from receipt to the alert engine's evaluation; the rest is the delivery to the broker.
                receiptToEvaluatedMs = Percentiles(c.AlertReceiptToEvaluated),
                deviceToCabMs = new { p50 = c.DeviceToCab.Percentile(50), p99 = c.DeviceToCab.Percentile(99) },
            },
            // The whole process's, for benchmarks: CPU and allocation per message over a run.
            // The thread pool's workers and queued work items now: a queue that grows while few workers run is starvation.
            process = new
            {
                cpuSeconds = Environment.CpuUsage.TotalTime.TotalSeconds, allocatedBytes = GC.GetTotalAllocatedBytes(),
                threadPoolThreads = ThreadPool.ThreadCount, threadPoolQueue = ThreadPool.PendingWorkItemCount,
                gcPauseSeconds = GC.GetTotalPauseDuration().TotalSeconds,
            },
            // Where a message's time goes, stage by stage (all partitions this instance runs).
            stages = Stages(c, running),
            journal = first is null ? null : Journal(first),
            // The partitions this instance runs now (the fleet is split by a hash of the truck id; see Listener:Partitions).
            partitions = running.Select(p => new { index = p.Index, evaluatedSequence = p.Pace.Evaluated, journal = Journal(p) }),
        };
    }

    private static object Stages(TelemetryCounters c, IReadOnlyList<ListenerPartition> running)
    {
        var commits = running.Select(p => p.Journal.GroupCommits).ToList();
        var groups = commits.Sum(g => g.Groups);
        var flush = TimeSpan.FromTicks(commits.Sum(g => g.FlushTime.Ticks));
        return new
        {
            firstReceivedAt = c.FirstReceivedAt,
            lastReceivedAt = c.LastReceivedAt,
            // The MQTT client: messages waiting in its receive queue now, how long it stopped reading the socket
            // because that queue was full (back-pressure on the broker), messages not yet acknowledged (PUBACK).
            receiveQueue = running.Sum(p => p.Connection.Client.ReceiveQueueCount),
            receiveQueueFullSeconds = running.Sum(p => p.Connection.Client.ReceiveQueueFullTime.TotalSeconds),
            unacknowledged = running.Sum(p => p.Connection.Client.UnacknowledgedCount),
            intake = new
            {
                waitingForBrokerSeconds = c.IntakeWaitingForBroker.Total.TotalSeconds,
                waitingForAlertsSeconds = c.IntakeWaitingForAlerts.Total.TotalSeconds,
                waitingForJournalSeconds = c.IntakeWaitingForJournal.Total.TotalSeconds,
            },
            groupCommit = new
            {
                groups,
                records = commits.Sum(g => g.Records),
                recordsPerGroup = groups == 0 ? 0 : (double)commits.Sum(g => g.Records) / groups,
                largestGroup = commits.Count == 0 ? 0 : commits.Max(g => g.LargestGroup),
                flushSeconds = flush.TotalSeconds,
                flushMsPerGroup = groups == 0 ? 0 : flush.TotalMilliseconds / groups,
            },
            receiptToDurableMs = Percentiles(c.ReceiptToDurable),
            receiptToEvaluatedMs = Percentiles(c.ReceiptToEvaluated),
            receiptToStoredMs = Percentiles(c.ReceiptToStored),
            writer = new
            {
                busySeconds = c.WriterBusy.Total.TotalSeconds,
                waitingForJournalSeconds = c.WriterWaitingForJournal.Total.TotalSeconds,
                waitingForInfluxSeconds = c.WriterWaitingForInflux.Total.TotalSeconds,
            },
        };
    }

    private static object Percentiles(LatencySamples samples) => new { p50 = samples.Percentile(50), p99 = samples.Percentile(99) };

    private static object Journal(ListenerPartition p) =>
        new { lastSequence = p.Journal.LastSequence, checkpoints = p.Journal.Checkpoints, bytesUsed = p.Journal.BytesUsed, state = p.Journal.State.ToString() };
}
