using Logistics.Routing.Model;

namespace Logistics.Routing.Instances;

/// <summary>Turns a benchmark's raw rows into the solver's integer <see cref="ProblemData"/>.</summary>
internal static class BenchmarkProblemBuilder
{
    public static ProblemData Build(BenchmarkInstance instance)
    {
        var scale = instance.Scale;
        var nodes = new List<BenchmarkNode>(instance.Customers.Count + 1) { instance.Depot };
        nodes.AddRange(instance.Customers);

        var depotOpen = ScaleTime(instance.Depot.ReadyTime, scale);
        var depotClose = ScaleTime(instance.Depot.DueDate, scale);
        var depot = new Depot(instance.Depot.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            instance.Depot.X, instance.Depot.Y, depotOpen, depotClose);

        var clients = instance.Customers.Select(c => new Client(
            c.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), c.X, c.Y, [c.Demand],
            ServiceDuration: ScaleTime(c.ServiceTime, scale),
            WindowStart: ScaleTime(c.ReadyTime, scale),
            WindowEnd: ScaleTime(c.DueDate, scale))).ToArray();

        // Every route may be used at most once, so an unlimited CVRPLIB fleet is one vehicle per client.
        var count = instance.FleetBound ?? Math.Max(1, instance.Customers.Count);
        var vehicle = new VehicleType("vehicle", count, [instance.Capacity],
            ShiftStart: depotOpen, ShiftEnd: depotClose);

        var distance = Matrix.Build(nodes.Count, (i, j) => Distance(nodes[i], nodes[j], instance.Convention));
        var duration = instance.Convention == DistanceConvention.Real
            ? Matrix.Build(nodes.Count, (i, j) => RealTravelTime(nodes[i], nodes[j]))
            : distance;
        return new ProblemData([depot], clients, [vehicle], distance, duration);
    }

    private static long Distance(BenchmarkNode a, BenchmarkNode b, DistanceConvention convention)
    {
        var squared = SquaredDistance(a, b);
        return convention switch
        {
            // sqrt(100·s) rather than 10·sqrt(s): exact whenever 10·d is an integer, so floor never drops a unit.
            DistanceConvention.Dimacs => (long)Math.Floor(Math.Sqrt(100 * squared)),
            DistanceConvention.Real => (long)Math.Round(Math.Sqrt(squared) * BenchmarkInstance.RealScale),
            DistanceConvention.Tsplib => (long)Math.Floor(Math.Sqrt(squared) + 0.5),
            _ => throw new ArgumentOutOfRangeException(nameof(convention), convention, null),
        };
    }

    // Rounded up, unlike the distance: a route the solver finds on time is then on time with the exact
    // distances too, which is what the independent checker verifies.
    private static long RealTravelTime(BenchmarkNode a, BenchmarkNode b) =>
        (long)Math.Ceiling(Math.Sqrt(SquaredDistance(a, b)) * BenchmarkInstance.RealScale);

    private static double SquaredDistance(BenchmarkNode a, BenchmarkNode b)
    {
        var dx = a.X - b.X;
        var dy = a.Y - b.Y;
        return dx * dx + dy * dy;
    }

    private static long ScaleTime(double value, long scale) =>
        double.IsPositiveInfinity(value) ? long.MaxValue / 4 : (long)Math.Round(value * scale);
}
