namespace Logistics.Routing.Model;

/// <summary>A group of identical vehicles.</summary>
/// <param name="Count">How many vehicles of this type may be used.</param>
/// <param name="Capacity">Capacity per dimension; same length as the clients' demand.</param>
/// <param name="StartDepot">Index into the problem's depots.</param>
/// <param name="ShiftStart">Earliest departure from the start depot.</param>
/// <param name="ShiftEnd">Latest return to the end depot.</param>
/// <param name="MaxDuration">Longest route duration (return minus departure).</param>
/// <param name="FixedCost">Cost of using one vehicle of this type.</param>
/// <param name="UnitDistanceCost">Cost per distance unit.</param>
/// <param name="UnitDurationCost">Cost per time unit of route duration.</param>
public sealed record VehicleType(
    string Id,
    int Count,
    long[] Capacity,
    int StartDepot = 0,
    int EndDepot = 0,
    long ShiftStart = 0,
    long ShiftEnd = long.MaxValue / 4,
    long MaxDuration = long.MaxValue / 4,
    long FixedCost = 0,
    long UnitDistanceCost = 1,
    long UnitDurationCost = 0);
