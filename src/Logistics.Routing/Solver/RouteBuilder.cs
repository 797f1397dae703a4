namespace Logistics.Routing.Solver;

/// <summary>Evaluates the route that a list of pieces would make, using the cached prefix and
/// suffix data of the routes the pieces come from; and writes that route when a move is applied.
/// Not thread-safe: one per search.</summary>
internal sealed class RouteBuilder(SearchData data)
{
    private readonly long[] _load = new long[data.Dims];
    private int[] _buffer = new int[64];
    private Segment _segment;
    private long _distance;
    private int _clients;
    private int _last;
    private long _duration;

    /// <summary>Penalised cost of the route of type <paramref name="type"/> made of <paramref name="pieces"/>.</summary>
    public double Cost(int type, ReadOnlySpan<Piece> pieces, CostEvaluator costs)
    {
        Accumulate(type, pieces);
        _duration = _segment.Duration;
        if (!data.HasSoftWindows || _clients == 0) return costs.RouteCost(type, _clients, _distance, _segment, _load);
        var (duration, lateness) = Schedule(type, pieces);
        _duration = duration;
        return costs.RouteCost(type, _clients, _distance, _segment, _load, duration, lateness);
    }

    /// <summary>A lower bound on <see cref="Cost"/> of the same pieces, from distance, travel and
    /// service time alone (penalties, waiting and lateness count as zero): a move whose bound does
    /// not beat the routes it replaces cannot improve, and most moves are turned down this way
    /// without concatenating time-window segments (as HGS does with distances, Vidal 2022).</summary>
    public double LowerBound(int type, ReadOnlySpan<Piece> pieces)
    {
        // The hottest code of the search at 1,000 clients (half its time, measured): written out without
        // local functions (whose captured sums the JIT keeps in memory), and without the travel-time sums
        // when the vehicle type pays nothing per time unit (then they would be multiplied by zero).
        ref readonly var t = ref data.Types[type];
        var timed = t.UnitDurationCost != 0;
        var service = data.Service;
        long distance = 0, time = 0;
        var clients = 0;
        int last;
        var first = pieces[0];
        if (first.Kind == PieceKind.Prefix && first.Route!.Type == type)
        {
            var r = first.Route;
            distance = r.CumDist[first.To];
            if (timed) time = r.CumTime[first.To];
            clients = first.To;
            last = r.At(first.To);
            pieces = pieces[1..];
        }
        else last = t.StartDepot;

        foreach (var piece in pieces)
        {
            var r = piece.Route;
            int from, to;
            switch (piece.Kind)
            {
                case PieceKind.Visit:
                {
                    var location = piece.Location;
                    distance += data.Distance(last, location);
                    if (timed) time += data.Duration(last, location) + service[location];
                    clients++;
                    last = location;
                    continue;
                }
                case PieceKind.Reversed or PieceKind.Prefix:
                {
                    // Visited one by one: a reversed range from its end back (its prefix sums run the other way), or a
                    // prefix of another vehicle type's route (the first piece of this type's own route is summed above).
                    var (p, count, step) = piece.Kind == PieceKind.Reversed ? (piece.To, piece.To - piece.From + 1, -1) : (1, piece.To, 1);
                    for (var i = 0; i < count; i++, p += step)
                    {
                        var location = r!.At(p);
                        distance += data.Distance(last, location);
                        if (timed) time += data.Duration(last, location) + service[location];
                        clients++;
                        last = location;
                    }
                    continue;
                }
                case PieceKind.Range: (from, to) = (piece.From, piece.To); break;
                default: // Suffix, the last piece
                    (from, to) = (piece.From, r!.Count);
                    if (from <= to && data.Types[r.Type].EndDepot == t.EndDepot)
                    {
                        // It ends at this route's end depot: the arc to it is in the prefix sums too.
                        var head = r.At(from);
                        distance += data.Distance(last, head) + (r.CumDist[to + 1] - r.CumDist[from]);
                        if (timed) time += data.Duration(last, head) + service[head] + (r.CumTime[to + 1] - r.CumTime[from]);
                        return Priced(t, distance, time);
                    }
                    break;
            }
            if (from > to) continue;
            // Positions from … to of r, in O(1) from its prefix sums.
            var start = r!.At(from);
            distance += data.Distance(last, start) + (r.CumDist[to] - r.CumDist[from]);
            if (timed) time += data.Duration(last, start) + service[start] + (r.CumTime[to] - r.CumTime[from]);
            clients += to - from + 1;
            last = r.At(to);
        }
        if (clients == 0) return 0;
        distance += data.Distance(last, t.EndDepot);
        if (timed) time += data.Duration(last, t.EndDepot);
        return Priced(t, distance, time);
    }

