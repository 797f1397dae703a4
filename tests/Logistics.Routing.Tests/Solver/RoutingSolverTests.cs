using Logistics.Routing.Model;
using Logistics.Routing.Solver;

namespace Logistics.Routing.Tests.Solver;

public class RoutingSolverTests
{
    private static SolverOptions Budget(int seed = 1, long iterations = 300) =>
        new() { TimeLimit = TimeSpan.FromSeconds(30), Seed = seed, MaxIterations = iterations };

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(3, true)]
    [InlineData(4, true)]
    [InlineData(6, true)]
    public void Finds_the_brute_force_optimum_of_tiny_instances(int seed, bool windows)
    {
        var data = TinyInstances.Random(seed, clients: 7, vehicles: 3, capacity: 15, windows);
        var optimum = BruteForce.Optimum(data);
        Assert.NotEqual(long.MaxValue, optimum);

        var result = RoutingSolver.Solve(data, Budget(seed));

        Assert.True(result.IsFeasible);
        Assert.Equal(optimum, TinyInstances.CheckedCost(data, result.Solution));
        Assert.Equal(optimum, result.Cost);
    }

    [Fact]
    public void The_same_seed_and_iteration_limit_give_the_same_plan()
    {
        var data = TinyInstances.Random(11, clients: 60, vehicles: 12, capacity: 40, windows: true, horizon: 2000);
        var first = RoutingSolver.Solve(data, Budget(seed: 7, iterations: 200));
        var second = RoutingSolver.Solve(data, Budget(seed: 7, iterations: 200));

        Assert.Equal(first.Cost, second.Cost);
        Assert.Equal(Describe(first.Solution), Describe(second.Solution));
    }

    private static string Describe(Solution s) =>
        string.Join(" | ", s.Routes.Select(r => $"{r.VehicleType}:{string.Join(',', r.Clients)}"));

    [Fact]
    public void Every_solution_it_returns_is_feasible_and_complete()
    {
        var data = TinyInstances.Random(21, clients: 80, vehicles: 15, capacity: 50, windows: true, horizon: 2000);
        var result = RoutingSolver.Solve(data, Budget(iterations: 300));
        Assert.True(result.IsFeasible);
        Assert.Equal(result.Cost, TinyInstances.CheckedCost(data, result.Solution));
        Assert.Empty(result.Solution.Unassigned);
    }

    [Fact]
    public void Cancellation_returns_the_best_solution_so_far_promptly()
    {
        var data = TinyInstances.Random(5, clients: 150, vehicles: 30, capacity: 50, windows: false);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var result = RoutingSolver.Solve(data, new SolverOptions { TimeLimit = TimeSpan.FromMinutes(5) }, null, cts.Token);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
        Assert.True(result.IsFeasible);
        Assert.NotNull(TinyInstances.CheckedCost(data, result.Solution));
    }

    [Fact]
    public void Reports_progress_with_the_best_cost()
    {
        var data = TinyInstances.Random(6, clients: 40, vehicles: 10, capacity: 40, windows: false);
        var reports = new List<SolverProgress>();
        var progress = new SynchronousProgress<SolverProgress>(reports.Add);

        var result = RoutingSolver.Solve(data, Budget(iterations: 200), progress);

        Assert.NotEmpty(reports);
        Assert.Equal(result.Cost, reports[^1].BestCost);
        Assert.Equal(200, reports[^1].Iterations);
    }

    [Fact]
    public void The_cost_history_only_goes_down()
    {
        var data = TinyInstances.Random(8, clients: 50, vehicles: 10, capacity: 40, windows: true, horizon: 2000);
        var result = RoutingSolver.Solve(data, Budget(iterations: 300));
        Assert.NotEmpty(result.CostHistory);
        Assert.Equal(result.Cost, result.CostHistory[^1].Cost);
        for (var i = 1; i < result.CostHistory.Count; i++)
            Assert.True(result.CostHistory[i].Cost < result.CostHistory[i - 1].Cost);
    }

    [Fact]
    public void The_first_plan_reported_is_the_construction_before_its_local_search_improves_it()
    {
        // Capacity that never binds, so the construction (cheapest insertion) is feasible; no iteration after the
        // construction's full local search.
        var data = TinyInstances.Random(6, clients: 40, vehicles: 10, capacity: 10000, windows: false);
        var result = RoutingSolver.Solve(data, Budget(iterations: 0));

        Assert.True(result.IsFeasible);
        Assert.Equal(2, result.CostHistory.Count);
        Assert.True(result.CostHistory[0].Cost > result.CostHistory[1].Cost);
        Assert.Equal(result.Cost, result.CostHistory[1].Cost);
        Assert.Equal(result.Cost, TinyInstances.CheckedCost(data, result.Solution));
    }

    [Fact]
    public void Two_threads_return_a_solution_at_least_as_good_as_the_first_threads_seed()
    {
        var data = TinyInstances.Random(9, clients: 60, vehicles: 12, capacity: 40, windows: true, horizon: 2000);
        var single = RoutingSolver.Solve(data, Budget(iterations: 150));
        var parallel = RoutingSolver.Solve(data, Budget(iterations: 150) with { Threads = 2 });
        Assert.True(parallel.IsFeasible);
        Assert.True(parallel.Cost <= single.Cost, $"{parallel.Cost} > {single.Cost}");
    }
}
