using Logistics.Telemetry.Alerts;
using Logistics.Telemetry.Alerts.Configuration;

namespace Logistics.Telemetry.Tests.Alerts;

/// <summary>The predictive warning on a chilled truck (warning 2–8 °C), one reading every 30 s.</summary>
public class TrendAlertTests
{
    private static AlertScenario Chilled()
    {
        var options = new AlertOptions { ReorderWindow = TimeSpan.Zero, DefaultProfile = "chilled" };
        return new AlertScenario(options);
    }

    [Fact]
    public void A_failing_reefer_is_predicted_before_the_band_is_crossed_and_the_warning_ends_when_the_real_alert_opens()
    {
        var s = Chilled();
        var noise = new Random(7);
        var firstAbove = (DateTimeOffset?)null;
        for (var i = 0; i <= 60; i++)   // +0.2 °C/min from 4 °C for 30 minutes
        {
            var value = 4 + 0.1 * i + (noise.NextDouble() - 0.5) * 0.1;
            if (value > 8) firstAbove ??= s.Now;
            s.Send(value);
        }

        var trend = Assert.Single(s.Of(AlertKind.TemperatureTrend), e => e.Type == AlertEventType.Opened);
        Assert.NotNull(firstAbove);
        Assert.True(trend.At < firstAbove!.Value, $"predicted at {trend.At:T}, crossed at {firstAbove:T}");
        Assert.True(trend.TriggerValue < 7, $"predicted only at {trend.TriggerValue} °C");
        Assert.Equal(new Band(2, 8), trend.Band);

        var real = Assert.Single(s.Of(AlertKind.TemperatureExcursion), e => e.Type == AlertEventType.Opened);
        var ended = Assert.Single(s.Of(AlertKind.TemperatureTrend), e => e.Type == AlertEventType.Cleared);
        Assert.Equal((trend.AlertId, real.At), (ended.AlertId, ended.At));
        Assert.Equal(2, s.Of(AlertKind.TemperatureTrend).Count());
    }

    [Fact]
    public void A_delivery_stop_with_the_door_open_predicts_nothing_and_the_reefer_recovery_after_it_neither()
    {
        // 10 closed minutes at the set point (5 °C, the band's middle), then 14 minutes open with the air
        // warming toward outside (+0.2 °C/min, a straight line a trend would carry over 8 °C), then
        // closed again while the reefer brings it back to the set point.
        var s = Chilled();
        for (var i = 0; i < 20; i++) s.Send(5, door: false);
        for (var i = 1; i <= 28; i++) s.Send(5 + 0.1 * i, door: true);
        for (var i = 1; i <= 60; i++) s.Send(5 + 2.8 * Math.Exp(-i / 10.0), door: false);

        Assert.DoesNotContain(s.Events, e => e.Kind == AlertKind.TemperatureTrend);
        Assert.DoesNotContain(s.Events, e => e.Kind == AlertKind.TemperatureExcursion);
    }

    [Fact]
    public void Noise_around_a_steady_level_predicts_nothing()
    {
        var s = Chilled();
        var noise = new Random(42);
        for (var i = 0; i < 240; i++) s.Send(6.5 + (noise.NextDouble() - 0.5) * 2);   // 5.5–7.5 °C for two hours
        Assert.Empty(s.Events);
    }

    [Fact]
    public void A_rise_that_levels_off_clears_the_warning_once_and_raises_no_second_one()
    {
        var s = Chilled();
        for (var i = 0; i <= 24; i++) s.Send(4 + 0.1 * i);   // to 6.4 °C in 12 minutes
        Assert.Single(s.Events);
        for (var i = 0; i < 60; i++) s.Send(6.4);
        var trend = s.Of(AlertKind.TemperatureTrend).ToList();
        Assert.Equal([AlertEventType.Opened, AlertEventType.Cleared], trend.Select(e => e.Type));
        Assert.Equal(trend[0].AlertId, trend[1].AlertId);
        Assert.DoesNotContain(s.Events, e => e.Kind == AlertKind.TemperatureExcursion);
    }

    [Fact]
    public void Too_few_minutes_of_readings_predict_nothing_however_steep()
    {
        var s = Chilled();
        for (var i = 0; i < 18; i++) s.Send(2.5 + 0.3 * i);   // 9 minutes, up to 7.6 °C
        Assert.Empty(s.Events);
    }

    [Fact]
    public void A_falling_trend_towards_the_lower_edge_is_predicted_too()
    {
        var s = Chilled();
        for (var i = 0; i <= 24; i++) s.Send(6 - 0.1 * i);
        var trend = Assert.Single(s.Events);
        Assert.Equal(AlertKind.TemperatureTrend, trend.Kind);
        Assert.Contains("-0.2", trend.Detail);
    }

    [Fact]
    public void Predictions_can_be_switched_off()
    {
        var options = new AlertOptions { ReorderWindow = TimeSpan.Zero, DefaultProfile = "chilled", Trend = new TrendOptions { Enabled = false } };
        var s = new AlertScenario(options);
        for (var i = 0; i <= 24; i++) s.Send(4 + 0.1 * i);
        Assert.Empty(s.Events);
    }
}