    /// <summary><see cref="LowerBound"/> of route <paramref name="r"/> (its own type) with the clients at positions
    /// <paramref name="from"/> … <paramref name="to"/> (none when <paramref name="to"/> &lt; <paramref name="from"/>)
    /// replaced by <paramref name="x"/> and then <paramref name="y"/> (−1: none), without building the move's pieces:
    /// the same sums in the same integers, so the same value to the bit. What inter-route moves of one or two clients
    /// per route (<see cref="Operators.MoveOperator.QuickBound"/>) and the places of an insertion (<see cref="Insertion"/>)
    /// are turned down with.</summary>
    public double BoundReplaced(SearchRoute r, int from, int to, int x = -1, int y = -1)
    {
        ref readonly var t = ref data.Types[r.Type];
        var timed = t.UnitDurationCost != 0;
        var service = data.Service;
        long distance = r.CumDist[from - 1], time = timed ? r.CumTime[from - 1] : 0;
        var clients = from - 1;
        var last = r.At(from - 1);
        if (x >= 0)
        {
            distance += data.Distance(last, x);
            if (timed) time += data.Duration(last, x) + service[x];
            clients++;
            last = x;
        }
        if (y >= 0)
        {
            distance += data.Distance(last, y);
            if (timed) time += data.Duration(last, y) + service[y];
            clients++;
            last = y;
        }
        return BoundToEnd(t, timed, distance, time, clients, last, r, to + 1);
    }

    /// <summary><see cref="LowerBound"/> of positions 0 … <paramref name="i"/> of <paramref name="head"/> followed by
    /// positions <paramref name="from"/> … of <paramref name="tail"/> (2-opt*), as <see cref="BoundReplaced"/> does;
    /// NaN when the two routes end at different depots (then only the pieces say what the route is).</summary>
    public double BoundTails(SearchRoute head, int i, SearchRoute tail, int from)
    {
        ref readonly var t = ref data.Types[head.Type];
        if (data.Types[tail.Type].EndDepot != t.EndDepot) return double.NaN;
        var timed = t.UnitDurationCost != 0;
        return BoundToEnd(t, timed, head.CumDist[i], timed ? head.CumTime[i] : 0, i, head.At(i), tail, from);
    }

    /// <summary>The bound of a route begun with the given sums, continued by positions <paramref name="from"/> … of
    /// <paramref name="r"/> (which ends at the same depot) and its end depot.</summary>
    private double BoundToEnd(in SearchData.TypeData t, bool timed, long distance, long time, int clients, int last, SearchRoute r, int from)
    {
        if (from <= r.Count)
        {
            var head = r.At(from);
            distance += data.Distance(last, head) + (r.CumDist[r.Count + 1] - r.CumDist[from]);
            if (timed) time += data.Duration(last, head) + data.Service[head] + (r.CumTime[r.Count + 1] - r.CumTime[from]);
            return Priced(t, distance, time);
        }
        if (clients == 0) return 0;
        distance += data.Distance(last, t.EndDepot);
        if (timed) time += data.Duration(last, t.EndDepot);
        return Priced(t, distance, time);
    }

    /// <summary>What a vehicle of type <paramref name="t"/> costs for the distance and time given: the one formula of
    /// <see cref="LowerBound"/> and its shortcuts, so that they agree to the bit.</summary>
    private static double Priced(in SearchData.TypeData t, long distance, long time) =>
        t.FixedCost + (double)t.UnitDistanceCost * distance + (double)t.UnitDurationCost * time;

    /// <summary>Whether the route last priced by <see cref="Cost"/> has no more time warp and no more
    /// excess load than the given limits (those of the route it would replace).</summary>
    public bool LastWithin(int type, long timeWarpLimit, long excessLoadLimit, CostEvaluator costs) =>
        _segment.TimeWarp + Math.Max(0, _duration - data.Types[type].MaxDuration) <= timeWarpLimit
        && costs.ExcessLoad(type, _load) <= excessLoadLimit;

    /// <summary>With soft windows: the route's earliest schedule, resumed after the first piece
    /// when that is the unchanged beginning of a route of this type.</summary>
    private (long Duration, long Lateness) Schedule(int type, ReadOnlySpan<Piece> pieces)
    {
        ref readonly var t = ref data.Types[type];
        var state = ScheduleState.AtDepot(t);
        if (pieces[0] is { Kind: PieceKind.Prefix } first && first.Route!.Type == type)
        {
            state = first.Route.Schedule[first.To];
            pieces = pieces[1..];
        }
        foreach (var piece in pieces)
        {
            switch (piece.Kind)
            {
                case PieceKind.Visit: state = state.Then(data, piece.Location); break;
                case PieceKind.Prefix: for (var p = 1; p <= piece.To; p++) state = state.Then(data, piece.Route!.At(p)); break;
                case PieceKind.Suffix: for (var p = piece.From; p <= piece.Route!.Count; p++) state = state.Then(data, piece.Route.At(p)); break;
                case PieceKind.Range: for (var p = piece.From; p <= piece.To; p++) state = state.Then(data, piece.Route!.At(p)); break;
                case PieceKind.Reversed: for (var p = piece.To; p >= piece.From; p--) state = state.Then(data, piece.Route!.At(p)); break;
            }
        }
        return state.Finish(data, t);
    }

