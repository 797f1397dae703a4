using Logistics.Routing.Engines;
using Logistics.Routing.Engines.OrTools;
using Logistics.Routing.Model;
using Logistics.Routing.Solver;
using Logistics.Routing.Tests.Solver;

namespace Logistics.Routing.Tests.Engines;

/// <summary>Small problems in which one constraint binds, solved by OR-Tools: the plan must respect it, and
/// its cost (by our own schedule) must be the one worked out by hand.</summary>
public class OrToolsEngineTests
{
    /// <summary>Greedy descent stops at its local optimum, so on these small problems the search ends by itself long
    /// before the limit, however busy the machine: what a test sees does not depend on the clock.</summary>
    private static readonly SolverOptions Converged = new()
    {
        Engine = RoutingEngines.OrTools, TimeLimit = TimeSpan.FromSeconds(60),
        OrTools = new OrToolsSettings { Metaheuristic = Metaheuristic.GreedyDescent },
    };

    private static SolverResult Solve(ProblemData data) => RoutingEngines.Solve(data, Converged);

    /// <summary>Locations on a line; travel time = distance.</summary>
    private static void AssertEveryRouteFeasible(ProblemData data, SolverResult result)
    {
        Assert.True(result.IsFeasible);
        Assert.All(result.Solution.Routes, r => Assert.True(RouteSchedule.Compute(data, r).IsFeasible));
        Assert.NotNull(TinyInstances.CheckedCost(data, result.Solution));
    }

    [Fact]
    public void Every_capacity_dimension_binds()
    {
        // Four clients at the same place; cartons allow two per van, weight only one heavy one per van.
        var m = TinyInstances.Line(0, 10, 10, 10, 10);
        var data = new ProblemData([new Depot("d", 0, 0)],
        [
            new Client("a", 1, 0, [5, 900]),
            new Client("b", 1, 0, [5, 900]),
            new Client("c", 1, 0, [5, 100]),
            new Client("d", 1, 0, [5, 100]),
        ], [new VehicleType("van", 4, [10, 1000])], m, m);

        var result = Solve(data);

        AssertEveryRouteFeasible(data, result);
        Assert.Equal(2, result.Solution.Routes.Count);
        Assert.All(result.Solution.Routes, r => Assert.Single(r.Clients, c => c < 2));
        Assert.Equal(40, result.Cost);
        Assert.Equal(RoutingEngines.OrTools, result.Engine);
    }

    [Fact]
    public void Hard_windows_set_the_order_of_the_stops()
    {
        // Nearest first would be a then b; b's window closes at 60 and a's opens at 100.
        var m = TinyInstances.Line(0, 20, 50);
        var data = new ProblemData([new Depot("d", 0, 0)],
        [
            new Client("a", 1, 0, [1], WindowStart: 100, WindowEnd: 200),
            new Client("b", 2, 0, [1], WindowStart: 0, WindowEnd: 60),
        ], [new VehicleType("van", 1, [10], ShiftEnd: 1000)], m, m);

        var result = Solve(data);

        AssertEveryRouteFeasible(data, result);
        Assert.Equal([1, 0], result.Solution.Routes.Single().Clients);
        var schedule = RouteSchedule.Compute(data, result.Solution.Routes.Single());
        Assert.Equal(100, schedule.Stops[1].ServiceStart);
    }

    [Fact]
    public void A_store_with_two_windows_is_visited_once_in_the_one_that_fits()
    {
        // A at 100 must be served by 150; store S (at 100 too) opens 0-20 or 300-400. Its early window cannot be
        // reached, so only the late one serves it, after A, on the same route.
        var data = TinyInstances.StoreWithTwoWindows();

        var result = Solve(data);

        TinyInstances.AssertStoreServedInItsLateWindow(result);
        Assert.All(result.Solution.Routes, r => Assert.True(RouteSchedule.Compute(data, r).IsFeasible));
    }

    [Fact]
    public void Lateness_in_a_soft_window_is_priced_and_chosen_when_a_second_van_costs_more()
    {
        // A (at +100) is due by 110, hard. B (at -100) should be served by 110 but may be up to 400, at 1 per unit late.
        // One van serves A, then B at 300: 190 late, costing 190. A second van would cost 1,000 more.
        var m = TinyInstances.Line(0, 100, -100);
        var data = new ProblemData([new Depot("d", 0, 0)],
        [
            new Client("A", 1, 0, [1], WindowStart: 0, WindowEnd: 110),
            new Client("B", -1, 0, [1], WindowStart: 0, WindowEnd: 400, SoftWindowEnd: 110, LatenessWeight: 1),
        ], [new VehicleType("van", 2, [10], ShiftEnd: 1000, FixedCost: 1000)], m, m);

        var result = Solve(data);

        AssertEveryRouteFeasible(data, result);
        var route = Assert.Single(result.Solution.Routes);
        Assert.Equal([0, 1], route.Clients);
        Assert.Equal(190, RouteSchedule.Compute(data, route).LatenessCost);
        Assert.Equal(1000 + 400 + 190, result.Cost);
    }

