using Logistics.Core;
using Logistics.Routing.TravelTimes;

namespace Logistics.Routing.Tests.TravelTimes;

public class GreatCircleTests
{
    [Fact]
    public void One_degree_of_meridian_is_111_2_km() =>
        Assert.Equal(111_195.08, GreatCircle.Metres(new Coordinates(22, 108), new Coordinates(23, 108)), 0.1);

    [Fact]
    public void London_to_New_York_is_5575_km() =>
        Assert.InRange(GreatCircle.Metres(new Coordinates(51.5007, -0.1246), new Coordinates(40.6892, -74.0445)), 5_574_000, 5_576_000);

    [Fact]
    public void The_default_applies_circuity_and_city_speed()
    {
        var matrices = new GreatCircleTravelTimes().Compute(
            [new TravelLocation("a", new Coordinates(22, 108)), new TravelLocation("b", new Coordinates(23, 108))]);
        Assert.Equal(144_554, matrices.DistanceMetres[0, 1]);
        Assert.Equal((long)Math.Round(144_553.6 / (25 / 3.6)), matrices.DurationSeconds[1, 0]);
        Assert.Equal(0, matrices.DistanceMetres[1, 1]);
    }
}
