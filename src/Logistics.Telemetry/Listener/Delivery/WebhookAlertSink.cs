using System.Net.Http.Json;
using Logistics.Telemetry.Alerts;
using Microsoft.Extensions.Logging;

namespace Logistics.Telemetry.Listener.Delivery;

/// <summary>Posts each event to the configured webhook (JSON as the cab gets it), without waiting for the answer:
/// a slow or failing webhook neither holds up the other sinks nor is retried.</summary>
public sealed class WebhookAlertSink(string url, IHttpClientFactory httpClients, ILogger<WebhookAlertSink> logger) : IAlertSink
{
    /// <summary>The name of the HTTP client (5 s timeout) the listener registers for it.</summary>
    public const string HttpClientName = "AlertProcessor";

    public Task DeliverAsync(IReadOnlyList<PendingAlert> alerts, CancellationToken cancellationToken)
    {
        foreach (var a in alerts) _ = PostAsync(a.Event);
        return Task.CompletedTask;
    }

    private async Task PostAsync(AlertEvent e)
    {
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).PostAsJsonAsync(url, CabMessage.From(e), CabMessage.Json);
            if (!response.IsSuccessStatusCode)
                logger.LogWarning("Alert webhook {Url} answered {Status} for alert {Id}", url, (int)response.StatusCode, e.AlertId);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            logger.LogWarning("Alert webhook {Url} failed for alert {Id}: {Error}", url, e.AlertId, ex.Message);
        }
    }
}
