namespace Logistics.Routing.Planning;

/// <summary>The day at a glance.</summary>
/// <param name="UnassignedByReason">Orders left out, per <see cref="UnassignedReason"/> (only reasons that occur).</param>
/// <param name="UnassignedByTier">Orders left out, per tier 1 … 5 (only tiers that occur).</param>
public sealed record PlanTotals(
    int Routes,
    int Stops,
    int Orders,
    int Cartons,
    double DistanceKm,
    double DurationHours,
    decimal Cost,
    int UnassignedOrders,
    int UnassignedCartons,
    IReadOnlyDictionary<UnassignedReason, int> UnassignedByReason,
    IReadOnlyDictionary<int, int> UnassignedByTier);
