using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Logistics.Data.Security;
using Logistics.Telemetry.Influx;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Logistics.Service.Tests.Telemetry;

/// <summary>History and latest readings from readings published as a device, and parameters that try to inject InfluxQL.</summary>
public class TelemetryApiTests(ServiceHost host) : IClassFixture<ServiceHost>
{
    private const string Truck = "T-041";
    private static readonly DateTimeOffset Base = new DateTimeOffset(DateTime.UtcNow.Ticks / TimeSpan.TicksPerMinute * TimeSpan.TicksPerMinute, TimeSpan.Zero).AddHours(-3);
    private static readonly double[] Front = [20, 21, 22, 23, 24, 25, 10, 12, 14, 16, 18, 20, 30, 29, 28, 27, 26, 31];
    private static bool _published;
    private static readonly SemaphoreSlim Once = new(1, 1);

    private async Task<HttpClient> ReadyAsync()
    {
        var qa = await host.ClientAsync(Role.Qa);
        await Once.WaitAsync();
        try
        {
            if (_published) return qa;
            await TruckDevice.WaitForListenerAsync(qa, "T-049");
            await using var device = await TruckDevice.ConnectAsync(Truck);
            for (var i = 0; i < Front.Length; i++)
                await device.SendAsync(Base.AddSeconds(10 * i), [("front", Front[i], 50 + i), ("rear", 19, null)], doorOpen: false,
                    location: (22.8 + i / 1000.0, 108.3));
            // Every reading stored, not only one per bucket: the last reading is the only one at the last minute's maximum
            // (31), so the writer's batches cannot leave the latest reading behind the check.
            await Eventually.GetAsync(() => HistoryAsync(qa, $"sensor=front&bucket=1m&from={Iso(Base)}&to={Iso(Base.AddMinutes(3))}"),
                h => h.GetProperty("series")[0].GetProperty("points").EnumerateArray().Count(p => p.GetProperty("temperatureMean").ValueKind == JsonValueKind.Number) == 3
                     && h.GetProperty("series")[0].GetProperty("points")[2].GetProperty("temperatureMax").GetDouble() == Front[^1],
                "all readings in InfluxDB");
            _published = true;
            return qa;
        }
        finally
        {
            Once.Release();
        }
    }

    [Fact]
    public async Task History_buckets_hold_mean_min_and_max_of_each_minute_with_the_profile_bands()
    {
        var qa = await ReadyAsync();
        var history = await HistoryAsync(qa, $"bucket=1m&from={Iso(Base)}&to={Iso(Base.AddMinutes(3))}");
        Assert.Equal("1m", history.GetProperty("bucket").GetString());
        var profile = history.GetProperty("profile");
        Assert.Equal("tobacco", profile.GetProperty("name").GetString());
        Assert.Equal(25, profile.GetProperty("temperature").GetProperty("warning").GetProperty("max").GetDouble());
        Assert.Equal(45, profile.GetProperty("humidity").GetProperty("critical").GetProperty("min").GetDouble());

        var series = history.GetProperty("series").EnumerateArray().ToDictionary(s => s.GetProperty("sensor").GetString()!);
        Assert.Equal(["front", "rear"], series.Keys.Order());
        var points = series["front"].GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(3, points.Count);
        for (var minute = 0; minute < 3; minute++)
        {
            var values = Front.Skip(6 * minute).Take(6).ToArray();
            var humidity = Enumerable.Range(6 * minute, 6).Select(i => 50.0 + i).ToArray();
            var p = points[minute];
            Assert.Equal(Base.AddMinutes(minute), p.GetProperty("t").GetDateTimeOffset());
            Assert.Equal(values.Average(), p.GetProperty("temperatureMean").GetDouble(), 9);
            Assert.Equal(values.Min(), p.GetProperty("temperatureMin").GetDouble());
            Assert.Equal(values.Max(), p.GetProperty("temperatureMax").GetDouble());
            Assert.Equal(humidity.Average(), p.GetProperty("humidityMean").GetDouble(), 9);
            Assert.Equal(humidity.Min(), p.GetProperty("humidityMin").GetDouble());
            Assert.Equal(humidity.Max(), p.GetProperty("humidityMax").GetDouble());
        }
        var rear = series["rear"].GetProperty("points")[1];
        Assert.Equal(19, rear.GetProperty("temperatureMean").GetDouble());
        Assert.Equal(JsonValueKind.Null, rear.GetProperty("humidityMean").ValueKind);
    }

