namespace Logistics.Telemetry.Excursions;

/// <summary>One stored point of measurement <c>positions</c>: where the truck was and whether its cargo door was
/// open; either may be missing (a device may report only one of them).</summary>
public sealed record PositionFix(DateTimeOffset Time, double? Latitude, double? Longitude, bool? DoorOpen);
