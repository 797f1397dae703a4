using Logistics.Core;

namespace Logistics.Routing.Planning;

/// <summary>One stop of a route as the driver sees it; times are local clock times of the plan's day.</summary>
/// <param name="Sequence">1 for the first store after the depot.</param>
/// <param name="WeightKg">Null when the orders carry no weight.</param>
/// <param name="LoadAfterCartons">Cartons still on board after unloading here.</param>
/// <param name="LateMinutes">With soft windows: how much later than planned for unloading to end by the window's close service starts; 0 otherwise.</param>
public sealed record PlannedStop(
    int Sequence,
    string StoreId,
    string StoreName,
    int Tier,
    bool Urgent,
    Coordinates Location,
    IReadOnlyList<string> OrderIds,
    int Cartons,
    double? WeightKg,
    TimeOnly Arrival,
    double WaitMinutes,
    TimeOnly ServiceStart,
    TimeOnly Departure,
    int LoadAfterCartons,
    double? LoadAfterKg,
    double LateMinutes = 0);
