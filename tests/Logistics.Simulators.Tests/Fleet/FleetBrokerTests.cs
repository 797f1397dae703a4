using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Logistics.Mqtt;
using Logistics.Simulators.Fleet.Publishing;

namespace Logistics.Simulators.Tests.Fleet;

/// <summary>The simulator as a process against the test profile's Mosquitto, watched by the listener account.</summary>
public class FleetBrokerTests
{
    private static readonly string Simulator = RepositoryPaths.ProgramDll("Logistics.Simulators.Fleet");

    private static MqttClient Listener(string id) => new(new MqttClientOptions
    {
        Host = TestServers.MqttHost,
        Port = TestServers.MqttPort,
        ClientId = $"{id}-{Guid.NewGuid():N}"[..23],
        Username = TestServers.ListenerUser,
        Password = TestServers.ListenerPassword,
        AutoAcknowledge = true,
    });

    [Fact]
    public async Task Every_acknowledged_message_reaches_the_listener_and_the_summary_counts_them_per_truck()
    {
        await using var listener = Listener("fleet-test");
        await listener.ConnectAsync(CancellationToken.None);
        await listener.SubscribeAsync("fleet/+/telemetry", MqttQualityOfService.AtLeastOnce, CancellationToken.None);
        // Distinct payloads per truck: a redelivered duplicate (allowed at QoS 1) is one message.
        var received = new ConcurrentDictionary<string, ConcurrentDictionary<string, byte>>();
        using var stopListening = new CancellationTokenSource();
        var listening = Task.Run(async () =>
        {
            try
            {
                await foreach (var m in listener.Messages.ReadAllAsync(stopListening.Token))
                    received.GetOrAdd(m.Topic.Split('/')[1], _ => new())[Convert.ToBase64String(SHA256.HashData(m.Payload.Span))] = 0;
            }
            catch (OperationCanceledException)
            {
                // The test has what it needs.
            }
        });

        var summaryFile = Path.Combine(Path.GetTempPath(), $"fleet-summary-{Guid.NewGuid():N}.json");
        try
        {
            // 4 trucks, 30 simulated minutes in 3 s of wall time, with a silent spell and broken messages.
            var run = await ProcessRunner.RunAsync("dotnet",
                [Simulator, "--trucks", "4", "--seed", "7", "--interval", "10s", "--time-scale", "600", "--duration", "30m",
                 "--fault", "malformed:T-002@5m", "--fault", "silent:T-003@5m+10m", "--fault", "reefer-failure:T-004@1m",
                 "--summary", summaryFile],
                TimeSpan.FromSeconds(120));
            Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}\n{run.StandardOutput}\n{run.StandardError}");
            var summary = FleetSummary.FromJson(await File.ReadAllTextAsync(summaryFile));

            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (received.Values.Sum(v => v.Count) < summary.Totals.Messages && DateTime.UtcNow < deadline) await Task.Delay(100);
            await stopListening.CancelAsync();
            await listening;

            Assert.Equal(["T-001", "T-002", "T-003", "T-004"], summary.Trucks.Select(t => t.Truck));
            Assert.All(summary.Trucks, t => Assert.Equal((t.Truck, t.Messages), (t.Truck, (long)(received.TryGetValue(t.Truck, out var set) ? set.Count : 0))));
            Assert.Equal(0, summary.Totals.Unacknowledged);
            var byTruck = summary.Trucks.ToDictionary(t => t.Truck);
            Assert.Equal(180, byTruck["T-001"].Messages);               // 30 min / 10 s
            Assert.InRange(byTruck["T-001"].Readings, 180 * 2, 180 * 4);         // 2 to 4 sensors
            Assert.Equal(0, byTruck["T-002"].Readings % (180 - 4));              // none from the broken ones
            Assert.Equal(4, byTruck["T-002"].Malformed);
            Assert.Equal(180 - 60, byTruck["T-003"].Messages);
            Assert.Contains("total", run.StandardOutput);
        }
        finally
        {
            File.Delete(summaryFile);
        }

        // A clean end leaves each truck's retained status at offline.
        await using var status = Listener("fleet-status");
        await status.ConnectAsync(CancellationToken.None);
        await status.SubscribeAsync("fleet/T-001/status", MqttQualityOfService.AtLeastOnce, CancellationToken.None);
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var retained = await status.Messages.ReadAsync(wait.Token);
        Assert.Equal("offline", Encoding.UTF8.GetString(retained.Payload.Span));
    }

    [Fact]
    public async Task A_wrong_device_password_stops_the_run_naming_the_truck()
    {
        var devices = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(devices, "truck,password\nT-001,not-the-password\n");
            var run = await ProcessRunner.RunAsync("dotnet", [Simulator, "--trucks", "1", "--duration", "1m", "--devices", devices], TimeSpan.FromSeconds(60));

            Assert.Equal(1, run.ExitCode);
            Assert.Contains("1 of 1 trucks could not connect", run.StandardError);
            Assert.Contains("T-001:", run.StandardError);
        }
        finally
        {
            File.Delete(devices);
        }
    }
}
