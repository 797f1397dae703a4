using Logistics.Routing.Model;
using Logistics.Routing.Solver;

namespace Logistics.Routing.Tests.Solver;

/// <summary>The construction weighs time warp heavily on large instances (<see cref="SearchParameters.ConstructionTimeWarpFactor"/>),
/// so that a client that fits no route's windows opens a route rather than breaking a window.</summary>
public class ConstructionTests
{
    private sealed record Built(SearchSolution Solution, CostEvaluator Costs)
    {
        public long TimeWarp => Solution.Routes.Where(r => !r.IsEmpty).Sum(Costs.TimeWarp);

        public string Routes => string.Join(" | ", Solution.Routes.Where(r => !r.IsEmpty).Select(r => string.Join(',', r.Clients.ToArray())));
    }

    private static Built Construct(ProblemData problem, SearchParameters parameters)
    {
        var search = new SearchParts(problem, parameters, seed: 3);
        return new Built(search.Constructed(), search.Costs);
    }

    [Fact]
    public void From_500_clients_the_construction_opens_routes_rather_than_break_windows()
    {
        var problem = TinyInstances.Random(7, clients: 600, vehicles: 300, capacity: 100, windows: true, horizon: 2000);
        var plain = Construct(problem, new SearchParameters { ConstructionWindowsMinClients = int.MaxValue });
        var heavy = Construct(problem, new SearchParameters());

        Assert.True(heavy.Solution.UsedRoutes() > plain.Solution.UsedRoutes(), $"{heavy.Solution.UsedRoutes()} routes against {plain.Solution.UsedRoutes()}");
        Assert.True(heavy.TimeWarp < plain.TimeWarp, $"time warp {heavy.TimeWarp} against {plain.TimeWarp}");
        // Every client once, and the search goes on at the starting weight, with every route priced at it.
        Assert.Equal(600, heavy.Solution.Routes.Sum(r => r.Count));
        Assert.Equal(600, heavy.Solution.Routes.SelectMany(r => r.Clients.ToArray()).Distinct().Count());
        Assert.Equal(plain.Costs.TimeWarpPenalty, heavy.Costs.TimeWarpPenalty);
        foreach (var route in heavy.Solution.Routes.Where(r => !r.IsEmpty))
            Assert.Equal(heavy.Costs.RouteCost(route), route.Cost);
    }

    [Fact]
    public void Below_500_clients_the_construction_is_unchanged()
    {
        var problem = TinyInstances.Random(7, clients: 300, vehicles: 150, capacity: 100, windows: true, horizon: 2000);
        var unweighted = Construct(problem, new SearchParameters { ConstructionTimeWarpFactor = 1 });
        var byDefault = Construct(problem, new SearchParameters());

        Assert.Equal(unweighted.Routes, byDefault.Routes);
    }
}
