using Logistics.Service.Api;
using Logistics.Telemetry.Alerts.Store;

namespace Logistics.Service.Telemetry;

/// <summary>One change to an alert: who (a key's name, or "engine"), what, when and why.</summary>
public sealed record AuditView(long Sequence, DateTimeOffset At, string Actor, string Action, string Severity, string? Comment)
{
    public static AuditView From(AuditEntry e) => new(e.Sequence, e.At, e.Actor, e.Action, ApiNames.Of(e.Severity), e.Comment);
}
