using Logistics.Routing.Model;
using Logistics.Routing.Solver;

namespace Logistics.Routing.Tests.Solver;

/// <summary>Arrival weights: weighted stops are served earlier in their route where the saving is
/// worth more than the extra route cost, and the reported cost includes the weighted arrival.</summary>
public class ArrivalWeightTests
{
    private static readonly SolverOptions Budget = new() { TimeLimit = TimeSpan.FromSeconds(30), MaxIterations = 100 };

    /// <summary>Depot 0, A = 1, B = 2. Visiting A then B costs 10 + 95 + 100 = 205 and starts B at
    /// 105; B then A costs 100 + 95 + 200 = 395 (A → depot is long) and starts B at 100.</summary>
    private static ProblemData TwoStops(long weightOfB)
    {
        long[,] d = { { 0, 10, 100 }, { 200, 0, 95 }, { 100, 95, 0 } };
        var m = Matrix.Build(3, (i, j) => d[i, j]);
        return new ProblemData([new Depot("d", 0, 0)],
            [new Client("A", 1, 0, [1]), new Client("B", 2, 0, [1], ArrivalWeight: weightOfB)],
            [new VehicleType("van", 1, [10], ShiftEnd: 10_000)], m, m);
    }

    [Fact]
    public void A_small_weight_does_not_buy_a_longer_route()
    {
        var data = TwoStops(weightOfB: 1);   // saves 5, costs 190

        var result = RoutingSolver.Solve(data, Budget);

        Assert.Equal([0, 1], result.Solution.Routes.Single().Clients);
        var schedule = RouteSchedule.Compute(data, result.Solution.Routes.Single());
        Assert.Equal(105, schedule.ArrivalCost);
        Assert.Equal(205 + 105, result.Cost);
    }

    [Fact]
    public void A_large_weight_brings_the_stop_forward_when_the_saving_exceeds_the_detour()
    {
        var data = TwoStops(weightOfB: 100);  // saves 500, costs 190

        var result = RoutingSolver.Solve(data, Budget);

        Assert.Equal([1, 0], result.Solution.Routes.Single().Clients);
        var schedule = RouteSchedule.Compute(data, result.Solution.Routes.Single());
        Assert.True(schedule.IsFeasible);
        Assert.Equal(100 * 100, schedule.ArrivalCost);
        Assert.Equal(395 + 100 * 100, result.Cost);
    }

    [Fact]
    public void Reordering_for_arrival_never_breaks_a_window()
    {
        // B would like to come first, but A must be served by 20.
        long[,] d = { { 0, 10, 100 }, { 200, 0, 95 }, { 100, 95, 0 } };
        var m = Matrix.Build(3, (i, j) => d[i, j]);
        var data = new ProblemData([new Depot("d", 0, 0)],
            [new Client("A", 1, 0, [1], WindowEnd: 20), new Client("B", 2, 0, [1], ArrivalWeight: 1_000)],
            [new VehicleType("van", 1, [10], ShiftEnd: 10_000)], m, m);

        var result = RoutingSolver.Solve(data, Budget);

        Assert.True(result.IsFeasible);
        Assert.Equal([0, 1], result.Solution.Routes.Single().Clients);
        Assert.True(RouteSchedule.Compute(data, result.Solution.Routes.Single()).IsFeasible);
    }
}
