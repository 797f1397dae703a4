using System.Text.Json;
using Logistics.Simulators.Fleet.Generation;

namespace Logistics.Simulators.Tests.Fleet;

/// <summary>Each scripted fault on a parked truck, where nothing else moves the readings.</summary>
public class FaultShapeTests
{
    /// <summary>Truck T-001 of a fleet of two: the first truck publishes on the whole minute.</summary>
    private static List<GeneratedMessage> Messages(string fault, TimeSpan length, TimeSpan? interval = null)
    {
        var scenario = Scenarios.Create(trucks: 2, seed: 11, interval: interval, plan: Scenarios.Parked(2), faults: fault);
        return Scenarios.Run(Scenarios.Truck(scenario, "T-001"), scenario, length).Messages().ToList();
    }

    private static double Minutes(GeneratedMessage m) => (m.Sample.DeviceTime - Scenarios.Start).TotalMinutes;

    [Fact]
    public void A_reefer_failure_warms_the_cargo_by_half_a_degree_a_minute_from_its_start()
    {
        var messages = Messages("reefer-failure:T-001@10m", TimeSpan.FromMinutes(60));
        var before = messages.Where(m => Minutes(m) < 10).ToList();
        var rising = messages.Where(m => Minutes(m) is >= 15 and <= 45).ToList();

        Assert.All(before, m => Assert.InRange(m.MeanTemperature(), 18, 22));
        var slope = (rising[^1].MeanTemperature() - rising[0].MeanTemperature()) / (Minutes(rising[^1]) - Minutes(rising[0]));
        Assert.InRange(slope, 0.45, 0.55);
        Assert.InRange(messages[^1].MeanTemperature(), 38, CargoClimate.ReeferFailureCeilingC + 1);
        Assert.All(messages.Zip(messages.Skip(1)).Where(p => Minutes(p.First) >= 11), p => Assert.True(p.Second.MeanTemperature() > p.First.MeanTemperature() - 0.3));
        Assert.DoesNotContain(messages, m => m.Sample.DoorOpen);
    }

    [Fact]
    public void A_humidity_spike_opens_the_door_in_the_rain_for_ten_minutes()
    {
        var messages = Messages("humidity-spike:T-001@5m", TimeSpan.FromMinutes(40));
        double Humidity(GeneratedMessage m) => m.Sample.Readings.Where(r => r.HumidityPct is not null).Average(r => r.HumidityPct!.Value);

        Assert.All(messages, m => Assert.Equal(Minutes(m) is >= 5 and < 15, m.Sample.DoorOpen));
        Assert.InRange(messages.Where(m => Minutes(m) < 5).Max(Humidity), 55, 60);
        Assert.InRange(Humidity(messages.Single(m => Minutes(m) == 14)), 90, 100);
        // Rain cools the air a little toward its 23 °C, and the door shut again brings humidity down.
        Assert.True(Humidity(messages.Single(m => Minutes(m) == 39)) < Humidity(messages.Single(m => Minutes(m) == 15)) - 20);
    }

    [Fact]
    public void A_sensor_fault_makes_the_first_sensor_read_minus_999_and_leaves_the_others()
    {
        var messages = Messages("sensor-fault:T-001@2m", TimeSpan.FromMinutes(20));

        Assert.All(messages, m =>
        {
            var front = m.Sample.Readings[0];
            Assert.Equal("front", front.Sensor);
            if (Minutes(m) < 2) Assert.InRange(front.TemperatureC!.Value, 18, 22);
            else Assert.Equal((-999.0, (double?)-999.0), (front.TemperatureC!.Value, front.HumidityPct));
            Assert.All(m.Sample.Readings.Skip(1), r => Assert.InRange(r.TemperatureC!.Value, 18, 22));
        });
        Assert.Contains("\"temperature_c\":-999", System.Text.Encoding.UTF8.GetString(messages[^1].Payload));
    }

    [Fact]
    public void A_silent_device_sends_nothing_for_the_window_and_keeps_its_seq_unbroken()
    {
        var scenario = Scenarios.Create(trucks: 1, seed: 11, plan: Scenarios.Parked(1), faults: "silent:T-001@3m+10m");
        var ticks = Scenarios.Run(Scenarios.Truck(scenario, "T-001"), scenario, TimeSpan.FromMinutes(30));
        var messages = ticks.Messages().ToList();

        Assert.All(ticks, t => Assert.Equal(!((t.SimulatedTime - Scenarios.Start).TotalMinutes is >= 3 and < 13), t.Message is not null));
        Assert.Equal(20, messages.Count);
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), messages.Select(m => m.Sample.Seq));
    }

    [Fact]
    public void A_skewed_clock_shifts_ts_by_its_offset_from_its_start()
    {
        var scenario = Scenarios.Create(trucks: 3, plan: Scenarios.Parked(3), faults: ["clock-skew:T-002:+7m", "clock-skew:T-003:-90s@5m"]);
        var ahead = Scenarios.Run(Scenarios.Truck(scenario, "T-002"), scenario, TimeSpan.FromMinutes(10));
        var behind = Scenarios.Run(Scenarios.Truck(scenario, "T-003"), scenario, TimeSpan.FromMinutes(10));

        Assert.All(ahead, t => Assert.Equal(TimeSpan.FromMinutes(7), t.Message!.Sample.DeviceTime - t.SimulatedTime));
        Assert.All(behind, t => Assert.Equal(
            t.SimulatedTime - Scenarios.Start >= TimeSpan.FromMinutes(5) ? TimeSpan.FromSeconds(-90) : TimeSpan.Zero,
            t.Message!.Sample.DeviceTime - t.SimulatedTime));
    }

    [Fact]
    public void A_malformed_fault_sends_one_message_of_each_broken_kind()
    {
        var messages = Messages("malformed:T-001@1m", TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(10));
        var broken = messages.Where(m => m.Malformed is not null).ToList();

        Assert.Equal([MalformedKind.NotJson, MalformedKind.WrongTypes, MalformedKind.TruckMismatch, MalformedKind.Oversize], broken.Select(m => m.Malformed!.Value));
        Assert.Equal(60, Minutes(broken[0]) * 60);
        Assert.All(broken, m => Assert.Equal((0, "fleet/T-001/telemetry"), (m.Readings, m.Topic)));
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(broken[0].Payload));
        using (var wrong = JsonDocument.Parse(broken[1].Payload))
        {
            Assert.Equal(JsonValueKind.Number, wrong.RootElement.GetProperty("truck").ValueKind);
            Assert.Equal(JsonValueKind.String, wrong.RootElement.GetProperty("seq").ValueKind);
            Assert.Equal(JsonValueKind.Object, wrong.RootElement.GetProperty("readings").ValueKind);
        }
        using (var mismatch = JsonDocument.Parse(broken[2].Payload))
            Assert.Equal("T-002", mismatch.RootElement.GetProperty("truck").GetString());
        Assert.InRange(broken[3].Payload.Length, TelemetryPayload.OversizeBytes, 256 * 1024 - 1024);
        Assert.All(messages.Where(m => m.Malformed is null), m => Assert.Equal(m.Sample.Readings.Count, m.Readings));
    }

    [Fact]
    public void A_malformed_window_breaks_every_message_in_it()
    {
        var messages = Messages("malformed:T-001@1m+2m", TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(10));

        Assert.All(messages, m => Assert.Equal(Minutes(m) is >= 1 and < 3, m.Malformed is not null));
        Assert.Equal(12, messages.Count(m => m.Malformed is not null));
    }
}