    [Fact]
    public async Task Latest_shows_each_sensor_position_and_door_of_the_truck()
    {
        var qa = await ReadyAsync();
        var trucks = await qa.GetFromJsonAsync<JsonElement>("/api/telemetry/trucks");
        var truck = trucks.EnumerateArray().Single(t => t.GetProperty("truck").GetString() == Truck);
        var last = Base.AddSeconds(10 * (Front.Length - 1));
        Assert.Equal(last, truck.GetProperty("at").GetDateTimeOffset());
        var front = truck.GetProperty("sensors").EnumerateArray().Single(s => s.GetProperty("sensor").GetString() == "front");
        Assert.Equal(Front[^1], front.GetProperty("temperatureC").GetDouble());
        Assert.Equal(50 + Front.Length - 1, front.GetProperty("humidityPct").GetDouble());
        Assert.Equal(22.8 + (Front.Length - 1) / 1000.0, truck.GetProperty("lat").GetDouble(), 9);
        Assert.False(truck.GetProperty("doorOpen").GetBoolean());
        Assert.True(truck.GetProperty("openAlerts").GetInt32() >= 0);

        var dispatcher = await host.ClientAsync(Role.Dispatcher);
        Assert.Equal(HttpStatusCode.OK, (await dispatcher.GetAsync("/api/telemetry/trucks")).StatusCode);
    }

    [Fact]
    public async Task History_is_for_qa_only()
    {
        var dispatcher = await host.ClientAsync(Role.Dispatcher);
        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.GetAsync($"/api/telemetry/trucks/{Truck}/history")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.CreateClient().GetAsync($"/api/telemetry/trucks/{Truck}/history")).StatusCode);
    }

    [Theory]
    [InlineData("from=2026-11-22T10:00:00Z&to=2026-11-22T09:00:00Z", "from", "2026-11-22T10:00:00Z")]
    [InlineData("from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z&bucket=1h", "to", "2026-03-01T00:00:00Z")]
    [InlineData("from=yesterday", "from", "yesterday")]
    [InlineData("bucket=5s", "bucket", "5s")]
    [InlineData("bucket=2d", "bucket", "2d")]
    [InlineData("from=2026-11-01T00:00:00Z&to=2026-11-30T00:00:00Z&bucket=10s", "bucket", "10s")]
    public async Task Bad_parameters_are_400_naming_the_parameter_and_value(string query, string field, string value)
    {
        var qa = await host.ClientAsync(Role.Qa);
        await AssertRejectedAsync(await qa.GetAsync($"/api/telemetry/trucks/{Truck}/history?{query}"), field, value);
    }

    [Fact]
    public async Task InfluxQL_injection_through_the_parameters_has_no_effect()
    {
        var qa = await ReadyAsync();
        var range = $"from={Iso(Base)}&to={Iso(Base.AddMinutes(3))}";

        await AssertRejectedAsync(await qa.GetAsync($"/api/telemetry/trucks/{Uri.EscapeDataString("T-001' OR 1=1 --")}/history?{range}"),
            "truck", "T-001' OR 1=1 --");
        await AssertRejectedAsync(await qa.GetAsync($"/api/telemetry/trucks/{Truck}/history?{range}&bucket={Uri.EscapeDataString("1m) ; DROP")}"),
            "bucket", "1m) ; DROP");
        var sensor = await HistoryAsync(qa, $"{range}&sensor={Uri.EscapeDataString("x\"; DROP DATABASE logistics")}");
        Assert.Empty(sensor.GetProperty("series")[0].GetProperty("points").EnumerateArray());
        var injectedSensor = await HistoryAsync(qa, $"{range}&sensor={Uri.EscapeDataString("front' OR sensor='rear")}");
        Assert.Empty(injectedSensor.GetProperty("series")[0].GetProperty("points").EnumerateArray());
        await AssertRejectedAsync(await qa.GetAsync($"/api/alerts?truck={Uri.EscapeDataString("T-1' OR '1'='1")}"), "truck", "T-1' OR '1'='1");

        var influx = host.Services.GetRequiredService<InfluxDbClient>();
        Assert.Contains(host.InfluxDatabase, await influx.ShowDatabasesAsync(CancellationToken.None));
        var after = await HistoryAsync(qa, $"{range}&sensor=front&bucket=1m");
        Assert.Equal(Front.Take(6).Average(), after.GetProperty("series")[0].GetProperty("points")[0].GetProperty("temperatureMean").GetDouble(), 9);
    }

    private static async Task<JsonElement> HistoryAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync($"/api/telemetry/trucks/{Truck}/history?{query}");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    internal static async Task AssertRejectedAsync(HttpResponseMessage response, string field, string value)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {body}");
        var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors");
        var messages = errors.GetProperty(field).EnumerateArray().Select(m => m.GetString()!).ToList();
        Assert.Contains(messages, m => m.Contains($"'{value}'", StringComparison.Ordinal));
    }

    private static string Iso(DateTimeOffset t) => Uri.EscapeDataString(InfluxQl.Rfc3339(t));
}
