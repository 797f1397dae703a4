namespace Logistics.Routing.Planning;

/// <summary>Why an order is not in the plan, checked in this order.</summary>
public enum UnassignedReason
{
    /// <summary>Bigger than every vehicle type can carry.</summary>
    Capacity,
    /// <summary>No vehicle able to carry it can reach the store within its window and be back within its shift and the depot's hours.</summary>
    TimeWindow,
    /// <summary>Depot → store → depot takes longer than every such vehicle's maximum route duration.</summary>
    ShiftLength,
    /// <summary>It could be served on its own, but the fleet ran out of vehicles, capacity or time for it.</summary>
    FleetFull,
}
