namespace Logistics.Telemetry.Alerts;

/// <summary>How bad an alert is; an open alert's severity only ever goes up (see docs/alerts.md).</summary>
public enum AlertSeverity
{
    Warning,
    Critical,
}
