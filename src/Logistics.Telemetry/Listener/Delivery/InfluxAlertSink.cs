using Logistics.Telemetry.Influx;
using Microsoft.Extensions.Logging;

namespace Logistics.Telemetry.Listener.Delivery;

/// <summary>Writes the events to InfluxDB's <c>alerts</c> measurement as they come; while InfluxDB is down they wait
/// here (up to <see cref="MaxWaiting"/>, the oldest dropped first), the store holding the alerts themselves meanwhile.</summary>
public sealed class InfluxAlertSink(InfluxDbClient influx, ILogger<InfluxAlertSink> logger) : IAlertSink
{
    public const int MaxWaiting = 10_000;

    private readonly List<InfluxPoint> _waiting = [];

    public async Task DeliverAsync(IReadOnlyList<PendingAlert> alerts, CancellationToken cancellationToken)
    {
        foreach (var a in alerts) _waiting.Add(TelemetrySchema.Alert(a.Event));
        if (_waiting.Count == 0) return;
        try
        {
            foreach (var chunk in _waiting.Chunk(InfluxDbClientOptions.MaxBatchSize))
                await influx.WriteIsolatingRefusedAsync(chunk, cancellationToken);
            _waiting.Clear();
        }
        catch (InfluxDbException ex)
        {
            logger.LogWarning("Alert events not yet in InfluxDB ({Error}); {Count} wait", ex.Message, _waiting.Count);
            if (_waiting.Count > MaxWaiting) _waiting.RemoveRange(0, _waiting.Count - MaxWaiting);
        }
    }
}
