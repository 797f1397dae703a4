namespace Logistics.Routing.Model;

/// <summary>Alternative visits of which at most one is made, e.g. the same delivery in each of a
/// store's receiving windows. Members are optional clients with the same prize, charged once when
/// no member is visited; a required group must have exactly one member visited.</summary>
/// <param name="Clients">Client indices (0-based among clients).</param>
public sealed record ClientGroup(IReadOnlyList<int> Clients, bool Required = false);
