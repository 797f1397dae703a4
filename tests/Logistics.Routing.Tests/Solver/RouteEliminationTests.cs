using Logistics.Routing.Solver;

namespace Logistics.Routing.Tests.Solver;

/// <summary>The attempt to do with one route fewer when the search stalls (meant for large instances),
/// forced onto small ones by lowering its threshold.</summary>
public class RouteEliminationTests
{
    private static readonly SearchParameters Eliminating = new() { RouteElimination = true, RouteEliminationMinClients = 0, RouteEliminationStall = 20 };

    private static SolverOptions Budget(long iterations, int seed = 5) =>
        new() { TimeLimit = TimeSpan.FromSeconds(60), Seed = seed, MaxIterations = iterations };

    [Fact]
    public void Emptying_a_route_serves_every_client_once_in_the_other_routes_and_opens_none()
    {
        var problem = TinyInstances.Random(5, clients: 60, vehicles: 12, capacity: 60, windows: true, horizon: 2000);
        var search = new SearchParts(problem, Eliminating, seed: 3);
        var (data, costs, localSearch) = (search.Data, search.Costs, search.LocalSearch);
        var s = search.Constructed();
        localSearch.Run(s, full: true, () => false);
        var before = s.Routes.Where(r => !r.IsEmpty).Select(r => r.Index).ToHashSet();

        Assert.True(new RouteElimination(data, costs, search.RuinRecreate, search.Rng).Apply(s, localSearch.Stamp));

        Assert.True(s.FleetClosed);
        Assert.Equal(before.Count - 1, s.UsedRoutes());
        Assert.Subset(before, s.Routes.Where(r => !r.IsEmpty).Select(r => r.Index).ToHashSet());
        var seen = new HashSet<int>();
        foreach (var route in s.Routes)
            for (var p = 0; p < route.Count; p++)
            {
                Assert.True(seen.Add(route.Clients[p]));
                Assert.Equal(route.Index, s.RouteOf[route.Clients[p]]);
                Assert.Equal(p + 1, s.PosOf[route.Clients[p]]);
            }
        Assert.Equal(data.NumClients, seen.Count);
        // Closed, the local search cannot open a route either; opened again, an empty route is offered.
        localSearch.Run(s, full: false, () => false);
        Assert.Equal(before.Count - 1, s.UsedRoutes());
        Assert.Null(s.EmptyRoute(0));
        s.FleetClosed = false;
        Assert.NotNull(s.EmptyRoute(0));
    }

    [Fact]
    public void The_same_seed_and_iteration_limit_give_the_same_feasible_plan_with_route_elimination()
    {
        // A search in which an attempt beats the best plan and is kept (seed 9; most seeds keep none here).
        var data = TinyInstances.Random(11, clients: 100, vehicles: 16, capacity: 40, windows: true, horizon: 2000);
        var first = RoutingSolver.Solve(data, Budget(400, seed: 9), Eliminating);
        var second = RoutingSolver.Solve(data, Budget(400, seed: 9), Eliminating);

        Assert.True(first.Profile!.EliminationsImproved > 0);
        Assert.True(first.IsFeasible);
        Assert.Equal(first.Cost, TinyInstances.CheckedCost(data, first.Solution));
        Assert.Equal(400, first.Iterations);
        Assert.Equal(first.Cost, second.Cost);
        Assert.Equal(DecompositionTests.Describe(first.Solution), DecompositionTests.Describe(second.Solution));
    }

    [Fact]
    public void Every_rule_of_the_full_model_holds_with_route_elimination()
    {
        // Soft windows, two vehicle types with fixed costs and shifts, optional stores at two
        // priority levels, and stores with two alternative windows (one group each).
        var data = DecompositionTests.RichDay();
        var result = RoutingSolver.Solve(data, Budget(400), Eliminating);

        Assert.True(result.IsFeasible);
        Assert.Equal(result.Cost, DecompositionTests.Checked(data, result.Solution));
        Assert.True(result.Profile!.Eliminations > 0);
    }

    [Fact]
    public void Below_its_threshold_route_elimination_changes_nothing()
    {
        var data = TinyInstances.Random(11, clients: 100, vehicles: 16, capacity: 40, windows: true, horizon: 2000);
        var without = RoutingSolver.Solve(data, Budget(300), new SearchParameters { RouteElimination = false });
        var below = RoutingSolver.Solve(data, Budget(300), Eliminating with { RouteEliminationMinClients = 101 });

        Assert.Equal(0, below.Profile!.Eliminations);
        Assert.Equal(without.Cost, below.Cost);
        Assert.Equal(DecompositionTests.Describe(without.Solution), DecompositionTests.Describe(below.Solution));
    }

    [Fact]
    public void An_attempt_that_does_not_beat_the_best_plan_leaves_the_search_as_it_was()
    {
        // Roomy vehicles: attempts are made and end feasible, none better than the best. Every one is dropped together
        // with the random numbers it drew, so the search is the one without them, plan for plan.
        var data = TinyInstances.Random(1, clients: 100, vehicles: 16, capacity: 200, windows: true, horizon: 2000);
        var without = RoutingSolver.Solve(data, Budget(400), new SearchParameters { RouteElimination = false });
        var with = RoutingSolver.Solve(data, Budget(400), Eliminating);

        Assert.True(with.Profile!.EliminationsFeasible > 0);
        Assert.Equal(0, with.Profile.EliminationsImproved);
        Assert.Equal(400, with.Iterations);
        Assert.Equal(without.Cost, with.Cost);
        Assert.Equal(DecompositionTests.Describe(without.Solution), DecompositionTests.Describe(with.Solution));
    }
}
