namespace Logistics.Core;

/// <summary>The per-truck MQTT topics of the device contract.</summary>
public enum FleetTopicKind
{
    /// <summary><c>fleet/{truckId}/telemetry</c>: readings, device → service.</summary>
    Telemetry,
    /// <summary><c>fleet/{truckId}/status</c>: online / offline, retained, device → service.</summary>
    Status,
    /// <summary><c>fleet/{truckId}/alerts</c>: alerts for the cab display, service → device.</summary>
    Alerts,
    /// <summary><c>fleet/{truckId}/plan</c>: the truck's route, retained, service → device.</summary>
    Plan,
}
