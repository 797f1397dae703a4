using Logistics.Routing.Model;
using Logistics.Routing.Solver;

namespace Logistics.Routing.Tests.Solver;

/// <summary>The search's internal state for a problem, with routes set by hand, so that operators
/// can be tested on a chosen solution.</summary>
internal sealed class SearchFixture
{
    public SearchFixture(ProblemData problem, double? loadPenalty = null, double? timeWarpPenalty = null)
    {
        Problem = problem;
        Data = new SearchData(problem, new SearchParameters());
        Costs = new CostEvaluator(Data);
        if (loadPenalty is { } load) Costs.LoadPenalty = load;
        if (timeWarpPenalty is { } warp) Costs.TimeWarpPenalty = warp;
        Builder = new RouteBuilder(Data);
        Solution = new SearchSolution(Data);
    }

    public ProblemData Problem { get; }
    public SearchData Data { get; }
    public CostEvaluator Costs { get; }
    public RouteBuilder Builder { get; }
    public SearchSolution Solution { get; }

    /// <summary>Puts the given clients (0-based client indices) on the first routes, in order.</summary>
    public SearchFixture WithRoutes(params int[][] routes)
    {
        for (var r = 0; r < routes.Length; r++) WithRoute(r, routes[r]);
        return this;
    }

    /// <summary>Puts the given clients (0-based client indices) on route slot <paramref name="index"/>.</summary>
    public SearchFixture WithRoute(int index, int[] clients)
    {
        var route = Solution.Routes[index];
        route.SetClients(clients.Select(c => Data.NumDepots + c).ToArray());
        Solution.Refresh(route, Costs);
        return this;
    }

    /// <summary>Change of the penalised cost if <paramref name="move"/> were applied, as the search prices it.</summary>
    public double Delta(Move move)
    {
        var delta = Builder.Cost(move.RouteA!.Type, move.PiecesA, Costs) - move.RouteA.Cost;
        if (move.RouteB is { } b) delta += Builder.Cost(b.Type, move.PiecesB, Costs) - b.Cost;
        return delta;
    }

    /// <summary>The clients (location indices) that each route of <paramref name="move"/> would hold.</summary>
    public (int[] A, int[] B) Materialise(Move move)
    {
        var countA = Builder.Materialise(move.PiecesA, 0);
        var countB = Builder.Materialise(move.PiecesB, countA);
        return (Builder.Buffer(0, countA).ToArray(), Builder.Buffer(countA, countB).ToArray());
    }

    /// <summary>Penalised cost of a route holding <paramref name="clients"/>, computed from scratch
    /// on a fresh route (no cached data of the routes a move came from).</summary>
    public double CostFromScratch(int type, int[] clients)
    {
        var route = new SearchRoute(Data, 0, type);
        route.SetClients(clients);
        route.Update();
        return Costs.RouteCost(route);
    }
}
