namespace Logistics.Service.Planning.Contracts;

/// <summary>POST /api/plans/{id}/reoptimize: plan again, keeping the locked routes as they are.</summary>
public sealed record ReoptimizeRequest(IReadOnlyList<string> LockedRouteIds, int TimeLimitSeconds = 30);
