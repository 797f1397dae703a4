namespace Logistics.Service.Planning.Contracts;

/// <summary>POST /api/plans/{id}/moves: put every delivery of a store on another route.</summary>
public sealed record MoveRequest(string StoreId, string ToRouteId);
