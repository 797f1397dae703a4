using Logistics.Routing.Solver;

namespace Logistics.Routing.Tests.Solver;

public class SectorTests
{
    [Fact]
    public void Pseudo_angles_increase_counter_clockwise_from_the_x_axis()
    {
        double[] angles = [.. Enumerable.Range(0, 36).Select(k => k * Math.PI / 18)
            .Select(a => Sector.PseudoAngle(Math.Cos(a), Math.Sin(a)))];
        Assert.Equal(0, angles[0], precision: 9);
        Assert.Equal(2, angles[18], precision: 9);
        for (var k = 1; k < angles.Length; k++) Assert.True(angles[k] > angles[k - 1], $"not increasing at {k * 10} degrees");
        Assert.True(angles[^1] < 4);
    }

    [Theory]
    [InlineData(0.5, 1.0, 1.2, 0.3, true)]   // [0.5, 1.5] and [1.2, 1.5]
    [InlineData(0.5, 0.5, 1.2, 0.3, false)]  // [0.5, 1.0] and [1.2, 1.5]
    [InlineData(3.5, 1.0, 0.2, 0.1, true)]   // [3.5, 0.5] wraps past 4 to cover 0.2
    [InlineData(3.5, 0.4, 0.2, 0.1, false)]  // [3.5, 3.9] stops short of 0.2
    [InlineData(1.0, 0.0, 1.0, 0.0, true)]   // one direction each, the same one
    public void Sectors_overlap_when_they_share_a_direction_across_the_wrap(double start1, double width1, double start2,
        double width2, bool overlap)
    {
        var a = new Sector(start1, width1);
        var b = new Sector(start2, width2);
        Assert.Equal(overlap, a.Overlaps(b));
        Assert.Equal(overlap, b.Overlaps(a));
    }
}
