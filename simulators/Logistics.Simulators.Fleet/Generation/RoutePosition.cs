using Logistics.Core;

namespace Logistics.Simulators.Fleet.Generation;

/// <summary>Where a truck is at a moment and whether its cargo door is open.</summary>
public readonly record struct RoutePosition(Coordinates Location, bool DoorOpen);
