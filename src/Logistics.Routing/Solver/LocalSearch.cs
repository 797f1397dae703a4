using Logistics.Routing.Solver.Operators;

namespace Logistics.Routing.Solver;

/// <summary>Granular first-improvement local search (after Vidal 2022, "Hybrid genetic search for
/// the CVRP: open-source implementation and SWAP* neighborhood"): for each client U and each of its
/// granular neighbours V, try every operator and apply the first that lowers the penalised cost;
/// repeat until no move improves. Pairs whose routes did not change since U was last examined are
/// skipped. Optional clients are also inserted or removed when their prize makes it worth it. When
/// no client-pair move improves, SWAP* is tried on route pairs whose sectors overlap.</summary>
internal sealed class LocalSearch
{
    private const double Epsilon = 1e-6;
    private readonly SearchData _data;
    private readonly CostEvaluator _costs;
    private readonly RouteBuilder _builder;
    private readonly Insertion _insertion;
    private readonly Rng _rng;
    private readonly Move _move = new();
    private readonly MoveOperator[] _operators = MoveOperator.ClientPairs();
    private readonly SwapStar? _swapStar;
    private readonly Sector[] _sectors;
    private readonly double[] _angles;
    private readonly int[] _order;
    private readonly bool[] _active;
    private readonly bool[] _activeNear;
    private readonly List<int> _ejectable = [];
    private readonly List<int> _ejected = [];
    private int[] _saved = new int[64];
    private long _counter;

    /// <summary>How many routes near a client left out are tried for an insertion by ejection.</summary>
    private const int EjectionRoutes = 3;

    public LocalSearch(SearchData data, CostEvaluator costs, RouteBuilder builder, Insertion insertion, Rng rng, bool swapStar = true)
    {
        _swapStar = swapStar ? new SwapStar(data, costs) : null;
        _sectors = new Sector[data.Types.Sum(t => t.Count)];
        _angles = new double[data.NumClients];
        _data = data;
        _costs = costs;
        _builder = builder;
        _insertion = insertion;
        _rng = rng;
        _order = new int[data.NumClients];
        _active = new bool[data.N];
        _activeNear = new bool[data.N];
        for (var c = 0; c < data.NumClients; c++) _order[c] = data.NumDepots + c;
    }

    /// <summary>Moves applied so far; routes changed by a move are stamped with it.</summary>
    public long Counter => _counter;

    /// <summary>Moves priced so far (a measure of work that, unlike time, is the same on any machine).</summary>
    public long Evaluations { get; private set; }

    /// <summary>Advances the move counter, for changes made outside the local search (ruin).</summary>
    public long Stamp() => ++_counter;

    /// <summary>The order in which a run visits the clients: the previous run's order shuffled again, so it is
    /// part of the search's random state beside the generator's (<see cref="Rng.State"/>). Copy it out and back
    /// to undo a side attempt's runs.</summary>
    public Span<int> VisitOrder => _order;

    /// <param name="full">Examine every pair, ignoring what earlier runs already tested.</param>
    /// <param name="focused">Examine only pairs of which one client changed its place (route, stop
    /// before or after) since the previous pass: after a ruin and recreate on a large instance, the
    /// clients it moved and their new neighbours, and the clients each applied move touches, rather
    /// than every client of every changed route ("selective vertex caching", Accorsi and Vigo 2021).
    /// A heuristic restriction: it misses moves a changed route's other clients could make. Only on data
    /// with <see cref="SearchData.FocusedSearch"/>, whose reverse neighbour lists it reads.</param>
    public void Run(SearchSolution s, bool full, Func<bool> shouldStop, bool focused = false)
    {
        if (focused && !_data.FocusedSearch)
            throw new ArgumentException("a focused local search needs data built for one (SearchData.FocusedSearch)", nameof(focused));
        s.RepriceAll(_costs);
        if (full)
        {
            Array.Fill(s.LastTested, -1);
            Array.Fill(s.SwapStarTested, -1);
        }
        _rng.Shuffle(_order.AsSpan());
        bool improved;
        do
        {
            improved = false;
            // What changed before this pass; what this pass changes is flagged in s.Changed again.
            Array.Copy(s.Changed, _active, _active.Length);
            Array.Clear(s.Changed);
            Array.Copy(s.NearChange, _activeNear, _activeNear.Length);
            Array.Clear(s.NearChange);
            foreach (var u in _order)
            {
                if (!s.IsVisited(u))
                {
                    if (s.CanInsert(u) && (TryInsert(s, u) || TryInsertByEjection(s, u))) improved = true;
                    continue;
                }
                var lastTested = s.LastTested[u];
                s.LastTested[u] = _counter;
                // Focused: no pair of U passes the test below unless U or one of its neighbours changed place.
                if (!focused || _activeNear[u] || s.NearChange[u])
                foreach (var neighbour in _data.Neighbours[u])
                {
                    if (!s.IsVisited(u)) break;
                    var v = s.VisitedFor(neighbour);
                    if (v < 0) continue;
                    if (focused && !(_active[u] || _active[v] || s.Changed[u] || s.Changed[v])) continue;
                    var ru = s.Routes[s.RouteOf[u]];
                    var rv = s.Routes[s.RouteOf[v]];
                    if (Math.Max(ru.LastModified, rv.LastModified) <= lastTested) continue;
                    if (TryPair(s, ru, s.PosOf[u], rv, s.PosOf[v])) improved = true;
                }
                if (s.IsVisited(u) && s.Routes[s.RouteOf[u]].LastModified > lastTested && TryEmptyRoute(s, u)) improved = true;
                if (s.IsVisited(u) && _data.GroupOf[u] >= 0 && s.Routes[s.RouteOf[u]].LastModified > lastTested && TrySwitchMember(s, u))
                    improved = true;
                // Leaving U out is worth no more than last time while its route is unchanged.
                if (s.IsVisited(u) && _data.IsOptional(u) && s.Routes[s.RouteOf[u]].LastModified > lastTested && TryRemove(s, u)) improved = true;
            }
            if (!improved && _swapStar is not null && !shouldStop()) improved = RunSwapStar(s);
        } while (improved && !shouldStop());
    }