    /// <summary>Builds the segment, distance and load of the route the pieces make.</summary>
    private void Accumulate(int type, ReadOnlySpan<Piece> pieces)
    {
        ref readonly var t = ref data.Types[type];
        _clients = 0;
        _distance = 0;
        Array.Clear(_load);
        var dims = data.Dims;

        var first = pieces[0];
        if (first.Kind == PieceKind.Prefix && first.Route!.Type == type)
        {
            var r = first.Route;
            _segment = r.Fwd[first.To];
            _distance = r.CumDist[first.To];
            for (var k = 0; k < dims; k++) _load[k] = r.CumLoad[first.To * dims + k];
            _clients = first.To;
            _last = r.At(first.To);
            pieces = pieces[1..];
        }
        else
        {
            _segment = t.StartSegment;
            _last = t.StartDepot;
        }

        foreach (var piece in pieces)
        {
            switch (piece.Kind)
            {
                case PieceKind.Visit:
                    AppendVisit(piece.Location);
                    break;
                case PieceKind.Range:
                    if (piece.From <= piece.To) AppendRange(piece.Route!, piece.From, piece.To);
                    break;
                case PieceKind.Reversed:
                    for (var p = piece.To; p >= piece.From; p--) AppendVisit(piece.Route!.At(p));
                    break;
                case PieceKind.Prefix:
                    for (var p = 1; p <= piece.To; p++) AppendVisit(piece.Route!.At(p));
                    break;
                case PieceKind.Suffix:
                    var r = piece.Route!;
                    if (r.Type == type || SameEnd(r.Type, type))
                    {
                        // O(1): the cached suffix already ends at this route's depot with its window.
                        if (piece.From > r.Count) { AppendEnd(t); return; }
                        var from = piece.From;
                        var head = r.At(from);
                        _distance += data.Distance(_last, head) + (r.Distance - r.CumDist[from]);
                        _segment = Segment.Merge(_segment, r.Bwd[from], data.Duration(_last, head));
                        for (var k = 0; k < dims; k++) _load[k] += r.Load[k] - r.CumLoad[(from - 1) * dims + k];
                        _clients += r.Count - from + 1;
                        return;
                    }
                    if (piece.From <= r.Count) AppendRange(r, piece.From, r.Count);
                    AppendEnd(t);
                    return;
            }
        }
        AppendEnd(t);
    }

    private bool SameEnd(int a, int b)
    {
        var x = data.Types[a].EndSegment;
        var y = data.Types[b].EndSegment;
        return x.First == y.First && x.Earliest == y.Earliest && x.Latest == y.Latest;
    }

    private void AppendVisit(int location)
    {
        _distance += data.Distance(_last, location);
        _segment = Segment.Merge(_segment, data.VisitSegment(location), data.Duration(_last, location));
        var dims = data.Dims;
        for (var k = 0; k < dims; k++) _load[k] += data.Demand[location * dims + k];
        _clients++;
        _last = location;
    }

    /// <summary>Clients at positions <paramref name="from"/> … <paramref name="to"/> of a route, in O(1).</summary>
    private void AppendRange(SearchRoute r, int from, int to)
    {
        var head = r.At(from);
        _distance += data.Distance(_last, head) + (r.CumDist[to] - r.CumDist[from]);
        _segment = Segment.Merge(_segment, r.Between(from, to), data.Duration(_last, head));
        var dims = data.Dims;
        for (var k = 0; k < dims; k++) _load[k] += r.CumLoad[to * dims + k] - r.CumLoad[(from - 1) * dims + k];
        _clients += to - from + 1;
        _last = r.At(to);
    }

    private void AppendEnd(in SearchData.TypeData t)
    {
        _distance += data.Distance(_last, t.EndDepot);
        _segment = Segment.Merge(_segment, t.EndSegment, data.Duration(_last, t.EndDepot));
    }


    /// <summary>Writes the clients that <paramref name="pieces"/> make, in order, into the builder's
    /// buffer from <paramref name="offset"/>; returns how many. Routes are only read, so every route
    /// of a move is materialised before any of them is changed.</summary>
    public int Materialise(ReadOnlySpan<Piece> pieces, int offset)
    {
        var n = offset;
        foreach (var piece in pieces)
        {
            switch (piece.Kind)
            {
                case PieceKind.Visit:
                    Put(ref n, piece.Location);
                    break;
                case PieceKind.Prefix:
                    for (var p = 1; p <= piece.To; p++) Put(ref n, piece.Route!.At(p));
                    break;
                case PieceKind.Suffix:
                    for (var p = piece.From; p <= piece.Route!.Count; p++) Put(ref n, piece.Route.At(p));
                    break;
                case PieceKind.Range:
                    for (var p = piece.From; p <= piece.To; p++) Put(ref n, piece.Route!.At(p));
                    break;
                case PieceKind.Reversed:
                    for (var p = piece.To; p >= piece.From; p--) Put(ref n, piece.Route!.At(p));
                    break;
            }
        }
        return n - offset;
    }

    public ReadOnlySpan<int> Buffer(int offset, int length) => _buffer.AsSpan(offset, length);

    private void Put(ref int n, int location)
    {
        if (n == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
        _buffer[n++] = location;
    }
}
