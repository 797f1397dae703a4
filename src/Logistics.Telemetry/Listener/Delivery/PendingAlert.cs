using Logistics.Telemetry.Alerts;

namespace Logistics.Telemetry.Listener.Delivery;

/// <summary>An alert event on its way out, with when the reading that raised it was received and evaluated (null for
/// events of a tick or of the replay at start).</summary>
public readonly record struct PendingAlert(AlertEvent Event, DateTimeOffset? ReceivedAt, DateTimeOffset? EvaluatedAt = null);
