namespace Logistics.Routing.Solver.Operators;

/// <summary>SWAP* (Vidal 2022, "Hybrid genetic search for the CVRP: open-source implementation and
/// SWAP* neighborhood", section 4): exchanges a client U of route A with a client V of route B,
/// each going to its best place in the other route rather than necessarily into the other's place.
/// A route-pair operator, not a <see cref="MoveOperator"/>: its moves are found by pricing every
/// (U, V) of two routes together from per-route preprocessing, which a client-pair rule cannot do.
///
/// <see cref="Prepare"/> keeps, for each client, the three cheapest places in the other route by
/// arc cost (distance and travel time at the route type's prices), so that the best place with V
/// taken out is one of those three not next to V, or V's own place; it then estimates every
/// exchange with the load penalties exact. Time windows and soft windows are not in the estimate:
/// the caller prices the few best estimates exactly (<see cref="Build"/> and <see cref="RouteBuilder"/>),
/// so a move is only ever accepted on its exact delta. Not thread-safe: one per search.</summary>
internal sealed class SwapStar
{
    /// <summary>Best estimates kept per route pair for exact pricing: with time windows the best
    /// estimate is often infeasible while a close runner-up is not.</summary>
    public const int Candidates = 4;

    private const int Top = 3;
    private readonly SearchData _data;
    private readonly CostEvaluator _costs;

    // Per client location: the three cheapest insertions into the other route (cost, position
    // after which), best first; and the arc cost saved by removing it from its own route.
    private readonly double[] _insertCost;
    private readonly int[] _insertAfter;
    private readonly double[] _removal;

    private readonly long[] _loadA;
    private readonly long[] _loadB;
    private readonly Candidate[] _best = new Candidate[Candidates];
    private readonly Piece[] _piecesA = new Piece[4];
    private readonly Piece[] _piecesB = new Piece[4];
    private int _count;
    private SearchRoute? _a;
    private SearchRoute? _b;

    private readonly record struct Candidate(int I, int J, int AfterInA, int AfterInB, double Estimate);

    public SwapStar(SearchData data, CostEvaluator costs)
    {
        _data = data;
        _costs = costs;
        _insertCost = new double[data.N * Top];
        _insertAfter = new int[data.N * Top];
        _removal = new double[data.N];
        _loadA = new long[data.Dims];
        _loadB = new long[data.Dims];
    }

    /// <summary>Estimates every exchange between <paramref name="a"/> and <paramref name="b"/> and
    /// keeps the most promising ones that the estimate calls improving; returns how many (at most
    /// <see cref="Candidates"/>), best estimate first.</summary>
    public int Prepare(SearchRoute a, SearchRoute b)
    {
        (_a, _b, _count) = (a, b, 0);
        Preprocess(a, b);
        Preprocess(b, a);
        var d = _data;
        var dims = d.Dims;
        var ta = d.Types[a.Type];
        var tb = d.Types[b.Type];
        var penaltyNow = LoadPenalty(a.Type, a.Load) + LoadPenalty(b.Type, b.Load);
        for (var i = 1; i <= a.Count; i++)
        {
            var u = a.At(i);
            for (var j = 1; j <= b.Count; j++)
            {
                var v = b.At(j);
                for (var k = 0; k < dims; k++)
                {
                    var diff = d.Demand[v * dims + k] - d.Demand[u * dims + k];
                    _loadA[k] = a.Load[k] + diff;
                    _loadB[k] = b.Load[k] - diff;
                }
                var (costU, afterU) = BestInsertion(u, b, j);
                var (costV, afterV) = BestInsertion(v, a, i);
                var serviceChange = d.Service[v] - d.Service[u];
                var estimate = _removal[u] + _removal[v] + costU + costV
                               + (ta.UnitDurationCost - tb.UnitDurationCost) * (double)serviceChange
                               + LoadPenalty(a.Type, _loadA) + LoadPenalty(b.Type, _loadB) - penaltyNow;
                if (estimate < -1e-6) Keep(new Candidate(i, j, afterV, afterU, estimate));
            }
        }
        return _count;
    }

    /// <summary>The estimated delta of candidate <paramref name="k"/> of the last <see cref="Prepare"/>.</summary>
    public double Estimate(int k) => _best[k].Estimate;

    /// <summary>Describes candidate <paramref name="k"/> of the last <see cref="Prepare"/> as a move
    /// on the two routes as they were then.</summary>
    public void Build(int k, Move move)
    {
        var c = _best[k];
        var a = _a!;
        var b = _b!;
        var na = Side(a, c.I, b.At(c.J), c.AfterInA, _piecesA);
        var nb = Side(b, c.J, a.At(c.I), c.AfterInB, _piecesB);
        if (na == 3) move.Rebuild(a, _piecesA[0], _piecesA[1], _piecesA[2]);
        else move.Rebuild(a, _piecesA[0], _piecesA[1], _piecesA[2], _piecesA[3]);
        if (nb == 3) move.And(b, _piecesB[0], _piecesB[1], _piecesB[2]);
        else move.And(b, _piecesB[0], _piecesB[1], _piecesB[2], _piecesB[3]);
    }