    private bool TryPair(SearchSolution s, SearchRoute ru, int i, SearchRoute rv, int j)
    {
        foreach (var op in _operators)
        {
            if (TryOperator(s, op, ru, i, rv, j)) return true;
            // V right after the depot: also try with the depot itself as V.
            if (j == 1 && op.AcceptsDepotAsV && TryOperator(s, op, ru, i, rv, 0)) return true;
        }
        return false;
    }

    /// <summary>Builds, prices and applies the operator's move when it improves; most are turned down by the
    /// operator's own bound first (<see cref="MoveOperator.QuickBound"/>), which is what <see cref="MayImprove"/>
    /// would compute from the move's pieces, without building them.</summary>
    private bool TryOperator(SearchSolution s, MoveOperator op, SearchRoute ru, int i, SearchRoute rv, int j)
    {
        var bound = op.QuickBound(ru, i, rv, j, _builder);
        if (double.IsPositiveInfinity(bound)) return false;
        if (bound >= -Epsilon)
        {
            Evaluations++;
            return false;
        }
        // A shortcut's bound is the one MayImprove would compute again: only NaN (no shortcut) leaves it to do.
        return op.Build(ru, i, rv, j, _move) && TryApply(s, bounded: !double.IsNaN(bound));
    }

    /// <summary>SWAP* over every pair of used routes whose sectors overlap and of which one changed
    /// since the first was last tried (as HGS does, Vidal 2022).</summary>
    private bool RunSwapStar(SearchSolution s)
    {
        var routes = s.Routes;
        foreach (var route in routes)
            if (!route.IsEmpty) _sectors[route.Index] = Sector.Of(_data, route, _angles);
        var improved = false;
        foreach (var ra in routes)
        {
            if (ra.IsEmpty) continue;
            var lastTested = s.SwapStarTested[ra.Index];
            s.SwapStarTested[ra.Index] = _counter;
            for (var b = ra.Index + 1; b < routes.Length; b++)
            {
                var rb = routes[b];
                if (rb.IsEmpty || Math.Max(ra.LastModified, rb.LastModified) <= lastTested) continue;
                // Sectors around different depots say nothing about each other: such pairs are tried.
                if (_data.Types[ra.Type].StartDepot == _data.Types[rb.Type].StartDepot && !_sectors[ra.Index].Overlaps(_sectors[rb.Index]))
                    continue;
                if (!TrySwapStar(s, ra, rb)) continue;
                improved = true;
                _sectors[ra.Index] = Sector.Of(_data, ra, _angles);
                _sectors[rb.Index] = Sector.Of(_data, rb, _angles);
            }
        }
        return improved;
    }

    /// <summary>Prices the most promising SWAP* exchanges of two routes exactly and applies the best
    /// one that lowers the penalised cost.</summary>
    private bool TrySwapStar(SearchSolution s, SearchRoute ra, SearchRoute rb)
    {
        var candidates = _swapStar!.Prepare(ra, rb);
        var (best, bestDelta) = (-1, -Epsilon);
        for (var k = 0; k < candidates; k++)
        {
            _swapStar.Build(k, _move);
            Evaluations++;
            if (Delta(_move) is var delta && delta < bestDelta) (best, bestDelta) = (k, delta);
        }
        if (best < 0) return false;
        _swapStar.Build(best, _move);
        return TryApply(s);
    }

