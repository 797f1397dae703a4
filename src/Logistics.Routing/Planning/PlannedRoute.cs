namespace Logistics.Routing.Planning;

/// <summary>One vehicle's day.</summary>
/// <param name="RouteId">Driver-readable: vehicle type and number, e.g. "van-03".</param>
/// <param name="VehicleNumber">1-based among the routes of its type.</param>
/// <param name="Cost">Fixed + distance + time, in yuan.</param>
/// <param name="Feasible">False only if the solver returned a route breaking a window, shift or capacity.</param>
public sealed record PlannedRoute(
    string RouteId,
    string VehicleType,
    int VehicleNumber,
    string StartDepotId,
    string EndDepotId,
    TimeOnly Departure,
    TimeOnly Return,
    int Cartons,
    double DistanceKm,
    double DurationMinutes,
    decimal Cost,
    bool Feasible,
    IReadOnlyList<PlannedStop> Stops);
