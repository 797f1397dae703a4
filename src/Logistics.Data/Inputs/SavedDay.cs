using Logistics.Core;
using Logistics.Routing.Planning;

namespace Logistics.Data.Inputs;

/// <summary>What is saved for one delivery date: the store list, the fleet and that date's orders, as rows.</summary>
public sealed record SavedDay(DateOnly Date, IReadOnlyList<Store> Stores, Fleet Fleet, IReadOnlyList<Order> Orders);