    private bool TryEmptyRoute(SearchSolution s, int u)
    {
        var ru = s.Routes[s.RouteOf[u]];
        if (ru.Count == 1) return false;
        var relocate = _operators[0];
        for (var t = 0; t < _data.Types.Length; t++)
            if (s.EmptyRoute(t) is { } empty && relocate.Build(ru, s.PosOf[u], empty, 0, _move) && TryApply(s)) return true;
        return false;
    }

    private bool TryInsert(SearchSolution s, int u)
    {
        // Only a place that adds less than leaving U out costs is wanted.
        var place = _insertion.Best(s, u, _rng, 0, ceiling: s.MissedCost(u) - Epsilon);
        if (place is null) return false;
        _insertion.Apply(s, u, place.Value);
        place.Value.Route.LastModified = ++_counter;
        return true;
    }

    /// <summary>Puts U into a route near it where it fits only once clients that cost less to leave
    /// out (lower priority levels) leave that route: they are chosen cheapest first, the largest
    /// load among equals, until U's load fits. This is how a higher level takes the room a short
    /// fleet gave to lower ones, which no single insertion or removal can do.</summary>
    private bool TryInsertByEjection(SearchSolution s, int u)
    {
        var prize = s.Missed(u);
        Span<int> tried = stackalloc int[EjectionRoutes];
        var count = 0;
        foreach (var neighbour in _data.Neighbours[u])
        {
            var v = s.VisitedFor(neighbour);
            if (v < 0 || tried[..count].Contains(s.RouteOf[v])) continue;
            tried[count++] = s.RouteOf[v];
            if (TryEjectInto(s, u, prize, s.Routes[s.RouteOf[v]])) return true;
            if (count == EjectionRoutes) break;
        }
        return false;
    }

    private bool TryEjectInto(SearchSolution s, int u, Int128 prize, SearchRoute route)
    {
        _ejectable.Clear();
        foreach (var c in route.Clients)
            if (s.Missed(c) < prize) _ejectable.Add(c);
        if (_ejectable.Count == 0) return false;
        _ejectable.Sort((a, b) => s.Missed(a).CompareTo(s.Missed(b)) is var byPrize and not 0 ? byPrize : Demand(b).CompareTo(Demand(a)));

        // Eject until U's load fits within what the route already carries over its capacity.
        var dims = _data.Dims;
        var capacity = _data.Types[route.Type].Capacity;
        Span<long> load = stackalloc long[dims];
        for (var k = 0; k < dims; k++) load[k] = route.Load[k] + _data.Demand[u * dims + k];
        var allowed = _costs.ExcessLoad(route.Type, route.Load);
        _ejected.Clear();
        Int128 lost = 0;
        foreach (var c in _ejectable)
        {
            if (_costs.ExcessLoad(route.Type, load) <= allowed) break;
            _ejected.Add(c);
            lost += s.Missed(c);
            for (var k = 0; k < dims; k++) load[k] -= _data.Demand[c * dims + k];
        }
        if (_ejected.Count == 0 || _costs.ExcessLoad(route.Type, load) > allowed) return false;

        var (warp, before) = (_costs.TimeWarp(route), route.Cost);
        if (_saved.Length < route.Count) _saved = new int[2 * route.Count];
        var saved = _saved.AsSpan(0, route.Count);
        route.Clients.CopyTo(saved);
        foreach (var c in _ejected) route.RemoveAt(IndexOf(route, c));
        s.Refresh(route, _costs);
        if (_insertion.BestIn(route, u, warp, allowed) is { } place
            && (double)(prize - lost) - (route.Cost + place.Delta - before) > Epsilon)
        {
            foreach (var c in _ejected) s.MarkUnvisited(c);
            _insertion.Apply(s, u, place);
            route.LastModified = ++_counter;
            return true;
        }
        route.SetClients(saved);
        s.Refresh(route, _costs);
        return false;
    }

    private static int IndexOf(SearchRoute route, int client) => route.Clients.IndexOf(client) + 1;

    /// <summary>A client's load over all dimensions, each measured against its largest demand.</summary>
    private double Demand(int c)
    {
        double total = 0;
        for (var k = 0; k < _data.Dims; k++) total += _data.Demand[c * _data.Dims + k] / _data.MaxDemand[k];
        return total;
    }

