namespace Logistics.Simulators.Fleet.Generation;

internal static class Gaussian
{
    /// <summary>A standard normal draw (Box-Muller), cut at <paramref name="limit"/> standard deviations.</summary>
    public static double Next(Random random, double limit = double.PositiveInfinity)
    {
        var u = 1 - random.NextDouble();
        var v = random.NextDouble();
        return Math.Clamp(Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v), -limit, limit);
    }
}
