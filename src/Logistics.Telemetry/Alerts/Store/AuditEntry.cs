namespace Logistics.Telemetry.Alerts.Store;

/// <summary>One change to one alert: who did what, when, and why.</summary>
/// <param name="Sequence">Increases with every change in the store; orders the trail.</param>
/// <param name="Actor">A person's name, or <see cref="AlertStore.EngineActor"/> for the engine's steps.</param>
/// <param name="Action">opened, escalated, cleared or acknowledged.</param>
/// <param name="Severity">The alert's severity after the change.</param>
/// <param name="Comment">The person's comment, or the engine's reason.</param>
public sealed record AuditEntry(
    long Sequence,
    Guid AlertId,
    DateTimeOffset At,
    string Actor,
    string Action,
    AlertSeverity Severity,
    string? Comment);
