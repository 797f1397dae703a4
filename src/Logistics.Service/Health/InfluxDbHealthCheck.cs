using Logistics.Telemetry.Influx;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Logistics.Service.Health;

/// <summary>Healthy when InfluxDB answers, accepts the service's credentials and has its database.</summary>
public sealed class InfluxDbHealthCheck(InfluxDbClient influx) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var c = influx.Connection;
        try
        {
            var version = await influx.PingAsync(cancellationToken);
            var databases = await influx.ShowDatabasesAsync(cancellationToken);
            return databases.Contains(c.Database)
                ? HealthCheckResult.Healthy($"InfluxDB {version} at {c.BaseUrl}, database '{c.Database}' present.")
                : HealthCheckResult.Unhealthy($"InfluxDB {version} at {c.BaseUrl} has no database '{c.Database}' (scripts/infra.sh up creates it).");
        }
        catch (InfluxDbException e)
        {
            return HealthCheckResult.Unhealthy(e.Message);
        }
    }
}
