using Logistics.Routing.Model;
using Logistics.Routing.Solver;

namespace Logistics.Routing.Tests.Solver;

/// <summary>The population and the route-exchange crossover (meant for large instances), forced onto
/// small ones by lowering their threshold.</summary>
public class PopulationTests
{
    // A pool of several members, so that its management (biased fitness, clones) is exercised in the search too.
    private static readonly SearchParameters WithPopulation = new() { Population = true, PopulationMinClients = 0, PopulationSize = 4, CrossoverRate = 0.3 };

    private static SolverOptions Budget(long iterations) =>
        new() { TimeLimit = TimeSpan.FromSeconds(60), Seed = 7, MaxIterations = iterations };

    [Fact]
    public void A_child_serves_every_required_client_once_and_its_indexes_match_its_routes()
    {
        // Two vehicle types, optional stores at two prize levels, and stores with two alternative windows.
        var search = new SearchParts(DecompositionTests.RichDay(), WithPopulation, seed: 4);
        var parent = search.LocalOptimum(kicks: 0);
        var donor = search.LocalOptimum(kicks: 30);
        Assert.True(new Population(search.Data, WithPopulation).Distance(parent, donor) > 0);

        for (var trial = 0; trial < 20; trial++)
        {
            var child = new SearchSolution(search.Data);
            child.CopyFrom(parent);
            search.Crossover.Apply(child, donor, search.LocalSearch.Stamp);
            AssertConsistent(search.Data, child);
        }
    }

    [Fact]
    public void A_child_inherits_arcs_that_only_the_donor_has()
    {
        var search = new SearchParts(TinyInstances.Random(5, clients: 60, vehicles: 12, capacity: 60, windows: true, horizon: 2000), WithPopulation, seed: 2);
        var parent = search.LocalOptimum(kicks: 0);
        var donor = search.LocalOptimum(kicks: 40);
        var donorOnly = Arcs(donor);
        donorOnly.ExceptWith(Arcs(parent));
        Assert.NotEmpty(donorOnly);

        var inherited = 0;
        for (var trial = 0; trial < 20; trial++)
        {
            var child = new SearchSolution(search.Data);
            child.CopyFrom(parent);
            search.Crossover.Apply(child, donor, search.LocalSearch.Stamp);
            inherited += Arcs(child).Count(donorOnly.Contains);
        }
        Assert.True(inherited > 0);
    }

    private static HashSet<(int, int)> Arcs(SearchSolution s)
    {
        var arcs = new HashSet<(int, int)>();
        foreach (var route in s.Routes)
            for (var p = 1; p < route.Count; p++) arcs.Add((route.Clients[p - 1], route.Clients[p]));
        return arcs;
    }

    [Fact]
    public void The_broken_pairs_distance_is_zero_for_the_same_routes_either_way_round_and_counts_changed_neighbours()
    {
        var problem = TinyInstances.Random(3, clients: 8, vehicles: 3, capacity: 100, windows: false);
        var a = new SearchFixture(problem).WithRoutes([0, 1, 2, 3], [4, 5, 6, 7]);
        var reversed = new SearchFixture(problem).WithRoutes([3, 2, 1, 0], [4, 5, 6, 7]);
        var swapped = new SearchFixture(problem).WithRoutes([0, 1, 2, 4], [3, 5, 6, 7]);
        var population = new Population(a.Data, new SearchParameters());

        Assert.Equal(0, population.Distance(a.Solution, reversed.Solution));
        // Arcs 2 → 3 and 4 → 5 are broken; 3 → depot and depot → 4 survive as depot → 3 and 4 → depot.
        Assert.Equal(2.0 / 8, population.Distance(a.Solution, swapped.Solution));
        Assert.Equal(population.Distance(a.Solution, swapped.Solution), population.Distance(swapped.Solution, a.Solution));
    }

    [Fact]
    public void The_pool_keeps_no_clone_holds_at_most_its_size_and_offers_no_donor_equal_to_the_current_solution()
    {
        var search = new SearchParts(TinyInstances.Random(5, clients: 60, vehicles: 12, capacity: 60, windows: true, horizon: 2000), WithPopulation, seed: 3);
        var parameters = WithPopulation with { PopulationSize = 3 };
        var population = new Population(search.Data, parameters);
        var first = search.LocalOptimum(kicks: 0);
        Assert.True(population.Add(first, first.ObjectiveCost(search.Costs)));
        Assert.False(population.Add(first, first.ObjectiveCost(search.Costs)));
        Assert.Equal(1, population.Count);
        Assert.Null(population.Select(search.Rng, first, copy: null));

        for (var k = 1; k <= 6; k++)
        {
            var s = search.LocalOptimum(kicks: 10 * k);
            population.Add(s, s.ObjectiveCost(search.Costs));
        }
        Assert.Equal(3, population.Count);
        var donor = population.Select(search.Rng, first, copy: null);
        Assert.NotNull(donor);
        Assert.True(population.Distance(donor, first) > 0);
    }

