namespace Logistics.Routing.Solver;

/// <summary>Finds the cheapest place to insert a client that is not visited: after each visited
/// granular neighbour and before it, at the start of every used route when the neighbours give
/// few places, and in one empty route of each vehicle type. An optional client goes only where it
/// adds no time warp and no excess load: its prize may be far beyond any penalty (priority levels),
/// so a penalised place would be taken whatever the penalty, and no penalty could later make the
/// search drop it again; whether it is worth a place is for its prize alone to say.</summary>
internal sealed class Insertion(SearchData data, RouteBuilder builder, CostEvaluator costs)
{
    private readonly Move _move = new();

    public readonly record struct Place(SearchRoute Route, int After, double Delta);

    /// <param name="blinkRate">Probability of skipping a place (SISR's blinks); 0 for none.</param>
    /// <param name="ceiling">Only places that add less than this are wanted: the others are turned down
    /// as soon as their bound or cost says so, and null is returned when no place is below it.</param>
    public Place? Best(SearchSolution s, int u, Rng rng, double blinkRate, double ceiling = double.PositiveInfinity)
    {
        Place? best = null;
        var visitedNeighbours = 0;
        var feasibleOnly = data.IsOptional(u);
        foreach (var neighbour in data.Neighbours[u])
        {
            // An alternative not taken stands for the member of its group that is visited (the same
            // store in another window), so that groups do not blind the neighbourhood.
            var v = s.VisitedFor(neighbour);
            if (v < 0) continue;
            visitedNeighbours++;
            var route = s.Routes[s.RouteOf[v]];
            var j = s.PosOf[v];
            Consider(ref best, route, j, u, rng, blinkRate, feasibleOnly, ceiling);
            Consider(ref best, route, j - 1, u, rng, blinkRate, feasibleOnly, ceiling);
        }
        if (visitedNeighbours < 3)
        {
            // Few neighbours placed yet (early in construction): try every used route in full.
            foreach (var route in s.Routes)
                if (!route.IsEmpty)
                    for (var j = 0; j <= route.Count; j++) Consider(ref best, route, j, u, rng, blinkRate, feasibleOnly, ceiling);
        }
        for (var t = 0; t < data.Types.Length; t++)
            if (s.EmptyRoute(t) is { } empty) Consider(ref best, empty, 0, u, rng, 0, feasibleOnly, ceiling);
        return best;
    }

    /// <summary>The cheapest place for <paramref name="u"/> in <paramref name="route"/> that keeps
    /// its time warp and excess load within the limits, or null.</summary>
    public Place? BestIn(SearchRoute route, int u, long timeWarpLimit, long excessLoadLimit)
    {
        Place? best = null;
        for (var j = 0; j <= route.Count; j++)
            Consider(ref best, route, j, u, null, 0, feasibleOnly: true, double.PositiveInfinity, (timeWarpLimit, excessLoadLimit));
        return best;
    }

    /// <param name="limits">With <paramref name="feasibleOnly"/>: the most time warp and excess load
    /// the new route may have; by default the route's own, so that the insertion adds none.</param>
    /// <param name="ceiling">What a place must add less than while there is no best place yet
    /// (<see cref="Best"/>); infinite for any.</param>
    private void Consider(ref Place? best, SearchRoute route, int after, int u, Rng? rng, double blinkRate, bool feasibleOnly,
        double ceiling, (long TimeWarp, long ExcessLoad)? limits = null)
    {
        if (blinkRate > 0 && rng!.NextDouble() < blinkRate) return;
        var limit = best is { } b ? b.Delta : ceiling;
        var limited = best is not null || !double.IsPositiveInfinity(ceiling);
        // A place whose lower bound (RouteBuilder.LowerBound, here straight from the route's prefix sums) adds no less
        // than the best place so far is turned down unpriced: its cost, never below the bound, could not beat it.
        if (limited && !route.IsEmpty && builder.BoundReplaced(route, after + 1, after, u) - route.Cost >= limit) return;
        _move.Rebuild(route, Piece.Prefix(route, after), Piece.Visit(u), Piece.Suffix(route, after + 1));
        var delta = builder.Cost(route.Type, _move.PiecesA, costs) - route.Cost;
        if (limited && delta >= limit) return;
        if (feasibleOnly)
        {
            var (warp, excess) = limits ?? (costs.TimeWarp(route), costs.ExcessLoad(route.Type, route.Load));
            if (!builder.LastWithin(route.Type, warp, excess, costs)) return;
        }
        best = new Place(route, after, delta);
    }

    public void Apply(SearchSolution s, int u, Place place)
    {
        place.Route.Insert(place.After + 1, u);
        s.Refresh(place.Route, costs);
    }
}
