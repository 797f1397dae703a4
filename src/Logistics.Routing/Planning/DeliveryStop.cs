using Logistics.Core;

namespace Logistics.Routing.Planning;

/// <summary>One visit to a store: the store's orders of the day merged into one stop (one solver
/// client), unless together they exceed the largest vehicle, in which case they are split into as
/// few stops as the largest vehicle allows.</summary>
/// <param name="Priority">The highest <see cref="PriorityLevel"/> of its orders (lowest number).</param>
/// <param name="Windows">The store's receiving windows; the solver serves the stop in one of them.</param>
public sealed record DeliveryStop(
    Store Store,
    IReadOnlyList<Order> Orders,
    int Cartons,
    double? WeightKg,
    bool Urgent,
    int Priority,
    IReadOnlyList<TimeWindow> Windows,
    TimeSpan ServiceTime);
