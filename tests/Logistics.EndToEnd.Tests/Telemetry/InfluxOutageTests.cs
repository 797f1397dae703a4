using System.Diagnostics;
using Logistics.EndToEnd.Tests.Service;
using Xunit.Abstractions;

namespace Logistics.EndToEnd.Tests.Telemetry;

/// <summary>Issue #5: InfluxDB away for two minutes under load; readings wait in the journal and all
/// arrive once it is back. Issue 14: an alert raised while InfluxDB is away reaches the cab all the same.</summary>
[Collection(TelemetryReliabilityCollection.Name)]
public sealed class InfluxOutageTests(ITestOutputHelper output)
{
    private static readonly string[] Trucks = ["T-036", "T-037", "T-038", "T-039"];
    // No other test publishes as this truck: its sensor fault is the only alert on its topic.
    private const string FaultyTruck = "T-047";
    private static readonly TimeSpan Outage = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Keeps_readings_in_the_journal_while_InfluxDB_is_down_for_two_minutes_and_stores_them_all_after()
    {
        await using var influxDb = await PrivateInfluxDb.StartAsync();
        var config = ServiceProcess.TestServerConfiguration(new Dictionary<string, string>
        {
            ["InfluxDb__Url"] = influxDb.Url.ToString(),
            ["InfluxDb__Username"] = influxDb.User,
            ["InfluxDb__Password"] = influxDb.Password,
        });
        var clock = Stopwatch.StartNew();
        void Log(string line) => output.WriteLine($"{clock.Elapsed.TotalSeconds,6:0.0} s: {line}");
        await using var service = await ServiceProcess.StartAsync(config, TimeSpan.FromSeconds(60));
        var publishers = new List<DevicePublisher>();
        using var stop = new CancellationTokenSource();
        try
        {
            await ServiceProbe.WaitUntilReadyAsync(service, TimeSpan.FromSeconds(60));
            foreach (var truck in Trucks) publishers.Add(await DevicePublisher.ConnectAsync(truck));
            var t0 = Payloads.NewBaseTime();
            // 10 messages/s per truck until told to stop; the last message handed over still completes.
            var publishing = Task.WhenAll(publishers.Select(p => Task.Run(() =>
                p.PublishAllAsync(Payloads.Endless(p.Truck, t0, stop.Token), perSecond: 10))));

            using var influx = new InfluxReader(config);
            Assert.True(await Wait.UntilAsync(async () => (await influx.ReadingsPerTruckAsync(Trucks)).Count == Trucks.Length, TimeSpan.FromSeconds(60)),
                "readings did not reach InfluxDB before the outage");
            Log($"readings stored before the outage: {(await influx.ReadingsPerTruckAsync(Trucks)).Values.Sum()}");

            await influxDb.StopAsync();
            var outage = Stopwatch.StartNew();
            Log("InfluxDB stopped");
            // Once the batch in flight has settled, the checkpoint must not move while InfluxDB is away.
            TelemetryStats? early = null;
            Assert.True(await Wait.UntilAsync(async () =>
            {
                var (status, health) = await ServiceProbe.HealthAsync(service);
                early = await ServiceProbe.StatsAsync(service);
                return status == 503 && ServiceProbe.CheckStatus(health, "influxdb") == "Unhealthy" && early.Body.GetProperty("influxFailures").GetInt64() > 0;
            }, TimeSpan.FromSeconds(60)), $"/health did not report InfluxDB down: {early}");
            var (_, healthDuring) = await ServiceProbe.HealthAsync(service);
            Log($"health during the outage: influxdb {ServiceProbe.CheckDescription(healthDuring, "influxdb")}; listener {ServiceProbe.CheckDescription(healthDuring, "listener")}");
            Assert.Contains("Cannot reach InfluxDB", ServiceProbe.CheckDescription(healthDuring, "influxdb"));
            early = await ServiceProbe.StatsAsync(service);

            // Alerts never wait for InfluxDB: a sensor fault during the outage reaches its truck's cab.
            await using (var cab = await DevicePublisher.ConnectAsync(FaultyTruck))
            {
                var alerts = await cab.SubscribeToAlertsAsync();
                await cab.PublishAsync(Payloads.Message(FaultyTruck, 1, DateTimeOffset.UtcNow, new Payloads.Reading("front", -999, -999)));
                var alert = await alerts.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
                var text = System.Text.Encoding.UTF8.GetString(alert.Payload.Span);
                Log($"alert during the outage: {text}");
                Assert.Contains("\"kind\":\"SensorFault\"", text);
                Assert.Contains($"\"truck\":\"{FaultyTruck}\"", text);
            }

            var remaining = Outage - outage.Elapsed;
            if (remaining > TimeSpan.Zero) await Task.Delay(remaining); // the outage's length is the scenario
            var late = await ServiceProbe.StatsAsync(service);
            Log($"after {outage.Elapsed.TotalSeconds:0} s down: published {publishers.Sum(p => p.Acknowledged)}; early {Brief(early)}; late {Brief(late)}");
            Assert.Equal(early.Checkpoint("influx"), late.Checkpoint("influx"));
            Assert.True(late.LastSequence - late.Checkpoint("influx") >= Trucks.Length * 10 * 60,
                $"readings did not wait in the journal: {late}");
            Assert.True(late.Acknowledged > early.Acknowledged, "the listener stopped taking messages while InfluxDB was down");

            await influxDb.StartAgainAsync();
            Log("InfluxDB started again");
            await Task.Delay(TimeSpan.FromSeconds(5)); // publishing goes on a little after the return
            stop.Cancel();
            await publishing.WaitAsync(TimeSpan.FromMinutes(1));
            var published = publishers.ToDictionary(p => p.Truck, p => p.Acknowledged, StringComparer.Ordinal);
            Log($"published {string.Join(", ", published.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value}"))}");

            Dictionary<string, long> stored = [];
            var complete = await Wait.UntilAsync(async () =>
            {
                stored = await influx.ReadingsPerTruckAsync(Trucks);
                return Trucks.All(t => stored.GetValueOrDefault(t) >= published[t]);
            }, TimeSpan.FromMinutes(3), TimeSpan.FromSeconds(1));
            Log($"stored {string.Join(", ", stored.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value}"))}");
            Assert.True(complete, $"not every reading arrived after InfluxDB came back:\n{ServiceProbe.Tail(service.Output)}");
            Assert.Equal(published.OrderBy(p => p.Key), (await influx.ReadingsPerTruckAsync(Trucks)).OrderBy(p => p.Key));
            Assert.Equal(published.OrderBy(p => p.Key), (await influx.DistinctSeqPerTruckAsync(Trucks)).OrderBy(p => p.Key));
            var (statusAfter, healthAfter) = await ServiceProbe.HealthAsync(service);
            Assert.Equal("Healthy", ServiceProbe.CheckStatus(healthAfter, "influxdb"));
            Log($"health after: {statusAfter}");
        }
        finally
        {
            stop.Cancel();
            foreach (var p in publishers) await p.DisposeAsync();
            await service.KillAsync();
            await ServiceProbe.CleanUpAsync(config, output);
        }
    }

    private static string Brief(TelemetryStats s) =>
        $"acknowledged {s.Acknowledged}, journal at {s.LastSequence}, influx checkpoint {s.Checkpoint("influx")}, readings stored {s.ReadingsStored}";
}
