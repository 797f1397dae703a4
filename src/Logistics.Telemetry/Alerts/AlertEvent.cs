using Logistics.Telemetry.Readings;

namespace Logistics.Telemetry.Alerts;

/// <summary>One step of one alert, as the engine decided it.</summary>
/// <param name="Type">Opened, escalated (warning to critical) or cleared.</param>
/// <param name="AlertId">Stable for the alert's whole life, also across restarts (the store keeps it).</param>
/// <param name="Truck">The truck id.</param>
/// <param name="Sensor">The sensor for sensor alerts; null for truck-level alerts (no data, door).</param>
/// <param name="Kind">What the alert is about.</param>
/// <param name="Severity">The alert's severity after this step.</param>
/// <param name="Band">The band that was crossed (or, for a trend, will be); null for kinds without a band.</param>
/// <param name="PeakValue">The reading farthest outside the band so far (°C or % RH); null without a band.</param>
/// <param name="StartedAt">When the condition began: device time of the first reading out of the band, of the
/// first fault or of the door opening; for no data, the receive time of the last message (wall clock).</param>
/// <param name="At">When this step happened: the device time of <paramref name="Trigger"/>, or the wall-clock
/// time of the tick, status or call that caused it.</param>
/// <param name="Trigger">The message whose evaluation caused this step; null for ticks, status and faults.</param>
/// <param name="TriggerValue">The triggering sensor value (°C or % RH) when there is one.</param>
/// <param name="Detail">A sentence for people: why this step happened.</param>
public sealed record AlertEvent(
    AlertEventType Type,
    Guid AlertId,
    string Truck,
    string? Sensor,
    AlertKind Kind,
    AlertSeverity Severity,
    Band? Band,
    double? PeakValue,
    DateTimeOffset StartedAt,
    DateTimeOffset At,
    TelemetryMessage? Trigger,
    double? TriggerValue,
    string Detail);
