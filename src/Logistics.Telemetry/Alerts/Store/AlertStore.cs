using System.Data.Common;
using System.Globalization;
using Logistics.Storage;

namespace Logistics.Telemetry.Alerts.Store;

/// <summary>Alerts and their audit trail, in one SQLite file (WAL mode; the listener's own by default) or in the
/// service's PostgreSQL database (schema area "alerts"). The schema is created or migrated when the store opens.
/// Thread-safe: every call uses its own pooled connection; this instance's writes are serialised by the store, reads
/// run alongside them. Every change is conditional on the state it leaves, so other instances writing the same
/// PostgreSQL database cannot make an event count twice. Times are kept as Unix milliseconds, UTC.</summary>
public sealed class AlertStore : IDisposable
{
    /// <summary>The actor recorded in the audit trail for the engine's own steps.</summary>
    public const string EngineActor = "engine";

    private const string Columns = "id, truck, sensor, kind, severity, state, band_min, band_max, has_band, peak, started_at, " +
                                   "opened_at, escalated_at, cleared_at, acknowledged_by, acknowledged_at, acknowledge_comment, detail";

    /// <summary>The store's schema area in a database that holds several.</summary>
    public const string Area = "alerts";

    private readonly SqlDatabase _database;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly TimeProvider _clock;

    private AlertStore(SqlDatabase database, TimeProvider clock)
    {
        _database = database;
        _clock = clock;
    }

    /// <summary>The schema version this code writes.</summary>
    public static int SchemaVersion => AlertStoreMigrations.Latest;

    /// <summary>Opens (creating if needed) the database file and brings its schema up to date.</summary>
    /// <param name="path">The database file.</param>
    /// <param name="clock">The clock of acknowledgements; the system clock when null.</param>
    /// <exception cref="InvalidOperationException">The file was written by a newer version of the service.</exception>
    public static Task<AlertStore> OpenAsync(string path, TimeProvider? clock = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return OpenAsync(SqlDatabase.Sqlite(path), clock, ct);
    }

    /// <summary>Opens the store in <paramref name="database"/> (a SQLite file or the service's PostgreSQL database) and
    /// brings its schema up to date.</summary>
    /// <exception cref="InvalidOperationException">The database was written by a newer version of the service.</exception>
    public static async Task<AlertStore> OpenAsync(SqlDatabase database, TimeProvider? clock = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        var store = new AlertStore(database, clock ?? TimeProvider.System);
        await store.Translated(() => store.MigrateAsync(ct));
        return store;
    }

    /// <summary>Records one of the engine's events: an opening creates the alert, an escalation raises its severity, a
    /// clearing closes it; each adds an audit entry. Idempotent: an event already recorded (the same opening, a
    /// severity already reached, an alert already cleared) changes nothing, so at-least-once delivery is safe. At most
    /// one alert per truck, sensor and kind is not cleared (a unique index): an opening while another is open for them
    /// (raised by another instance that held the truck's partition a moment ago) is not recorded either, nor are
    /// that opening's later events (<see cref="AlertNotFoundException"/>).</summary>
    /// <exception cref="AlertNotFoundException">An escalation or clearing of an alert the store does not have.</exception>
    public Task ApplyAsync(AlertEvent e, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(e);
        return ApplyAsync([e], ct);
    }

    /// <summary>Records several events in order in one transaction (one disk flush for all of them), with the same
    /// rules as <see cref="ApplyAsync(AlertEvent, CancellationToken)"/>; all or none are recorded.</summary>
    public Task ApplyAsync(IReadOnlyList<AlertEvent> events, CancellationToken ct = default) => Translated(() => ApplyCoreAsync(events, ct));

