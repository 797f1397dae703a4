using Logistics.Telemetry.Alerts;
using Logistics.Telemetry.Readings;
using static Logistics.Telemetry.Tests.Alerts.AlertScenario;

namespace Logistics.Telemetry.Tests.Alerts;

/// <summary>No data, door open and sensor faults.</summary>
public class TruckAlertTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public void Silence_on_duty_raises_no_data_on_the_tick_after_five_minutes_and_the_next_message_clears_it()
    {
        var s = new AlertScenario();
        s.Send(20);
        Assert.Empty(s.Tick(T0 + 5 * Minute - TimeSpan.FromSeconds(1)));

        var opened = Assert.Single(s.Tick(T0 + 5 * Minute));
        Assert.Equal((AlertEventType.Opened, AlertKind.NoData, AlertSeverity.Warning), (opened.Type, opened.Kind, opened.Severity));
        Assert.Null(opened.Sensor);
        Assert.Equal(T0, opened.StartedAt);
        Assert.Empty(s.Tick(T0 + 20 * Minute));

        var late = Message(s.Truck, s.NextSeq(), T0 + 20 * Minute, new SensorReading("front", 20, null));
        var cleared = Assert.Single(s.Send(late, T0 + 21 * Minute));
        Assert.Equal((AlertEventType.Cleared, opened.AlertId), (cleared.Type, cleared.AlertId));
        Assert.Equal(T0 + 21 * Minute, cleared.At);
    }

    [Fact]
    public void No_data_is_judged_on_receive_time_not_device_time()
    {
        var s = new AlertScenario();
        // A device whose clock is an hour behind still counts as sending.
        for (var i = 0; i < 20; i++)
        {
            s.Send(Message(s.Truck, s.NextSeq(), T0 - TimeSpan.FromHours(1) + i * Step, new SensorReading("front", 20, null)), T0 + i * Step);
            Assert.Empty(s.Tick(T0 + i * Step + TimeSpan.FromSeconds(10)));
        }
    }

    [Fact]
    public void Offline_status_raises_no_data_at_once_and_only_once()
    {
        var s = new AlertScenario();
        s.Send(20);
        var opened = Assert.Single(s.Engine.ReportStatus(s.Truck, online: false, T0 + Minute));
        Assert.Equal(AlertKind.NoData, opened.Kind);
        Assert.Contains("offline", opened.Detail);
        Assert.Empty(s.Engine.ReportStatus(s.Truck, online: false, T0 + 2 * Minute));
        Assert.Empty(s.Engine.Tick(T0 + 10 * Minute));
        Assert.Empty(s.Engine.ReportStatus(s.Truck, online: true, T0 + 11 * Minute));   // online is not data
    }

    [Fact]
    public void A_retained_offline_status_of_a_truck_never_seen_is_ignored()
    {
        var s = new AlertScenario();
        Assert.Empty(s.Engine.ReportStatus("T-050", online: false, T0));
        Assert.Empty(s.Engine.Tick(T0 + TimeSpan.FromHours(2)));
    }

    [Fact]
    public void A_truck_that_comes_online_and_sends_nothing_raises_no_data()
    {
        var s = new AlertScenario();
        Assert.Empty(s.Engine.ReportStatus("T-005", online: true, T0));
        var opened = Assert.Single(s.Engine.Tick(T0 + 5 * Minute));
        Assert.Equal(("T-005", AlertKind.NoData), (opened.Truck, opened.Kind));
    }

    [Fact]
    public void Off_duty_clears_no_data_and_silence_then_raises_nothing()
    {
        var s = new AlertScenario();
        s.Send(20);
        var opened = Assert.Single(s.Tick(T0 + 6 * Minute));
        var cleared = Assert.Single(s.Engine.EndDuty(s.Truck, T0 + 7 * Minute));
        Assert.Equal((AlertEventType.Cleared, opened.AlertId), (cleared.Type, cleared.AlertId));
        Assert.Empty(s.Engine.Tick(T0 + TimeSpan.FromHours(3)));
    }

    [Fact]
    public void A_door_open_for_ten_minutes_raises_an_alert_and_closing_it_clears()
    {
        var s = new AlertScenario();
        s.Send(20, door: false);
        var openedAt = s.Now;
        for (var i = 0; i < 20; i++) Assert.Empty(s.Send(20, door: true));
        var opened = Assert.Single(s.Send(20, door: true));
        Assert.Equal((AlertKind.DoorOpen, openedAt, openedAt + 10 * Minute), (opened.Kind, opened.StartedAt, opened.At));
        Assert.Empty(s.Send(20));   // a message that does not report the door changes nothing
        var cleared = Assert.Single(s.Send(20, door: false));
        Assert.Equal((AlertEventType.Cleared, opened.AlertId), (cleared.Type, cleared.AlertId));
    }

    [Fact]
    public void Short_door_openings_at_each_stop_raise_nothing()
    {
        var s = new AlertScenario();
        for (var stop = 0; stop < 5; stop++)
        {
            for (var i = 0; i < 16; i++) s.Send(20, door: true);   // 8 minutes
            s.Send(20, door: false);
        }
        Assert.Empty(s.Events);
    }

    [Fact]
    public void A_sensor_fault_opens_at_once_and_clears_after_two_minutes_of_accepted_values_of_that_field()
    {
        var s = new AlertScenario();
        s.Send(20, 55);
        var notice = new SensorFaultNotice(s.Truck, "front", "temperature_c", "-300", "below absolute zero", s.Now);
        var opened = Assert.Single(s.Engine.ReportSensorFault(notice, s.Now));
        Assert.Equal((AlertKind.SensorFault, "front", AlertSeverity.Warning), (opened.Kind, opened.Sensor, opened.Severity));
        Assert.Contains("-300", opened.Detail);
        Assert.Empty(s.Engine.ReportSensorFault(notice with { DeviceTime = s.Now + Step }, s.Now + Step));

        s.Advance(2 * Step);
        for (var i = 0; i < 10; i++) Assert.Empty(s.Send(null, 55));   // humidity alone does not show the thermometer works
        var firstValid = s.Now;
        for (var i = 0; i < 4; i++) Assert.Empty(s.Send(20, 55));
        var cleared = Assert.Single(s.Send(20, 55));
        Assert.Equal((AlertEventType.Cleared, opened.AlertId, firstValid + 2 * Minute), (cleared.Type, cleared.AlertId, cleared.At));
    }

    [Fact]
    public void Each_sensor_has_its_own_fault_alert()
    {
        var s = new AlertScenario();
        var front = s.Engine.ReportSensorFault(new(s.Truck, "front", "humidity_pct", "140", "above 100 %", T0), T0);
        var rear = s.Engine.ReportSensorFault(new(s.Truck, "rear", "humidity_pct", "140", "above 100 %", T0), T0);
        Assert.NotEqual(Assert.Single(front).AlertId, Assert.Single(rear).AlertId);
        Assert.Equal(2, s.Engine.OpenAlerts().Count);
    }
}
