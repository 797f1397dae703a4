using Logistics.Telemetry.Excursions;
using Xunit;

namespace Logistics.Telemetry.Tests.Excursions;

public class MeanKineticTemperatureTests
{
    [Fact]
    public void Constant_temperature_is_its_own_mkt() =>
        Assert.Equal(25.0, MeanKineticTemperature.Of([25, 25, 25])!.Value, 9);

    [Fact]
    public void Hot_half_weighs_more_than_the_arithmetic_mean()
    {
        // By hand: exp(-10000/293.15) = 1.5302e-15, exp(-10000/303.15) = 4.7580e-15; mean 3.1441e-15;
        // 10000 / -ln(3.1441e-15) = 299.41 K = 26.26 °C (arithmetic mean 25).
        Assert.Equal(26.26, MeanKineticTemperature.Of([20, 30])!.Value, 2);
    }

    [Fact]
    public void No_readings_have_no_mkt() => Assert.Null(MeanKineticTemperature.Of([]));
}
