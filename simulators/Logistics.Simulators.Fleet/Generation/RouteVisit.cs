using Logistics.Core;

namespace Logistics.Simulators.Fleet.Generation;

/// <summary>A place on a route: the truck stands there from <paramref name="Arrival"/> to
/// <paramref name="Departure"/> and has its cargo door open from <paramref name="ServiceStart"/> to
/// <paramref name="Departure"/> (a depot visit has all three equal).</summary>
public sealed record RouteVisit(Coordinates Location, DateTimeOffset Arrival, DateTimeOffset ServiceStart, DateTimeOffset Departure);
