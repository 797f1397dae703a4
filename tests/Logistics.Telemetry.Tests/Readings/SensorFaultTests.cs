using System.Text;
using Logistics.Telemetry.Readings;

namespace Logistics.Telemetry.Tests.Readings;

public class SensorFaultTests
{
    private static readonly DateTimeOffset Received = new(2026, 11, 22, 8, 16, 0, TimeSpan.Zero);

    private static TelemetryParseResult Parse(string readings) =>
        new TelemetryParser().ParseTelemetry("fleet/T-017/telemetry",
            Encoding.UTF8.GetBytes($$"""{"truck":"T-017","seq":7,"ts":"2026-11-22T08:15:30Z","readings":{{readings}},"door_open":true}"""), Received);

    [Fact]
    public void An_impossible_temperature_is_removed_and_reported_while_the_humidity_is_kept()
    {
        var result = Parse("""[{"sensor":"front","temperature_c":-999,"humidity_pct":55},{"sensor":"rear","temperature_c":4.5}]""");
        Assert.True(result.IsAccepted, result.Rejection?.ToString());
        Assert.Equal([new SensorReading("front", null, 55), new SensorReading("rear", 4.5, null)], result.Message.Readings);
        var fault = Assert.Single(result.Faults);
        Assert.Equal(new SensorFault("T-017", "front", SensorQuantity.TemperatureC, -999) { Seq = 7, DeviceTime = new DateTimeOffset(2026, 11, 22, 8, 15, 30, TimeSpan.Zero) }, fault);
    }

    [Theory]
    [InlineData(-60.0, true)]
    [InlineData(80.0, true)]
    [InlineData(-60.01, false)]
    [InlineData(80.01, false)]
    public void Temperature_limits_are_minus_60_to_plus_80_inclusive(double value, bool plausible)
    {
        var result = Parse($$"""[{"sensor":"s","temperature_c":{{value.ToString(System.Globalization.CultureInfo.InvariantCulture)}},"humidity_pct":50}]""");
        Assert.True(result.IsAccepted);
        Assert.Equal(plausible, result.Faults.Count == 0);
        Assert.Equal(plausible ? value : null, result.Message.Readings[0].TemperatureC);
    }

    [Theory]
    [InlineData(0.0, true)]
    [InlineData(100.0, true)]
    [InlineData(-0.5, false)]
    [InlineData(100.5, false)]
    public void Humidity_limits_are_0_to_100_inclusive(double value, bool plausible)
    {
        var result = Parse($$"""[{"sensor":"s","temperature_c":5,"humidity_pct":{{value.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}]""");
        Assert.True(result.IsAccepted);
        Assert.Equal(plausible ? 0 : 1, result.Faults.Count);
        if (!plausible) Assert.Equal(SensorQuantity.HumidityPct, result.Faults[0].Quantity);
    }

    [Fact]
    public void A_message_whose_every_quantity_is_faulty_still_yields_the_faults_and_keeps_the_door()
    {
        var result = Parse("""[{"sensor":"front","temperature_c":-999,"humidity_pct":-1},{"sensor":"rear","humidity_pct":250}]""");
        Assert.True(result.IsAccepted);
        Assert.Empty(result.Message.Readings);
        Assert.True(result.Message.DoorOpen);
        Assert.Equal(
            [("front", SensorQuantity.TemperatureC, -999.0), ("front", SensorQuantity.HumidityPct, -1.0), ("rear", SensorQuantity.HumidityPct, 250.0)],
            result.Faults.Select(f => (f.Sensor, f.Quantity, f.Value)));
    }
}
