using Logistics.Core;

namespace Logistics.Routing.Planning;

/// <summary>A day's delivery plan in the dispatcher's units: what goes on which vehicle, in which order,
/// arriving when, and what was left out.</summary>
/// <param name="TierPriorityStrict">False when the day was too large for strictly lexicographic tier prizes (see <see cref="PrizeScheme"/>).</param>
public sealed record Plan(
    DateOnly Date,
    PlanTotals Totals,
    IReadOnlyList<PlannedRoute> Routes,
    IReadOnlyList<UnassignedOrder> Unassigned,
    IReadOnlyList<Depot> Depots,
    bool TierPriorityStrict)
{
    /// <summary>The routing engine that made the plan (ils or ortools); plans saved before engines could be chosen were made by ils.</summary>
    public string Engine { get; init; } = Engines.RoutingEngines.Default;

    /// <summary>What the dispatcher should know about how the plan was made (e.g. not reproducible, a
    /// priority that could not be kept); empty when there is nothing to say.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
