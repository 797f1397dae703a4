namespace Logistics.Telemetry.Alerts;

/// <summary>An alert that is not cleared yet, as the engine hands it out and takes it back on
/// <see cref="AlertEngine.Restore"/> (the store's <c>GetOpenAsync</c> gives these).</summary>
public sealed record OpenAlert(
    Guid Id,
    string Truck,
    string? Sensor,
    AlertKind Kind,
    AlertSeverity Severity,
    Band? Band,
    double? PeakValue,
    DateTimeOffset StartedAt);
