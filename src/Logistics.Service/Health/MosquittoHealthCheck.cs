using Logistics.Mqtt;
using Logistics.Service.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Logistics.Service.Health;

/// <summary>Healthy when the broker accepts the service's own credentials.</summary>
public sealed class MosquittoHealthCheck(IOptions<MqttOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var o = options.Value;
        var where = $"mqtt://{o.Host}:{o.Port}";
        try
        {
            await MqttConnectionProbe.ProbeAsync(o.Host, o.Port, o.Username, o.Password, cancellationToken);
            return HealthCheckResult.Healthy($"{where} accepted user '{o.Username}'.");
        }
        catch (MqttException e)
        {
            return HealthCheckResult.Unhealthy($"{where}: {e.Message}");
        }
    }
}
