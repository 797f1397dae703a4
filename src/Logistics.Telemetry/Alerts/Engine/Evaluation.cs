using Logistics.Telemetry.Readings;

namespace Logistics.Telemetry.Alerts.Engine;

/// <summary>The context of one input being evaluated: where events go, what triggered them, and whether decisions are
/// made at all. A silent evaluation (replay of readings already evaluated before a restart) only rebuilds timers,
/// trends and peaks; it opens, escalates and clears nothing, so it cannot repeat an event the store already has.
/// A value: one is made for every message evaluated.</summary>
internal readonly struct Evaluation(List<AlertEvent> events, bool silent, TelemetryMessage? trigger, DateTimeOffset at)
{
    public bool Silent => silent;
    public DateTimeOffset At => at;

    public AlertHandle Open(string truck, string? sensor, AlertKind kind, AlertSeverity severity, Band? band,
        double? peak, DateTimeOffset startedAt, double? value, string detail)
    {
        var alert = new AlertHandle(Guid.CreateVersion7(), truck, sensor, kind, severity, band, peak, startedAt);
        Emit(AlertEventType.Opened, alert, value, detail);
        return alert;
    }

    public void Emit(AlertEventType type, AlertHandle alert, double? value, string detail)
    {
        if (Silent) return;
        events.Add(new AlertEvent(type, alert.Id, alert.Truck, alert.Sensor, alert.Kind, alert.Severity, alert.Band,
            alert.Peak, alert.StartedAt, At, trigger, value, detail));
    }
}
