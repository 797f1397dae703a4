using Logistics.Routing.Planning;

namespace Logistics.Service.Excursions;

/// <summary>The route of a published plan that a truck was sent to drive.</summary>
/// <param name="PublishedAt">When the plan went to the truck (the route's load was on board from its departure).</param>
public sealed record PublishedRoute(string PlanId, DateOnly Date, string TruckId, PlannedRoute Route, DateTimeOffset PublishedAt);
