using Logistics.Routing.Model;

namespace Logistics.Routing.Solver;

/// <summary>A complete assignment during the search: one route slot per available vehicle (most
/// may be empty), where every client is, and which optional clients are left out.</summary>
internal sealed class SearchSolution
{
    private readonly SearchData _data;
    private readonly int[] _firstOfType;

    public SearchSolution(SearchData data)
    {
        _data = data;
        var routes = new List<SearchRoute>();
        _firstOfType = new int[data.Types.Length + 1];
        for (var t = 0; t < data.Types.Length; t++)
        {
            _firstOfType[t] = routes.Count;
            for (var k = 0; k < data.Types[t].Count; k++)
                routes.Add(new SearchRoute(data, routes.Count, t));
        }
        _firstOfType[data.Types.Length] = routes.Count;
        Routes = [.. routes];
        RouteOf = new int[data.N];
        PosOf = new int[data.N];
        LastTested = new long[data.N];
        Changed = new bool[data.N];
        NearChange = new bool[data.N];
        _before = new int[data.N];
        _after = new int[data.N];
        SwapStarTested = new long[Routes.Length];
        Array.Fill(SwapStarTested, -1);
        Array.Fill(RouteOf, -1);
        Array.Fill(LastTested, -1);
    }

    public SearchRoute[] Routes { get; }

    /// <summary>Route index of each location, −1 when the client is not visited (and for depots).</summary>
    public int[] RouteOf { get; }
    public int[] PosOf { get; }

    /// <summary>Move counter when the local search last tried each client's moves.</summary>
    public long[] LastTested { get; }

    /// <summary>Whether each client's place changed (another route, or another stop before or after
    /// it) since the local search last cleared the flag: the clients a focused local search starts
    /// from (<see cref="LocalSearch.Run"/>).</summary>
    public bool[] Changed { get; }

    /// <summary>Whether a client or one of its granular neighbours had its <see cref="Changed"/> flag set since the local
    /// search last cleared both: a focused local search need not look at the other clients' neighbours.</summary>
    public bool[] NearChange { get; }

    /// <summary>The location before and after each visited client when its route was last refreshed.</summary>
    private readonly int[] _before;
    private readonly int[] _after;

    /// <summary>Move counter when SWAP* last tried each route (by index) against the others.</summary>
    public long[] SwapStarTested { get; }

    public bool IsVisited(int location) => RouteOf[location] >= 0;

    /// <summary>Whether a member of group <paramref name="group"/> is visited.</summary>
    public bool IsServed(int group) => ServedBy(group) >= 0;

    /// <summary>The visited member of group <paramref name="group"/>, or −1.</summary>
    private int ServedBy(int group)
    {
        foreach (var member in _data.GroupMembers[group])
            if (RouteOf[member] >= 0) return member;
        return -1;
    }

    /// <summary>The visited member of <paramref name="location"/>'s group, or −1.</summary>
    private int VisitedMember(int location) => _data.GroupOf[location] is var group and >= 0 ? ServedBy(group) : -1;

    /// <summary>The location that stands for <paramref name="location"/> on a route: itself when visited, else the
    /// visited member of its group (an alternative not taken stands for the same store in another window), else −1.</summary>
    public int VisitedFor(int location) => IsVisited(location) ? location : VisitedMember(location);

    /// <summary>Whether <paramref name="location"/> may be inserted: it is not visited and no
    /// alternative of its group is.</summary>
    public bool CanInsert(int location) =>
        RouteOf[location] < 0 && (_data.GroupOf[location] < 0 || !IsServed(_data.GroupOf[location]));

    /// <summary>What leaving <paramref name="location"/> (and so its group) out costs, exactly.</summary>
    public Int128 Missed(int location) =>
        _data.IsOptional(location) ? _data.Prize[location] : _data.RequiredMissedCost;

    /// <summary><see cref="Missed"/> as a double, to weigh against a route cost change.</summary>
    public double MissedCost(int location) => (double)Missed(location);

    /// <summary>Refreshes a route's caches and the position index of its clients.</summary>
    public void Refresh(SearchRoute route, CostEvaluator costs)
    {
        route.Update();
        route.Reprice(costs);
        var clients = route.Clients;
        var before = _data.Types[route.Type].StartDepot;
        for (var p = 0; p < clients.Length; p++)
        {
            var c = clients[p];
            var after = p + 1 < clients.Length ? clients[p + 1] : _data.Types[route.Type].EndDepot;
            if (RouteOf[c] != route.Index || _before[c] != before || _after[c] != after)
            {
                if (!Changed[c])
                {
                    Changed[c] = true;
                    NearChange[c] = true;
                    foreach (var u in _data.NearOf[c]) NearChange[u] = true;
                }
                (_before[c], _after[c]) = (before, after);
            }
            RouteOf[c] = route.Index;
            PosOf[c] = p + 1;
            before = c;
        }
    }

    public void MarkUnvisited(int location) => RouteOf[location] = -1;

    /// <summary>While set, no route may be opened: <see cref="EmptyRoute"/> finds none, so insertions and moves
    /// stay within the routes in use (<see cref="RouteElimination"/>). Not copied by <see cref="CopyFrom"/>.</summary>
    public bool FleetClosed { get; set; }

