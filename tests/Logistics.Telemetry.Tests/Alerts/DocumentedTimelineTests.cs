using Logistics.Telemetry.Alerts;
using Logistics.Telemetry.Alerts.Configuration;
using static Logistics.Telemetry.Tests.Alerts.AlertScenario;

namespace Logistics.Telemetry.Tests.Alerts;

/// <summary>The example timelines of docs/alerts.md, so the page cannot drift from the engine.</summary>
public class DocumentedTimelineTests
{
    private static DateTimeOffset At(int minute, int second = 0) => T0 + new TimeSpan(0, minute, second);

    [Fact]
    public void The_excursion_timeline()
    {
        var s = new AlertScenario();
        void Until(int minute, int second, double value)
        {
            while (s.Now < At(minute, second)) s.Send(value);
        }
        Until(10, 0, 22.0);
        Until(12, 0, 25.6);
        Until(13, 0, 24.9);
        Until(18, 0, 25.8);
        Until(19, 0, 26.1);
        Until(20, 0, 30.4);
        Until(30, 0, s.Now == At(20) ? 31.0 : 27.0);
        Until(31, 0, 24.4);
        Until(33, 0, 24.7);
        Until(35, 0, 24.2);
        s.Send(24.0);

        Assert.Equal([AlertEventType.Opened, AlertEventType.Escalated, AlertEventType.Cleared], s.Events.Select(e => e.Type));
        var (opened, escalated, cleared) = (s.Events[0], s.Events[1], s.Events[2]);
        Assert.Equal((At(18), At(13), AlertSeverity.Warning, 26.1), (opened.At, opened.StartedAt, opened.Severity, opened.PeakValue));
        Assert.Equal((At(20), AlertSeverity.Critical, new Band(10, 30)), (escalated.At, escalated.Severity, escalated.Band));
        Assert.Equal((At(35), AlertSeverity.Critical, 31.0), (cleared.At, cleared.Severity, cleared.PeakValue));
        Assert.All(s.Events, e => Assert.Equal(opened.AlertId, e.AlertId));
    }

    [Fact]
    public void The_slow_reefer_failure_timeline()
    {
        var s = new AlertScenario(new AlertOptions { ReorderWindow = TimeSpan.Zero, DefaultProfile = "chilled" });
        while (s.Now <= At(30)) s.Send(4 + 0.2 * (s.Now - T0).TotalMinutes);

        var trend = s.Of(AlertKind.TemperatureTrend).ToList();
        Assert.Equal((AlertEventType.Opened, At(10), 6.0), (trend[0].Type, trend[0].At, trend[0].TriggerValue));
        Assert.Contains("08:20", trend[0].Detail);
        var real = Assert.Single(s.Of(AlertKind.TemperatureExcursion));
        Assert.Equal(At(25, 30), real.At);
        Assert.Equal((AlertEventType.Cleared, real.At), (trend[1].Type, trend[1].At));
    }
}
