using Logistics.Telemetry.Alerts;
using Logistics.Telemetry.Alerts.Store;
using Logistics.Telemetry.Influx;
using Microsoft.Extensions.Logging;

namespace Logistics.Telemetry.Listener;

/// <summary>Brings the alert engine back after a restart: the open alerts from the store, then the last
/// <see cref="ReplayWindow"/> of readings from InfluxDB without decisions (timers, peaks and trends), so no open
/// alert is forgotten and none is raised twice. A listener partition restores its own trucks only, the same way after a
/// restart and after taking the partition over from another instance.</summary>
/// <param name="owns">Whether a truck is this engine's (its partition's); null: every truck.</param>
public sealed class AlertEngineRestore(AlertEngine engine, AlertStore store, InfluxDbClient influx, TimeProvider clock,
    ILogger<AlertEngineRestore> logger, Func<string, bool>? owns = null)
{
    /// <summary>How far back readings are replayed into the engine at start: the trend window.</summary>
    public static readonly TimeSpan ReplayWindow = TimeSpan.FromMinutes(15);

    /// <summary>How long the start waits for InfluxDB's answer before the engine goes on without the replay.</summary>
    public static readonly TimeSpan ReplayTimeLimit = TimeSpan.FromSeconds(3);

    /// <returns>The events the replay produced (to deliver like any other).</returns>
    public async Task<IReadOnlyList<AlertEvent>> RestoreAsync(CancellationToken cancellationToken)
    {
        var open = (await store.GetOpenAsync(cancellationToken)).Where(a => owns?.Invoke(a.Truck) ?? true).ToList();
        engine.Restore(open.Select(a => a.ToOpenAlert()));
        var events = await ReplayRecentAsync(cancellationToken);
        logger.LogInformation("Alert engine restored {Open} open alerts", open.Count);
        return events;
    }

    private async Task<IReadOnlyList<AlertEvent>> ReplayRecentAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<InfluxSeries> series;
        // Alerts wait for this: a slow or hung InfluxDB must not hold them back for long.
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(ReplayTimeLimit);
        try
        {
            series = await influx.QueryAsync(TelemetrySchema.RecentReadings(clock.GetUtcNow() - ReplayWindow), limit.Token);
        }
        catch (Exception e) when (e is InfluxDbException || e is OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            var error = e is InfluxDbException ? e.Message : $"no answer within {ReplayTimeLimit.TotalSeconds:0} s";
            logger.LogWarning("Could not replay recent readings into the alert engine ({Error}); trends and timers start afresh", error);
            return [];
        }
        var messages = TelemetrySchema.ReadRecent(series).Where(m => owns?.Invoke(m.Truck) ?? true).ToList();
        if (messages.Count == 0) return [];
        var last = messages.GroupBy(m => m.Truck).ToDictionary(g => g.Key, g => g.Max(m => m.DeviceTime), StringComparer.Ordinal);
        var events = engine.Replay(messages, truck => last.TryGetValue(truck, out var t) ? t : null);
        logger.LogInformation("Replayed {Messages} recent messages of {Trucks} trucks into the alert engine", messages.Count, last.Count);
        return events;
    }
}