    /// <summary>Pieces of <paramref name="route"/> without its client at <paramref name="removed"/> and
    /// with <paramref name="w"/> after position <paramref name="after"/> (−1: in the removed one's place).</summary>
    private static int Side(SearchRoute route, int removed, int w, int after, Piece[] pieces)
    {
        var visit = Piece.Visit(w);
        if (after < 0 || after == removed - 1 || after == removed)
        {
            (pieces[0], pieces[1], pieces[2]) = (Piece.Prefix(route, removed - 1), visit, Piece.Suffix(route, removed + 1));
            return 3;
        }
        if (after < removed)
            (pieces[0], pieces[1], pieces[2], pieces[3]) =
                (Piece.Prefix(route, after), visit, Piece.Range(route, after + 1, removed - 1), Piece.Suffix(route, removed + 1));
        else
            (pieces[0], pieces[1], pieces[2], pieces[3]) =
                (Piece.Prefix(route, removed - 1), Piece.Range(route, removed + 1, after), visit, Piece.Suffix(route, after + 1));
        return 4;
    }

    /// <summary>For each client of <paramref name="from"/>: what removing it saves, and its three
    /// cheapest insertions into <paramref name="into"/>.</summary>
    private void Preprocess(SearchRoute from, SearchRoute into)
    {
        var ownType = from.Type;
        var type = into.Type;
        for (var i = 1; i <= from.Count; i++)
        {
            var u = from.At(i);
            var prev = from.At(i - 1);
            var next = from.At(i + 1);
            _removal[u] = Arc(ownType, prev, next) - Arc(ownType, prev, u) - Arc(ownType, u, next);
            var slot = u * Top;
            for (var t = 0; t < Top; t++) (_insertCost[slot + t], _insertAfter[slot + t]) = (double.MaxValue, -1);
            for (var p = 0; p <= into.Count; p++)
            {
                var x = into.At(p);
                var y = into.At(p + 1);
                var cost = Arc(type, x, u) + Arc(type, u, y) - Arc(type, x, y);
                // Strictly cheaper only: among equal costs the earlier place stays, for determinism.
                if (cost >= _insertCost[slot + Top - 1]) continue;
                var t = Top - 1;
                for (; t > 0 && cost < _insertCost[slot + t - 1]; t--)
                    (_insertCost[slot + t], _insertAfter[slot + t]) = (_insertCost[slot + t - 1], _insertAfter[slot + t - 1]);
                (_insertCost[slot + t], _insertAfter[slot + t]) = (cost, p);
            }
        }
    }

    /// <summary>Cheapest insertion of <paramref name="u"/> into <paramref name="route"/> once its client
    /// at <paramref name="removed"/> is taken out: a preprocessed place not next to it, or its place.</summary>
    private (double Cost, int After) BestInsertion(int u, SearchRoute route, int removed)
    {
        var type = route.Type;
        var prev = route.At(removed - 1);
        var next = route.At(removed + 1);
        var best = Arc(type, prev, u) + Arc(type, u, next) - Arc(type, prev, next);
        var after = -1;
        var slot = u * Top;
        for (var t = 0; t < Top; t++)
        {
            var p = _insertAfter[slot + t];
            if (p < 0) break;
            if (p == removed - 1 || p == removed) continue;
            if (_insertCost[slot + t] < best) (best, after) = (_insertCost[slot + t], p);
            break;
        }
        return (best, after);
    }

    private void Keep(Candidate c)
    {
        if (_count == Candidates && c.Estimate >= _best[Candidates - 1].Estimate) return;
        var k = _count < Candidates ? _count++ : Candidates - 1;
        for (; k > 0 && c.Estimate < _best[k - 1].Estimate; k--) _best[k] = _best[k - 1];
        _best[k] = c;
    }

    private double Arc(int type, int from, int to)
    {
        var t = _data.Types[type];
        return t.UnitDistanceCost * _data.Distance(from, to) + t.UnitDurationCost * _data.Duration(from, to);
    }

    private double LoadPenalty(int type, ReadOnlySpan<long> load)
    {
        var capacity = _data.Types[type].Capacity;
        double penalty = 0;
        for (var k = 0; k < load.Length; k++)
            if (load[k] > capacity[k]) penalty += _costs.LoadPenalty * (load[k] - capacity[k]) / _data.MaxDemand[k];
        return penalty;
    }
}
