using System.Diagnostics;
using Logistics.EndToEnd.Tests.Service;
using Xunit.Abstractions;

namespace Logistics.EndToEnd.Tests.Telemetry;

/// <summary>Issue #5: Mosquitto restarted under load (stopped the way infra.sh stops it, SIGTERM,
/// which saves its persistence file). What the broker acknowledged to a device before it stopped is
/// in that file; the listener's persistent session comes back with it, and the devices resend what
/// was in flight. So nothing may be lost, and nothing may be stored twice.</summary>
[Collection(TelemetryReliabilityCollection.Name)]
public sealed class MosquittoRestartTests(ITestOutputHelper output)
{
    private static readonly string[] Trucks = ["T-001", "T-002", "T-003"];

    [Fact]
    public async Task Every_reading_handed_to_the_devices_is_stored_once_across_a_broker_restart()
    {
        await using var broker = await PrivateMosquitto.StartAsync();
        var config = ServiceProcess.TestServerConfiguration(new Dictionary<string, string>
        {
            ["Mqtt__Port"] = broker.Port.ToString(),
            ["Mqtt__Password"] = broker.ListenerPassword,
        });
        var clock = Stopwatch.StartNew();
        void Log(string line) => output.WriteLine($"{clock.Elapsed.TotalSeconds,6:0.0} s: {line}");
        await using var service = await ServiceProcess.StartAsync(config, TimeSpan.FromSeconds(60));
        var publishers = new List<DevicePublisher>();
        using var stop = new CancellationTokenSource();
        try
        {
            await ServiceProbe.WaitUntilReadyAsync(service, TimeSpan.FromSeconds(60));
            foreach (var truck in Trucks)
                publishers.Add(await DevicePublisher.ConnectAsync(truck, "127.0.0.1", broker.Port, broker.DevicePassword(truck)));
            var t0 = Payloads.NewBaseTime();
            var publishing = Task.WhenAll(publishers.Select(p => Task.Run(() =>
                p.PublishAllAsync(Payloads.Endless(p.Truck, t0, stop.Token), perSecond: 100))));

            using var influx = new InfluxReader(config);
            Assert.True(await Wait.UntilAsync(async () => (await influx.ReadingsPerTruckAsync(Trucks)).Count == Trucks.Length, TimeSpan.FromSeconds(60)),
                "readings did not reach InfluxDB before the restart");
            await Task.Delay(TimeSpan.FromSeconds(3));
            var before = publishers.Sum(p => p.Acknowledged);
            await broker.StopAsync();
            Log($"Mosquitto stopped after {before} acknowledged publishes");
            await Task.Delay(TimeSpan.FromSeconds(5));
            await broker.StartAgainAsync();
            Log("Mosquitto started again");
            await Task.Delay(TimeSpan.FromSeconds(5));
            stop.Cancel();
            await publishing.WaitAsync(TimeSpan.FromMinutes(2));
            var published = publishers.ToDictionary(p => p.Truck, p => p.Acknowledged, StringComparer.Ordinal);
            Log($"acknowledged to the devices: {string.Join(", ", published.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value}"))}");

            Dictionary<string, long> stored = [];
            var complete = await Wait.UntilAsync(async () =>
            {
                stored = await influx.ReadingsPerTruckAsync(Trucks);
                return Trucks.All(t => stored.GetValueOrDefault(t) >= published[t]);
            }, TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(1));
            Log($"stored: {string.Join(", ", stored.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value}"))}");
            Assert.True(complete, $"readings were lost across the broker restart:\n{ServiceProbe.Tail(service.Output)}");
            Assert.Equal(published.OrderBy(p => p.Key), (await influx.ReadingsPerTruckAsync(Trucks)).OrderBy(p => p.Key));
            Assert.Equal(published.OrderBy(p => p.Key), (await influx.DistinctSeqPerTruckAsync(Trucks)).OrderBy(p => p.Key));
            Assert.Equal(200, (await ServiceProbe.HealthAsync(service)).Status);
        }
        finally
        {
            stop.Cancel();
            foreach (var p in publishers) await p.DisposeAsync();
            await service.KillAsync();
            await ServiceProbe.CleanUpAsync(config, output);
        }
    }
}
