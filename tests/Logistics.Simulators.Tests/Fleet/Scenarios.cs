using Logistics.Core;
using Logistics.Simulators.Fleet.Generation;

namespace Logistics.Simulators.Tests.Fleet;

/// <summary>Small named scenarios for the generator tests.</summary>
internal static class Scenarios
{
    /// <summary>08:00 in Nanning.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Trucks standing at the depot all day with the door shut: nothing but the reefer,
    /// drift and noise acts on the readings, so fault shapes and bands show plainly.</summary>
    public static PlanRoutes Parked(int trucks) => new(DateOnly.FromDateTime(Start.UtcDateTime), DepotLoop.Nanning,
        Enumerable.Range(1, trucks).Select(i => new Route($"parked-{i}", [new RouteVisit(DepotLoop.Nanning, Start, Start, Start)])).ToList());

    public static FleetScenario Create(int trucks = 3, int seed = 1, TimeSpan? interval = null, PlanRoutes? plan = null, params string[] faults) =>
        new(trucks, seed, interval ?? TimeSpan.FromMinutes(1), Start, faults.Select(FaultParser.Parse).ToList(), plan);

    public static TruckGenerator Truck(FleetScenario scenario, string id) => scenario.CreateTrucks().Single(t => t.Truck == id);

    /// <summary>Every tick of a truck during the first <paramref name="length"/> of simulated time.</summary>
    public static List<TruckTick> Run(TruckGenerator truck, FleetScenario scenario, TimeSpan length)
    {
        var ticks = new List<TruckTick>();
        while (truck.NextTime < scenario.Start + length) ticks.Add(truck.Next());
        return ticks;
    }

    public static IEnumerable<GeneratedMessage> Messages(this IEnumerable<TruckTick> ticks) =>
        ticks.Where(t => t.Message is not null).Select(t => t.Message!);

    public static double MeanTemperature(this GeneratedMessage message) =>
        message.Sample.Readings.Where(r => r.TemperatureC is not null).Average(r => r.TemperatureC!.Value);

    public static Coordinates Near(double lat, double lon) => new(lat, lon);
}
