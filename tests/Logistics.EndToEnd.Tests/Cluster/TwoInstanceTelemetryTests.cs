using System.Diagnostics;
using Logistics.Data;
using Logistics.Data.Jobs;
using Logistics.Data.Partitions;
using Logistics.EndToEnd.Tests.Service;
using Logistics.EndToEnd.Tests.Telemetry;
using Logistics.Storage;
using Xunit.Abstractions;

namespace Logistics.EndToEnd.Tests.Cluster;

/// <summary>Issue 16: two service processes on one PostgreSQL database share the fleet's listener partitions through
/// leases; one is killed with SIGKILL while 50 trucks publish. The other takes its partitions over (same client ids, so
/// the broker hands it the sessions and what they queued), and once the killed one is back, the readings it had
/// acknowledged into its own journal reach InfluxDB too: every reading is stored exactly once, and no alert is raised
/// twice.</summary>
[Collection(TelemetryReliabilityCollection.Name)]
public sealed class TwoInstanceTelemetryTests(ITestOutputHelper output)
{
    private const int Trucks = 50, MessagesPerTruck = 400, Partitions = 4;
    private const double PerSecondPerTruck = 20;
    // A sensor fault opens an alert at once; it stays open for ClearHold (2 min of device time, 1,200 messages here), so
    // the second fault must find it open, whichever instance evaluates the truck by then.
    private static readonly int[] FaultAt = [100, 300];

