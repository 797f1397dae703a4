namespace Logistics.Data.Plans;

/// <summary>What a planning job was asked for.</summary>
/// <param name="Seed">Null: the solver's default seed.</param>
/// <param name="LockedRouteIds">For a re-optimisation: the routes of the base plan kept as they are.</param>
/// <param name="Engine">The routing engine (Logistics.Routing.Engines.RoutingEngines); jobs stored before engines could be chosen used ils.</param>
public sealed record PlanJobOptions(int TimeLimitSeconds, int? Seed, bool SoftWindows, IReadOnlyList<string> LockedRouteIds,
    string Engine = Routing.Engines.RoutingEngines.Default);
