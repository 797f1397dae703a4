using Logistics.Forecasting;
using Logistics.Routing.Planning;
using Logistics.Service.Forecasts.Contracts;

namespace Logistics.Service.Forecasts;

/// <summary>Truck loads a period's cartons need: the fewest vehicles of the fleet, largest first, whose carton
/// capacity at the stated utilisation holds them; past the fleet, more of its largest type.</summary>
public static class FleetNeeds
{
    public const double DefaultUtilisation = 0.85;

    public static IReadOnlyList<TruckNeed> Compute(SeriesForecast depot, Fleet fleet, double utilisation)
    {
        var capacities = fleet.VehicleTypes.SelectMany(v => Enumerable.Repeat(v.CapacityCartons * utilisation, v.Count)).OrderDescending().ToArray();
        return depot.Points.Select(p =>
        {
            var (trucks, _) = Trucks(p.Forecast, capacities);
            var (upper, over) = Trucks(p.Upper80, capacities);
            return new TruckNeed(p.Date, Math.Round(p.Forecast, 1), Math.Round(p.Upper80, 1), trucks, upper, over);
        }).ToArray();
    }

    private static (int Trucks, bool OverFleet) Trucks(double cartons, double[] capacities)
    {
        if (cartons <= 0 || capacities.Length == 0) return (0, false);
        var held = 0.0;
        for (var i = 0; i < capacities.Length; i++)
        {
            held += capacities[i];
            if (held >= cartons) return (i + 1, false);
        }
        return (capacities.Length + (int)Math.Ceiling((cartons - held) / capacities[0]), true);
    }
}
