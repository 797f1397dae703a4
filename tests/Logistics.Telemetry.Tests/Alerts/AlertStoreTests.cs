using Logistics.Telemetry.Alerts;
using Logistics.Telemetry.Alerts.Store;
using Microsoft.Data.Sqlite;
using static Logistics.Telemetry.Tests.Alerts.AlertScenario;

namespace Logistics.Telemetry.Tests.Alerts;

/// <summary>The store's behaviour on both providers (<see cref="TestDatabase.Providers"/>: a SQLite file in a temporary
/// folder, a database of its own on the test profile's PostgreSQL); what only a SQLite file has (WAL, PRAGMA
/// user_version, the earlier release's version table) against a file of its own.</summary>
// IAsyncLifetime: xunit 2 disposes a test class through it (it does not call IAsyncDisposable).
public sealed class AlertStoreTests : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private readonly string _folder = Directory.CreateTempSubdirectory("alert-store-").FullName;
    private readonly List<AlertStore> _stores = [];
    private TestDatabase? _test;

    private string DatabasePath => Path.Combine(_folder, "alerts.db");

    public async Task DisposeAsync()
    {
        foreach (var store in _stores) store.Dispose();
        Directory.Delete(_folder, recursive: true);
        if (_test is not null) await _test.DisposeAsync();
    }

    /// <summary>A store on the test's database of <paramref name="provider"/>; every call opens it again, as a restart would.</summary>
    private async Task<AlertStore> Open(string provider)
    {
        _test ??= await TestDatabase.CreateAsync(provider, "alerts.db");
        var store = await AlertStore.OpenAsync(_test.Database);
        _stores.Add(store);
        return store;
    }

    private async Task<AlertStore> Open()
    {
        var store = await AlertStore.OpenAsync(DatabasePath);
        _stores.Add(store);
        return store;
    }

    private static AlertEvent Event(AlertEventType type, Guid id, DateTimeOffset at, string truck = "T-001",
        AlertKind kind = AlertKind.TemperatureExcursion, AlertSeverity severity = AlertSeverity.Warning, DateTimeOffset? started = null,
        double? peak = 26, string sensor = "front") =>
        new(type, id, truck, kind is AlertKind.NoData or AlertKind.DoorOpen ? null : sensor, kind, severity,
            kind == AlertKind.TemperatureExcursion ? new Band(15, 25) : null, peak, started ?? at, at, null, peak, $"{type} at {at:t}");

    private long Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar());
    }

    private string Text(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (string)command.ExecuteScalar()!;
    }

    [Fact]
    public async Task Opening_creates_the_schema_in_WAL_mode_and_reopening_migrates_nothing_twice()
    {
        var store = await Open();
        Assert.Equal(AlertStore.SchemaVersion, await store.GetSchemaVersionAsync());
        var id = Guid.NewGuid();
        await store.ApplyAsync(Event(AlertEventType.Opened, id, T0));
        store.Dispose();

        var again = await Open();
        Assert.Equal(AlertStore.SchemaVersion, await again.GetSchemaVersionAsync());
        Assert.Equal(AlertStore.SchemaVersion, Scalar("PRAGMA user_version"));
        Assert.Equal("wal", Text("PRAGMA journal_mode"));
        Assert.NotNull(await again.GetAsync(id));
    }

    [Fact]
    public async Task A_database_at_an_earlier_version_is_brought_up_to_date()
    {
        (await Open()).Dispose();
        Scalar("DROP INDEX ix_alerts_truck_started; DROP INDEX ix_alerts_started; DROP INDEX ix_alerts_state; DROP INDEX ux_alerts_one_open; PRAGMA user_version = 1; SELECT 0");
        await Open();
        Assert.Equal(3, Scalar("PRAGMA user_version"));
        Assert.Equal(1, Scalar("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = 'ix_alerts_state'"));
        Assert.Equal(1, Scalar("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = 'ux_alerts_one_open'"));
    }

    [Fact]
    public async Task A_database_from_a_newer_version_is_refused_with_a_message_that_says_so()
    {
        (await Open()).Dispose();
        Scalar("PRAGMA user_version = 99; SELECT 0");
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => AlertStore.OpenAsync(DatabasePath));
        Assert.Contains("99", e.Message);
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_is_refused_with_the_stores_own_exception_naming_it()
    {
        await File.WriteAllTextAsync(DatabasePath, new string('x', 4096));
        var e = await Assert.ThrowsAsync<AlertStoreException>(() => AlertStore.OpenAsync(DatabasePath));
        Assert.Contains(DatabasePath, e.Message);
        Assert.IsType<SqliteException>(e.InnerException);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task A_file_of_the_earlier_release_with_a_schema_version_table_opens_with_its_alerts(int version)
    {
        // The file as the earlier release wrote it: its version in a schema_version table, user_version 0.
        var id = Guid.NewGuid();
        using (var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = string.Join("\n", AlertStoreMigrations.Steps.Where(s => s.Version <= version).Select(s => s.Sql)) + $"""
                CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at INTEGER NOT NULL);
                INSERT INTO schema_version VALUES {string.Join(", ", Enumerable.Range(1, version).Select(v => $"({v}, 'step', 0)"))};
                INSERT INTO alerts (id, truck, sensor, kind, severity, state, band_min, band_max, has_band, peak, started_at, opened_at, detail)
                VALUES ('{id:D}', 'T-001', 'front', 'TemperatureExcursion', 'Warning', 'Open', 15, 25, 1, 26, 0, 0, 'kept');
                INSERT INTO alert_audit (alert_id, at, actor, action, severity) VALUES ('{id:D}', 0, 'engine', 'opened', 'Warning');
                """;
            command.ExecuteNonQuery();
        }

        var store = await Open();

        Assert.Equal(AlertStore.SchemaVersion, await store.GetSchemaVersionAsync());
        Assert.Equal(0, Scalar("SELECT COUNT(*) FROM sqlite_master WHERE name = 'schema_version'"));
        Assert.Equal(1, Scalar("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = 'ix_alerts_state'"));
        var kept = await store.GetAsync(id);
        Assert.Equal(("kept", AlertState.Open), (kept!.Detail, kept.State));
        Assert.Single(await store.GetAuditTrailAsync(id));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_lifecycle_open_escalate_acknowledge_clear_is_kept_with_its_audit_trail(string provider)
    {
        var store = await Open(provider);
        var id = Guid.NewGuid();
        await store.ApplyAsync(Event(AlertEventType.Opened, id, T0 + 5 * Minute, started: T0));
        await store.ApplyAsync(Event(AlertEventType.Escalated, id, T0 + 7 * Minute, severity: AlertSeverity.Critical, started: T0, peak: 31) with { Band = new Band(10, 30) });
        var acknowledged = await store.AcknowledgeAsync(id, " Li Wei ", "Driver called, reefer restarted");
        Assert.Equal((AlertState.Acknowledged, "Li Wei", "Driver called, reefer restarted"),
            (acknowledged.State, acknowledged.AcknowledgedBy, acknowledged.AcknowledgeComment));
        await store.ApplyAsync(Event(AlertEventType.Cleared, id, T0 + 20 * Minute, severity: AlertSeverity.Critical, started: T0, peak: 32));

        var alert = (await store.GetAsync(id))!;
        Assert.Equal(AlertState.Cleared, alert.State);
        Assert.Equal(AlertSeverity.Critical, alert.Severity);
        Assert.Equal(new Band(10, 30), alert.Band);
        Assert.Equal(32, alert.PeakValue);
        Assert.Equal((T0, T0 + 5 * Minute, T0 + 7 * Minute, T0 + 20 * Minute), (alert.StartedAt, alert.OpenedAt, alert.EscalatedAt, alert.ClearedAt));
        Assert.Equal("Li Wei", alert.AcknowledgedBy);
        Assert.NotNull(alert.AcknowledgedAt);

        var trail = await store.GetAuditTrailAsync(id);
        Assert.Equal(["opened", "escalated", "acknowledged", "cleared"], trail.Select(a => a.Action));
        Assert.Equal([AlertStore.EngineActor, AlertStore.EngineActor, "Li Wei", AlertStore.EngineActor], trail.Select(a => a.Actor));
        Assert.Equal("Driver called, reefer restarted", trail[2].Comment);
        Assert.Equal(AlertSeverity.Critical, trail[1].Severity);
        Assert.True(trail.Zip(trail.Skip(1)).All(p => p.First.Sequence < p.Second.Sequence));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_cleared_alert_can_still_be_acknowledged_and_stays_cleared(string provider)
    {
        var store = await Open(provider);
        var id = Guid.NewGuid();
        await store.ApplyAsync(Event(AlertEventType.Opened, id, T0));
        await store.ApplyAsync(Event(AlertEventType.Cleared, id, T0 + Minute));
        var alert = await store.AcknowledgeAsync(id, "qa.zhang", null);
        Assert.Equal((AlertState.Cleared, "qa.zhang"), (alert.State, alert.AcknowledgedBy));
        Assert.Equal("acknowledged", (await store.GetAuditTrailAsync(id))[^1].Action);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Acknowledging_an_unknown_alert_without_a_user_or_twice_is_a_clear_error(string provider)
    {
        var store = await Open(provider);
        var unknown = Guid.NewGuid();
        var notFound = await Assert.ThrowsAsync<AlertNotFoundException>(() => store.AcknowledgeAsync(unknown, "qa.zhang", null));
        Assert.Contains(unknown.ToString(), notFound.Message);

        var id = Guid.NewGuid();
        await store.ApplyAsync(Event(AlertEventType.Opened, id, T0));
        var noUser = await Assert.ThrowsAsync<ArgumentException>(() => store.AcknowledgeAsync(id, "  ", "ok"));
        Assert.Contains("user", noUser.Message);
        await store.AcknowledgeAsync(id, "qa.zhang", "seen");
        var twice = await Assert.ThrowsAsync<InvalidOperationException>(() => store.AcknowledgeAsync(id, "qa.li", "me too"));
        Assert.Contains("qa.zhang", twice.Message);
        Assert.Equal(2, (await store.GetAuditTrailAsync(id)).Count);
        await Assert.ThrowsAsync<AlertNotFoundException>(() => store.GetAuditTrailAsync(unknown));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Events_delivered_twice_are_recorded_once_and_events_of_unknown_alerts_are_refused(string provider)
    {
        var store = await Open(provider);
        var id = Guid.NewGuid();
        for (var i = 0; i < 2; i++)
        {
            await store.ApplyAsync(Event(AlertEventType.Opened, id, T0));
            await store.ApplyAsync(Event(AlertEventType.Escalated, id, T0 + Minute, severity: AlertSeverity.Critical));
            await store.ApplyAsync(Event(AlertEventType.Cleared, id, T0 + 2 * Minute, severity: AlertSeverity.Critical));
        }
        Assert.Equal(3, (await store.GetAuditTrailAsync(id)).Count);
        await Assert.ThrowsAsync<AlertNotFoundException>(() => store.ApplyAsync(Event(AlertEventType.Cleared, Guid.NewGuid(), T0)));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_batch_is_recorded_in_order_in_one_transaction_and_a_refused_batch_records_nothing(string provider)
    {
        var store = await Open(provider);
        var id = Guid.NewGuid();
        await store.ApplyAsync([
            Event(AlertEventType.Opened, id, T0),
            Event(AlertEventType.Escalated, id, T0 + Minute, severity: AlertSeverity.Critical),
            Event(AlertEventType.Cleared, id, T0 + 2 * Minute, severity: AlertSeverity.Critical),
        ]);
        Assert.Equal(["opened", "escalated", "cleared"], (await store.GetAuditTrailAsync(id)).Select(a => a.Action));

        var other = Guid.NewGuid();
        await Assert.ThrowsAsync<AlertNotFoundException>(() => store.ApplyAsync([
            Event(AlertEventType.Opened, other, T0),
            Event(AlertEventType.Cleared, Guid.NewGuid(), T0 + Minute),
        ]));
        Assert.Equal(0, await _test!.ScalarAsync($"SELECT COUNT(*) FROM alerts WHERE id = '{other}'"));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Lists_filter_by_truck_state_kind_severity_and_time_and_page_newest_first(string provider)
    {
        var store = await Open(provider);
        var ids = new List<Guid>();
        for (var i = 0; i < 12; i++)
        {
            var id = Guid.NewGuid();
            ids.Add(id);
            var start = T0 + i * 10 * Minute;
            await store.ApplyAsync(Event(AlertEventType.Opened, id, start, truck: i % 3 == 0 ? "T-002" : "T-001",
                kind: i % 4 == 0 ? AlertKind.NoData : AlertKind.TemperatureExcursion,
                severity: i % 2 == 0 ? AlertSeverity.Critical : AlertSeverity.Warning, sensor: $"probe-{i}"));
            if (i < 6) await store.ApplyAsync(Event(AlertEventType.Cleared, id, start + 5 * Minute));
        }
        await store.AcknowledgeAsync(ids[7], "qa.zhang", null);
        await store.AcknowledgeAsync(ids[1], "qa.zhang", null);   // cleared, stays cleared

        Assert.Equal(12, (await store.ListAsync(new AlertQuery())).Total);
        Assert.Equal(4, (await store.ListAsync(new AlertQuery { Truck = "T-002" })).Total);
        Assert.Equal(6, (await store.ListAsync(new AlertQuery { State = AlertState.Cleared })).Total);
        Assert.Equal([ids[7]], (await store.ListAsync(new AlertQuery { State = AlertState.Acknowledged })).Items.Select(a => a.Id));
        Assert.Equal(5, (await store.ListAsync(new AlertQuery { State = AlertState.Open })).Total);
        Assert.Equal(3, (await store.ListAsync(new AlertQuery { Kind = AlertKind.NoData })).Total);
        Assert.Equal(6, (await store.ListAsync(new AlertQuery { Severity = AlertSeverity.Critical })).Total);
        Assert.Equal(2, (await store.ListAsync(new AlertQuery { Truck = "T-002", Severity = AlertSeverity.Critical })).Total);

        // Active during [0:32, 1:01): alert 3 (0:30–0:35), 4 (0:40–0:45), 5 (0:50–0:55), 6 (1:00, open).
        var range = await store.ListAsync(new AlertQuery { From = T0 + 32 * Minute, To = T0 + 61 * Minute });
        Assert.Equal([ids[6], ids[5], ids[4], ids[3]], range.Items.Select(a => a.Id));

        var page = await store.ListAsync(new AlertQuery { Offset = 4, Limit = 3 });
        Assert.Equal((12, 4, 3), (page.Total, page.Offset, page.Limit));
        Assert.Equal([ids[7], ids[6], ids[5]], page.Items.Select(a => a.Id));

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.ListAsync(new AlertQuery { Limit = 0 }));
        await Assert.ThrowsAsync<ArgumentException>(() => store.ListAsync(new AlertQuery { From = T0, To = T0 }));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Open_alerts_are_those_not_cleared_including_acknowledged_ones(string provider)
    {
        var store = await Open(provider);
        Guid open = Guid.NewGuid(), acknowledged = Guid.NewGuid(), cleared = Guid.NewGuid();
        await store.ApplyAsync(Event(AlertEventType.Opened, open, T0, kind: AlertKind.DoorOpen));
        await store.ApplyAsync(Event(AlertEventType.Opened, acknowledged, T0 + Minute));
        await store.ApplyAsync(Event(AlertEventType.Opened, cleared, T0 + 2 * Minute, truck: "T-003"));
        await store.ApplyAsync(Event(AlertEventType.Cleared, cleared, T0 + 3 * Minute, truck: "T-003"));
        await store.AcknowledgeAsync(acknowledged, "qa.zhang", null);

        var openAlerts = await store.GetOpenAsync();
        Assert.Equal([open, acknowledged], openAlerts.Select(a => a.Id));
        var restored = openAlerts[0].ToOpenAlert();
        Assert.Equal((AlertKind.DoorOpen, (string?)null, (Band?)null), (restored.Kind, restored.Sensor, restored.Band));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task One_alert_per_truck_sensor_and_kind_is_open_whichever_instance_raises_it(string provider)
    {
        // Two stores on one database: two instances, the second raising the alert again after taking the truck over
        // (say, before it had restored the first one's state).
        var first = await Open(provider);
        var second = await Open(provider);
        Guid raised = Guid.NewGuid(), again = Guid.NewGuid(), otherSensor = Guid.NewGuid(), later = Guid.NewGuid();
        await first.ApplyAsync(Event(AlertEventType.Opened, raised, T0));
        await second.ApplyAsync(Event(AlertEventType.Opened, again, T0 + Minute));
        await second.ApplyAsync(Event(AlertEventType.Opened, otherSensor, T0 + Minute, sensor: "rear"));
        Assert.Equal([raised, otherSensor], (await second.GetOpenAsync()).Select(a => a.Id));
        Assert.Null(await first.GetAsync(again));
        Assert.Equal(1, await _test!.ScalarAsync($"SELECT COUNT(*) FROM alert_audit WHERE alert_id = '{raised:D}'"));
        // The duplicate's later events are refused like any unknown alert's; the one open goes on.
        await Assert.ThrowsAsync<AlertNotFoundException>(() => second.ApplyAsync(Event(AlertEventType.Cleared, again, T0 + 2 * Minute)));
        await second.ApplyAsync(Event(AlertEventType.Escalated, raised, T0 + 2 * Minute, severity: AlertSeverity.Critical));

        // An acknowledged alert is still open; once cleared, the next excursion opens a new one.
        await first.AcknowledgeAsync(raised, "qa.zhang", null);
        await first.ApplyAsync(Event(AlertEventType.Opened, again, T0 + 3 * Minute));
        Assert.Null(await first.GetAsync(again));
        await second.ApplyAsync(Event(AlertEventType.Cleared, raised, T0 + 4 * Minute));
        await first.ApplyAsync(Event(AlertEventType.Opened, later, T0 + 5 * Minute));
        Assert.Equal([otherSensor, later], (await first.GetOpenAsync()).Select(a => a.Id));

        // Truck-level alerts (no sensor) are one per truck and kind too.
        Guid door = Guid.NewGuid(), doorAgain = Guid.NewGuid();
        await first.ApplyAsync(Event(AlertEventType.Opened, door, T0, kind: AlertKind.DoorOpen));
        await second.ApplyAsync(Event(AlertEventType.Opened, doorAgain, T0 + Minute, kind: AlertKind.DoorOpen));
        Assert.Null(await first.GetAsync(doorAgain));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Many_writers_at_once_lose_nothing(string provider)
    {
        var store = await Open(provider);
        var ids = Enumerable.Range(0, 40).Select(_ => Guid.NewGuid()).ToList();
        await Task.WhenAll(ids.Select((id, i) => Task.Run(async () =>
        {
            await store.ApplyAsync(Event(AlertEventType.Opened, id, T0, truck: $"T-{i:000}"));
            await store.ApplyAsync(Event(AlertEventType.Cleared, id, T0 + Minute, truck: $"T-{i:000}"));
            await store.ListAsync(new AlertQuery { Limit = 10 });
        })));
        Assert.Equal(40, (await store.ListAsync(new AlertQuery { State = AlertState.Cleared })).Total);
        Assert.Equal(80, await _test!.ScalarAsync("SELECT COUNT(*) FROM alert_audit"));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_engine_restarted_from_the_store_continues_its_alerts_without_duplicates(string provider)
    {
        var store = await Open(provider);
        var before = new AlertScenario();
        before.Hold(26, 8 * Minute);
        before.Send(Message(before.Truck, before.NextSeq(), before.Now, new Logistics.Telemetry.Readings.SensorReading("rear", 20, 55)), before.Now);
        foreach (var e in before.Events) await store.ApplyAsync(e);

        var after = new AlertScenario(before.Options);
        after.Engine.Restore((await store.GetOpenAsync()).Select(a => a.ToOpenAlert()));
        foreach (var e in after.Engine.Replay(before.Sent, before.Sent[^1].DeviceTime)) await store.ApplyAsync(e);
        after.Advance(before.Now - T0 + Step);
        after.Hold(22, 2 * Minute);
        after.Send(22);
        foreach (var e in after.Events) await store.ApplyAsync(e);

        var all = await store.ListAsync(new AlertQuery());
        var alert = Assert.Single(all.Items);
        Assert.Equal(AlertState.Cleared, alert.State);
        Assert.Equal(["opened", "cleared"], (await store.GetAuditTrailAsync(alert.Id)).Select(a => a.Action));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Opening_again_migrates_nothing_and_keeps_the_alerts(string provider)
    {
        var store = await Open(provider);
        Assert.Equal(AlertStore.SchemaVersion, await store.GetSchemaVersionAsync());
        var id = Guid.NewGuid();
        await store.ApplyAsync(Event(AlertEventType.Opened, id, T0));
        var again = await Open(provider);
        Assert.Equal(AlertStore.SchemaVersion, await again.GetSchemaVersionAsync());
        Assert.NotNull(await again.GetAsync(id));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Two_instances_acknowledging_one_alert_at_once_record_one_acknowledgement(string provider)
    {
        var store = await Open(provider);
        var other = await AlertStore.OpenAsync(_test!.SecondInstance());
        _stores.Add(other);
        var id = Guid.NewGuid();
        await store.ApplyAsync(Event(AlertEventType.Opened, id, T0));
        // Each instance's own lock does not hold the other back: only the database decides.
        var results = await Task.WhenAll(
            Task.Run(async () => { try { await store.AcknowledgeAsync(id, "qa.one", null); return "qa.one"; } catch (InvalidOperationException) { return null; } }),
            Task.Run(async () => { try { await other.AcknowledgeAsync(id, "qa.two", null); return "qa.two"; } catch (InvalidOperationException) { return null; } }));
        var winner = Assert.Single(results.OfType<string>());
        Assert.Equal(winner, (await other.GetAsync(id))!.AcknowledgedBy);
        Assert.Equal(["opened", "acknowledged"], (await store.GetAuditTrailAsync(id)).Select(a => a.Action));
    }
}
