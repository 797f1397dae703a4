using Logistics.Telemetry.Journal;
using Logistics.Telemetry.Listener;
using Logistics.Telemetry.Listener.Partitions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Logistics.Service.Health;

/// <summary>The telemetry listener: connected to the broker, and room left in its journals. Near a
/// journal's disk cap it is degraded (InfluxDB has been away long); at the cap it is unhealthy, since
/// the broker then holds back new readings until the journal drains.</summary>
public sealed class ListenerHealthCheck(ListenerPartitions partitions, TelemetryCounters counters, ListenerOptions options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!options.Enabled) return Task.FromResult(HealthCheckResult.Healthy("off in this instance (Listener:Enabled=false): another instance listens"));
        var running = partitions.Running;
        if (running.Count == 0)
            return Task.FromResult(HealthCheckResult.Healthy($"no partition of the fleet's {options.Partitions} runs here now: other instances hold them"));
        var journals = running.Select(p => p.Journal).ToList();
        var used = $"journal {journals.Sum(j => j.BytesUsed) / (1024.0 * 1024):0.#} of {journals.Sum(j => j.DiskCapBytes) / (1024.0 * 1024):0} MiB";
        var backlog = journals.Sum(j => j.LastSequence - j.Checkpoints.Values.DefaultIfEmpty(j.LastSequence).Min());
        var which = options.Partitions == 1 ? "" : $"partitions {string.Join(", ", running.Select(p => p.Index))} of {options.Partitions}: ";
        var detail = $"{which}{used}, {backlog} messages not yet stored, {counters.Received} received, {counters.RejectedTotal} rejected" +
                     (counters.LastInfluxError is { } e ? $"; last InfluxDB error: {e}" : "");
        var result = journals.Max(j => j.State) switch
        {
            JournalState.Full => HealthCheckResult.Unhealthy($"journal full, readings are held back at the broker: {detail}"),
            JournalState.NearCap => HealthCheckResult.Degraded($"journal near its disk cap: {detail}"),
            _ when running.Any(p => !p.Connection.IsConnected) => HealthCheckResult.Degraded($"not connected to the broker: {detail}"),
            _ => HealthCheckResult.Healthy(detail),
        };
        return Task.FromResult(result);
    }
}
