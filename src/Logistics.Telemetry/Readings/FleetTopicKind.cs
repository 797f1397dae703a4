namespace Logistics.Telemetry.Readings;

/// <summary>The device-to-service topics the listener accepts.</summary>
public enum FleetTopicKind
{
    /// <summary><c>fleet/{truckId}/telemetry</c>.</summary>
    Telemetry,
    /// <summary><c>fleet/{truckId}/status</c>.</summary>
    Status,
}
