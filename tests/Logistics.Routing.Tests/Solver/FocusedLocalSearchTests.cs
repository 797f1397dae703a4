using Logistics.Routing.Solver;

namespace Logistics.Routing.Tests.Solver;

/// <summary>The focused local search (large instances: only pairs with a client whose place changed),
/// forced onto small instances by lowering its threshold.</summary>
public class FocusedLocalSearchTests
{
    private static readonly SearchParameters Focused = new() { FocusedLocalSearchMinClients = 0 };
    private static readonly SearchParameters Unfocused = new() { FocusedLocalSearchMinClients = int.MaxValue };

    private static SolverOptions Budget(long iterations) =>
        new() { TimeLimit = TimeSpan.FromSeconds(60), Seed = 5, MaxIterations = iterations };

    [Fact]
    public void A_refreshed_route_flags_exactly_the_clients_whose_route_or_neighbours_changed()
    {
        var f = new SearchFixture(TinyInstances.Random(3, clients: 8, vehicles: 3, capacity: 100, windows: false))
            .WithRoutes([0, 1, 2, 3], [4, 5]);
        var s = f.Solution;
        Array.Clear(s.Changed);

        // Client 2 leaves the first route for the second, between 4 and 5.
        var (a, b) = (s.Routes[0], s.Routes[1]);
        a.RemoveAt(3);
        s.Refresh(a, f.Costs);
        b.Insert(2, f.Data.NumDepots + 2);
        s.Refresh(b, f.Costs);

        var changed = Enumerable.Range(0, 8).Where(c => s.Changed[f.Data.NumDepots + c]).ToArray();
        Assert.Equal([1, 2, 3, 4, 5], changed);
    }

    [Fact]
    public void A_copy_keeps_the_flags_and_refreshing_an_unchanged_route_flags_nothing()
    {
        var f = new SearchFixture(TinyInstances.Random(3, clients: 8, vehicles: 3, capacity: 100, windows: false))
            .WithRoutes([0, 1, 2, 3], [4, 5]);
        var s = f.Solution;
        Array.Clear(s.Changed);
        s.Refresh(s.Routes[0], f.Costs);
        Assert.DoesNotContain(true, s.Changed);

        s.Changed[f.Data.NumDepots + 6] = true;
        var copy = new SearchSolution(f.Data);
        copy.CopyFrom(s);
        Assert.Equal(s.Changed, copy.Changed);
        // The copy knows each client's neighbours too: refreshing its unchanged route flags nothing new.
        copy.Refresh(copy.Routes[1], f.Costs);
        Assert.Equal(s.Changed, copy.Changed);
    }

    [Fact]
    public void Focused_search_prices_fewer_moves_and_its_plans_are_feasible()
    {
        var data = TinyInstances.Random(21, clients: 150, vehicles: 25, capacity: 50, windows: true, horizon: 2000);
        var focused = RoutingSolver.Solve(data, Budget(300), Focused);
        var unfocused = RoutingSolver.Solve(data, Budget(300), Unfocused);

        Assert.True(focused.IsFeasible);
        Assert.Equal(focused.Cost, TinyInstances.CheckedCost(data, focused.Solution));
        Assert.True(focused.Profile!.MoveEvaluations < unfocused.Profile!.MoveEvaluations,
            $"focused {focused.Profile.MoveEvaluations} moves priced, unfocused {unfocused.Profile.MoveEvaluations}");
    }

    [Fact]
    public void The_same_seed_and_iteration_limit_give_the_same_plan_with_the_focused_search()
    {
        var data = TinyInstances.Random(11, clients: 100, vehicles: 16, capacity: 40, windows: true, horizon: 2000);
        var first = RoutingSolver.Solve(data, Budget(300), Focused);
        var second = RoutingSolver.Solve(data, Budget(300), Focused);

        Assert.Equal(first.Cost, second.Cost);
        Assert.Equal(DecompositionTests.Describe(first.Solution), DecompositionTests.Describe(second.Solution));
    }

    [Fact]
    public void Every_rule_of_the_full_model_holds_with_the_focused_search()
    {
        // Soft windows, two vehicle types with fixed costs and shifts, optional stores at two
        // priority levels, stores with two alternative windows.
        var data = DecompositionTests.RichDay();
        var result = RoutingSolver.Solve(data, Budget(400), Focused);

        Assert.True(result.IsFeasible);
        Assert.Equal(result.Cost, DecompositionTests.Checked(data, result.Solution));
    }

    [Fact]
    public void Below_the_threshold_the_search_is_the_unfocused_one()
    {
        // The default threshold (500 clients) leaves a 100-client instance as before: the same plan
        // as with the focused search switched off.
        var data = TinyInstances.Random(11, clients: 100, vehicles: 16, capacity: 40, windows: true, horizon: 2000);
        var byDefault = RoutingSolver.Solve(data, Budget(200), new SearchParameters());
        var unfocused = RoutingSolver.Solve(data, Budget(200), Unfocused);

        Assert.Equal(unfocused.Cost, byDefault.Cost);
        Assert.Equal(unfocused.Profile!.MoveEvaluations, byDefault.Profile!.MoveEvaluations);
    }
}
