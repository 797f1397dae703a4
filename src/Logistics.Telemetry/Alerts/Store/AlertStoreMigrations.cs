namespace Logistics.Telemetry.Alerts.Store;

/// <summary>The store's schema as ordered steps. A step, once released, never changes: a change is a new step, so a
/// database at any earlier version reaches the current one by running the steps after its version.</summary>
internal static class AlertStoreMigrations
{
    public sealed record Step(int Version, string Description, string Sql);

    public static readonly IReadOnlyList<Step> Steps =
    [
        new(1, "alerts and their audit trail", """
            CREATE TABLE alerts (
                id TEXT PRIMARY KEY,
                truck TEXT NOT NULL,
                sensor TEXT NULL,
                kind TEXT NOT NULL,
                severity TEXT NOT NULL,
                state TEXT NOT NULL,
                band_min REAL NULL,
                band_max REAL NULL,
                has_band INTEGER NOT NULL,
                peak REAL NULL,
                started_at INTEGER NOT NULL,
                opened_at INTEGER NOT NULL,
                escalated_at INTEGER NULL,
                cleared_at INTEGER NULL,
                acknowledged_by TEXT NULL,
                acknowledged_at INTEGER NULL,
                acknowledge_comment TEXT NULL,
                detail TEXT NOT NULL
            );
            CREATE TABLE alert_audit (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                alert_id TEXT NOT NULL REFERENCES alerts(id),
                at INTEGER NOT NULL,
                actor TEXT NOT NULL,
                action TEXT NOT NULL,
                severity TEXT NOT NULL,
                comment TEXT NULL
            );
            CREATE INDEX ix_alert_audit_alert ON alert_audit(alert_id, seq);
            """),
        new(2, "indexes for the QA list and for restoring open alerts", """
            CREATE INDEX ix_alerts_truck_started ON alerts(truck, started_at);
            CREATE INDEX ix_alerts_started ON alerts(started_at);
            CREATE INDEX ix_alerts_state ON alerts(state);
            """),
    ];

    public static int Latest => Steps[^1].Version;
}
