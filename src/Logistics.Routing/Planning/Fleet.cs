using Logistics.Core;

namespace Logistics.Routing.Planning;

/// <summary>The depots and vehicle types read from fleet.csv.</summary>
public sealed record Fleet(IReadOnlyList<Depot> Depots, IReadOnlyList<VehicleType> VehicleTypes);
