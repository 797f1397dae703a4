using Logistics.Routing.Model;
using Logistics.Routing.Solver;

namespace Logistics.Routing.Tests.Solver;

/// <summary>Groups of alternative clients (a store's receiving windows): at most one member is
/// visited, the group's prize is charged once, a required group is always served.</summary>
public class ClientGroupTests
{
    private static readonly SolverOptions Budget = new() { TimeLimit = TimeSpan.FromSeconds(30), MaxIterations = 200 };

    [Fact]
    public void The_window_that_fits_the_route_is_chosen_and_the_store_visited_once()
    {
        // A at 100 must be served early (0-150); store S (at 100 too) opens 0-20 or 300-400.
        // Its early window cannot be reached; only the late one serves it, after A.
        var data = TinyInstances.StoreWithTwoWindows();

        TinyInstances.AssertStoreServedInItsLateWindow(RoutingSolver.Solve(data, Budget));
    }

    [Fact]
    public void The_cheaper_of_two_feasible_windows_wins()
    {
        // One van; B (at 50) must be served by 100. Store S at 60 can be served at 0-1000 or at
        // 900-1000: the same distance either way, but the evening window means waiting about 800
        // after B, which the duration cost charges. The day window wins.
        var m = TinyInstances.Line(0, 50, 60, 60);
        var data = new ProblemData([new Depot("d", 0, 0)],
        [
            new Client("B", 1, 0, [1], WindowStart: 0, WindowEnd: 100),
            new Client("S@day", 2, 0, [1], WindowStart: 0, WindowEnd: 1000, Required: false, Prize: 10_000),
            new Client("S@evening", 2, 0, [1], WindowStart: 900, WindowEnd: 1000, Required: false, Prize: 10_000),
        ], [new VehicleType("van", 1, [10], ShiftEnd: 2000, UnitDistanceCost: 1, UnitDurationCost: 1)], m, m, [new ClientGroup([1, 2])]);

        var result = RoutingSolver.Solve(data, Budget);

        Assert.True(result.IsFeasible);
        Assert.Equal([0, 1], result.Solution.Routes.Single().Clients.Order());
        Assert.Equal(120 + 120, result.Cost);
    }

    [Fact]
    public void An_optional_group_left_out_is_charged_its_prize_once_and_listed_as_unassigned()
    {
        // The store is too far for its prize: leaving it out costs 500, not 2 x 500.
        var m = TinyInstances.Line(0, 10_000, 10_000);
        var data = new ProblemData([new Depot("d", 0, 0)],
        [
            new Client("S@am", 1, 0, [1], Required: false, Prize: 500),
            new Client("S@pm", 1, 0, [1], Required: false, Prize: 500),
        ], [new VehicleType("van", 1, [10])], m, m, [new ClientGroup([0, 1])]);

        var result = RoutingSolver.Solve(data, Budget);

        Assert.True(result.IsFeasible);
        Assert.Empty(result.Solution.Routes);
        Assert.Equal(500, result.Cost);
        Assert.Equal([0, 1], result.Solution.Unassigned.Order());
    }

    [Fact]
    public void Groups_are_checked_when_the_problem_is_built()
    {
        var m = TinyInstances.Line(0, 1, 2);
        Client Optional(string id, long prize) => new(id, 0, 0, [1], Required: false, Prize: prize);
        VehicleType[] van = [new VehicleType("van", 1, [10])];

        var required = Assert.Throws<ArgumentException>(() => new ProblemData([new Depot("d", 0, 0)],
            [new Client("a", 0, 0, [1]), Optional("b", 5)], van, m, m, [new ClientGroup([0, 1])]));
        Assert.Contains("'a' is in a group and must be optional", required.Message);

        var prizes = Assert.Throws<ArgumentException>(() => new ProblemData([new Depot("d", 0, 0)],
            [Optional("a", 5), Optional("b", 6)], van, m, m, [new ClientGroup([0, 1])]));
        Assert.Contains("same prize", prizes.Message);

        var twice = Assert.Throws<ArgumentException>(() => new ProblemData([new Depot("d", 0, 0)],
            [Optional("a", 5), Optional("b", 5)], van, m, m, [new ClientGroup([0, 1]), new ClientGroup([1])]));
        Assert.Contains("more than one group", twice.Message);
    }
}
