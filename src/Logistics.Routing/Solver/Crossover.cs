namespace Logistics.Routing.Solver;

/// <summary>Route exchange between two solutions (after SREX, Nagata and Bräysy 2009): around a random
/// client, a few routes of the first solution (the child, a copy of the search's current solution)
/// are replaced by as many routes of the donor, those that serve the most of their clients, less the
/// clients the child's other routes already serve; clients of the removed routes that no donor route brought back,
/// those of donor routes for which no vehicle of their type is free, and every store of a group of alternatives (two
/// receiving windows) that a donor route serves, are put back by the ruin and recreate's greedy reinsertion, which serves
/// a group through whichever member inserts cheapest. A donor route chose each such store's window around its own
/// stops; kept as it was, the choice cost the dispatcher's 1,000-store day 0.31% at 30 s (mean of 12 seeds,
/// better in 9; README, issue 17, "the dispatcher's day at 30 s"). The child then goes through the same local search and repair as
/// any candidate, so every rule of the model (windows, groups of alternatives, prizes, vehicle types,
/// shifts) is priced and kept as it is there.</summary>
internal sealed class Crossover(SearchData data, SearchParameters parameters, CostEvaluator costs, RuinRecreate ruinRecreate, Rng rng)
{
    private readonly List<int> _childRoutes = [];
    private readonly List<int> _donorRoutes = [];
    private readonly List<int> _loose = [];
    private int[] _buffer = new int[64];
    private int[] _overlap = [];

    /// <summary>Replaces some of <paramref name="child"/>'s routes by <paramref name="donor"/>'s (a solution of the same search).</summary>
    /// <param name="stamp">Gives the move-counter value that marks a changed route for the local search.</param>
    public void Apply(SearchSolution child, SearchSolution donor, Func<long> stamp)
    {
        child.RepriceAll(costs); // routes copied from another solution carry costs priced with older penalties
        var routes = Math.Min(child.UsedRoutes(), donor.UsedRoutes());
        var exchanged = 1 + rng.Next(Math.Max(1, (int)Math.Ceiling(routes * parameters.CrossoverRouteShare)));
        var seed = data.NumDepots + rng.Next(data.NumClients);
        RoutesNear(child, seed, exchanged, _childRoutes);
        RoutesCovering(donor, child, exchanged, _donorRoutes);

        _loose.Clear();
        foreach (var r in _childRoutes)
        {
            var route = child.Routes[r];
            foreach (var c in route.Clients)
            {
                child.MarkUnvisited(c);
                _loose.Add(c);
            }
            route.SetClients([]);
            child.Refresh(route, costs);
            route.LastModified = stamp();
        }
        foreach (var r in _donorRoutes)
        {
            var from = donor.Routes[r];
            if (_buffer.Length < from.Count) _buffer = new int[2 * from.Count];
            var count = 0;
            foreach (var c in from.Clients)
                if (!child.CanInsert(c)) continue;
                else if (data.GroupOf[c] >= 0) _loose.Add(c); // its window is chosen again, among the child's routes
                else _buffer[count++] = c;
            if (count == 0) continue;
            if (child.EmptyRoute(from.Type) is not { } slot)
            {
                _loose.AddRange(_buffer.AsSpan(0, count));
                continue;
            }
            slot.SetClients(_buffer.AsSpan(0, count));
            child.Refresh(slot, costs);
            slot.LastModified = stamp();
        }
        ruinRecreate.Reinsert(child, _loose, stamp);
    }

    /// <summary>The <paramref name="count"/> routes of <paramref name="donor"/> that serve the most clients of
    /// the child's routes chosen (<see cref="_childRoutes"/>), most first, ties to the lower index; those
    /// serving none are never taken.</summary>
    private void RoutesCovering(SearchSolution donor, SearchSolution child, int count, List<int> routes)
    {
        if (_overlap.Length < donor.Routes.Length) _overlap = new int[donor.Routes.Length];
        Array.Clear(_overlap);
        foreach (var r in _childRoutes)
            foreach (var c in child.Routes[r].Clients)
            {
                var v = donor.VisitedFor(c);
                if (v >= 0) _overlap[donor.RouteOf[v]]++;
            }
        routes.Clear();
        for (var k = 0; k < count; k++)
        {
            var bestRoute = -1;
            for (var r = 0; r < donor.Routes.Length; r++)
                if (_overlap[r] > 0 && (bestRoute < 0 || _overlap[r] > _overlap[bestRoute])) bestRoute = r;
            if (bestRoute < 0) break;
            routes.Add(bestRoute);
            _overlap[bestRoute] = 0;
        }
    }

    /// <summary>The routes of <paramref name="s"/> serving <paramref name="seed"/> and its nearest clients,
    /// in that order, until there are <paramref name="count"/> of them.</summary>
    private void RoutesNear(SearchSolution s, int seed, int count, List<int> routes)
    {
        routes.Clear();
        for (var k = -1; k < data.Adjacent[seed].Length && routes.Count < count; k++)
        {
            var c = k < 0 ? seed : data.Adjacent[seed][k];
            var v = s.VisitedFor(c);
            if (v >= 0 && !routes.Contains(s.RouteOf[v])) routes.Add(s.RouteOf[v]);
        }
    }
}
