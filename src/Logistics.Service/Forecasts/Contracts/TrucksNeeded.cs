namespace Logistics.Service.Forecasts.Contracts;

/// <summary>GET /api/forecasts/{id}/trucks: truck loads per future period for the depot total, over the saved fleet's capacity.</summary>
/// <param name="Utilisation">The share of a truck's carton capacity a route is expected to fill, 0…1.</param>
/// <param name="FleetVehicles">Vehicles in the saved fleet; a period needing more says so (<see cref="TruckNeed.OverFleet"/>).</param>
public sealed record TrucksNeeded(string ForecastId, string Period, double Utilisation, int FleetVehicles, int FleetCapacityCartons,
    IReadOnlyList<TruckNeed> Periods);

/// <summary>One future period.</summary>
/// <param name="Trucks">Truck loads for the forecast cartons: the fewest vehicles, largest first, whose capacity at the utilisation holds them.</param>
/// <param name="TrucksUpper80">The same for the upper end of the 80% interval.</param>
/// <param name="OverFleet">True when even the upper 80% needs more vehicles than the fleet has (counted as more of its largest type).</param>
public sealed record TruckNeed(DateOnly Date, double Cartons, double CartonsUpper80, int Trucks, int TrucksUpper80, bool OverFleet);
