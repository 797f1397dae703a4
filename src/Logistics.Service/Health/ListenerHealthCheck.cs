using Logistics.Telemetry.Journal;
using Logistics.Telemetry.Listener;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Logistics.Service.Health;

/// <summary>The telemetry listener: connected to the broker, and room left in its journal. Near the
/// journal's disk cap it is degraded (InfluxDB has been away long); at the cap it is unhealthy, since
/// the broker then holds back new readings until the journal drains.</summary>
public sealed class ListenerHealthCheck(ListenerConnection connection, MessageJournal journal, TelemetryCounters counters, ListenerOptions options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!options.Enabled) return Task.FromResult(HealthCheckResult.Healthy("off in this instance (Listener:Enabled=false): another instance listens"));
        var used = $"journal {journal.BytesUsed / (1024.0 * 1024):0.#} of {journal.DiskCapBytes / (1024.0 * 1024):0} MiB";
        var backlog = journal.LastSequence - journal.Checkpoints.Values.DefaultIfEmpty(journal.LastSequence).Min();
        var detail = $"{used}, {backlog} messages not yet stored, {counters.Received} received, {counters.RejectedTotal} rejected" +
                     (counters.LastInfluxError is { } e ? $"; last InfluxDB error: {e}" : "");
        var result = journal.State switch
        {
            JournalState.Full => HealthCheckResult.Unhealthy($"journal full, readings are held back at the broker: {detail}"),
            JournalState.NearCap => HealthCheckResult.Degraded($"journal near its disk cap: {detail}"),
            _ when !connection.IsConnected => HealthCheckResult.Degraded($"not connected to the broker: {detail}"),
            _ => HealthCheckResult.Healthy(detail),
        };
        return Task.FromResult(result);
    }
}
