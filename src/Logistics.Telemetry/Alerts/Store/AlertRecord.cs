namespace Logistics.Telemetry.Alerts.Store;

/// <summary>One alert as the store keeps it.</summary>
/// <param name="Detail">The engine's sentence from when the alert opened.</param>
/// <param name="OpenedAt">The opening event's time (device time, or wall clock for no data).</param>
/// <param name="AcknowledgedBy">Who acknowledged it; null while nobody has (also for a cleared alert).</param>
public sealed record AlertRecord(
    Guid Id,
    string Truck,
    string? Sensor,
    AlertKind Kind,
    AlertSeverity Severity,
    AlertState State,
    Band? Band,
    double? PeakValue,
    DateTimeOffset StartedAt,
    DateTimeOffset OpenedAt,
    DateTimeOffset? EscalatedAt,
    DateTimeOffset? ClearedAt,
    string? AcknowledgedBy,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgeComment,
    string Detail)
{
    public OpenAlert ToOpenAlert() => new(Id, Truck, Sensor, Kind, Severity, Band, PeakValue, StartedAt);
}