    [Fact]
    public async Task Every_reading_is_stored_once_and_no_alert_raised_twice_when_one_of_two_listening_instances_is_killed()
    {
        await using var test = await TestDatabase.CreateAsync(SqlProvider.Postgres);
        // T-051..T-100 (test.sh provides 100 device accounts): no other test publishes as these trucks, and this test's
        // readings and faults stay out of the services other tests run beside it on the same broker.
        var trucks = Enumerable.Range(51, Trucks).Select(n => $"T-{n:000}").ToList();
        var folder = Directory.CreateTempSubdirectory("two-listeners-").FullName;
        var fleetFile = Path.Combine(folder, "fleet.csv");
        await File.WriteAllLinesAsync(fleetFile, ["truck", .. trucks]);
        var clientId = $"e2e-{Guid.NewGuid():N}"[..16];
        var influxDatabase = $"e2e_{Guid.NewGuid():N}";
        Dictionary<string, string> Config(string instance) => ServiceProcess.TestServerConfiguration(new Dictionary<string, string>
        {
            ["Database__Provider"] = SqlProvider.Postgres,
            ["Database__ConnectionString"] = test.Database.ConnectionString,
            ["Database__InstanceId"] = instance,
            ["Listener__ClientId"] = clientId,
            ["Listener__Partitions"] = Partitions.ToString(),
            ["Listener__PartitionLeaseSeconds"] = "4",
            ["Listener__FleetFile"] = fleetFile,
            ["Listener__DataDirectory"] = Path.Combine(folder, instance),
            ["InfluxDb__Database"] = influxDatabase,
        });
        var configA = Config("e2e-a");
        var leases = new PartitionLeaseStore(new LogisticsDatabase(test.Database), Partitions, new JobInstance("e2e-test", TimeSpan.FromSeconds(4)));
        var clock = Stopwatch.StartNew();
        void Log(string what) => output.WriteLine($"{clock.Elapsed.TotalSeconds,6:0.0} s: {what}");
        var a = await ServiceProcess.StartAsync(configA, TimeSpan.FromSeconds(90));
        var b = await ServiceProcess.StartAsync(Config("e2e-b"), TimeSpan.FromSeconds(90));
        var publishers = new List<DevicePublisher>();
        try
        {
            Assert.True(await Wait.UntilAsync(async () => await leases.OwnersAsync(DateTimeOffset.UtcNow) is var owners
                    && owners.Count(o => o == "e2e-a") == 2 && owners.Count(o => o == "e2e-b") == 2, TimeSpan.FromSeconds(60)),
                $"the partitions were not shared 2 and 2: {string.Join(", ", await leases.OwnersAsync(DateTimeOffset.UtcNow))}\n{ServiceProbe.Tail(a.Output)}\n---\n{ServiceProbe.Tail(b.Output)}");
            Log($"partitions: {string.Join(", ", await leases.OwnersAsync(DateTimeOffset.UtcNow))}");

            foreach (var truck in trucks) publishers.Add(await DevicePublisher.ConnectAsync(truck));
            var t0 = Payloads.NewBaseTime();
            var publishing = Task.WhenAll(publishers.Select(p => Task.Run(() =>
                p.PublishAllAsync(Enumerable.Range(1, MessagesPerTruck).Select(seq => Message(p.Truck, seq, t0)), PerSecondPerTruck))));

            // Between the two faults (seq 100 at 5 s, seq 300 at 15 s): the first alert is open, the second fault is to come.
            await Task.Delay(TimeSpan.FromSeconds(8));
            await a.KillAsync();
            Log($"instance a killed; {publishers.Sum(p => p.Acknowledged)} messages acknowledged by the broker");
            await publishing.WaitAsync(TimeSpan.FromMinutes(2));
            Log($"all {publishers.Sum(p => p.Acknowledged)} published");
            Assert.True(await Wait.UntilAsync(async () => (await leases.OwnersAsync(DateTimeOffset.UtcNow)).All(o => o == "e2e-b"), TimeSpan.FromSeconds(30)),
                "instance b did not take every partition over");

            using var influx = new InfluxReader(configA);
            var expected = trucks.ToDictionary(t => t, _ => (long)MessagesPerTruck, StringComparer.Ordinal);
            // What b can store: everything but what a had acknowledged into its own journal and not yet stored.
            long stored = -1, previous;
            do
            {
                previous = stored;
                await Task.Delay(TimeSpan.FromSeconds(3));
                stored = (await influx.ReadingsPerTruckAsync(trucks)).Values.Sum();
            } while (stored != previous && stored < Trucks * MessagesPerTruck);
            Log($"with a dead: {stored} of {Trucks * MessagesPerTruck} readings stored; {Trucks * MessagesPerTruck - stored} wait in a's journal");

            var killed = a;
            a = await killed.StartAgainAsync(TimeSpan.FromSeconds(90));
            await killed.DisposeAsync();
            Log("instance a started again");
            Dictionary<string, long> perTruck = [];
            var complete = await Wait.UntilAsync(async () =>
            {
                perTruck = await influx.ReadingsPerTruckAsync(trucks);
                return trucks.All(t => perTruck.GetValueOrDefault(t) >= MessagesPerTruck);
            }, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(1));
            Log($"stored {perTruck.Values.Sum()} readings");
            Assert.True(complete, $"not everything was stored:\n{ServiceProbe.Tail(a.Output)}\n---\n{ServiceProbe.Tail(b.Output)}");
            Assert.Equal(expected.OrderBy(e => e.Key), (await influx.ReadingsPerTruckAsync(trucks)).OrderBy(e => e.Key));
            Assert.Equal(expected.OrderBy(e => e.Key), (await influx.DistinctSeqPerTruckAsync(trucks)).OrderBy(e => e.Key));

            // One sensor-fault alert per truck: in the shared alert store, and as opened in InfluxDB (where a second
            // opening would show even though the store's unique index would refuse it).
            Assert.Equal(Trucks, await test.ScalarAsync("SELECT COUNT(*) FROM alerts WHERE kind = 'SensorFault'"));
            Assert.Equal(Trucks, await test.ScalarAsync("SELECT COUNT(DISTINCT truck) FROM alerts WHERE kind = 'SensorFault' AND sensor = 'front'"));
            var opened = await influx.CountByAsync(
                $"SELECT count(alert_id) FROM alerts WHERE event = 'Opened' AND kind = 'SensorFault' AND truck =~ /^({string.Join('|', trucks)})$/ GROUP BY truck", "truck");
            Assert.Equal(expected.Select(e => KeyValuePair.Create(e.Key, 1L)).OrderBy(e => e.Key), opened.OrderBy(e => e.Key));

            var history = new List<JobEvent>();
            for (var i = 0; i < Partitions; i++) history.AddRange(await leases.HistoryAsync(i));
            Assert.Contains(history, h => h.Instance == "e2e-b" && h.Event.StartsWith("taken over from e2e-a", StringComparison.Ordinal));
        }
        finally
        {
            foreach (var p in publishers) await p.DisposeAsync();
            await a.DisposeAsync();
            await b.DisposeAsync();
            for (var i = 0; i < Partitions; i++)
                await ServiceProbe.CleanUpAsync(new Dictionary<string, string>(configA) { ["Listener__ClientId"] = $"{clientId}-p{i}" }, output);
            Directory.Delete(folder, recursive: true);
        }
    }

    private static byte[] Message(string truck, long seq, DateTimeOffset t0) =>
        FaultAt.Contains((int)seq)
            ? Payloads.Message(truck, seq, Payloads.TimeOf(t0, seq), new Payloads.Reading("front", -999, 55))
            : Payloads.Simple(truck, seq, t0);
}
