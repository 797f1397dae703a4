using Logistics.Routing.Model;
using Logistics.Routing.Solver;

namespace Logistics.Routing.Tests.Solver;

/// <summary>Small seeded instances on a 100 x 100 grid, distances rounded Euclidean.</summary>
internal static class TinyInstances
{
    /// <summary>Points on a line: the distance (and time) between two is the difference of their positions.</summary>
    public static Matrix Line(params long[] positions) =>
        Matrix.Build(positions.Length, (i, j) => Math.Abs(positions[i] - positions[j]));

    /// <summary>A at 100 must be served by 150; store S (at 100 too) opens 0-20 (client 1) or 300-400 (client 2), a
    /// required group. The early window cannot be reached, so only the late one serves S, after A, at cost 200.</summary>
    public static ProblemData StoreWithTwoWindows()
    {
        var m = Line(0, 100, 100, 100);
        return new ProblemData([new Depot("d", 0, 0)],
        [
            new Client("A", 1, 0, [1], ServiceDuration: 10, WindowStart: 0, WindowEnd: 150),
            new Client("S@early", 1, 0, [1], ServiceDuration: 10, WindowStart: 0, WindowEnd: 20, Required: false, Prize: 10_000),
            new Client("S@late", 1, 0, [1], ServiceDuration: 10, WindowStart: 300, WindowEnd: 400, Required: false, Prize: 10_000),
        ], [new VehicleType("van", 2, [10], ShiftEnd: 1000)], m, m, [new ClientGroup([1, 2], Required: true)]);
    }

    /// <summary>What any engine must make of <see cref="StoreWithTwoWindows"/>: S served once, in its late window,
    /// nothing left out, cost 200 (to 100 and back).</summary>
    public static void AssertStoreServedInItsLateWindow(SolverResult result)
    {
        Assert.True(result.IsFeasible);
        var visits = result.Solution.Routes.SelectMany(r => r.Clients).ToList();
        Assert.Contains(2, visits);
        Assert.DoesNotContain(1, visits);
        Assert.Empty(result.Solution.Unassigned);
        Assert.Equal(200, result.Cost);
    }

    /// <param name="softWindows">Each window becomes soft: due at its end, allowed up to 150 later at
    /// a random price per time unit; the vehicles then also cost 1 per time unit of route duration.</param>
    public static ProblemData Random(int seed, int clients, int vehicles, long capacity, bool windows, long horizon = 1000,
        bool softWindows = false)
    {
        var rng = new Random(seed);
        var points = Enumerable.Range(0, clients + 1).Select(_ => (X: rng.Next(100), Y: rng.Next(100))).ToArray();
        var matrix = Matrix.Build(points.Length, (i, j) =>
            (long)Math.Round(Math.Sqrt(Math.Pow(points[i].X - points[j].X, 2) + Math.Pow(points[i].Y - points[j].Y, 2))));
        var list = new List<Client>();
        for (var c = 1; c <= clients; c++)
        {
            var demand = rng.Next(1, 10);
            long start = 0, end = horizon;
            if (windows)
            {
                start = rng.Next(0, (int)horizon / 2);
                end = start + rng.Next(60, 300);
            }
            list.Add(softWindows
                ? new Client($"c{c}", points[c].X, points[c].Y, [demand], ServiceDuration: 10, WindowStart: start, WindowEnd: end + 150,
                    SoftWindowEnd: end, LatenessWeight: rng.Next(1, 6))
                : new Client($"c{c}", points[c].X, points[c].Y, [demand], ServiceDuration: 10, WindowStart: start, WindowEnd: end));
        }
        return new ProblemData([new Depot("depot", points[0].X, points[0].Y, 0, horizon + (softWindows ? 150 : 0))], list,
            [new VehicleType("van", vehicles, [capacity], ShiftStart: 0, ShiftEnd: horizon + (softWindows ? 150 : 0),
                UnitDurationCost: softWindows ? 1 : 0)], matrix, matrix);
    }

    /// <summary>The cost of a solution as <see cref="RouteSchedule"/> computes it, or null when a
    /// route is infeasible or a client is missing or repeated.</summary>
    public static Int128? CheckedCost(ProblemData data, Solution solution)
    {
        var seen = new HashSet<int>();
        Int128 cost = 0;
        foreach (var route in solution.Routes)
        {
            var schedule = RouteSchedule.Compute(data, route);
            if (!schedule.IsFeasible) return null;
            cost += schedule.Cost + schedule.LatenessCost;
            foreach (var c in route.Clients)
                if (!seen.Add(c)) return null;
        }
        foreach (var c in solution.Unassigned)
        {
            if (data.Clients[c].Required || !seen.Add(c)) return null;
            cost += data.Clients[c].Prize;
        }
        return seen.Count == data.NumClients ? cost : null;
    }
}
