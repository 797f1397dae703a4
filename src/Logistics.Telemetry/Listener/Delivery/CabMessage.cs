using System.Text.Json;
using Logistics.Telemetry.Alerts;

namespace Logistics.Telemetry.Listener.Delivery;

/// <summary>What the cab display (and the webhook) receives, in snake_case JSON.</summary>
internal sealed record CabMessage(Guid AlertId, string Event, string Truck, string? Sensor, string Kind, string Severity,
    double? BandMin, double? BandMax, double? Peak, double? Value, DateTimeOffset StartedAt, DateTimeOffset At, long? Seq, string Detail)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static CabMessage From(AlertEvent e) => new(e.AlertId, e.Type.ToString(), e.Truck, e.Sensor, e.Kind.ToString(), e.Severity.ToString(),
        e.Band?.Min, e.Band?.Max, e.PeakValue, e.TriggerValue, e.StartedAt, e.At, e.Trigger?.Seq, e.Detail);
}