    private async Task ApplyCoreAsync(IReadOnlyList<AlertEvent> events, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0) return;
        await _writeLock.WaitAsync(ct);
        try
        {
            await using var connection = await ConnectAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            foreach (var e in events)
            {
                var changed = e.Type switch
                {
                    AlertEventType.Opened => await InsertAsync(connection, tx, e, ct),
                    AlertEventType.Escalated => await UpdateAsync(connection, tx, e, """
                        UPDATE alerts SET severity = @severity, band_min = @band_min, band_max = @band_max, has_band = @has_band,
                            peak = @peak, escalated_at = @at
                        WHERE id = @id AND severity <> @severity
                        """, ct),
                    AlertEventType.Cleared => await UpdateAsync(connection, tx, e, """
                        UPDATE alerts SET state = 'Cleared', peak = @peak, cleared_at = @at
                        WHERE id = @id AND state <> 'Cleared'
                        """, ct),
                    _ => throw new ArgumentOutOfRangeException(nameof(events), e.Type, "Unknown event type"),
                };
                if (changed)
                    await AuditAsync(connection, tx, e.AlertId, e.At, EngineActor, e.Type.ToString().ToLowerInvariant(), e.Severity, e.Detail, ct);
            }
            await tx.CommitAsync(ct);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>A person acknowledges an alert, open or already cleared, with an optional comment.</summary>
    /// <exception cref="ArgumentException">The user name is empty.</exception>
    /// <exception cref="AlertNotFoundException">No alert has this id.</exception>
    /// <exception cref="InvalidOperationException">The alert was acknowledged already (the message says by whom).</exception>
    public Task<AlertRecord> AcknowledgeAsync(Guid id, string user, string? comment, CancellationToken ct = default) => Translated(() => AcknowledgeCoreAsync(id, user, comment, ct));

    private async Task<AlertRecord> AcknowledgeCoreAsync(Guid id, string user, string? comment, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(user))
            throw new ArgumentException("Acknowledging an alert needs the name of the user who acknowledges it.", nameof(user));
        user = user.Trim();
        comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        await _writeLock.WaitAsync(ct);
        try
        {
            await using var connection = await ConnectAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var alert = await GetAsync(connection, tx, id, ct) ?? throw new AlertNotFoundException(id);
            if (alert.AcknowledgedBy is not null)
                throw new InvalidOperationException(
                    $"Alert {id} was already acknowledged by {alert.AcknowledgedBy} at {alert.AcknowledgedAt:O}.");
            var now = _clock.GetUtcNow();
            // Conditional: another instance's acknowledgement may have come between the read and this write.
            if (await connection.ExecuteAsync("""
                UPDATE alerts SET acknowledged_by = @user, acknowledged_at = @at, acknowledge_comment = @comment,
                    state = CASE state WHEN 'Open' THEN 'Acknowledged' ELSE state END
                WHERE id = @id AND acknowledged_by IS NULL
                """, tx, ct, ("@user", user), ("@at", Millis(now)), ("@comment", comment), ("@id", Key(id))) == 0)
            {
                var by = (await GetAsync(connection, tx, id, ct))!;
                throw new InvalidOperationException($"Alert {id} was already acknowledged by {by.AcknowledgedBy} at {by.AcknowledgedAt:O}.");
            }
            await AuditAsync(connection, tx, id, now, user, "acknowledged", alert.Severity, comment, ct);
            var updated = (await GetAsync(connection, tx, id, ct))!;
            await tx.CommitAsync(ct);
            return updated;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>One alert; null when there is none with this id.</summary>
    public Task<AlertRecord?> GetAsync(Guid id, CancellationToken ct = default) => Translated(() => GetCoreAsync(id, ct));

    private async Task<AlertRecord?> GetCoreAsync(Guid id, CancellationToken ct)
    {
        await using var connection = await ConnectAsync(ct);
        return await GetAsync(connection, null, id, ct);
    }

    /// <summary>Every change to one alert, oldest first.</summary>
    /// <exception cref="AlertNotFoundException">No alert has this id.</exception>
    public Task<IReadOnlyList<AuditEntry>> GetAuditTrailAsync(Guid id, CancellationToken ct = default) => Translated(() => GetAuditTrailCoreAsync(id, ct));

    private async Task<IReadOnlyList<AuditEntry>> GetAuditTrailCoreAsync(Guid id, CancellationToken ct)
    {
        await using var connection = await ConnectAsync(ct);
        if (await GetAsync(connection, null, id, ct) is null) throw new AlertNotFoundException(id);
        await using var command = connection.Command(
            "SELECT seq, alert_id, at, actor, action, severity, comment FROM alert_audit WHERE alert_id = @id ORDER BY seq", null, ("@id", Key(id)));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var trail = new List<AuditEntry>();
        while (await reader.ReadAsync(ct))
        {
            trail.Add(new AuditEntry(reader.GetInt64(0), Guid.Parse(reader.GetString(1)), Time(reader.GetInt64(2)),
                reader.GetString(3), reader.GetString(4), Enum.Parse<AlertSeverity>(reader.GetString(5)),
                reader.IsDBNull(6) ? null : reader.GetString(6)));
        }
        return trail;
    }

    /// <summary>Alerts that match the filter, newest start first, one page at a time.</summary>
    public Task<AlertPage> ListAsync(AlertQuery query, CancellationToken ct = default) => Translated(() => ListCoreAsync(query, ct));

    private async Task<AlertPage> ListCoreAsync(AlertQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Offset < 0) throw new ArgumentOutOfRangeException(nameof(query), query.Offset, "Offset must not be negative");
        if (query.Limit is < 1 or > AlertQuery.MaxLimit)
            throw new ArgumentOutOfRangeException(nameof(query), query.Limit, $"Limit must be between 1 and {AlertQuery.MaxLimit}");
        if (query.From >= query.To)
            throw new ArgumentException($"The time range is empty: From {query.From:O} is not before To {query.To:O}", nameof(query));

        await using var connection = await ConnectAsync(ct);
        var conditions = new List<string>();
        var parameters = new List<(string, object?)>();
        void Where(string condition, string name, object value)
        {
            conditions.Add(condition);
            parameters.Add((name, value));
        }
        if (query.Truck is not null) Where("truck = @truck", "@truck", query.Truck);
        if (query.State is { } state) Where("state = @state", "@state", state.ToString());
        if (query.Kind is { } kind) Where("kind = @kind", "@kind", kind.ToString());
        if (query.Severity is { } severity) Where("severity = @severity", "@severity", severity.ToString());
        if (query.To is { } to) Where("started_at < @to", "@to", Millis(to));
        if (query.From is { } from) Where("(cleared_at IS NULL OR cleared_at >= @from)", "@from", Millis(from));
        var where = conditions.Count == 0 ? "" : " WHERE " + string.Join(" AND ", conditions);

        int total;
        total = Convert.ToInt32(await connection.ScalarAsync("SELECT COUNT(*) FROM alerts" + where, null, ct, [.. parameters]),
            CultureInfo.InvariantCulture);
        await using var command = connection.Command($"SELECT {Columns} FROM alerts{where} ORDER BY started_at DESC, id LIMIT @limit OFFSET @offset",
            null, [.. parameters, ("@limit", query.Limit), ("@offset", query.Offset)]);
        return new AlertPage(await ReadAllAsync(command, ct), total, query.Offset, query.Limit);
    }

    /// <summary>Every alert not cleared yet (open or acknowledged), oldest first: what
    /// <see cref="AlertEngine.Restore"/> takes after a restart.</summary>
    public Task<IReadOnlyList<AlertRecord>> GetOpenAsync(CancellationToken ct = default) => Translated(() => GetOpenCoreAsync(ct));

    private async Task<IReadOnlyList<AlertRecord>> GetOpenCoreAsync(CancellationToken ct)
    {
        await using var connection = await ConnectAsync(ct);
        await using var command = connection.Command($"SELECT {Columns} FROM alerts WHERE state <> 'Cleared' ORDER BY started_at, id");
        return await ReadAllAsync(command, ct);
    }

    /// <summary>The schema version of the file (the highest step applied).</summary>
    public Task<int> GetSchemaVersionAsync(CancellationToken ct = default) => Translated(() => GetSchemaVersionCoreAsync(ct));

    private Task<int> GetSchemaVersionCoreAsync(CancellationToken ct) => _database.VersionAsync(Area, ct);

    /// <summary>Closes the pooled connections, so a SQLite file can be moved or deleted.</summary>
    public void Dispose()
    {
        _database.ClearPool();
        _writeLock.Dispose();
    }

    private async Task MigrateAsync(CancellationToken ct)
    {
        if (_database.Dialect is SqliteDialect)
        {
            await using var connection = await ConnectAsync(ct);
            await AlertStoreMigrations.AdoptVersionTableAsync(connection, ct);
        }
        await _database.MigrateAsync(Area, AlertStoreMigrations.Steps, $"The alert database {_database.Description}", ct);
    }

    private static async Task<bool> InsertAsync(DbConnection connection, DbTransaction tx, AlertEvent e, CancellationToken ct)
    {
        return await connection.ExecuteAsync($"""
            INSERT INTO alerts ({Columns})
            VALUES (@id, @truck, @sensor, @kind, @severity, 'Open', @band_min, @band_max, @has_band, @peak, @started_at,
                    @at, NULL, NULL, NULL, NULL, NULL, @detail)
            ON CONFLICT DO NOTHING
            """, tx, ct, [.. EventParameters(e), ("@truck", e.Truck), ("@sensor", e.Sensor), ("@kind", e.Kind.ToString()),
            ("@started_at", Millis(e.StartedAt)), ("@detail", e.Detail)]) == 1;
    }

    private static async Task<bool> UpdateAsync(DbConnection connection, DbTransaction tx, AlertEvent e, string sql, CancellationToken ct)
    {
        if (await connection.ExecuteAsync(sql, tx, ct, EventParameters(e)) == 1) return true;
        return await GetAsync(connection, tx, e.AlertId, ct) is null ? throw new AlertNotFoundException(e.AlertId) : false;
    }

    private static (string Name, object? Value)[] EventParameters(AlertEvent e) =>
    [
        ("@id", Key(e.AlertId)), ("@severity", e.Severity.ToString()), ("@band_min", e.Band?.Min), ("@band_max", e.Band?.Max),
        ("@has_band", e.Band is null ? 0 : 1), ("@peak", e.PeakValue), ("@at", Millis(e.At)),
    ];

    private static async Task AuditAsync(DbConnection connection, DbTransaction tx, Guid id, DateTimeOffset at, string actor,
        string action, AlertSeverity severity, string? comment, CancellationToken ct)
    {
        await connection.ExecuteAsync("""
            INSERT INTO alert_audit (alert_id, at, actor, action, severity, comment)
            VALUES (@id, @at, @actor, @action, @severity, @comment)
            """, tx, ct, ("@id", Key(id)), ("@at", Millis(at)), ("@actor", actor), ("@action", action), ("@severity", severity.ToString()),
            ("@comment", comment));
    }

    private static async Task<AlertRecord?> GetAsync(DbConnection connection, DbTransaction? tx, Guid id, CancellationToken ct)
    {
        await using var command = connection.Command($"SELECT {Columns} FROM alerts WHERE id = @id", tx, ("@id", Key(id)));
        var found = await ReadAllAsync(command, ct);
        return found.Count == 0 ? null : found[0];
    }

    private static async Task<IReadOnlyList<AlertRecord>> ReadAllAsync(DbCommand command, CancellationToken ct)
    {
        await using var reader = await command.ExecuteReaderAsync(ct);
        var alerts = new List<AlertRecord>();
        while (await reader.ReadAsync(ct))
        {
            double? Real(int i) => reader.IsDBNull(i) ? null : reader.GetDouble(i);
            DateTimeOffset? At(int i) => reader.IsDBNull(i) ? null : Time(reader.GetInt64(i));
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            alerts.Add(new AlertRecord(
                Guid.Parse(reader.GetString(0)), reader.GetString(1), Text(2),
                Enum.Parse<AlertKind>(reader.GetString(3)), Enum.Parse<AlertSeverity>(reader.GetString(4)),
                Enum.Parse<AlertState>(reader.GetString(5)),
                reader.GetInt64(8) == 1 ? new Band(Real(6), Real(7)) : null, Real(9),
                Time(reader.GetInt64(10)), Time(reader.GetInt64(11)), At(12), At(13),
                Text(14), At(15), Text(16), reader.GetString(17)));
        }
        return alerts;
    }

    /// <summary>Runs <paramref name="body"/>, translating the database's and the file system's errors into <see cref="AlertStoreException"/>.</summary>
    private async Task<T> Translated<T>(Func<Task<T>> body)
    {
        try
        {
            return await body();
        }
        catch (Exception e) when (_database.Dialect.IsProviderError(e) || e is IOException or UnauthorizedAccessException)
        {
            throw new AlertStoreException($"The alert store {_database.Description} failed: {e.Message}", e);
        }
    }

    private async Task Translated(Func<Task> body) => await Translated(async () => { await body(); return 0; });

    private Task<DbConnection> ConnectAsync(CancellationToken ct) => _database.OpenAsync(ct);

    private static string Key(Guid id) => id.ToString("D");
    private static long Millis(DateTimeOffset t) => t.ToUnixTimeMilliseconds();
    private static DateTimeOffset Time(long millis) => DateTimeOffset.FromUnixTimeMilliseconds(millis);
}
