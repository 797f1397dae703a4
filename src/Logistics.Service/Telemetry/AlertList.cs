namespace Logistics.Service.Telemetry;

/// <summary>One page of alerts; <see cref="Total"/> counts all that match the filter.</summary>
public sealed record AlertList(IReadOnlyList<AlertView> Items, int Total);
