namespace Logistics.Telemetry.Alerts.Store;

/// <summary>One page of a list; <see cref="Total"/> counts every alert that matches the filter.</summary>
public sealed record AlertPage(IReadOnlyList<AlertRecord> Items, int Total, int Offset, int Limit);
