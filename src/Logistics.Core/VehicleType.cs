namespace Logistics.Core;

/// <summary>A group of identical vehicles and what using one costs. Money is in the distributor's
/// currency (yuan); the planner converts it once into its integer cost unit.</summary>
/// <param name="CapacityKg">Payload limit; null when only cartons limit the load.</param>
/// <param name="MaxRouteDuration">Longest time from leaving the depot to returning; null = the shift's length.</param>
public sealed record VehicleType(
    string Id,
    int Count,
    int CapacityCartons,
    double? CapacityKg,
    TimeWindow Shift,
    TimeSpan? MaxRouteDuration,
    decimal FixedCost,
    decimal CostPerKm,
    decimal CostPerHour,
    string StartDepotId,
    string EndDepotId)
{
    public string Id { get; } = Guard.NotBlank(Id, nameof(Id));
    public int Count { get; } = Guard.NotNegative(Count, nameof(Count));
    public int CapacityCartons { get; } = Guard.Positive(CapacityCartons, nameof(CapacityCartons));
    public double? CapacityKg { get; } = Guard.PositiveOrNull(CapacityKg, nameof(CapacityKg));
    public TimeSpan? MaxRouteDuration { get; } = MaxRouteDuration is { } d && d <= TimeSpan.Zero
        ? throw new ArgumentOutOfRangeException(nameof(MaxRouteDuration), d, $"{nameof(MaxRouteDuration)} must be greater than 0, got {d}")
        : MaxRouteDuration;
    public decimal FixedCost { get; } = Guard.NotNegative(FixedCost, nameof(FixedCost));
    public decimal CostPerKm { get; } = Guard.NotNegative(CostPerKm, nameof(CostPerKm));
    public decimal CostPerHour { get; } = Guard.NotNegative(CostPerHour, nameof(CostPerHour));
    public string StartDepotId { get; } = Guard.NotBlank(StartDepotId, nameof(StartDepotId));
    public string EndDepotId { get; } = Guard.NotBlank(EndDepotId, nameof(EndDepotId));

    /// <summary>The longest route this type may drive: the stated limit, never more than the shift.</summary>
    public TimeSpan EffectiveMaxRouteDuration =>
        MaxRouteDuration is { } d && d < Shift.Length ? d : Shift.Length;
}