    [Fact]
    public void The_maximum_route_duration_splits_the_stops_over_two_vans()
    {
        // Both stops in one route take 400; a route may last 250 at most, so each goes alone (200 each).
        var m = TinyInstances.Line(0, 100, -100);
        var data = new ProblemData([new Depot("d", 0, 0)],
        [
            new Client("east", 1, 0, [1]),
            new Client("west", -1, 0, [1]),
        ], [new VehicleType("van", 2, [10], MaxDuration: 250)], m, m);

        var result = Solve(data);

        AssertEveryRouteFeasible(data, result);
        Assert.Equal(2, result.Solution.Routes.Count);
        Assert.All(result.Solution.Routes, r => Assert.True(RouteSchedule.Compute(data, r).Duration <= 250));
    }

    [Fact]
    public void A_heterogeneous_fleet_uses_the_cheaper_vehicle_that_fits()
    {
        // The lorry carries all three in one trip but costs 500 to use; two vans (100 each) cost less together.
        var m = TinyInstances.Line(0, 10, 10, 10);
        var data = new ProblemData([new Depot("d", 0, 0)],
        [
            new Client("a", 1, 0, [6]),
            new Client("b", 1, 0, [6]),
            new Client("c", 1, 0, [6]),
        ], [new VehicleType("lorry", 1, [20], FixedCost: 500), new VehicleType("van", 3, [12], FixedCost: 100)], m, m);

        var result = Solve(data);

        AssertEveryRouteFeasible(data, result);
        Assert.All(result.Solution.Routes, r => Assert.Equal(1, r.VehicleType));
        Assert.Equal(2, result.Solution.Routes.Count);
        Assert.Equal(2 * (100 + 20), result.Cost);
    }

    [Fact]
    public void A_higher_prize_is_never_left_out_for_lower_ones_that_fill_the_van()
    {
        // One van of 10: the high-prize client alone fills it; the two low ones together would too, and their
        // prizes add up to more than a long could weigh in strict order (as a dispatcher's day's do).
        var m = TinyInstances.Line(0, 10, 10, 10);
        Int128 low = (Int128)long.MaxValue;
        var data = new ProblemData([new Depot("d", 0, 0)],
        [
            new Client("high", 1, 0, [10], Required: false, Prize: low * 3),
            new Client("low1", 1, 0, [5], Required: false, Prize: low),
            new Client("low2", 1, 0, [5], Required: false, Prize: low),
        ], [new VehicleType("van", 1, [10])], m, m);

        var result = Solve(data);

        Assert.Equal([0], Assert.Single(result.Solution.Routes).Clients);
        Assert.Equal([1, 2], result.Solution.Unassigned.Order());
        Assert.DoesNotContain(result.Notes, n => n.StartsWith("Tier priority not kept", StringComparison.Ordinal));
        Assert.Contains(result.Notes, n => n.Contains("approximately", StringComparison.Ordinal));
    }

    [Fact]
    public void The_result_says_it_cannot_be_reproduced_and_runs_on_one_thread()
    {
        var result = Solve(TinyInstances.Random(1, 12, 3, 30, windows: true));

        Assert.True(result.IsFeasible);
        Assert.Contains(OrToolsEngine.NotReproducible, result.Notes);
        Assert.Contains(OrToolsEngine.SingleThreaded, result.Notes);
        Assert.NotEmpty(result.CostHistory);
        Assert.Equal(result.Cost, TinyInstances.CheckedCost(TinyInstances.Random(1, 12, 3, 30, windows: true), result.Solution));
    }

    [Fact]
    public void Options_the_engine_cannot_honour_are_refused_by_name()
    {
        var data = TinyInstances.Random(1, 5, 2, 30, windows: false);

        var threads = Assert.Throws<EngineRefusedException>(() => RoutingEngines.Solve(data, Converged with { Threads = 2 }));
        var iterations = Assert.Throws<EngineRefusedException>(() => RoutingEngines.Solve(data, Converged with { MaxIterations = 10 }));

        Assert.Contains("one thread", threads.Message);
        Assert.Contains("iteration limit", iterations.Message);
    }

    [Fact]
    public void Progress_is_reported_and_cancellation_ends_the_search_early()
    {
        var data = TinyInstances.Random(3, 60, 8, 40, windows: true);
        var reports = new List<SolverProgress>();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(1));

        var result = RoutingEngines.Solve(data, Converged with { TimeLimit = TimeSpan.FromSeconds(60), OrTools = OrToolsSettings.Default },
            new SynchronousProgress<SolverProgress>(reports.Add), cancel.Token); // guided local search: it would use all 60 s if not cancelled

        Assert.True(result.Elapsed < TimeSpan.FromSeconds(30), $"took {result.Elapsed}");
        Assert.True(result.IsFeasible);
        Assert.NotEmpty(reports);
        Assert.All(reports, r => Assert.NotNull(r.BestRouteCost));
    }

    [Fact]
    public void Every_first_solution_strategy_and_metaheuristic_gives_a_checked_solution()
    {
        var data = TinyInstances.Random(2, 10, 3, 30, windows: true);
        foreach (var first in Enum.GetValues<FirstSolutionStrategy>().Where(s => s != FirstSolutionStrategy.Christofides))
        {
            // Greedy descent ends by itself on 10 clients: no short limit for a busy machine to cut a strategy off.
            var result = RoutingEngines.Solve(data, Converged with
            {
                OrTools = new OrToolsSettings { FirstSolution = first, Metaheuristic = Metaheuristic.GreedyDescent },
            });
            Assert.True(result.IsFeasible, first.ToString());
            Assert.Equal(result.Cost, TinyInstances.CheckedCost(data, result.Solution));
        }
    }
}
