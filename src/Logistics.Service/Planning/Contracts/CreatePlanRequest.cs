namespace Logistics.Service.Planning.Contracts;

/// <summary>POST /api/plans (documents the body; it is read field by field so that each error names its field).</summary>
/// <param name="Date">The delivery day, yyyy-MM-dd.</param>
/// <param name="TimeLimitSeconds">1 … 600.</param>
/// <param name="Seed">Seed of the ils engine (OR-Tools takes none).</param>
/// <param name="Engine">The routing engine: "ils" (ours, the default: it measured better) or "ortools" (Google OR-Tools).</param>
public sealed record CreatePlanRequest(string Date, int TimeLimitSeconds = 30, int? Seed = null, bool SoftWindows = false,
    string Engine = Routing.Engines.RoutingEngines.Default);