    private bool TryRemove(SearchSolution s, int u)
    {
        var route = s.Routes[s.RouteOf[u]];
        var i = s.PosOf[u];
        _move.Rebuild(route, Piece.Prefix(route, i - 1), Piece.Suffix(route, i + 1));
        var delta = _builder.Cost(route.Type, _move.PiecesA, _costs) - route.Cost + s.MissedCost(u);
        if (delta >= -Epsilon) return false;
        route.RemoveAt(i);
        s.MarkUnvisited(u);
        s.Refresh(route, _costs);
        route.LastModified = ++_counter;
        return true;
    }

    /// <summary>Whether <paramref name="move"/> may lower the penalised cost: false when the routes it
    /// makes cost, even without penalties, waiting and lateness, no less than the routes they replace.</summary>
    private bool MayImprove(Move move)
    {
        var a = move.RouteA!;
        var bound = _builder.LowerBound(a.Type, move.PiecesA) - a.Cost;
        if (move.RouteB is { } b) bound += _builder.LowerBound(b.Type, move.PiecesB) - b.Cost;
        return bound < -Epsilon;
    }

    /// <summary>Change of the penalised cost if <paramref name="move"/> were applied.</summary>
    public double Delta(Move move)
    {
        var a = move.RouteA!;
        var delta = _builder.Cost(a.Type, move.PiecesA, _costs) - a.Cost;
        if (move.RouteB is { } b) delta += _builder.Cost(b.Type, move.PiecesB, _costs) - b.Cost;
        return delta;
    }

    /// <summary>Serves U's group through another member instead (another receiving window) when that
    /// is cheaper. Priced without touching the routes first: an alternative W taking U's place, and
    /// W at its best place with U removed (exact when that place is in another route). Only a
    /// promising estimate is checked for real, with U taken out and put back if no W wins.</summary>
    private bool TrySwitchMember(SearchSolution s, int u)
    {
        var route = s.Routes[s.RouteOf[u]];
        var i = s.PosOf[u];
        _move.Rebuild(route, Piece.Prefix(route, i - 1), Piece.Suffix(route, i + 1));
        var removal = _builder.Cost(route.Type, _move.PiecesA, _costs) - route.Cost;
        var promising = false;
        foreach (var w in _data.GroupMembers[_data.GroupOf[u]])
        {
            if (w == u) continue;
            _move.Rebuild(route, Piece.Prefix(route, i - 1), Piece.Visit(w), Piece.Suffix(route, i + 1));
            if (TryApply(s))
            {
                s.MarkUnvisited(u); // the move dropped U from its route; nothing else refers to it
                return true;
            }
            // Only whether some place of some W adds less than U's removal saves matters.
            if (!promising && _insertion.Best(s, w, _rng, 0, ceiling: -removal - Epsilon) is not null) promising = true;
        }
        if (!promising) return false;

        var before = route.Cost;
        route.RemoveAt(i);
        s.MarkUnvisited(u);
        s.Refresh(route, _costs);
        var gain = route.Cost - before;
        Insertion.Place? best = null;
        var bestMember = -1;
        foreach (var w in _data.GroupMembers[_data.GroupOf[u]])
        {
            if (w == u) continue;
            // Only a place cheaper than both the best member's so far and what U's removal saved is wanted.
            var ceiling = Math.Min(-gain - Epsilon, best?.Delta ?? double.PositiveInfinity);
            if (_insertion.Best(s, w, _rng, 0, ceiling) is { } p) (best, bestMember) = (p, w);
        }
        if (best is { } winner)
        {
            route.LastModified = ++_counter;
            _insertion.Apply(s, bestMember, winner);
            winner.Route.LastModified = _counter;
            return true;
        }
        route.Insert(i, u);
        s.Refresh(route, _costs);
        return false;
    }

    /// <param name="bounded">The move's lower bound was already found to improve (<see cref="TryOperator"/>).</param>
    private bool TryApply(SearchSolution s, bool bounded = false)
    {
        Evaluations++;
        if ((!bounded && !MayImprove(_move)) || Delta(_move) >= -Epsilon) return false;
        var a = _move.RouteA!;
        var b = _move.RouteB;

        var countA = _builder.Materialise(_move.PiecesA, 0);
        var countB = b is null ? 0 : _builder.Materialise(_move.PiecesB, countA);
        a.SetClients(_builder.Buffer(0, countA));
        if (b is not null) b.SetClients(_builder.Buffer(countA, countB));
        s.Refresh(a, _costs);
        if (b is not null) s.Refresh(b, _costs);
        a.LastModified = ++_counter;
        if (b is not null) b.LastModified = _counter;
        return true;
    }
}
