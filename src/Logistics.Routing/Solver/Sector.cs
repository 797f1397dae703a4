namespace Logistics.Routing.Solver;

/// <summary>The smallest arc of directions from a depot that covers a route's clients, so that
/// route pairs far apart can be skipped by SWAP* (Vidal 2022, section 4). Directions are pseudo-angles
/// in [0, 4) (the "diamond angle": monotone in the true angle, computed with one division, no
/// trigonometry), so that a seed gives the same search on every machine.</summary>
internal readonly record struct Sector(double Start, double Width)
{
    private const double Turn = 4;

    /// <summary>Whether the two arcs share a direction (touching counts).</summary>
    public bool Overlaps(Sector other) =>
        Wrap(other.Start - Start) <= Width || Wrap(Start - other.Start) <= other.Width;

    /// <summary>The sector of <paramref name="route"/>'s clients around its start depot;
    /// <paramref name="scratch"/> holds at least as many values as the route has clients.</summary>
    public static Sector Of(SearchData data, SearchRoute route, double[] scratch)
    {
        var depot = data.Types[route.Type].StartDepot;
        var clients = route.Clients;
        if (clients.Length == 0) return new Sector(0, 0);
        var angles = scratch.AsSpan(0, clients.Length);
        for (var k = 0; k < clients.Length; k++)
            angles[k] = PseudoAngle(data.X[clients[k]] - data.X[depot], data.Y[clients[k]] - data.Y[depot]);
        angles.Sort();
        // The sector is the circle minus its largest empty gap between consecutive directions.
        var gap = angles[0] + Turn - angles[^1];
        var start = angles[0];
        for (var k = 1; k < angles.Length; k++)
            if (angles[k] - angles[k - 1] > gap) (gap, start) = (angles[k] - angles[k - 1], angles[k]);
        return new Sector(start, Turn - gap);
    }

    /// <summary>A direction in [0, 4) that increases with the angle of (dx, dy) counter-clockwise
    /// from the positive x axis; 0 for the depot's own position.</summary>
    public static double PseudoAngle(double dx, double dy)
    {
        if (dx == 0 && dy == 0) return 0;
        var p = dx / (Math.Abs(dx) + Math.Abs(dy));
        return dy >= 0 ? 1 - p : 3 + p;
    }

    private static double Wrap(double a) => a < 0 ? a + Turn : a;
}
