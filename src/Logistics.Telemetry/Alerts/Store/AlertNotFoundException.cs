namespace Logistics.Telemetry.Alerts.Store;

/// <summary>An alert id the store does not have.</summary>
public sealed class AlertNotFoundException(Guid id)
    : Exception($"There is no alert with id {id}.")
{
    public Guid AlertId { get; } = id;
}
