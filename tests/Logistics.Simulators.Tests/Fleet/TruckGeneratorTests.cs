using Logistics.Simulators.Fleet.Generation;

namespace Logistics.Simulators.Tests.Fleet;

public class TruckGeneratorTests
{
    private static List<string> Payloads(FleetScenario scenario, TimeSpan length) =>
        scenario.CreateTrucks().SelectMany(t => Scenarios.Run(t, scenario, length).Messages())
            .Select(m => m.Topic + " " + System.Text.Encoding.UTF8.GetString(m.Payload)).ToList();

    [Fact]
    public void The_same_seed_gives_the_same_messages_and_another_seed_others()
    {
        var length = TimeSpan.FromHours(2);
        var first = Payloads(Scenarios.Create(trucks: 5, seed: 42, faults: "reefer-failure:T-002@30m"), length);
        var again = Payloads(Scenarios.Create(trucks: 5, seed: 42, faults: "reefer-failure:T-002@30m"), length);
        var other = Payloads(Scenarios.Create(trucks: 5, seed: 43, faults: "reefer-failure:T-002@30m"), length);

        Assert.Equal(5 * 120, first.Count);
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void A_device_behind_its_schedule_stamps_when_it_samples_and_one_on_time_stamps_the_schedule()
    {
        var scenario = Scenarios.Create(trucks: 1, seed: 5);
        var onTime = scenario.CreateTrucks()[0];
        var late = scenario.CreateTrucks()[0];
        var scheduled = onTime.NextTime;

        var a = onTime.Next(sampledAt: scheduled - TimeSpan.FromSeconds(1)).Message!;
        var b = late.Next(sampledAt: scheduled + TimeSpan.FromMilliseconds(700)).Message!;

        Assert.Equal(scheduled, a.Sample.DeviceTime);
        Assert.Equal(scheduled + TimeSpan.FromMilliseconds(700), b.Sample.DeviceTime);
        Assert.Equal(a.Sample.Readings, b.Sample.Readings);
        Assert.Equal(onTime.NextTime, late.NextTime);
    }

    [Fact]
    public void A_truck_sends_the_same_messages_whatever_the_size_of_the_fleet()
    {
        var small = Scenarios.Truck(Scenarios.Create(trucks: 3, seed: 9), "T-002");
        var large = Scenarios.Truck(Scenarios.Create(trucks: 300, seed: 9), "T-002");
        var a = Scenarios.Run(small, Scenarios.Create(trucks: 3, seed: 9), TimeSpan.FromMinutes(30)).Messages().Select(m => m.Sample.Readings).ToList();
        var b = Scenarios.Run(large, Scenarios.Create(trucks: 300, seed: 9), TimeSpan.FromMinutes(30)).Messages().Select(m => m.Sample.Readings).ToList();

        Assert.Equal(a.Count, b.Count);
        Assert.All(a.Zip(b), pair => Assert.Equal(pair.First, pair.Second));
    }

    [Fact]
    public void Trucks_carry_two_to_four_sensors_and_are_named_like_the_device_accounts()
    {
        var trucks = Scenarios.Create(trucks: 200).CreateTrucks();

        Assert.Equal("T-001", trucks[0].Truck);
        Assert.Equal("T-200", trucks[^1].Truck);
        Assert.All(trucks, t => Assert.InRange(t.Sensors.Count, 2, 4));
        Assert.Equal([2, 3, 4], trucks.Select(t => t.Sensors.Count).Distinct().Order());
        Assert.Equal("T-1000", FleetScenario.TruckId(1000));
    }

    [Fact]
    public void With_the_door_shut_readings_stay_in_the_tobacco_band_and_drift_a_little()
    {
        var scenario = Scenarios.Create(trucks: 20, seed: 5, plan: Scenarios.Parked(20));
        var messages = scenario.CreateTrucks()
            .SelectMany(t => Scenarios.Run(t, scenario, TimeSpan.FromHours(24)).Messages()).ToList();
        var readings = messages.SelectMany(m => m.Sample.Readings).ToList();

        Assert.Equal(20 * 24 * 60, messages.Count);
        Assert.All(readings, r => Assert.InRange(r.TemperatureC!.Value, CargoClimate.MinTemperatureC, CargoClimate.MaxTemperatureC));
        Assert.All(readings.Where(r => r.HumidityPct is not null), r => Assert.InRange(r.HumidityPct!.Value, CargoClimate.MinHumidityPct, CargoClimate.MaxHumidityPct));
        // Not a constant: noise and drift make a spread of values, but within a degree or two.
        var front = readings.Where(r => r.Sensor == "front").Select(r => r.TemperatureC!.Value).ToList();
        Assert.InRange(front.Distinct().Count(), 100, int.MaxValue);
        Assert.Contains(readings, r => r.Sensor == "ceiling" && r.HumidityPct is null);
    }

    [Fact]
    public void The_payload_follows_the_contract()
    {
        var scenario = Scenarios.Create(trucks: 1);
        var message = Scenarios.Truck(scenario, "T-001").Next().Message!;
        using var json = System.Text.Json.JsonDocument.Parse(message.Payload);
        var root = json.RootElement;

        Assert.Equal("fleet/T-001/telemetry", message.Topic);
        Assert.Equal("T-001", root.GetProperty("truck").GetString());
        Assert.Equal(1, root.GetProperty("seq").GetInt64());
        Assert.Equal("2026-11-22T00:00:00Z", root.GetProperty("ts").GetString());
        Assert.Equal(message.Sample.Readings.Count, root.GetProperty("readings").GetArrayLength());
        Assert.Equal("front", root.GetProperty("readings")[0].GetProperty("sensor").GetString());
        Assert.True(root.GetProperty("readings")[0].GetProperty("temperature_c").TryGetDouble(out _));
        Assert.False(root.GetProperty("door_open").GetBoolean());
        Assert.Equal(22.82, root.GetProperty("location").GetProperty("lat").GetDouble(), 3);
        Assert.Equal(108.37, root.GetProperty("location").GetProperty("lon").GetDouble(), 3);
    }

    [Fact]
    public void Without_a_plan_trucks_drive_rounds_near_the_Nanning_depot_and_open_the_door_at_stops()
    {
        var scenario = Scenarios.Create(trucks: 4, seed: 3, interval: TimeSpan.FromSeconds(30));
        foreach (var truck in scenario.CreateTrucks())
        {
            var messages = Scenarios.Run(truck, scenario, TimeSpan.FromHours(6)).Messages().ToList();
            Assert.All(messages, m => Assert.InRange(DepotLoop.DistanceKm(DepotLoop.Nanning, m.Sample.Location), 0, 10.5));
            Assert.InRange(messages.Max(m => DepotLoop.DistanceKm(DepotLoop.Nanning, m.Sample.Location)), 2, 10.5);
            Assert.Contains(messages, m => m.Sample.DoorOpen);
            Assert.Contains(messages, m => !m.Sample.DoorOpen);
            // A round is driven again and again: the door opens at more stops than one round has.
            var openings = messages.Zip(messages.Skip(1)).Count(p => !p.First.Sample.DoorOpen && p.Second.Sample.DoorOpen);
            Assert.True(openings > truck.Route.Stops.Count(), $"{truck.Truck}: {openings} openings, {truck.Route.Stops.Count()} stops per round");
        }
    }

    [Fact]
    public void An_open_door_pulls_the_cargo_toward_the_outside_air_and_the_reefer_brings_it_back()
    {
        var scenario = Scenarios.Create(trucks: 1, seed: 2, interval: TimeSpan.FromSeconds(30), plan: PlanRoutesTests.TwoStopPlan());
        var truck = Scenarios.Truck(scenario, "T-001");
        var messages = Scenarios.Run(truck, scenario, TimeSpan.FromHours(3)).Messages().ToList();
        GeneratedMessage At(int h, int m) => messages.Single(x => x.Sample.DeviceTime == Scenarios.Start.AddHours(h).AddMinutes(m));
        double Humidity(GeneratedMessage x) => x.Sample.Readings.Where(r => r.HumidityPct is not null).Average(r => r.HumidityPct!.Value);

        var before = At(0, 29);                // waiting at stop A, door shut
        var endOfService = At(0, 44);          // door open since 08:30
        var hourLater = At(2, 20);             // back at the depot since 09:50
        Assert.False(before.Sample.DoorOpen);
        Assert.True(endOfService.Sample.DoorOpen);
        // 14 minutes open move a loaded box about a third of the way toward Nanning's warm, humid air.
        Assert.True(Humidity(endOfService) > Humidity(before) + 4, $"{Humidity(before)} → {Humidity(endOfService)}");
        Assert.True(endOfService.MeanTemperature() > before.MeanTemperature() + 1, $"{before.MeanTemperature()} → {endOfService.MeanTemperature()}");
        Assert.InRange(Humidity(hourLater), CargoClimate.MinHumidityPct, CargoClimate.MaxHumidityPct);
        Assert.InRange(hourLater.MeanTemperature(), CargoClimate.MinTemperatureC, CargoClimate.MaxTemperatureC);
    }
}
