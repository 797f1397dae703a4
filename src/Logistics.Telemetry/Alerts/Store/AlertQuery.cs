namespace Logistics.Telemetry.Alerts.Store;

/// <summary>A filter for <see cref="AlertStore.ListAsync"/>; null filters match everything. The time range
/// [<see cref="From"/>, <see cref="To"/>) selects alerts active at any moment in it (started before To, not
/// cleared before From). Results come newest start first.</summary>
public sealed record AlertQuery
{
    public const int MaxLimit = 500;

    public string? Truck { get; init; }
    public AlertState? State { get; init; }
    public AlertKind? Kind { get; init; }
    public AlertSeverity? Severity { get; init; }
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }
    public int Offset { get; init; }
    public int Limit { get; init; } = 50;
}
