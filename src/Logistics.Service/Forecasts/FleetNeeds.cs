using Logistics.Forecasting;
using Logistics.Routing.Planning;
using Logistics.Service.Forecasts.Contracts;

namespace Logistics.Service.Forecasts;

/// <summary>Trucks a delivery day of a period needs: the period's cartons spread over its delivery days (a truck
/// drives one route a day, so a week's cartons are not one day's), then the fewest vehicles of the fleet, largest
/// first, whose carton capacity at the stated utilisation holds a day's; past the fleet, more of its largest type.</summary>
public static class FleetNeeds
{
    public const double DefaultUtilisation = 0.85;

    /// <summary>Look-back for the delivery days per week when the caller does not give them.</summary>
    public const int LookBackDays = 28;

    /// <param name="deliveryDaysPerWeek">Days a week the depot delivers, 1…7; a daily forecast's period is one delivery day whatever it is.</param>
    public static IReadOnlyList<TruckNeed> Compute(SeriesForecast depot, Period period, Fleet fleet, double utilisation, double deliveryDaysPerWeek)
    {
        var capacities = fleet.VehicleTypes.SelectMany(v => Enumerable.Repeat(v.CapacityCartons * utilisation, v.Count)).OrderDescending().ToArray();
        return depot.Points.Select(p =>
        {
            var days = period == Period.Day ? 1 : Math.Max(1, (period.Add(p.Date, 1).DayNumber - p.Date.DayNumber) * deliveryDaysPerWeek / 7);
            var (trucks, _) = Trucks(p.Forecast / days, capacities);
            var (upper, over) = Trucks(p.Upper80 / days, capacities);
            return new TruckNeed(p.Date, Math.Round(days, 1), Math.Round(p.Forecast, 1), Math.Round(p.Upper80, 1), Math.Round(p.Forecast / days, 1),
                Math.Round(p.Upper80 / days, 1), trucks, upper, over);
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
