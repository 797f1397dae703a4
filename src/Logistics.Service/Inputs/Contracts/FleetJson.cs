using Logistics.Routing.Planning;

namespace Logistics.Service.Inputs.Contracts;

/// <summary>The depots and the vehicle types that start and end at them.</summary>
public sealed record FleetJson(IReadOnlyList<DepotJson?>? Depots, IReadOnlyList<VehicleTypeJson?>? VehicleTypes)
{
    public static FleetJson From(Fleet f) => new(f.Depots.Select(DepotJson.From).ToArray(), f.VehicleTypes.Select(VehicleTypeJson.From).ToArray());
}
