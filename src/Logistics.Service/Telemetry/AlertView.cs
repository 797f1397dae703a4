using Logistics.Service.Api;
using Logistics.Telemetry.Alerts.Store;

namespace Logistics.Service.Telemetry;

/// <summary>An alert as the API shows it (kind, severity and state in camelCase).</summary>
public sealed record AlertView(Guid Id, string Truck, string? Sensor, string Kind, string Severity, string State,
    ProfileView.BandView? Band, double? Peak, DateTimeOffset StartedAt, DateTimeOffset OpenedAt, DateTimeOffset? EscalatedAt,
    DateTimeOffset? ClearedAt, string? AcknowledgedBy, DateTimeOffset? AcknowledgedAt, string? AcknowledgeComment, string Detail)
{
    public static AlertView From(AlertRecord a) => new(a.Id, a.Truck, a.Sensor, ApiNames.Of(a.Kind),
        ApiNames.Of(a.Severity), ApiNames.Of(a.State), ProfileView.BandView.From(a.Band), a.PeakValue,
        a.StartedAt, a.OpenedAt, a.EscalatedAt, a.ClearedAt, a.AcknowledgedBy, a.AcknowledgedAt, a.AcknowledgeComment, a.Detail);
}
