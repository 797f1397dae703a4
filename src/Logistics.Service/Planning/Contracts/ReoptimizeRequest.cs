namespace Logistics.Service.Planning.Contracts;

/// <summary>POST /api/plans/{id}/reoptimize: plan again, keeping the locked routes as they are.</summary>
/// <param name="Engine">"ils" or "ortools"; by default the engine that made the base plan.</param>
public sealed record ReoptimizeRequest(IReadOnlyList<string> LockedRouteIds, int TimeLimitSeconds = 30, string? Engine = null);
