using Logistics.Routing.Model;

namespace Logistics.Routing.TravelTimes;

/// <summary>The default when no road matrix is given: road distance = great-circle distance ×
/// circuity factor, driving time = road distance / one city speed.</summary>
/// <remarks>1.3 is the usual urban detour ratio of road over straight-line distance (studies of
/// Chinese and European cities find 1.2–1.4); 25 km/h is a typical average for a light truck in a
/// Chinese city's daytime traffic, stops at lights included. Both are estimates: a user-supplied
/// matrix (<see cref="MatrixTravelTimes"/>) is better whenever one exists.</remarks>
public sealed class GreatCircleTravelTimes : ITravelTimes
{
    public const double DefaultCircuity = 1.3;
    public const double DefaultSpeedKmh = 25;

    public GreatCircleTravelTimes(double circuity = DefaultCircuity, double speedKmh = DefaultSpeedKmh)
    {
        if (!(circuity >= 1)) throw new ArgumentOutOfRangeException(nameof(circuity), circuity, "a road is never shorter than the straight line: circuity must be ≥ 1");
        if (!(speedKmh > 0)) throw new ArgumentOutOfRangeException(nameof(speedKmh), speedKmh, "speed must be greater than 0 km/h");
        Circuity = circuity;
        SpeedKmh = speedKmh;
    }

    public double Circuity { get; }
    public double SpeedKmh { get; }

    public TravelMatrices Compute(IReadOnlyList<TravelLocation> locations)
    {
        var n = locations.Count;
        var metres = new long[n * n];
        var seconds = new long[n * n];
        var metresPerSecond = SpeedKmh / 3.6;
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
            {
                if (i == j) continue;
                var road = GreatCircle.Metres(locations[i].Position, locations[j].Position) * Circuity;
                metres[i * n + j] = (long)Math.Round(road);
                seconds[i * n + j] = (long)Math.Round(road / metresPerSecond);
            }
        return new TravelMatrices(new Matrix(n, metres), new Matrix(n, seconds));
    }
}
