namespace Logistics.Telemetry.Listener.Delivery;

/// <summary>One place alert events go (the cab, the store, InfluxDB, a webhook). Called by
/// <see cref="AlertDelivery"/>'s one loop, a batch at a time, never concurrently; a sink handles its own
/// failures (logs them, keeps what should be tried again) and does not throw but for cancellation.</summary>
public interface IAlertSink
{
    Task DeliverAsync(IReadOnlyList<PendingAlert> alerts, CancellationToken cancellationToken);
}
