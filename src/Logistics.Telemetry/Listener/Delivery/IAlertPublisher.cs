namespace Logistics.Telemetry.Listener.Delivery;

/// <summary>Where alerts go first: the cabs. Called by <see cref="AlertDelivery"/>'s cab loop, a batch at a time,
/// never concurrently; handles its own failures (logs them) and does not throw but for cancellation.</summary>
public interface IAlertPublisher
{
    /// <summary>Sends the batch and returns once it is on its way, without waiting for the broker's acknowledgements
    /// (which can queue behind a backlog of deliveries to the same connection); the task it returns completes when
    /// every alert of the batch is acknowledged or has failed.</summary>
    Task<Task> PublishAsync(IReadOnlyList<PendingAlert> alerts, CancellationToken cancellationToken);
}
