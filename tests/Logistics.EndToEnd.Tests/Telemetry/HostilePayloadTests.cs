using System.Diagnostics;
using System.Text;
using Logistics.EndToEnd.Tests.Service;
using Xunit.Abstractions;
using static Logistics.EndToEnd.Tests.Telemetry.Payloads;

namespace Logistics.EndToEnd.Tests.Telemetry;

/// <summary>Issue #5: whatever a device (or someone with its password) sends, the service keeps
/// running, refuses and counts what is bad, and stores what is good.</summary>
[Collection(TelemetryReliabilityCollection.Name)]
public sealed class HostilePayloadTests(ITestOutputHelper output)
{
    private const int Bad = 10_000, GoodPerTruck = 500;
    private static readonly string[] Trucks = ["T-040", "T-041", "T-042", "T-043", "T-044", "T-045"];

    private static readonly string[] Injections =
    [
        "x' OR 1=1 --", "\"; DROP DATABASE logistics", "'; DROP MEASUREMENT readings; --", "T-040\nreadings,truck=T-040 seq=1",
        "${jndi:ldap://x/a}", "../../etc/passwd", "<script>alert(1)</script>", "T-040\u202e", "%s%s%s%n", "T-040\0",
    ];

    [Fact]
    public async Task Refuses_and_counts_ten_thousand_hostile_payloads_and_stores_every_good_reading()
    {
        var config = ServiceProcess.TestServerConfiguration();
        var random = new Random(5_0005);
        var clock = Stopwatch.StartNew();
        await using var service = await ServiceProcess.StartAsync(config, TimeSpan.FromSeconds(60));
        var publishers = new List<DevicePublisher>();
        try
        {
            var baseline = await ServiceProbe.WaitUntilReadyAsync(service, TimeSpan.FromSeconds(60));
            var t0 = NewBaseTime();
            // Each truck: its good readings in order, with its share of the bad ones shuffled in.
            var plans = Trucks.ToDictionary(t => t, t => Enumerable.Range(1, GoodPerTruck).Select(seq => ((string?)null, Simple(t, seq, t0))).ToList());
            var kinds = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < Bad; i++)
            {
                var truck = Trucks[random.Next(Trucks.Length)];
                var (kind, topic, payload) = Hostile(random, truck, t0);
                kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
                var plan = plans[truck];
                plan.Insert(random.Next(plan.Count + 1), (topic, payload));
            }
            output.WriteLine($"hostile payloads by kind: {string.Join(", ", kinds.OrderBy(k => k.Key).Select(k => $"{k.Key} {k.Value}"))}");

            foreach (var truck in Trucks) publishers.Add(await DevicePublisher.ConnectAsync(truck));
            await Task.WhenAll(publishers.Select(p => Task.Run(() => p.PublishAllAsync(plans[p.Truck])))).WaitAsync(TimeSpan.FromMinutes(5));
            var sent = Bad + Trucks.Length * GoodPerTruck;
            output.WriteLine($"{clock.Elapsed.TotalSeconds,6:0.0} s: {sent} messages acknowledged by the broker");

            TelemetryStats? stats = null;
            var done = await Wait.UntilAsync(async () =>
            {
                stats = await ServiceProbe.StatsAsync(service);
                return stats.Received - baseline.Received >= sent && stats.Drained;
            }, TimeSpan.FromMinutes(4), TimeSpan.FromSeconds(1));
            output.WriteLine($"{clock.Elapsed.TotalSeconds,6:0.0} s: stats {stats}");
            Assert.True(done, $"the service did not take in {sent} messages within 4 minutes:\n{ServiceProbe.Tail(service.Output)}");

            Assert.False(service.HasExited, "the service died");
            var (status, health) = await ServiceProbe.HealthAsync(service);
            Assert.True(status == 200, health.ToString());

            var refused = stats!.Rejected.ToDictionary(r => r.Key, r => r.Value - baseline.Rejected.GetValueOrDefault(r.Key), StringComparer.Ordinal)
                .Where(r => r.Value != 0).ToDictionary(StringComparer.Ordinal);
            output.WriteLine($"refused by reason: {string.Join(", ", refused.OrderBy(r => r.Key).Select(r => $"{r.Key} {r.Value}"))}");
            Assert.Equal(Bad, refused.Values.Sum());
            Assert.DoesNotContain("influx_refused", refused.Keys);

            using var influx = new InfluxReader(config);
            var stored = await influx.RejectedByReasonAsync();
            Assert.Equal(refused.OrderBy(r => r.Key), stored.OrderBy(r => r.Key));
            var expected = Trucks.ToDictionary(t => t, _ => (long)GoodPerTruck, StringComparer.Ordinal);
            Assert.Equal(expected.OrderBy(e => e.Key), (await influx.ReadingsPerTruckAsync(Trucks)).OrderBy(e => e.Key));
            Assert.Equal(expected.OrderBy(e => e.Key), (await influx.DistinctSeqPerTruckAsync(Trucks)).OrderBy(e => e.Key));
            Assert.Contains(TestServers.InfluxDatabase, await influx.DatabasesAsync());
        }
        finally
        {
            foreach (var p in publishers) await p.DisposeAsync();
            await service.KillAsync();
            await ServiceProbe.CleanUpAsync(config, output);
        }
    }

    /// <summary>One payload that the contract refuses, whichever way it is drawn.</summary>
    private static (string Kind, string? Topic, byte[] Payload) Hostile(Random random, string truck, DateTimeOffset t0)
    {
        var seq = random.Next(1, 1_000_000);
        var ts = $"\"{TimeOf(t0, seq):O}\"";
        var reading = "{\"sensor\":\"front\",\"temperature_c\":20.5}";
        string Json(string truckJson = "", string? seqJson = null, string? tsJson = null, string? readingsJson = null, string extra = "") =>
            $"{{\"truck\":{(truckJson.Length > 0 ? truckJson : $"\"{truck}\"")},\"seq\":{seqJson ?? seq.ToString()},\"ts\":{tsJson ?? ts},\"readings\":{readingsJson ?? $"[{reading}]"}{extra}}}";
        static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

        switch (random.Next(12))
        {
            case 0:
            {
                var bytes = new byte[random.Next(1, 2_000)];
                random.NextBytes(bytes);
                return ("random_bytes", null, bytes);
            }
            case 1:
            {
                var whole = Simple(truck, seq, t0);
                return ("truncated", null, whole[..random.Next(1, whole.Length - 1)]);
            }
            case 2:
            {
                string[] wrong =
                [
                    Json(truckJson: "42"), Json(seqJson: "\"17\""), Json(tsJson: "true"), Json(readingsJson: "{}"), Json(readingsJson: "[7]"),
                    Json(readingsJson: "[{\"sensor\":5,\"temperature_c\":20}]"), Json(readingsJson: "[{\"sensor\":\"front\",\"temperature_c\":\"20\"}]"),
                    Json(readingsJson: "[{\"sensor\":\"front\",\"humidity_pct\":[50]}]"), Json(extra: ",\"door_open\":\"no\""),
                    Json(extra: ",\"location\":\"here\""), Json(extra: ",\"location\":{\"lat\":\"x\",\"lon\":1}"), "[1,2,3]", "\"telemetry\"", "42",
                ];
                return ("wrong_type", null, Utf8(wrong[random.Next(wrong.Length)]));
            }
            case 3:
            {
                string[] huge =
                [
                    Json(seqJson: "1e400"), Json(seqJson: "123456789012345678901234567890"), Json(seqJson: "-5"), Json(seqJson: "1.5"),
                    Json(tsJson: "1e20"), Json(tsJson: "99999999999999999999"), Json(tsJson: "\"9999-12-31T23:59:59Z\""),
                    Json(readingsJson: "[{\"sensor\":\"front\",\"temperature_c\":1e400}]"), Json(extra: ",\"location\":{\"lat\":1e300,\"lon\":0}"),
                    Json(extra: ",\"location\":{\"lat\":0,\"lon\":-1e308}"),
                ];
                return ("huge_number", null, Utf8(huge[random.Next(huge.Length)]));
            }
            case 4:
            {
                var depth = random.Next(17, 5_000);
                return ("deep_nesting", null, Utf8(Json(extra: $",\"x\":{new string('[', depth)}{new string(']', depth)}")));
            }
            case 5:
            {
                var injection = Injections[random.Next(Injections.Length)];
                return ("injection_truck", null, Message(injection, seq, TimeOf(t0, seq), new Reading("front", 20)));
            }
            case 6:
            {
                string[] missing =
                [
                    $"{{\"truck\":\"{truck}\",\"ts\":{ts},\"readings\":[{reading}]}}", $"{{\"truck\":\"{truck}\",\"seq\":{seq},\"readings\":[{reading}]}}",
                    $"{{\"seq\":{seq},\"ts\":{ts},\"readings\":[{reading}]}}", Json(readingsJson: "[{\"temperature_c\":20}]"),
                    Json(readingsJson: "[{\"sensor\":\"front\"}]"), "{}",
                ];
                return ("missing_field", null, Utf8(missing[random.Next(missing.Length)]));
            }
            case 7:
                return ("duplicate_field", null, Utf8(Json(extra: $",\"seq\":{seq + 1}")));
            case 8:
            {
                string[] invalid =
                [
                    Json(readingsJson: "[]"), Json(tsJson: "\"2026-11-22 08:15:30\""), Json(tsJson: "\"yesterday\""),
                    Json(readingsJson: $"[{reading},{reading}]"), Json(readingsJson: $"[{{\"sensor\":\"{new string('s', 65)}\",\"temperature_c\":20}}]"),
                    Json(readingsJson: "[{\"sensor\":\"\",\"temperature_c\":20}]"),
                    Json(readingsJson: $"[{{\"sensor\":\"{Injections[random.Next(Injections.Length)].Replace("\"", "\\\"")}\\u0007\",\"temperature_c\":20}}]"),
                ];
                return ("invalid_value", null, Utf8(invalid[random.Next(invalid.Length)]));
            }
            case 9:
            {
                var pad = new string('x', random.Next(64 * 1024, 200 * 1024));
                return ("oversize", null, Utf8(Json(extra: $",\"pad\":\"{pad}\"")));
            }
            case 10:
            {
                // Invalid UTF-8 inside a string, or a control byte.
                var text = Utf8(Json(readingsJson: "[{\"sensor\":\"fr@nt\",\"temperature_c\":20}]"));
                var at = Array.IndexOf(text, (byte)'@');
                text[at] = random.Next(3) switch { 0 => 0xC3, 1 => 0xFF, _ => 0x01 };
                return ("bad_encoding", null, text);
            }
            default:
            {
                var junk = random.Next(3) switch
                {
                    0 => Injections[random.Next(Injections.Length)],
                    1 => "{\"status\":\"online\"}",
                    _ => new string('z', random.Next(1, 300)),
                };
                return ("bad_status", $"fleet/{truck}/status", Utf8(junk));
            }
        }
    }
}
