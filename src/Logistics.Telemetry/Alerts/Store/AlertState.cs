namespace Logistics.Telemetry.Alerts.Store;

/// <summary>Where an alert is in its life: open → acknowledged (by a person) → cleared (by the engine). An alert may
/// also clear before anyone acknowledges it, and be acknowledged afterwards; it then stays cleared.</summary>
public enum AlertState
{
    Open,
    Acknowledged,
    Cleared,
}
