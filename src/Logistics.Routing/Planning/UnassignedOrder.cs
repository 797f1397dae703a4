namespace Logistics.Routing.Planning;

/// <summary>An order left out of the plan and why.</summary>
public sealed record UnassignedOrder(string OrderId, string StoreId, string StoreName, int Tier, bool Urgent, int Cartons, UnassignedReason Reason);
