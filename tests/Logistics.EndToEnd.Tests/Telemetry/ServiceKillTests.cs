using System.Diagnostics;
using Logistics.EndToEnd.Tests.Service;
using Xunit.Abstractions;

namespace Logistics.EndToEnd.Tests.Telemetry;

/// <summary>Issue #5: a reading acknowledged to a device is never lost and never stored twice, however
/// often the service dies (SIGKILL, so nothing of its shutdown runs).</summary>
[Collection(TelemetryReliabilityCollection.Name)]
public sealed class ServiceKillTests(ITestOutputHelper output)
{
    private const int Trucks = 10, MessagesPerTruck = 5_000, Kills = 5;

    [Fact]
    public async Task Stores_every_QoS_1_reading_exactly_once_across_five_kill_9_restarts()
    {
        var trucks = Enumerable.Range(40, Trucks).Select(n => $"T-0{n}").ToList();
        var config = ServiceProcess.TestServerConfiguration();
        var random = new Random(20_261_122);
        var clock = Stopwatch.StartNew();
        var service = await ServiceProcess.StartAsync(config, TimeSpan.FromSeconds(60));
        var publishers = new List<DevicePublisher>();
        try
        {
            await ServiceProbe.WaitUntilReadyAsync(service, TimeSpan.FromSeconds(60));
            foreach (var truck in trucks) publishers.Add(await DevicePublisher.ConnectAsync(truck));
            var t0 = Payloads.NewBaseTime();
            // Paced to ~2,000 messages/s in all, so that the kills fall while devices still publish.
            var publishing = Task.WhenAll(publishers.Select(p => Task.Run(() =>
                p.PublishAllAsync(Enumerable.Range(1, MessagesPerTruck).Select(seq => Payloads.Simple(p.Truck, seq, t0)), perSecond: 200))));

            for (var kill = 1; kill <= Kills; kill++)
            {
                // A random moment of the service's life: that is the point, not a wait for a condition.
                await Task.Delay(TimeSpan.FromMilliseconds(random.Next(1_000, 5_000)));
                var before = await TryStatsAsync(service);
                await service.KillAsync();
                output.WriteLine($"{clock.Elapsed.TotalSeconds,6:0.0} s: kill {kill}; published {publishers.Sum(p => p.Acknowledged)}; " +
                                 $"that process received {before?.Received}, stored {before?.ReadingsStored}, journal at {before?.LastSequence}");
                await service.DisposeAsync();
                await Task.Delay(TimeSpan.FromMilliseconds(random.Next(100, 2_000)));
                // The same client id, data directory and database: the broker kept the session.
                service = await ServiceProcess.StartAsync(config, TimeSpan.FromSeconds(90));
            }
            await publishing.WaitAsync(TimeSpan.FromMinutes(5));
            output.WriteLine($"{clock.Elapsed.TotalSeconds,6:0.0} s: all {publishers.Sum(p => p.Acknowledged)} acknowledged by the broker");
            Assert.All(publishers, p => Assert.Equal(MessagesPerTruck, p.Acknowledged));

            using var influx = new InfluxReader(config);
            var expected = trucks.ToDictionary(t => t, _ => (long)MessagesPerTruck, StringComparer.Ordinal);
            Dictionary<string, long> stored = [];
            TelemetryStats? stats = null;
            var complete = await Wait.UntilAsync(async () =>
            {
                stored = await influx.ReadingsPerTruckAsync(trucks);
                stats = await ServiceProbe.StatsAsync(service);
                // Not stats.Drained: the retained status messages delivered on each resubscription hold
                // no points, and the writer commits those only with a later point-bearing record.
                return trucks.All(t => stored.GetValueOrDefault(t) >= MessagesPerTruck);
            }, TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(2));
            output.WriteLine($"{clock.Elapsed.TotalSeconds,6:0.0} s: stored {string.Join(", ", stored.OrderBy(s => s.Key).Select(s => $"{s.Key} {s.Value}"))}; stats {stats}");
            Assert.True(complete, $"not everything was stored within 5 minutes:\n{ServiceProbe.Tail(service.Output)}");

            Assert.Equal(expected.OrderBy(e => e.Key), (await influx.ReadingsPerTruckAsync(trucks)).OrderBy(e => e.Key));
            Assert.Equal(expected.OrderBy(e => e.Key), (await influx.DistinctSeqPerTruckAsync(trucks)).OrderBy(e => e.Key));
            Assert.Empty(await influx.RejectedByReasonAsync(trucks));
            Assert.False(service.HasExited);
        }
        finally
        {
            foreach (var p in publishers) await p.DisposeAsync();
            await service.DisposeAsync();
            await ServiceProbe.CleanUpAsync(config, output);
        }
    }

    private static async Task<TelemetryStats?> TryStatsAsync(ServiceProcess service)
    {
        try
        {
            return await ServiceProbe.StatsAsync(service);
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (TaskCanceledException)
        {
            return null;
        }
    }
}
