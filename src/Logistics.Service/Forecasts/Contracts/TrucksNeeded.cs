namespace Logistics.Service.Forecasts.Contracts;

/// <summary>GET /api/forecasts/{id}/trucks: trucks a delivery day needs in each future period, for the depot total,
/// over the saved fleet's capacity.</summary>
/// <param name="Utilisation">The share of a truck's carton capacity a route is expected to fill, 0…1.</param>
/// <param name="DeliveryDaysPerWeek">Days a week the depot delivers: given, or counted in the history's last four weeks.</param>
/// <param name="FleetVehicles">Vehicles in the saved fleet; a day needing more says so (<see cref="TruckNeed.OverFleet"/>).</param>
public sealed record TrucksNeeded(string ForecastId, string Period, double Utilisation, double DeliveryDaysPerWeek, int FleetVehicles,
    int FleetCapacityCartons, IReadOnlyList<TruckNeed> Periods);

/// <summary>One future period.</summary>
/// <param name="DeliveryDays">Delivery days in the period (1 for a daily forecast).</param>
/// <param name="Cartons">The period's forecast cartons; <see cref="CartonsPerDay"/> is a delivery day's share.</param>
/// <param name="Trucks">Trucks for a delivery day's forecast cartons: the fewest vehicles, largest first, whose capacity at the utilisation holds them.</param>
/// <param name="TrucksUpper80">The same for the upper end of the 80% interval.</param>
/// <param name="OverFleet">True when the upper 80% needs more vehicles than the fleet has (counted as more of its largest type).</param>
public sealed record TruckNeed(DateOnly Date, double DeliveryDays, double Cartons, double CartonsUpper80, double CartonsPerDay, double CartonsPerDayUpper80,
    int Trucks, int TrucksUpper80, bool OverFleet);
