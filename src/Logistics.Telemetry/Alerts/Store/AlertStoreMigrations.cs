using System.Globalization;
using Logistics.Storage;
using System.Data.Common;

namespace Logistics.Telemetry.Alerts.Store;

/// <summary>The store's schema as ordered steps, run by <see cref="SqlDatabase.MigrateAsync"/> on either provider. A step, once released, never
/// changes: a change is a new step, so a database at any earlier version reaches the current one by running the steps
/// after its version.</summary>
internal static class AlertStoreMigrations
{
    /// <summary>Where files written before the store used <c>PRAGMA user_version</c> kept their version.</summary>
    private const string VersionTable = "schema_version";

    public static readonly IReadOnlyList<Migration> Steps =
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
        new(3, "one alert not cleared per truck, sensor and kind, whichever instance raises it", """
            CREATE UNIQUE INDEX ux_alerts_one_open ON alerts(truck, COALESCE(sensor, ''), kind) WHERE state <> 'Cleared';
            """),
    ];

    public static int Latest => Steps[^1].Version;

    /// <summary>A file of an earlier release kept its version in a <c>schema_version</c> table (one row per step
    /// applied). Moves that version into <c>PRAGMA user_version</c> and drops the table, in one transaction, so the
    /// file's alerts stay and only the steps after that version run. Nothing happens to a file without that table. SQLite only: no PostgreSQL database predates the store's versions.</summary>
    public static async Task AdoptVersionTableAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var hasTable = await connection.ScalarAsync("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = @name",
            transaction, cancellationToken, ("@name", VersionTable));
        if (Convert.ToInt64(hasTable, CultureInfo.InvariantCulture) == 0) return;
        var version = Convert.ToInt32(await connection.ScalarAsync($"SELECT COALESCE(MAX(version), 0) FROM {VersionTable}", transaction,
            cancellationToken), CultureInfo.InvariantCulture);
        if (version > await SqliteDialect.Instance.LockAndReadVersionAsync(connection, transaction, "alerts", cancellationToken))
            await SqliteDialect.Instance.WriteVersionAsync(connection, transaction, "alerts", version, cancellationToken);
        await connection.ExecuteAsync($"DROP TABLE {VersionTable}", transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
