using Logistics.Telemetry.Alerts;
using Logistics.Telemetry.Alerts.Configuration;
using static Logistics.Telemetry.Tests.Alerts.AlertScenario;

namespace Logistics.Telemetry.Tests.Alerts;

/// <summary>Temperature and humidity excursions against the default tobacco profile (warning 15–25 °C / 50–65 % RH,
/// critical 10–30 °C / 45–70 % RH), one message every 30 s.</summary>
public class ExcursionRuleTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public void A_warning_opens_only_after_five_minutes_outside_the_band()
    {
        var s = new AlertScenario();
        s.Hold(22, 2 * Minute);
        var start = s.Now;
        Assert.Empty(s.Hold(26, 5 * Minute));

        var opened = Assert.Single(s.Send(26.4));
        Assert.Equal(AlertEventType.Opened, opened.Type);
        Assert.Equal(AlertKind.TemperatureExcursion, opened.Kind);
        Assert.Equal(AlertSeverity.Warning, opened.Severity);
        Assert.Equal(("T-001", "front"), (opened.Truck, opened.Sensor));
        Assert.Equal(new Band(15, 25), opened.Band);
        Assert.Equal(start, opened.StartedAt);
        Assert.Equal(start + 5 * Minute, opened.At);
        Assert.Equal(26.4, opened.PeakValue);
        Assert.Equal(26.4, opened.TriggerValue);
        Assert.Equal(opened.At, opened.Trigger!.DeviceTime);
    }

    [Fact]
    public void Short_spikes_are_ignored_and_each_one_starts_the_clock_again()
    {
        var s = new AlertScenario();
        for (var i = 0; i < 4; i++)
        {
            s.Hold(27, 4 * Minute);
            s.Send(22);
        }
        Assert.Empty(s.Events);
    }

    [Fact]
    public void Far_outside_the_critical_band_opens_critical_after_one_minute()
    {
        var s = new AlertScenario();
        var start = s.Now;
        Assert.Empty(s.Hold(33, Minute));
        var opened = Assert.Single(s.Send(33));
        Assert.Equal(AlertSeverity.Critical, opened.Severity);
        Assert.Equal(new Band(10, 30), opened.Band);
        Assert.Equal(start, opened.StartedAt);
    }

    [Fact]
    public void Escalation_keeps_one_alert_and_never_de_escalates()
    {
        var s = new AlertScenario();
        s.Hold(26, 5 * Minute);
        var opened = Assert.Single(s.Send(26));
        s.Hold(31, Minute);
        var escalated = Assert.Single(s.Send(31.5));
        Assert.Equal(AlertEventType.Escalated, escalated.Type);
        Assert.Equal(opened.AlertId, escalated.AlertId);
        Assert.Equal(AlertSeverity.Critical, escalated.Severity);
        Assert.Equal(new Band(10, 30), escalated.Band);

        s.Hold(32.5, Minute);
        Assert.Empty(s.Hold(27, 10 * Minute));   // back in the warning range: still the same critical alert

        s.Hold(22, 2 * Minute);
        var cleared = Assert.Single(s.Send(22));
        Assert.Equal(AlertEventType.Cleared, cleared.Type);
        Assert.Equal(opened.AlertId, cleared.AlertId);
        Assert.Equal(AlertSeverity.Critical, cleared.Severity);
        Assert.Equal(32.5, cleared.PeakValue);
        Assert.Single(s.Events, e => e.Type == AlertEventType.Opened);
    }

    [Fact]
    public void Hovering_just_inside_the_edge_does_not_clear_thanks_to_the_hysteresis_margin()
    {
        var s = new AlertScenario();
        s.Hold(26, 5 * Minute);
        s.Send(26);
        for (var i = 0; i < 20; i++) s.Send(i % 2 == 0 ? 24.8 : 25.3);
        Assert.Empty(s.Hold(24.6, 10 * Minute));   // inside, but by less than 0.5 °C
        Assert.Single(s.Events);
        s.Hold(24.5, 2 * Minute);
        Assert.Equal(AlertEventType.Cleared, Assert.Single(s.Send(24.5)).Type);
    }

    [Fact]
    public void Clearing_waits_for_the_hold_time_and_a_relapse_restarts_it()
    {
        var s = new AlertScenario();
        s.Hold(26, 5 * Minute);
        s.Send(26);
        Assert.Empty(s.Hold(22, Minute + TimeSpan.FromSeconds(30)));
        s.Send(26);                             // relapse 1.5 min into the hold
        var back = s.Now;
        Assert.Empty(s.Hold(22, 2 * Minute));
        var cleared = Assert.Single(s.Send(22));
        Assert.Equal(AlertEventType.Cleared, cleared.Type);
        Assert.Equal(back + 2 * Minute, cleared.At);
    }

    [Fact]
    public void After_clearing_a_new_excursion_is_a_new_alert()
    {
        var s = new AlertScenario();
        s.Hold(26, 5 * Minute + TimeSpan.FromSeconds(30));
        s.Hold(22, 2 * Minute + TimeSpan.FromSeconds(30));
        s.Hold(26, 5 * Minute + TimeSpan.FromSeconds(30));
        var opened = s.Events.Where(e => e.Type == AlertEventType.Opened).ToList();
        Assert.Equal(2, opened.Count);
        Assert.NotEqual(opened[0].AlertId, opened[1].AlertId);
        Assert.Equal([AlertEventType.Opened, AlertEventType.Cleared, AlertEventType.Opened], s.Events.Select(e => e.Type));
    }

    [Fact]
    public void Two_sensors_are_judged_independently()
    {
        var s = new AlertScenario();
        var events = new List<AlertEvent>();
        for (var i = 0; i <= 12; i++)
        {
            events.AddRange(s.Send(Message(s.Truck, s.NextSeq(), s.Now,
                new("front", 26, 55), new("rear", i < 6 ? 22 : 26.5, 55)), s.Now));
            s.Advance(Step);
        }
        var front = Assert.Single(events, e => e.Sensor == "front");
        Assert.Equal(T0 + 5 * Minute, front.At);
        Assert.DoesNotContain(events, e => e.Sensor == "rear");   // out only since 3:00

        for (var i = 0; i < 6; i++)
        {
            events.AddRange(s.Send(Message(s.Truck, s.NextSeq(), s.Now, new("front", 22, 55), new("rear", 26.5, 55)), s.Now));
            s.Advance(Step);
        }
        var rear = Assert.Single(events, e => e.Sensor == "rear");
        Assert.Equal(T0 + 8 * Minute, rear.At);
        Assert.NotEqual(front.AlertId, rear.AlertId);
        Assert.Single(events, e => e.Sensor == "front" && e.Type == AlertEventType.Cleared);
    }

    [Fact]
    public void Humidity_is_its_own_alert_beside_temperature_on_the_same_sensor()
    {
        var s = new AlertScenario();
        s.Hold(26, 5 * Minute, humidity: 68);
        var events = s.Send(26, 68);
        Assert.Equal(2, events.Count);
        Assert.Contains(events, e => e.Kind == AlertKind.TemperatureExcursion && e.Band == new Band(15, 25));
        Assert.Contains(events, e => e.Kind == AlertKind.HumidityExcursion && e.Band == new Band(50, 65) && e.PeakValue == 68);
    }

    [Fact]
    public void A_reading_with_only_humidity_leaves_the_temperature_timer_alone()
    {
        var s = new AlertScenario();
        s.Hold(26, 3 * Minute);
        s.Send(null, 55);
        s.Hold(26, 2 * Minute - Step);
        Assert.Equal(AlertKind.TemperatureExcursion, Assert.Single(s.Send(26)).Kind);
    }

    [Fact]
    public void A_truck_mapped_to_the_frozen_profile_uses_its_one_sided_bands()
    {
        var options = Quiet();
        options.Trucks["T-009"] = "frozen";
        var s = new AlertScenario(options, "T-009");
        Assert.Empty(s.Hold(-25, 30 * Minute));   // colder is fine
        s.Hold(-17, 5 * Minute);
        var opened = Assert.Single(s.Send(-17));
        Assert.Equal(new Band(null, -18), opened.Band);
        s.Hold(-14, Minute);
        Assert.Equal(AlertEventType.Escalated, Assert.Single(s.Send(-14)).Type);
        s.Hold(-18.5, 2 * Minute);
        Assert.Equal(AlertEventType.Cleared, Assert.Single(s.Send(-18.5)).Type);

        var tobacco = new AlertScenario(options, "T-010");   // the default profile
        tobacco.Hold(-17, Minute);
        Assert.Equal(AlertSeverity.Critical, Assert.Single(tobacco.Send(-17)).Severity);
    }

    [Fact]
    public void Delays_and_hysteresis_come_from_the_profile()
    {
        var options = Quiet();
        options.Profiles["tobacco"].WarningDelay = TimeSpan.FromMinutes(2);
        options.Profiles["tobacco"].ClearHold = TimeSpan.Zero;
        var s = new AlertScenario(options);
        s.Hold(26, 2 * Minute);
        Assert.Single(s.Send(26));
        Assert.Equal(AlertEventType.Cleared, Assert.Single(s.Send(24)).Type);
    }
}