    [Fact]
    public void A_shared_pool_hands_out_a_full_copy_even_where_the_searches_route_stamps_coincide()
    {
        var problem = TinyInstances.Random(3, clients: 8, vehicles: 3, capacity: 100, windows: false);
        var mine = new SearchFixture(problem).WithRoutes([0, 1, 2, 3], [4, 5, 6, 7]);
        var theirs = new SearchFixture(problem).WithRoutes([0, 1, 2, 4], [3, 5, 6, 7]);
        var pool = new Population(mine.Data, new SearchParameters(), shared: true);
        foreach (var (a, b) in mine.Solution.Routes.Zip(theirs.Solution.Routes)) b.LastModified = a.LastModified = 5; // two searches' counters

        var stale = new SearchFixture(problem).WithRoutes([0, 1, 2, 3], [4, 5, 6, 7]).Solution;
        foreach (var route in stale.Routes) route.LastModified = 5;
        stale.CopyFrom(theirs.Solution); // within one search, equal stamps mean equal routes: nothing copied
        Assert.True(pool.Distance(stale, theirs.Solution) > 0);

        Assert.True(pool.Add(theirs.Solution, 100));
        var copy = new SearchSolution(mine.Data);
        var donor = pool.Select(new Rng(1), mine.Solution, copy);
        Assert.Same(copy, donor);
        Assert.Equal(0, pool.Distance(donor!, theirs.Solution));
    }

    [Fact]
    public void Two_threads_share_one_pool_and_the_plan_stays_feasible()
    {
        var data = TinyInstances.Random(21, clients: 80, vehicles: 15, capacity: 50, windows: true, horizon: 2000);
        var result = RoutingSolver.Solve(data, Budget(300) with { Threads = 2 }, WithPopulation);

        Assert.True(result.IsFeasible);
        Assert.Equal(result.Cost, TinyInstances.CheckedCost(data, result.Solution));
        Assert.Equal(600, result.Iterations);
        Assert.True(result.Profile!.Crossovers > 0);
    }

    [Fact]
    public void Crossovers_are_tried_within_the_iteration_budget_and_the_plan_stays_feasible()
    {
        var data = TinyInstances.Random(21, clients: 80, vehicles: 15, capacity: 50, windows: true, horizon: 2000);
        var result = RoutingSolver.Solve(data, Budget(400), WithPopulation);

        Assert.True(result.IsFeasible);
        Assert.Equal(result.Cost, TinyInstances.CheckedCost(data, result.Solution));
        Assert.Equal(400, result.Iterations);
        Assert.True(result.Profile!.Crossovers > 0);
    }

    [Fact]
    public void The_same_seed_and_iteration_limit_give_the_same_plan_with_the_population()
    {
        var data = TinyInstances.Random(11, clients: 100, vehicles: 16, capacity: 40, windows: true, horizon: 2000);
        var first = RoutingSolver.Solve(data, Budget(300), WithPopulation);
        var second = RoutingSolver.Solve(data, Budget(300), WithPopulation);

        Assert.True(first.Profile!.Crossovers > 0);
        Assert.Equal(first.Cost, second.Cost);
        Assert.Equal(DecompositionTests.Describe(first.Solution), DecompositionTests.Describe(second.Solution));
    }

    [Fact]
    public void Every_rule_of_the_full_model_holds_with_the_population()
    {
        // Soft windows, two vehicle types with fixed costs and shifts, optional stores at two
        // priority levels, and stores with two alternative windows (one group each).
        var data = DecompositionTests.RichDay();
        var result = RoutingSolver.Solve(data, Budget(400), WithPopulation);

        Assert.True(result.IsFeasible);
        Assert.Equal(result.Cost, DecompositionTests.Checked(data, result.Solution));
        Assert.True(result.Profile!.Crossovers > 0);
    }

    [Fact]
    public void Below_its_threshold_the_population_changes_nothing()
    {
        var data = TinyInstances.Random(11, clients: 100, vehicles: 16, capacity: 40, windows: true, horizon: 2000);
        var without = RoutingSolver.Solve(data, Budget(200), new SearchParameters { Population = false });
        var below = RoutingSolver.Solve(data, Budget(200), new SearchParameters { Population = true, PopulationMinClients = 101 });

        Assert.Equal(0, below.Profile!.Crossovers);
        Assert.Equal(without.Cost, below.Cost);
        Assert.Equal(DecompositionTests.Describe(without.Solution), DecompositionTests.Describe(below.Solution));
    }

    /// <summary>Every location is on at most one route, where RouteOf and PosOf say; every required client
    /// and required group is served, and no group twice.</summary>
    private static void AssertConsistent(SearchData data, SearchSolution s)
    {
        var seen = new HashSet<int>();
        foreach (var route in s.Routes)
            for (var p = 0; p < route.Count; p++)
            {
                var c = route.Clients[p];
                Assert.True(seen.Add(c), $"location {c} visited twice");
                Assert.Equal(route.Index, s.RouteOf[c]);
                Assert.Equal(p + 1, s.PosOf[c]);
            }
        for (var c = data.NumDepots; c < data.N; c++)
        {
            if (!seen.Contains(c)) Assert.Equal(-1, s.RouteOf[c]);
            if (data.Required[c]) Assert.Contains(c, seen);
        }
        for (var g = 0; g < data.GroupMembers.Length; g++)
        {
            var served = data.GroupMembers[g].Count(seen.Contains);
            Assert.True(served <= 1, $"group {g} served {served} times");
            if (data.GroupRequired[g]) Assert.Equal(1, served);
        }
    }
}
