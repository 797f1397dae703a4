using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Logistics.Mqtt;

namespace Logistics.Service.Tests.Telemetry;

/// <summary>An in-cab device publishing through the test broker under its own account, so readings take the
/// service's real path (listener, journal, InfluxDB, alert engine).</summary>
public sealed class TruckDevice : IAsyncDisposable
{
    private readonly MqttClient _client;
    private long _seq;

    private TruckDevice(string truck, MqttClient client) => (Truck, _client) = (truck, client);

    public string Truck { get; }

    public static async Task<TruckDevice> ConnectAsync(string truck)
    {
        var client = new MqttClient(new MqttClientOptions
        {
            Host = TestServers.MqttHost, Port = TestServers.MqttPort, Username = truck, Password = TestServers.DevicePassword(truck),
            ClientId = $"{truck}-{Guid.NewGuid():N}"[..20],
        });
        await client.ConnectAsync(CancellationToken.None);
        return new TruckDevice(truck, client);
    }

    /// <summary>One telemetry message at device time <paramref name="at"/>.</summary>
    public async Task SendAsync(DateTimeOffset at, IEnumerable<(string Sensor, double? TemperatureC, double? HumidityPct)> readings,
        bool? doorOpen = null, (double Lat, double Lon)? location = null)
    {
        var payload = new Dictionary<string, object?>
        {
            ["truck"] = Truck,
            ["seq"] = ++_seq,
            ["ts"] = at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["readings"] = readings.Select(r => new Dictionary<string, object?>
            {
                ["sensor"] = r.Sensor, ["temperature_c"] = r.TemperatureC, ["humidity_pct"] = r.HumidityPct,
            }.Where(kv => kv.Value is not null).ToDictionary()).ToList(),
        };
        if (doorOpen is { } door) payload["door_open"] = door;
        if (location is { } l) payload["location"] = new { lat = l.Lat, lon = l.Lon };
        await _client.PublishAsync($"fleet/{Truck}/telemetry", JsonSerializer.SerializeToUtf8Bytes(payload), MqttQualityOfService.AtLeastOnce,
            retain: false, CancellationToken.None);
    }

    /// <summary>Waits until the host's listener has subscribed: publishes current readings from <paramref name="probeTruck"/>
    /// until the listener counts a received message (messages published before the subscription would be lost). A
    /// truck of its own, because the engine skips a truck's messages older than one it has evaluated.</summary>
    public static async Task WaitForListenerAsync(HttpClient client, string probeTruck)
    {
        await using var probe = await ConnectAsync(probeTruck);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            await probe.SendAsync(DateTimeOffset.UtcNow, [("probe", 20, 55)]);
            var stats = await client.GetFromJsonAsync<JsonElement>("/api/telemetry/stats");
            if (stats.GetProperty("received").GetInt64() > 0) return;
            await Task.Delay(250);
        }
        throw new TimeoutException("the service's listener received nothing within 30 s");
    }

    public ValueTask DisposeAsync() => _client.DisposeAsync();
}
