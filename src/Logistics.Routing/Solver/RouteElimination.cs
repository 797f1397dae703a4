namespace Logistics.Routing.Solver;

/// <summary>An attempt to serve the same clients with one route fewer: one of the smaller routes is emptied and
/// its clients are put back into the other routes by the ruin and recreate's greedy reinsertion, with the fleet
/// closed (<see cref="SearchSolution.FleetClosed"/>) so that neither the reinsertion nor the local search and
/// repair that follow can open a route again; the penalties let the other routes break windows and capacities
/// for a while. A ruin removes strings of a few clients, so a search that settled on one route more than the
/// best plans have (Homberger's c2_10_1: 31 routes or 30) rarely empties one by itself. A simple form of the
/// route-minimisation steps of SISR (Christiaens and Vanden Berghe 2020) and of Nagata and Bräysy (2009), which
/// search much longer with the fleet closed; here one attempt is one iteration.</summary>
internal sealed class RouteElimination(SearchData data, CostEvaluator costs, RuinRecreate ruinRecreate, Rng rng)
{
    private readonly List<int> _loose = [];
    private readonly List<SearchRoute> _used = [];
    private readonly long[] _spare = new long[data.Dims];

    /// <summary>Empties the smallest of three used routes of <paramref name="s"/> drawn at random (small routes
    /// first, but not always the same one), closes the fleet and reinserts the route's clients. The caller
    /// opens the fleet again (<see cref="SearchSolution.FleetClosed"/>) after its local search and repair.</summary>
    /// <param name="stamp">Gives the move-counter value that marks a changed route for the local search.</param>
    /// <returns>False, and nothing changed, when <paramref name="s"/> uses fewer than two routes or the other
    /// routes' vehicles cannot carry what the chosen route's did (on CVRPLIB X the fleet is usually that tight).</returns>
    public bool Apply(SearchSolution s, Func<long> stamp)
    {
        _used.Clear();
        Array.Clear(_spare);
        foreach (var route in s.Routes)
            if (!route.IsEmpty)
            {
                _used.Add(route);
                for (var k = 0; k < data.Dims; k++) _spare[k] += data.Types[route.Type].Capacity[k] - route.Load[k];
            }
        if (_used.Count < 2) return false;
        // A route can go only if the others' spare room holds its load: spare in all ≥ its vehicle's capacity.
        // When no route passes, nothing is drawn, so a search on such a fleet draws the same numbers as without.
        var any = false;
        foreach (var route in _used)
            any |= Fits(route);
        if (!any) return false;
        var chosen = _used[rng.Next(_used.Count)];
        for (var k = 1; k < 3; k++)
            if (_used[rng.Next(_used.Count)] is var drawn && drawn.Count < chosen.Count) chosen = drawn;
        if (!Fits(chosen)) return false;
        s.RepriceAll(costs); // routes copied from another solution carry costs priced with older penalties

        _loose.Clear();
        foreach (var c in chosen.Clients)
        {
            s.MarkUnvisited(c);
            _loose.Add(c);
        }
        chosen.SetClients([]);
        s.Refresh(chosen, costs);
        chosen.LastModified = stamp();
        s.FleetClosed = true;
        ruinRecreate.Reinsert(s, _loose, stamp);
        return true;
    }

    private bool Fits(SearchRoute route)
    {
        for (var k = 0; k < data.Dims; k++)
            if (_spare[k] < data.Types[route.Type].Capacity[k]) return false;
        return true;
    }
}
