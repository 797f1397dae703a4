using System.Diagnostics;
using System.Text.Json;
using Logistics.EndToEnd.Tests.Service;
using Logistics.Mqtt;
using Xunit.Abstractions;

namespace Logistics.EndToEnd.Tests.Telemetry;

/// <summary>The service's /api/telemetry/stats and /health, read by a test with its admin key.</summary>
public sealed record TelemetryStats(JsonElement Body)
{
    public long Received => Body.GetProperty("received").GetInt64();
    public long Journaled => Body.GetProperty("journaled").GetInt64();
    public long Acknowledged => Body.GetProperty("acknowledged").GetInt64();
    public long MessagesStored => Body.GetProperty("messagesStored").GetInt64();
    public long ReadingsStored => Body.GetProperty("readingsStored").GetInt64();
    public long SensorFaults => Body.GetProperty("sensorFaults").GetInt64();
    public long RejectedTotal => Body.GetProperty("rejectedTotal").GetInt64();
    public long LastSequence => Body.GetProperty("journal").GetProperty("lastSequence").GetInt64();

    public Dictionary<string, long> Rejected =>
        Body.GetProperty("rejected").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64(), StringComparer.Ordinal);

    /// <summary>The journal checkpoint of a consumer (influx, alerts); 0 when it has none yet.</summary>
    public long Checkpoint(string consumer) =>
        Body.GetProperty("journal").GetProperty("checkpoints").TryGetProperty(consumer, out var c) ? c.GetInt64() : 0;

    /// <summary>Everything this process received was written to InfluxDB or refused.</summary>
    public bool Drained => Received > 0 && MessagesStored + RejectedTotal >= Received && Checkpoint("influx") >= LastSequence;

    public override string ToString() => Body.ToString();
}

public static class ServiceProbe
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(20) };

    public static async Task<TelemetryStats> StatsAsync(ServiceProcess service)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(service.BaseUrl, "/api/telemetry/stats"));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", service.AdminToken);
        using var response = await Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return new TelemetryStats(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    /// <summary>HTTP status and body of /health (200 or 503 with the checks, which the admin key shows).</summary>
    public static async Task<(int Status, JsonElement Body)> HealthAsync(ServiceProcess service)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(service.BaseUrl, "/health"));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", service.AdminToken);
        using var response = await Http.SendAsync(request);
        return ((int)response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    public static string CheckStatus(JsonElement health, string check) =>
        health.GetProperty("checks").GetProperty(check).GetProperty("status").GetString() ?? "";

    public static string CheckDescription(JsonElement health, string check) =>
        health.GetProperty("checks").GetProperty(check).GetProperty("description").GetString() ?? "";

    /// <summary>Waits until the listener is connected and subscribed (health says so) and has
    /// journaled and acknowledged what the broker delivered on subscription (retained status
    /// messages); returns the stats then, the baseline for counting what a test sends.</summary>
    public static async Task<TelemetryStats> WaitUntilReadyAsync(ServiceProcess service, TimeSpan limit)
    {
        TelemetryStats? stats = null;
        var ready = await Wait.UntilAsync(async () =>
        {
            var (_, health) = await HealthAsync(service);
            if (CheckStatus(health, "listener") != "Healthy") return false;
            stats = await StatsAsync(service);
            return stats.Acknowledged == stats.Received;
        }, limit);
        Assert.True(ready, $"the service's listener did not get ready within {limit.TotalSeconds} s: {stats}\n{Tail(service.Output)}");
        // Retained messages follow SUBACK at once; one more look after a beat catches a late one.
        await Task.Delay(1000);
        var settled = await Wait.UntilAsync(async () => (stats = await StatsAsync(service)).Acknowledged == stats.Received, limit);
        Assert.True(settled, $"retained messages were not acknowledged: {stats}");
        return stats!;
    }

    public static string Tail(string output, int lines = 60) => string.Join('\n', output.Split('\n').TakeLast(lines));

    /// <summary>Removes what a test's service leaves behind (<see cref="ServerLeftovers"/>) and its data folder.</summary>
    public static async Task CleanUpAsync(IReadOnlyDictionary<string, string> configuration, ITestOutputHelper? output = null)
    {
        try
        {
            await ServerLeftovers.RemoveSessionAsync(configuration["Mqtt__Host"], int.Parse(configuration["Mqtt__Port"]),
                configuration["Mqtt__Username"], configuration["Mqtt__Password"], configuration["Listener__ClientId"]);
        }
        catch (MqttException e)
        {
            output?.WriteLine($"could not remove the listener session {configuration["Listener__ClientId"]}: {e.Message}");
        }
        if (configuration["InfluxDb__Url"] == TestServers.InfluxUrl.ToString())
        {
            await ServerLeftovers.DropInfluxDatabaseAsync(TestServers.InfluxUrl, configuration["InfluxDb__Username"],
                configuration["InfluxDb__Password"], configuration["InfluxDb__Database"]);
        }
        try { Directory.Delete(configuration["Listener__DataDirectory"], recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}

public static class Wait
{
    /// <summary>Polls <paramref name="condition"/> until it holds or <paramref name="limit"/> passes;
    /// returns whether it held. The caller asserts, with the values it saw.</summary>
    public static async Task<bool> UntilAsync(Func<Task<bool>> condition, TimeSpan limit, TimeSpan? interval = null)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if (await condition()) return true;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (clock.Elapsed > limit) return false;
            await Task.Delay(interval ?? TimeSpan.FromMilliseconds(500));
        }
    }
}

/// <summary>The telemetry tests run one after another: each loads the machine, several publish
/// from the same trucks, and test 3 stops a server.</summary>
[CollectionDefinition(Name)]
public sealed class TelemetryReliabilityCollection
{
    public const string Name = "Telemetry reliability";
}
