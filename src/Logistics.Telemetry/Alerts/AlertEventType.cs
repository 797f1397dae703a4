namespace Logistics.Telemetry.Alerts;

/// <summary>The step in an alert's life that an <see cref="AlertEvent"/> reports.</summary>
public enum AlertEventType
{
    Opened,
    Escalated,
    Cleared,
}
