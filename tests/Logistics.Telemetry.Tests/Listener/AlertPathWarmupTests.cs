using Logistics.Telemetry.Alerts;
using Logistics.Telemetry.Listener;
using Logistics.Telemetry.Tests.Alerts;

namespace Logistics.Telemetry.Tests.Listener;

public sealed class AlertPathWarmupTests
{
    [Fact]
    public void The_made_up_reading_opens_a_sensor_fault_on_a_blank_engine_and_leaves_the_listeners_engine_alone()
    {
        var engine = new AlertEngine(AlertScenario.Quiet());
        var blank = engine.Blank();

        var events = AlertPathWarmup.Run(blank, TimeProvider.System);

        // The whole path ran: parse, the fault's alert opened, its cab message serialised.
        var opened = Assert.Single(events);
        Assert.Equal(AlertEventType.Opened, opened.Type);
        Assert.Equal(AlertKind.SensorFault, opened.Kind);
        Assert.Equal("front", opened.Sensor);
        // The listener's engine has no trace of the made-up truck: nothing to restore, close or tick.
        Assert.Empty(engine.Tick(DateTimeOffset.UtcNow.AddDays(1)));
        Assert.Empty(engine.OpenAlerts());
    }
}