    /// <summary>An empty route slot of vehicle type <paramref name="type"/>, or null when all are used or the fleet is closed.</summary>
    public SearchRoute? EmptyRoute(int type)
    {
        if (FleetClosed) return null;
        for (var r = _firstOfType[type]; r < _firstOfType[type + 1]; r++)
            if (Routes[r].IsEmpty) return Routes[r];
        return null;
    }

    /// <summary>Becomes a copy of <paramref name="other"/> (a solution of the same search). Routes
    /// with the same modification stamp hold the same clients, so only the others are copied.</summary>
    /// <summary>Copies a solution of another search (another thread's, through a shared <see cref="Population"/>): route
    /// stamps are each search's own counter, so equal stamps say nothing here and every route is copied.</summary>
    public void CopyFromAnySearch(SearchSolution other)
    {
        foreach (var route in Routes) route.LastModified = long.MinValue;
        CopyFrom(other);
    }

    public void CopyFrom(SearchSolution other)
    {
        for (var r = 0; r < Routes.Length; r++)
        {
            if (Routes[r].LastModified == other.Routes[r].LastModified) continue;
            Routes[r].CopyFrom(other.Routes[r]);
            Routes[r].Update();
        }
        Array.Copy(other.RouteOf, RouteOf, RouteOf.Length);
        Array.Copy(other.PosOf, PosOf, PosOf.Length);
        Array.Copy(other.LastTested, LastTested, LastTested.Length);
        Array.Copy(other.Changed, Changed, Changed.Length);
        Array.Copy(other.NearChange, NearChange, NearChange.Length);
        Array.Copy(other._before, _before, _before.Length);
        Array.Copy(other._after, _after, _after.Length);
        Array.Copy(other.SwapStarTested, SwapStarTested, SwapStarTested.Length);
    }

    public void RepriceAll(CostEvaluator costs)
    {
        foreach (var r in Routes) r.Reprice(costs);
    }

    /// <summary>Penalised cost: routes (with penalties) plus what the clients left out cost.</summary>
    public SearchCost PenalisedCost(CostEvaluator costs)
    {
        double routes = 0;
        foreach (var r in Routes) routes += costs.RouteCost(r);
        return new SearchCost(MissedTotal(), routes);
    }

    private Int128 MissedTotal()
    {
        Int128 total = 0;
        for (var c = _data.NumDepots; c < _data.N; c++)
            if (RouteOf[c] < 0 && _data.GroupOf[c] < 0) total += Missed(c);
        for (var g = 0; g < _data.GroupMembers.Length; g++)
            if (!IsServed(g)) total += Missed(_data.GroupMembers[g][0]);
        return total;
    }

    public bool IsFeasible(CostEvaluator costs)
    {
        foreach (var r in Routes)
        {
            if (r.IsEmpty) continue;
            if (costs.TimeWarp(r) > 0 || costs.ExcessLoad(r.Type, r.Load) > 0) return false;
        }
        for (var c = _data.NumDepots; c < _data.N; c++)
            if (RouteOf[c] < 0 && _data.Required[c]) return false;
        for (var g = 0; g < _data.GroupMembers.Length; g++)
            if (_data.GroupRequired[g] && !IsServed(g)) return false;
        return true;
    }

    /// <summary>The objective (without penalties): meaningful for a feasible solution.</summary>
    public Int128 ObjectiveCost(CostEvaluator costs) => RouteCost(costs) + MissedTotal();

    /// <summary>The objective of the routes alone, without prizes.</summary>
    public long RouteCost(CostEvaluator costs)
    {
        long total = 0;
        foreach (var r in Routes) total += costs.ObjectiveCost(r);
        return total;
    }

    /// <summary>How many clients (a group counting once) are left out.</summary>
    public int MissedCount()
    {
        var n = 0;
        for (var c = _data.NumDepots; c < _data.N; c++)
            if (RouteOf[c] < 0 && _data.GroupOf[c] < 0) n++;
        for (var g = 0; g < _data.GroupMembers.Length; g++)
            if (!IsServed(g)) n++;
        return n;
    }

    public int VisitCount()
    {
        var n = 0;
        foreach (var r in Routes) n += r.Count;
        return n;
    }

    public int UsedRoutes()
    {
        var n = 0;
        foreach (var r in Routes) if (!r.IsEmpty) n++;
        return n;
    }

    public Solution ToSolution()
    {
        var routes = new List<SolutionRoute>();
        foreach (var r in Routes)
        {
            if (r.IsEmpty) continue;
            var clients = new int[r.Count];
            for (var p = 0; p < r.Count; p++) clients[p] = r.Clients[p] - _data.NumDepots;
            routes.Add(new SolutionRoute(r.Type, clients));
        }
        // A member of a served group is an alternative not taken, not a client left out.
        var unassigned = new List<int>();
        for (var c = _data.NumDepots; c < _data.N; c++)
            if (RouteOf[c] < 0 && (_data.GroupOf[c] < 0 || !IsServed(_data.GroupOf[c]))) unassigned.Add(c - _data.NumDepots);
        return new Solution(routes, unassigned);
    }
}
