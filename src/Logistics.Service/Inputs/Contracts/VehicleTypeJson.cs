using Logistics.Core;

namespace Logistics.Service.Inputs.Contracts;

/// <summary>A group of identical vehicles. Shift times are "HH:mm"; money is in yuan; <see cref="EndDepotId"/>
/// defaults to <see cref="StartDepotId"/>.</summary>
public sealed record VehicleTypeJson(
    string? Id,
    int? Count,
    int? CapacityCartons,
    double? CapacityKg,
    string? ShiftStart,
    string? ShiftEnd,
    double? MaxRouteMinutes,
    decimal? FixedCost,
    decimal? CostPerKm,
    decimal? CostPerHour,
    string? StartDepotId,
    string? EndDepotId)
{
    public static VehicleTypeJson From(VehicleType v) => new(v.Id, v.Count, v.CapacityCartons, v.CapacityKg,
        Clock.Format(v.Shift.Start), Clock.Format(v.Shift.End), v.MaxRouteDuration?.TotalMinutes,
        v.FixedCost, v.CostPerKm, v.CostPerHour, v.StartDepotId, v.EndDepotId);
}
