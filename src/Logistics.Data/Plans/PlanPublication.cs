using Logistics.Routing.Planning;

namespace Logistics.Data.Plans;

/// <summary>One route of a plan sent to a truck.</summary>
/// <param name="Route">The route as it was sent (later edits of the plan do not change what the truck got).</param>
public sealed record PlanPublication(string PlanId, DateOnly Date, string RouteId, string TruckId, DateTimeOffset PublishedAt, PlannedRoute Route);
