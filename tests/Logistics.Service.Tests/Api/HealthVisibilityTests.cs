using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Logistics.Data.Security;

namespace Logistics.Service.Tests.Api;

/// <summary>What a caller without a key may read: the overall health only; the checks' details (addresses, the
/// listener's MQTT account, errors) and the listener's counters need a key.</summary>
public sealed class HealthVisibilityTests(ServiceHost host) : IClassFixture<ServiceHost>
{
    [Fact]
    public async Task Anonymous_health_says_only_the_status()
    {
        var body = await HealthAsync(host.CreateClient());
        Assert.Equal(["status"], body.EnumerateObject().Select(p => p.Name));
        Assert.Contains(body.GetProperty("status").GetString(), new[] { "Healthy", "Degraded", "Unhealthy" });
        Assert.DoesNotContain(TestServers.ListenerUser, body.ToString());
    }

    [Fact]
    public async Task Non_admin_keys_get_the_status_only_and_an_admin_key_gets_the_checks()
    {
        foreach (var role in new[] { Role.Dispatcher, Role.Qa })
        {
            var body = await HealthAsync(await host.ClientAsync(role));
            Assert.False(body.TryGetProperty("checks", out _), body.ToString());
        }
        var admin = await HealthAsync(await host.ClientAsync(Role.Admin));
        var checks = admin.GetProperty("checks");
        Assert.Equal(["influxdb", "listener", "mosquitto"], checks.EnumerateObject().Select(p => p.Name).Order());
        Assert.Contains(TestServers.ListenerUser, checks.GetProperty("mosquitto").GetProperty("description").GetString());
    }

    [Fact]
    public async Task Telemetry_stats_are_under_api_for_staff()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await host.CreateClient().GetAsync("/telemetry/stats")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.CreateClient().GetAsync("/api/telemetry/stats")).StatusCode);
        foreach (var role in Role.All)
        {
            var stats = await (await host.ClientAsync(role)).GetFromJsonAsync<JsonElement>("/api/telemetry/stats");
            Assert.True(stats.GetProperty("received").GetInt64() >= 0);
            Assert.True(stats.TryGetProperty("journal", out _));
        }
    }

    /// <summary>200 or 503 (a server not reachable yet): the body is read either way.</summary>
    private static async Task<JsonElement> HealthAsync(HttpClient client) =>
        await (await client.GetAsync("/health")).Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>Health:DetailsForAnonymous, for a /health reachable from a trusted monitoring network only.</summary>
    public sealed class TrustedNetwork : IClassFixture<TrustedNetwork.Host>
    {
        private readonly Host _host;

        public TrustedNetwork(Host host) => _host = host;

        [Fact]
        public async Task The_setting_shows_the_checks_without_a_key()
        {
            var body = await HealthAsync(_host.CreateClient());
            Assert.True(body.TryGetProperty("checks", out var checks), body.ToString());
            Assert.True(checks.TryGetProperty("influxdb", out _));
        }

        public sealed class Host : ServiceHost
        {
            public Host() => Settings["Health:DetailsForAnonymous"] = "true";
        }
    }
}
