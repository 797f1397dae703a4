using Logistics.Routing.Model;
using Logistics.Routing.Solver;

namespace Logistics.Routing.Tests.Solver;

/// <summary>Heterogeneous fleets, shifts and optional clients with prizes.</summary>
public class FleetAndPrizeTests
{
    private static readonly SolverOptions Budget = new() { TimeLimit = TimeSpan.FromSeconds(30), MaxIterations = 300 };

    [Fact]
    public void Only_the_vehicle_that_can_carry_a_big_order_gets_it()
    {
        var m = TinyInstances.Line(0, 10, 20, 30);
        var data = new ProblemData([new Depot("d", 0, 0)],
            [new Client("small-1", 10, 0, [5]), new Client("big", 20, 0, [40]), new Client("small-2", 30, 0, [5])],
            [new VehicleType("van", 2, [10]), new VehicleType("truck", 1, [50], FixedCost: 100)], m, m);

        var result = RoutingSolver.Solve(data, Budget);

        Assert.True(result.IsFeasible);
        var truckRoute = Assert.Single(result.Solution.Routes, r => r.VehicleType == 1);
        Assert.Contains(1, truckRoute.Clients);
        Assert.NotNull(TinyInstances.CheckedCost(data, result.Solution));
    }

    [Fact]
    public void Shift_end_and_maximum_duration_are_respected()
    {
        // Four clients 100-130 away: alone each fits in 315 (at most 2 x 130 + 50), any two do not
        // (at least 220 + 2 x 50), so the only feasible plan is four single-stop routes.
        var m = TinyInstances.Line(0, 100, 110, 120, 130);
        var clients = Enumerable.Range(1, 4).Select(i => new Client($"c{i}", i, 0, [1], ServiceDuration: 50)).ToList();
        var data = new ProblemData([new Depot("d", 0, 0)], clients,
            [new VehicleType("van", 4, [10], ShiftStart: 0, ShiftEnd: 1000, MaxDuration: 315)], m, m);

        var result = RoutingSolver.Solve(data, Budget);

        Assert.True(result.IsFeasible);
        foreach (var route in result.Solution.Routes)
        {
            var schedule = RouteSchedule.Compute(data, route);
            Assert.True(schedule.Duration <= 315, $"route of {route.Clients.Count} lasts {schedule.Duration}");
        }
        Assert.Equal(4, result.Solution.Routes.Count);
    }

    [Fact]
    public void When_capacity_is_short_the_clients_with_the_smallest_prizes_are_left_out()
    {
        // One vehicle of 10 for four clients of 5: two fit; the two with the highest prizes win.
        var m = TinyInstances.Line(0, 10, 11, 12, 13);
        var data = new ProblemData([new Depot("d", 0, 0)],
        [
            new Client("low-1", 1, 0, [5], Required: false, Prize: 1_000),
            new Client("top-1", 2, 0, [5], Required: false, Prize: 1_000_000),
            new Client("low-2", 3, 0, [5], Required: false, Prize: 1_000),
            new Client("top-2", 4, 0, [5], Required: false, Prize: 1_000_000),
        ], [new VehicleType("van", 1, [10])], m, m);

        var result = RoutingSolver.Solve(data, Budget);

        Assert.True(result.IsFeasible);
        Assert.Equal([0, 2], result.Solution.Unassigned.Order());
        Assert.Equal(2_000 + 26, result.Cost);
    }

    [Fact]
    public void An_optional_client_whose_prize_is_below_its_detour_is_left_out()
    {
        var m = TinyInstances.Line(0, 10, 500);
        var data = new ProblemData([new Depot("d", 0, 0)],
            [new Client("near", 1, 0, [1], Required: false, Prize: 100), new Client("far", 2, 0, [1], Required: false, Prize: 100)],
            [new VehicleType("van", 1, [10])], m, m);

        var result = RoutingSolver.Solve(data, Budget);

        Assert.Equal([1], result.Solution.Unassigned);
        Assert.Equal(20 + 100, result.Cost);
    }

    [Fact]
    public void A_client_whose_window_no_vehicle_can_reach_makes_the_result_infeasible_not_wrong()
    {
        var m = TinyInstances.Line(0, 100);
        var data = new ProblemData([new Depot("d", 0, 0)],
            [new Client("too-early", 1, 0, [1], WindowStart: 0, WindowEnd: 50)],
            [new VehicleType("van", 1, [10], ShiftStart: 0, ShiftEnd: 1000)], m, m);

        var result = RoutingSolver.Solve(data, Budget);

        Assert.False(result.IsFeasible);
        Assert.Null(TinyInstances.CheckedCost(data, result.Solution));
    }
}
