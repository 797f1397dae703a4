using Logistics.Routing.Model;
using Logistics.Routing.Solver;

namespace Logistics.Routing.Tests.Solver;

/// <summary>Soft windows: lateness past the soft end is allowed up to the hard end and priced
/// exactly, including the delay it passes on to the following stops, together with the route's
/// duration under the departure rule.</summary>
public class SoftWindowTests
{
    private static readonly SolverOptions Budget = new() { TimeLimit = TimeSpan.FromSeconds(30), MaxIterations = 300 };

    [Theory]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(33)]
    [InlineData(34)]
    [InlineData(35)]
    public void Finds_the_brute_force_optimum_when_lateness_and_duration_are_priced(int seed)
    {
        var data = TinyInstances.Random(seed, clients: 7, vehicles: 2, capacity: 25, windows: true, softWindows: true);
        var optimum = BruteForce.Optimum(data);
        Assert.NotEqual(long.MaxValue, optimum);

        var result = RoutingSolver.Solve(data, Budget with { Seed = seed });

        Assert.True(result.IsFeasible);
        Assert.Equal(TinyInstances.CheckedCost(data, result.Solution), result.Cost);
        Assert.Equal(optimum, result.Cost);
    }

    [Fact]
    public void Lateness_at_one_stop_delays_and_is_charged_at_the_next()
    {
        // One van must visit A (at 100, due 50) and B (at 110, due 60): both are late, B because A is.
        long[] at = [0, 100, 110];
        var m = Matrix.Build(3, (i, j) => Math.Abs(at[i] - at[j]));
        var data = new ProblemData([new Depot("d", 0, 0)],
        [
            new Client("A", 1, 0, [1], WindowEnd: 500, SoftWindowEnd: 50, LatenessWeight: 2),
            new Client("B", 2, 0, [1], WindowEnd: 500, SoftWindowEnd: 60, LatenessWeight: 3),
        ], [new VehicleType("van", 1, [10], ShiftEnd: 1_000)], m, m);

        var result = RoutingSolver.Solve(data, Budget);

        Assert.True(result.IsFeasible);
        Assert.Equal([0, 1], result.Solution.Routes.Single().Clients);
        // A starts at 100 (50 late), B at 110 (50 late): 2 x 50 + 3 x 50 = 250, plus 220 driven.
        Assert.Equal(220 + 250, result.Cost);
        Assert.Equal(250, RouteSchedule.Compute(data, result.Solution.Routes.Single()).LatenessCost);
    }

    [Fact]
    public void A_soft_end_outside_the_window_is_refused()
    {
        var m = Matrix.Build(2, (_, _) => 1);
        var e = Assert.Throws<ArgumentException>(() => new ProblemData([new Depot("d", 0, 0)],
            [new Client("A", 1, 0, [1], WindowStart: 10, WindowEnd: 100, SoftWindowEnd: 200, LatenessWeight: 1)],
            [new VehicleType("van", 1, [10])], m, m));
        Assert.Contains("soft window end (200)", e.Message);
    }
}
