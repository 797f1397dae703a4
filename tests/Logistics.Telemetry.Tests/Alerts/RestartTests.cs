using Logistics.Telemetry.Alerts;
using static Logistics.Telemetry.Tests.Alerts.AlertScenario;

namespace Logistics.Telemetry.Tests.Alerts;

/// <summary>Rebuilding an engine after a restart from the open alerts and a replay of recent readings.</summary>
public class RestartTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private static (AlertScenario Before, AlertScenario After) Restart(AlertScenario before, DateTimeOffset suppressUpTo,
        out IReadOnlyList<AlertEvent> replayed)
    {
        var after = new AlertScenario(before.Options, before.Truck);
        after.Engine.Restore(before.Engine.OpenAlerts());
        replayed = after.Engine.Replay(before.Sent, suppressUpTo);
        after.Advance(before.Now - T0);
        return (before, after);
    }

    [Fact]
    public void Replaying_evaluated_readings_emits_nothing_and_the_restored_alert_clears_under_its_own_id()
    {
        var before = new AlertScenario();
        before.Hold(26, 8 * Minute);
        var opened = Assert.Single(before.Events);
        var (_, after) = Restart(before, before.Sent[^1].DeviceTime, out var replayed);

        Assert.Empty(replayed);
        Assert.Equal(opened.AlertId, Assert.Single(after.Engine.OpenAlerts()).Id);
        Assert.Empty(after.Hold(26, 10 * Minute));   // no second alert for the same excursion
        after.Hold(22, 2 * Minute);
        var cleared = Assert.Single(after.Send(22));
        Assert.Equal((AlertEventType.Cleared, opened.AlertId), (cleared.Type, cleared.AlertId));
        Assert.Empty(after.Engine.OpenAlerts());
    }

    [Fact]
    public void Without_suppression_the_same_replay_would_open_the_alert_again()
    {
        var before = new AlertScenario();
        before.Hold(26, 8 * Minute);
        var fresh = new AlertEngine(before.Options);
        var replayed = fresh.Replay(before.Sent, T0 - Minute);
        Assert.Equal(AlertEventType.Opened, Assert.Single(replayed).Type);   // what suppression is there to prevent
    }

    [Fact]
    public void An_excursion_pending_at_the_restart_opens_on_time_once()
    {
        var before = new AlertScenario();
        before.Hold(26, 3 * Minute);
        Assert.Empty(before.Events);
        var (_, after) = Restart(before, before.Sent[^1].DeviceTime, out var replayed);

        Assert.Empty(replayed);
        after.Hold(26, 2 * Minute);
        var opened = Assert.Single(after.Send(26));
        Assert.Equal((T0, T0 + 5 * Minute), (opened.StartedAt, opened.At));
        Assert.Empty(after.Hold(26, 5 * Minute));
    }

    [Fact]
    public void Readings_after_the_suppression_time_are_evaluated_as_live_ones()
    {
        // The engine opened the alert at 5:00 but the process died before the event was stored: the store knows
        // only events up to 4:30, so the replay emits the opening again, once.
        var before = new AlertScenario();
        before.Hold(26, 7 * Minute);
        var after = new AlertScenario(before.Options);
        after.Engine.Restore([]);
        var replayed = after.Engine.Replay(before.Sent, T0 + TimeSpan.FromSeconds(270));
        var reopened = Assert.Single(replayed);
        Assert.Equal((AlertEventType.Opened, T0 + 5 * Minute), (reopened.Type, reopened.At));
        after.Advance(7 * Minute);
        Assert.Empty(after.Hold(26, 5 * Minute));
    }

    [Fact]
    public void A_restored_alert_whose_condition_ended_after_the_suppression_time_clears_during_the_replay()
    {
        var before = new AlertScenario();
        before.Hold(26, 6 * Minute);
        var opened = Assert.Single(before.Events);
        var suppressUpTo = before.Sent[^1].DeviceTime;
        var restoredOpen = before.Engine.OpenAlerts();
        before.Hold(22, 4 * Minute);   // cleared at 8:30 in the old process, but never stored

        var after = new AlertEngine(before.Options);
        after.Restore(restoredOpen);
        var cleared = Assert.Single(after.Replay(before.Sent, suppressUpTo));
        Assert.Equal((AlertEventType.Cleared, opened.AlertId), (cleared.Type, cleared.AlertId));
    }

    [Fact]
    public void Escalation_after_a_restart_continues_the_restored_alert()
    {
        var before = new AlertScenario();
        before.Hold(26, 5 * Minute + TimeSpan.FromSeconds(30));
        var opened = Assert.Single(before.Events);
        var (_, after) = Restart(before, before.Sent[^1].DeviceTime, out _);
        after.Hold(31, Minute);
        var escalated = Assert.Single(after.Send(31));
        Assert.Equal((AlertEventType.Escalated, opened.AlertId, T0), (escalated.Type, escalated.AlertId, escalated.StartedAt));
    }

    [Fact]
    public void A_restored_no_data_alert_clears_when_the_truck_sends_again()
    {
        var before = new AlertScenario();
        before.Send(20);
        var opened = Assert.Single(before.Tick(T0 + 6 * Minute));
        var after = new AlertScenario(before.Options);
        after.Engine.Restore(before.Engine.OpenAlerts());
        Assert.Empty(after.Tick(T0 + 30 * Minute));   // still open, not opened again
        after.Advance(31 * Minute);
        var cleared = Assert.Single(after.Send(20));
        Assert.Equal((AlertEventType.Cleared, opened.AlertId), (cleared.Type, cleared.AlertId));
    }

    [Fact]
    public void A_truck_replayed_after_a_restart_gets_the_full_no_data_delay_from_the_first_tick()
    {
        var before = new AlertScenario();
        before.Hold(20, 5 * Minute);
        var after = new AlertEngine(before.Options);
        after.Replay(before.Sent, before.Sent[^1].DeviceTime);
        var restartedAt = T0 + TimeSpan.FromHours(1);
        Assert.Empty(after.Tick(restartedAt));
        Assert.Empty(after.Tick(restartedAt + 4 * Minute));
        Assert.Equal(AlertKind.NoData, Assert.Single(after.Tick(restartedAt + 5 * Minute)).Kind);
    }

    [Fact]
    public void Restoring_the_same_alert_twice_is_harmless_but_two_alerts_for_one_key_are_refused()
    {
        var alert = new OpenAlert(Guid.NewGuid(), "T-001", "front", AlertKind.TemperatureExcursion, AlertSeverity.Warning,
            new Band(15, 25), 26, T0);
        var engine = new AlertEngine(Quiet());
        engine.Restore([alert]);
        engine.Restore([alert]);
        Assert.Single(engine.OpenAlerts());
        var e = Assert.Throws<InvalidOperationException>(() => engine.Restore([alert with { Id = Guid.NewGuid() }]));
        Assert.Contains(alert.Id.ToString(), e.Message);
        Assert.Throws<ArgumentException>(() => engine.Restore([alert with { Id = Guid.NewGuid(), Sensor = null }]));
    }
}
