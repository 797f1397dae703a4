using Logistics.Routing.Planning;
using Logistics.Service.Configuration;

namespace Logistics.Service.Planning.Publishing;

/// <summary>A route as the in-cab device shows it, retained on <c>fleet/{truck}/plan</c>: local clock times
/// for the driver and the same times as UTC instants for the device's clock.</summary>
public sealed record DevicePlanMessage(
    string PlanId,
    string RouteId,
    string Truck,
    DateOnly Date,
    string VehicleType,
    string Depot,
    TimeOnly Departure,
    DateTimeOffset DepartureAt,
    TimeOnly Return,
    DateTimeOffset ReturnAt,
    int Cartons,
    double DistanceKm,
    IReadOnlyList<DevicePlanMessage.Stop> Stops,
    DateTimeOffset PublishedAt)
{
    /// <param name="Location">Stores carry no street address in the inputs; the device navigates by position.</param>
    public sealed record Stop(
        int Sequence,
        string StoreId,
        string StoreName,
        int Tier,
        StopLocation Location,
        TimeOnly PlannedArrival,
        DateTimeOffset PlannedArrivalAt,
        TimeOnly PlannedDeparture,
        DateTimeOffset PlannedDepartureAt,
        int Cartons,
        IReadOnlyList<string> OrderIds);

    public sealed record StopLocation(double Latitude, double Longitude);

    public static DevicePlanMessage From(string planId, DateOnly date, PlannedRoute route, string truck, SiteOptions site, DateTimeOffset publishedAt) =>
        new(planId, route.RouteId, truck, date, route.VehicleType, route.StartDepotId,
            route.Departure, site.ToInstant(date, route.Departure).ToUniversalTime(),
            route.Return, site.ToInstant(date, route.Return).ToUniversalTime(),
            route.Cartons, route.DistanceKm,
            route.Stops.Select(s => new Stop(s.Sequence, s.StoreId, s.StoreName, s.Tier, new StopLocation(s.Location.Latitude, s.Location.Longitude),
                s.Arrival, site.ToInstant(date, s.Arrival).ToUniversalTime(),
                s.Departure, site.ToInstant(date, s.Departure).ToUniversalTime(),
                s.Cartons, s.OrderIds)).ToArray(),
            publishedAt);
}
