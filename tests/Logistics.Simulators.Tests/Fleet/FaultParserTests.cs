using Logistics.Simulators.Fleet.Generation;

namespace Logistics.Simulators.Tests.Fleet;

public class FaultParserTests
{
    [Fact]
    public void Reads_every_kind_in_the_documented_syntax()
    {
        var reefer = FaultParser.Parse("reefer-failure:T-003@10m");
        Assert.Equal((FaultKind.ReeferFailure, "T-003", TimeSpan.FromMinutes(10), (TimeSpan?)null), (reefer.Kind, reefer.Truck, reefer.Start, reefer.Duration));

        var spike = FaultParser.Parse("humidity-spike:T-007@5m");
        Assert.Equal((FaultKind.HumiditySpike, TimeSpan.FromMinutes(5), (TimeSpan?)TimeSpan.FromMinutes(10)), (spike.Kind, spike.Start, spike.Duration));

        var sensor = FaultParser.Parse("sensor-fault:T-010@2m");
        Assert.Equal((FaultKind.SensorFault, "T-010", TimeSpan.FromMinutes(2)), (sensor.Kind, sensor.Truck, sensor.Start));

        var silent = FaultParser.Parse("silent:T-012@3m+10m");
        Assert.Equal((FaultKind.Silent, TimeSpan.FromMinutes(3), (TimeSpan?)TimeSpan.FromMinutes(10)), (silent.Kind, silent.Start, silent.Duration));

        var skew = FaultParser.Parse("clock-skew:T-015:+7m");
        Assert.Equal((FaultKind.ClockSkew, "T-015", TimeSpan.FromMinutes(7), TimeSpan.Zero), (skew.Kind, skew.Truck, skew.ClockOffset, skew.Start));

        var behind = FaultParser.Parse("clock-skew:T-015:-90s@1h");
        Assert.Equal((TimeSpan.FromSeconds(-90), TimeSpan.FromHours(1)), (behind.ClockOffset, behind.Start));

        var malformed = FaultParser.Parse("malformed:T-020@1m");
        Assert.Equal((FaultKind.Malformed, TimeSpan.FromMinutes(1), (TimeSpan?)null), (malformed.Kind, malformed.Start, malformed.Duration));
    }

    [Theory]
    [InlineData("silent:T-012@3", 3 * 60)]
    [InlineData("silent:T-012@90s", 90)]
    [InlineData("silent:T-012@1.5h", 90 * 60)]
    [InlineData("silent:T-012@0", 0)]
    public void Reads_start_times_in_simulated_minutes_unless_a_unit_is_given(string text, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), FaultParser.Parse(text).Start);

    [Theory]
    [InlineData("reefer-failur:T-003@10m", "unknown kind 'reefer-failur' (expected one of reefer-failure, humidity-spike")]
    [InlineData("T-003@10m", "expected KIND:TRUCK@START[+DURATION]")]
    [InlineData("silent:T-012", "needs a start time: silent:TRUCK@START[+DURATION]")]
    [InlineData("silent:T-012@3x", "start '3x' is not a duration")]
    [InlineData("silent:T-012@3m+", "duration '' is not a duration")]
    [InlineData("silent:T-012@3m+0m", "duration '0m' must be more than zero")]
    [InlineData("silent:T 012@3m", "truck 'T 012' is not a truck id")]
    [InlineData("silent:@3m", "truck '' is not a truck id")]
    [InlineData("reefer-failure:T-003@-5m", "start '-5m' is not a duration")]
    [InlineData("clock-skew:T-015", "needs an offset: clock-skew:TRUCK:±OFFSET[@START]")]
    [InlineData("clock-skew:T-015:7m", "offset '7m' needs a sign")]
    [InlineData("clock-skew:T-015:+7q", "offset '+7q' is not a duration")]
    public void Says_what_is_wrong_with_a_bad_fault_and_quotes_it(string text, string expected)
    {
        var error = Assert.Throws<FaultSyntaxException>(() => FaultParser.Parse(text));
        Assert.StartsWith($"--fault '{text}': ", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void A_fault_for_a_truck_outside_the_fleet_is_refused_by_name()
    {
        var scenario = Scenarios.Create(trucks: 50, faults: "reefer-failure:T-300@10m");
        var error = Assert.Throws<ArgumentException>(() => scenario.CreateTrucks());
        Assert.Equal("--fault 'reefer-failure:T-300@10m': truck 'T-300' is not in the fleet (T-001…T-050)", error.Message);
    }
}
