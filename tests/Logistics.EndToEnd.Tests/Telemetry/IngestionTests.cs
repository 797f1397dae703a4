using System.Text;
using Logistics.EndToEnd.Tests.Service;
using Xunit.Abstractions;
using static Logistics.EndToEnd.Tests.Telemetry.Payloads;

namespace Logistics.EndToEnd.Tests.Telemetry;

/// <summary>Issue #5: what devices publish ends up in InfluxDB exactly once; what is malformed or
/// hostile is refused, counted by reason and kept in <c>rejected</c>.</summary>
[Collection(TelemetryReliabilityCollection.Name)]
public sealed class IngestionTests(ITestOutputHelper output)
{
    private const string Injection1 = "x' OR 1=1 --", Injection2 = "\"; DROP DATABASE logistics";

    [Fact]
    public async Task Stores_good_readings_once_per_truck_and_counts_every_refused_message_by_reason()
    {
        var config = ServiceProcess.TestServerConfiguration();
        await using var service = await ServiceProcess.StartAsync(config, TimeSpan.FromSeconds(60));
        try
        {
            var baseline = await ServiceProbe.WaitUntilReadyAsync(service, TimeSpan.FromSeconds(60));
            var t0 = NewBaseTime();
            var now = DateTimeOffset.UtcNow;

            // Good: three trucks, several sensors, one with injection strings as sensor names (valid
            // names: printable, at most 64 characters), which must be stored verbatim as tags.
            var good = new Dictionary<string, List<byte[]>>
            {
                ["T-036"] = Enumerable.Range(1, 20).Select(s => Message("T-036", s, TimeOf(t0, s), new Reading("front", 20.5, 55), new Reading("rear", 21, 56))).ToList(),
                ["T-037"] = Enumerable.Range(1, 15).Select(s => Message("T-037", s, TimeOf(t0, s), new Reading("front", 19.25))).ToList(),
                ["T-038"] = Enumerable.Range(1, 10).Select(s => Message("T-038", s, TimeOf(t0, s), new Reading(Injection1, 18, 57), new Reading(Injection2, 18.5))).ToList(),
            };
            var expectedReadings = new Dictionary<string, long> { ["T-036"] = 40, ["T-037"] = 15 + 1, ["T-038"] = 20 };
            // A −999 sensor fault: the message stays, the faulty quantity goes to rejected.
            good["T-037"].Add(Message("T-037", 100, TimeOf(t0, 100), new Reading("front", -999), new Reading("rear", 20)));
            // The same messages again (as after a lost PUBACK): no duplicates.
            var republished = good["T-036"].Take(5).Concat(good["T-037"].Take(3)).ToList();

            var validTail = $"\"ts\":\"{TimeOf(t0, 500):O}\",\"readings\":[{{\"sensor\":\"front\",\"temperature_c\":20}}]}}";
            var bad = new List<(string Reason, string? Topic, byte[] Payload)>
            {
                ("not_json", null, Encoding.UTF8.GetBytes("temperature is 20 degrees")),
                ("wrong_type", null, Encoding.UTF8.GetBytes($"{{\"truck\":\"T-039\",\"seq\":\"7\",{validTail}")),
                ("wrong_type", null, Encoding.UTF8.GetBytes($"{{\"truck\":\"T-039\",\"seq\":8,\"ts\":\"{TimeOf(t0, 8):O}\",\"readings\":[{{\"sensor\":\"front\",\"temperature_c\":\"20\"}}]}}")),
                ("truck_mismatch", null, Message("T-001", 9, TimeOf(t0, 9), new Reading("front", 20))),
                ("truck_mismatch", null, Message(Injection1, 10, TimeOf(t0, 10), new Reading("front", 20))),
                ("truck_mismatch", null, Message(Injection2, 11, TimeOf(t0, 11), new Reading("front", 20))),
                // Under the broker's 256 KiB limit, over the listener's 64 KiB.
                ("payload_too_large", null, Encoding.UTF8.GetBytes($"{{\"truck\":\"T-039\",\"seq\":12,\"pad\":\"{new string('x', 200 * 1024)}\",{validTail}")),
                ("missing_field", null, Encoding.UTF8.GetBytes($"{{\"truck\":\"T-039\",\"seq\":13,\"ts\":\"{TimeOf(t0, 13):O}\"}}")),
                ("duplicate_field", null, Encoding.UTF8.GetBytes($"{{\"truck\":\"T-039\",\"seq\":14,\"seq\":15,{validTail}")),
                ("invalid_value", null, Encoding.UTF8.GetBytes($"{{\"truck\":\"T-039\",\"seq\":-1,{validTail}")),
                ("invalid_value", null, Message("T-039", 16, TimeOf(t0, 16), new Reading("bell\u0007\n[ERR] forged", 20))),
                ("invalid_value", "fleet/T-039/status", Encoding.UTF8.GetBytes("'; DROP MEASUREMENT readings; --")),
                ("future_timestamp", null, Message("T-039", 17, now.AddHours(1), new Reading("front", 20))),
            };

            var publishers = new Dictionary<string, DevicePublisher>();
            try
            {
                foreach (var truck in new[] { "T-036", "T-037", "T-038", "T-039" })
                    publishers[truck] = await DevicePublisher.ConnectAsync(truck);
                await Task.WhenAll(good.Select(g => publishers[g.Key].PublishAllAsync(g.Value)));
                await publishers["T-039"].PublishAllAsync(bad.Select(b => (b.Topic, b.Payload)));
                // After the first copies are stored, so that the copies really come second.
                await WaitForAsync(service, baseline, good.Values.Sum(g => g.Count) + bad.Count);
                await publishers["T-036"].PublishAllAsync(republished.Take(5));
                await publishers["T-037"].PublishAllAsync(republished.Skip(5));
            }
            finally
            {
                foreach (var p in publishers.Values) await p.DisposeAsync();
            }
            var sent = good.Values.Sum(g => g.Count) + bad.Count + republished.Count;
            var stats = await WaitForAsync(service, baseline, sent);
            output.WriteLine($"stats: {stats}");

            using var influx = new InfluxReader(config);
            var readings = await influx.ReadingsPerTruckAsync(["T-036", "T-037", "T-038"]);
            Assert.Equal(expectedReadings.OrderBy(e => e.Key), readings.OrderBy(e => e.Key));
            var distinctSeq = await influx.DistinctSeqPerTruckAsync(["T-036", "T-037", "T-038"]);
            Assert.Equal(new Dictionary<string, long> { ["T-036"] = 20, ["T-037"] = 16, ["T-038"] = 10 }.OrderBy(e => e.Key), distinctSeq.OrderBy(e => e.Key));

            var sensors = (await influx.SeriesAsync("SHOW TAG VALUES FROM readings WITH KEY = \"sensor\" WHERE truck = 'T-038'"))
                .SelectMany(s => s.GetProperty("values").EnumerateArray().Select(v => v[1].GetString())).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(new[] { Injection2, Injection1 }.Order(StringComparer.Ordinal), sensors);
            var databases = await influx.DatabasesAsync();
            Assert.Contains(influx.Database, databases);
            Assert.Contains(TestServers.InfluxDatabase, databases);

            var expectedReasons = bad.GroupBy(b => b.Reason).ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);
            var counted = stats.Rejected.ToDictionary(r => r.Key, r => r.Value - baseline.Rejected.GetValueOrDefault(r.Key), StringComparer.Ordinal)
                .Where(r => r.Value != 0).ToDictionary(StringComparer.Ordinal);
            Assert.Equal(expectedReasons.OrderBy(e => e.Key), counted.OrderBy(e => e.Key));
            Assert.Equal(1, stats.SensorFaults - baseline.SensorFaults);

            var stored = await influx.RejectedByReasonAsync();
            Assert.Equal(expectedReasons.OrderBy(e => e.Key), stored.OrderBy(e => e.Key));
            var faults = await influx.SeriesAsync("SELECT truck, sensor, quantity, reported, seq FROM rejected WHERE reason = 'sensor_fault'");
            var fault = Assert.Single(Assert.Single(faults).GetProperty("values").EnumerateArray());
            Assert.Equal("T-037", fault[1].GetString());
            Assert.Equal("front", fault[2].GetString());
            Assert.Equal("temperature_c", fault[3].GetString());
            Assert.Equal(-999, fault[4].GetDouble());
            Assert.Equal(100, fault[5].GetInt64());
        }
        finally
        {
            await service.KillAsync();
            await ServiceProbe.CleanUpAsync(config, output);
        }
    }

    [Fact]
    public async Task Counts_a_message_InfluxDB_cannot_hold_as_rejected_in_the_stats_as_in_InfluxDB()
    {
        // Valid by the contract (old timestamps are accepted), but before InfluxDB's earliest time
        // (1677): the writer stores it as a rejected point with reason unstorable.
        var config = ServiceProcess.TestServerConfiguration();
        await using var service = await ServiceProcess.StartAsync(config, TimeSpan.FromSeconds(60));
        try
        {
            var baseline = await ServiceProbe.WaitUntilReadyAsync(service, TimeSpan.FromSeconds(60));
            var t0 = NewBaseTime();
            await using (var device = await DevicePublisher.ConnectAsync("T-036"))
            {
                await device.PublishAsync(Message("T-036", 1, new DateTimeOffset(1500, 1, 1, 0, 0, 0, TimeSpan.Zero), new Reading("front", 20)));
                await device.PublishAsync(Message("T-036", 2, TimeOf(t0, 2), new Reading("front", 20)));
            }
            var stats = await WaitForAsync(service, baseline, 2);
            output.WriteLine($"stats: {stats}");

            using var influx = new InfluxReader(config);
            Assert.Equal(new Dictionary<string, long> { ["T-036"] = 1 }, await influx.ReadingsPerTruckAsync(["T-036"]));
            Assert.Equal(new Dictionary<string, long> { ["unstorable"] = 1 }, await influx.RejectedByReasonAsync());
            var counted = stats.Rejected.ToDictionary(r => r.Key, r => r.Value - baseline.Rejected.GetValueOrDefault(r.Key), StringComparer.Ordinal)
                .Where(r => r.Value != 0).ToDictionary(StringComparer.Ordinal);
            Assert.Equal(new Dictionary<string, long> { ["unstorable"] = 1 }, counted);
        }
        finally
        {
            await service.KillAsync();
            await ServiceProbe.CleanUpAsync(config, output);
        }
    }

    [Fact]
    public async Task Moves_the_InfluxDB_checkpoint_past_status_messages_that_hold_no_points()
    {
        var config = ServiceProcess.TestServerConfiguration();
        await using var service = await ServiceProcess.StartAsync(config, TimeSpan.FromSeconds(60));
        try
        {
            await ServiceProbe.WaitUntilReadyAsync(service, TimeSpan.FromSeconds(60));
            await using (var device = await DevicePublisher.ConnectAsync("T-037"))
                await device.PublishAsync(Encoding.UTF8.GetBytes("online"), "fleet/T-037/status");
            TelemetryStats? stats = null;
            var committed = await Wait.UntilAsync(async () =>
            {
                stats = await ServiceProbe.StatsAsync(service);
                return stats.Acknowledged >= 1 && stats.Checkpoint("influx") >= stats.LastSequence && stats.MessagesStored == stats.Received;
            }, TimeSpan.FromSeconds(30));
            output.WriteLine($"stats: {stats}");
            Assert.True(committed, $"the InfluxDB writer did not commit or count status messages within 30 s: {stats}");
        }
        finally
        {
            await service.KillAsync();
            await ServiceProbe.CleanUpAsync(config, output);
        }
    }

    /// <summary>Until the service has received <paramref name="messages"/> more than at the
    /// baseline and stored or refused all it received.</summary>
    private static async Task<TelemetryStats> WaitForAsync(ServiceProcess service, TelemetryStats baseline, long messages)
    {
        TelemetryStats? stats = null;
        var done = await Wait.UntilAsync(async () =>
        {
            stats = await ServiceProbe.StatsAsync(service);
            return stats.Received - baseline.Received >= messages && stats.Drained;
        }, TimeSpan.FromSeconds(90));
        Assert.True(done, $"the service did not take in {messages} messages within 90 s: {stats}\n{ServiceProbe.Tail(service.Output)}");
        return stats!;
    }
}
