using Logistics.Telemetry.Alerts;
using Logistics.Telemetry.Readings;
using static Logistics.Telemetry.Tests.Alerts.AlertScenario;

namespace Logistics.Telemetry.Tests.Alerts;

/// <summary>Late and out-of-order messages with a 30 s reorder window; readings every 10 s.</summary>
public class OrderingTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(30);

    private static AlertScenario Scenario()
    {
        var options = Quiet();
        options.ReorderWindow = Window;
        return new AlertScenario(options);
    }

    private static TelemetryMessage At(AlertScenario s, int seconds, double temperature) =>
        Message(s.Truck, seconds, T0 + TimeSpan.FromSeconds(seconds), new SensorReading("front", temperature, null));

    /// <summary>26 °C every 10 s for 10 minutes, except 22 °C at 2:00, which arrives after the message of
    /// <paramref name="deliveredAfter"/> seconds.</summary>
    private static void Feed(AlertScenario s, int deliveredAfter)
    {
        for (var t = 0; t <= 600; t += 10)
        {
            if (t != 120) s.Send(At(s, t, 26), T0 + TimeSpan.FromSeconds(t + 1));
            if (t == deliveredAfter) s.Send(At(s, 120, 22), T0 + TimeSpan.FromSeconds(t + 2));
        }
    }

    [Fact]
    public void A_message_late_by_less_than_the_window_is_evaluated_in_device_time_order()
    {
        var s = Scenario();
        Feed(s, deliveredAfter: 140);
        var opened = Assert.Single(s.Events);
        Assert.Equal(T0 + TimeSpan.FromSeconds(130), opened.StartedAt);   // the 22 °C at 2:00 reset the clock
        Assert.Equal(0, s.Engine.LateMessages);
    }

    [Fact]
    public void A_message_older_than_what_was_evaluated_is_counted_and_not_evaluated()
    {
        var s = Scenario();
        Feed(s, deliveredAfter: 200);
        var opened = Assert.Single(s.Events);
        Assert.Equal(T0, opened.StartedAt);
        Assert.Equal(T0 + TimeSpan.FromMinutes(5), opened.At);
        Assert.Equal(1, s.Engine.LateMessages);
    }

    [Fact]
    public void The_tick_evaluates_held_messages_once_the_window_has_passed_on_the_wall_clock()
    {
        var s = Scenario();
        s.Send(At(s, 0, 20), T0);
        Assert.Null(s.Engine.LastEvaluated(s.Truck));
        s.Tick(T0 + Window - TimeSpan.FromSeconds(1));
        Assert.Null(s.Engine.LastEvaluated(s.Truck));
        s.Tick(T0 + Window);
        Assert.Equal(T0, s.Engine.LastEvaluated(s.Truck));
    }

    [Fact]
    public void The_tick_releases_every_message_before_one_held_the_window_long_in_device_time_order()
    {
        var s = Scenario();
        s.Send(At(s, 20, 20), T0);
        s.Send(At(s, 10, 20), T0 + TimeSpan.FromSeconds(25));   // earlier on the device, received later
        s.Tick(T0 + Window);
        // The 20 s message has waited the window; the 10 s one comes before it, so it goes too, first.
        Assert.Equal(T0 + TimeSpan.FromSeconds(20), s.Engine.LastEvaluated(s.Truck));
        Assert.Equal(0, s.Engine.LateMessages);
    }

    [Fact]
    public void The_tick_finds_a_message_held_long_enough_whatever_order_the_receive_times_came_in()
    {
        var s = Scenario();
        // Receive times that go back (a wall clock stepped back between the two): the later arrival has waited longer.
        s.Send(At(s, 10, 20), T0 + TimeSpan.FromSeconds(10));
        s.Send(At(s, 20, 20), T0);
        s.Tick(T0 + Window);
        Assert.Equal(T0 + TimeSpan.FromSeconds(20), s.Engine.LastEvaluated(s.Truck));
    }

    [Fact]
    public void A_message_already_released_by_device_time_releases_nothing_more_when_its_receipt_comes_up()
    {
        var s = Scenario();
        s.Send(At(s, 0, 20), T0);
        s.Send(At(s, 40, 20), T0 + TimeSpan.FromSeconds(1));   // 40 s newer: the first goes at once, by device time
        Assert.Equal(T0, s.Engine.LastEvaluated(s.Truck));
        s.Tick(T0 + Window);   // the first message's receipt is the window old; the second's is not
        Assert.Equal(T0, s.Engine.LastEvaluated(s.Truck));
        s.Tick(T0 + Window + TimeSpan.FromSeconds(1));
        Assert.Equal(T0 + TimeSpan.FromSeconds(40), s.Engine.LastEvaluated(s.Truck));
    }

    [Fact]
    public void A_redelivered_message_is_evaluated_once()
    {
        var s = Scenario();
        var message = At(s, 0, 20);
        s.Send(message, T0);
        s.Send(message, T0 + TimeSpan.FromSeconds(1));   // still held: dropped as a duplicate
        s.Tick(T0 + TimeSpan.FromMinutes(1));
        s.Send(message, T0 + TimeSpan.FromMinutes(2));   // after evaluation: late
        Assert.Equal(2, s.Engine.LateMessages);
        Assert.Equal(T0, s.Engine.LastEvaluated(s.Truck));
    }

    [Fact]
    public void Messages_with_the_same_device_time_are_evaluated_in_sequence_order()
    {
        var s = Scenario();
        s.Send(Message(s.Truck, 2, T0, new SensorReading("front", 20, null)), T0);
        s.Send(Message(s.Truck, 1, T0, new SensorReading("rear", 20, null)), T0);
        s.Tick(T0 + TimeSpan.FromMinutes(1));
        Assert.Equal(0, s.Engine.LateMessages);
        s.Send(Message(s.Truck, 1, T0, new SensorReading("rear", 20, null)), T0 + TimeSpan.FromMinutes(1));
        Assert.Equal(1, s.Engine.LateMessages);
    }
}
