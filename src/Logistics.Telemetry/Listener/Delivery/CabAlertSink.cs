using System.Text.Json;
using Logistics.Core;
using Logistics.Mqtt;
using Logistics.Telemetry.Alerts;
using Microsoft.Extensions.Logging;

namespace Logistics.Telemetry.Listener.Delivery;

/// <summary>Publishes each alert to its truck's cab on <c>fleet/{truck}/alerts</c> (QoS 1) and samples the latency a
/// driver sees, up to the publication's being written to the broker. The broker's acknowledgements are awaited
/// apart (<see cref="IAlertPublisher"/>): Mosquitto 2.0 queues them behind every message it has for the listener,
/// so during a backlog waiting for them held each batch of alerts back by the backlog's length.</summary>
public sealed class CabAlertSink(ListenerConnection connection, TelemetryCounters counters, TimeProvider clock, ILogger<CabAlertSink> logger)
    : IAlertPublisher
{
    public async Task<Task> PublishAsync(IReadOnlyList<PendingAlert> alerts, CancellationToken cancellationToken)
    {
        var acknowledgements = new Task[alerts.Count];
        for (var i = 0; i < alerts.Count; i++) acknowledgements[i] = await PublishAsync(alerts[i], cancellationToken);
        return Task.WhenAll(acknowledgements);
    }

    private async Task<Task> PublishAsync(PendingAlert alert, CancellationToken cancellationToken)
    {
        var e = alert.Event;
        var payload = JsonSerializer.SerializeToUtf8Bytes(CabMessage.From(e), CabMessage.Json);
        Task acknowledged;
        try
        {
            acknowledged = await connection.Client.PublishWithoutWaitingAsync(FleetTopics.Alerts(e.Truck), payload, MqttQualityOfService.AtLeastOnce,
                retain: false, cancellationToken);
        }
        catch (MqttException ex)
        {
            Failed(e, ex);
            return Task.CompletedTask;
        }
        counters.OnAlertPublished();
        var now = clock.GetUtcNow();
        // Alerts raised by readings only: their time is the device's. A status message ("offline") carries no
        // device time, and a fleet going offline at once would swamp the samples.
        if (alert.ReceivedAt is { } received && e.Kind != AlertKind.NoData)
        {
            counters.ReceiptToCab.Add(now - received);
            counters.DeviceToCab.Add(now - e.At);
            if (alert.EvaluatedAt is { } evaluated) counters.AlertReceiptToEvaluated.Add(evaluated - received);
        }
        return AcknowledgedAsync(e, acknowledged);
    }

    private async Task AcknowledgedAsync(AlertEvent e, Task acknowledged)
    {
        try
        {
            await acknowledged;
        }
        catch (MqttException ex)
        {
            Failed(e, ex);
        }
    }

    // The store has the alert; the cab sees it when the dispatcher or QA forwards it.
    private void Failed(AlertEvent e, MqttException ex) =>
        logger.LogError("Could not publish alert {Id} to the cab of {Truck}: {Error}", e.AlertId, e.Truck, ex.Message);
}
