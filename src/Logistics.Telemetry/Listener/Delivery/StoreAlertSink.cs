using Logistics.Telemetry.Alerts;
using Logistics.Telemetry.Alerts.Store;
using Microsoft.Extensions.Logging;

namespace Logistics.Telemetry.Listener.Delivery;

/// <summary>Records the events in the alert store (lifecycle and audit): one transaction for the batch; if it is
/// refused, event by event, so one event the store cannot take (logged) does not keep the others out.</summary>
public sealed class StoreAlertSink(AlertStore store, ILogger<StoreAlertSink> logger) : IAlertSink
{
    public async Task DeliverAsync(IReadOnlyList<PendingAlert> alerts, CancellationToken cancellationToken)
    {
        var events = alerts.Select(a => a.Event).ToList();
        try
        {
            await store.ApplyAsync(events, cancellationToken);
            return;
        }
        catch (Exception e) when (e is AlertNotFoundException or AlertStoreException)
        {
            logger.LogWarning("The alert store refused a batch of {Count} events ({Error}); recording them one by one", events.Count, e.Message);
        }
        foreach (var e in events)
        {
            try { await store.ApplyAsync(e, cancellationToken); }
            catch (Exception ex) when (ex is AlertNotFoundException or AlertStoreException)
            {
                logger.LogError("Alert {Id} ({Type} on {Truck}) not recorded in the alert store: {Error}", e.AlertId, e.Type, e.Truck, ex.Message);
            }
        }
    }
}
