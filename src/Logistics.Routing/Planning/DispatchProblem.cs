using Logistics.Core;
using Logistics.Routing.TravelTimes;

namespace Logistics.Routing.Planning;

/// <summary>A dispatcher's day as read from the input files, before it becomes a solver problem.</summary>
public sealed record DispatchProblem(
    IReadOnlyList<Depot> Depots,
    IReadOnlyList<Store> Stores,
    IReadOnlyList<Order> Orders,
    IReadOnlyList<VehicleType> Fleet,
    ITravelTimes TravelTimes,
    DispatchOptions Options);
