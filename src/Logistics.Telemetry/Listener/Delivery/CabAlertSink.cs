using System.Text.Json;
using Logistics.Core;
using Logistics.Mqtt;
using Logistics.Telemetry.Alerts;
using Microsoft.Extensions.Logging;

namespace Logistics.Telemetry.Listener.Delivery;

/// <summary>Publishes each alert to its truck's cab on <c>fleet/{truck}/alerts</c> (QoS 1), all publications of a
/// batch in flight together (that is the latency a driver sees), and samples that latency.</summary>
public sealed class CabAlertSink(ListenerConnection connection, TelemetryCounters counters, TimeProvider clock, ILogger<CabAlertSink> logger)
    : IAlertSink
{
    public Task DeliverAsync(IReadOnlyList<PendingAlert> alerts, CancellationToken cancellationToken) =>
        Task.WhenAll(alerts.Select(a => PublishAsync(a.Event, a.ReceivedAt, cancellationToken)));

    private async Task PublishAsync(AlertEvent e, DateTimeOffset? receivedAt, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(CabMessage.From(e), CabMessage.Json);
        try
        {
            await connection.Client.PublishAsync(FleetTopics.Alerts(e.Truck), payload, MqttQualityOfService.AtLeastOnce, retain: false, cancellationToken);
            counters.OnAlertPublished();
            var now = clock.GetUtcNow();
            // Alerts raised by readings only: their time is the device's. A status message ("offline") carries no
            // device time, and a fleet going offline at once would swamp the samples.
            if (receivedAt is { } received && e.Kind != AlertKind.NoData)
            {
                counters.ReceiptToCab.Add(now - received);
                counters.DeviceToCab.Add(now - e.At);
            }
        }
        catch (MqttException ex)
        {
            // The store has the alert; the cab sees it when the dispatcher or QA forwards it.
            logger.LogError("Could not publish alert {Id} to the cab of {Truck}: {Error}", e.AlertId, e.Truck, ex.Message);
        }
    }
}
