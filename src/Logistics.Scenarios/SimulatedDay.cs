using Logistics.Core;

namespace Logistics.Scenarios;

/// <summary>A generated store network, the day's orders and a fleet sized for them.</summary>
/// <param name="StoreKinds">Kind of each store by id (kiosk, convenience, supermarket, specialty).</param>
public sealed record SimulatedDay(
    IReadOnlyList<Store> Stores,
    IReadOnlyDictionary<string, string> StoreKinds,
    IReadOnlyList<Order> Orders,
    Depot Depot,
    IReadOnlyList<VehicleType> Fleet);
