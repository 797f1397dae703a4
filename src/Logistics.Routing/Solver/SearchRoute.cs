namespace Logistics.Routing.Solver;

/// <summary>One vehicle's route during the search, with prefix and suffix data cached so that a
/// move's effect is evaluated in O(1) for most operators. Positions: 0 is the start depot,
/// 1 … Count the clients, Count + 1 the end depot.</summary>
internal sealed class SearchRoute
{
    private readonly SearchData _data;
    private int[] _nodes;

    public SearchRoute(SearchData data, int index, int type)
    {
        _data = data;
        Index = index;
        Type = type;
        (_startDepot, _endDepot) = (data.Types[type].StartDepot, data.Types[type].EndDepot);
        _nodes = new int[8];
        Load = new long[data.Dims];
        Fwd = new Segment[10];
        Bwd = new Segment[10];
        CumDist = new long[10];
        CumTime = new long[10];
        CumLoad = new long[10 * data.Dims];
        Update();
    }

    public int Index { get; }
    public int Type { get; }
    public int Count { get; private set; }
    public bool IsEmpty => Count == 0;

    /// <summary>Segment of positions 0 … p, and of p … Count + 1.</summary>
    public Segment[] Fwd { get; private set; }
    public Segment[] Bwd { get; private set; }

    /// <summary>Segment of the clients at positions i … j (1 ≤ i ≤ j ≤ Count), so that a move that
    /// keeps a run of a route is priced in O(1) whatever its length.</summary>
    public Segment Between(int from, int to) => _between[(from - 1) * Count + (to - 1)];

    private Segment[] _between = new Segment[16];

    /// <summary>Distance from the start depot to position p; load delivered at positions 1 … p.</summary>
    public long[] CumDist { get; private set; }

    /// <summary>Travel and service time from the start depot up to and including position p, without
    /// waiting: a lower bound on any duration, for <see cref="RouteBuilder.LowerBound"/>.</summary>
    public long[] CumTime { get; private set; }
    public long[] CumLoad { get; private set; }

    /// <summary>With soft windows, the earliest schedule up to each position p (service start, the
    /// time it is left, lateness cost and waiting so far, the tightest departure-delay bound), so
    /// that a move keeping a route's beginning re-times only the rest; and for the whole route the
    /// duration under <see cref="Model.DepartureRule"/> and the lateness cost.</summary>
    public ScheduleState[] Schedule { get; private set; } = [];
    public long ScheduleDuration { get; private set; }
    public long LatenessCost { get; private set; }

    public long Distance { get; private set; }
    public long[] Load { get; }

    /// <summary>Penalised cost at the last <see cref="Update"/> or <see cref="Reprice"/>.</summary>
    public double Cost { get; private set; }

    /// <summary>Value of the search's move counter when this route last changed.</summary>
    public long LastModified { get; set; }

    public ReadOnlySpan<int> Clients => _nodes.AsSpan(0, Count);

    public int At(int position) =>
        position == 0 ? _startDepot
        : position == Count + 1 ? _endDepot
        : _nodes[position - 1];

    // The type's depots, read by every move evaluation (At).
    private readonly int _startDepot;
    private readonly int _endDepot;

    public void SetClients(ReadOnlySpan<int> clients)
    {
        if (_nodes.Length < clients.Length) _nodes = new int[Math.Max(clients.Length, _nodes.Length * 2)];
        clients.CopyTo(_nodes);
        Count = clients.Length;
    }

    public void Insert(int position, int location)
    {
        if (_nodes.Length == Count) Array.Resize(ref _nodes, _nodes.Length * 2);
        Array.Copy(_nodes, position - 1, _nodes, position, Count - (position - 1));
        _nodes[position - 1] = location;
        Count++;
    }

    public void RemoveAt(int position)
    {
        Array.Copy(_nodes, position, _nodes, position - 1, Count - position);
        Count--;
    }

    public void CopyFrom(SearchRoute other)
    {
        SetClients(other.Clients);
        LastModified = other.LastModified;
    }

    /// <summary>Recomputes the cached prefix and suffix data after the clients changed.</summary>
    public void Update()
    {
        var d = _data;
        var dims = d.Dims;
        var size = Count + 2;
        if (Fwd.Length < size)
        {
            var cap = Math.Max(size, Fwd.Length * 2);
            Fwd = new Segment[cap];
            Bwd = new Segment[cap];
            CumDist = new long[cap];
            CumTime = new long[cap];
            CumLoad = new long[cap * dims];
        }
        ref readonly var type = ref d.Types[Type];
        Fwd[0] = type.StartSegment;
        CumDist[0] = 0;
        CumTime[0] = 0;
        for (var k = 0; k < dims; k++) CumLoad[k] = 0;
        var previous = type.StartDepot;
        for (var p = 1; p <= Count + 1; p++)
        {
            var loc = p <= Count ? _nodes[p - 1] : type.EndDepot;
            var seg = p <= Count ? d.VisitSegment(loc) : type.EndSegment;
            Fwd[p] = Segment.Merge(Fwd[p - 1], seg, d.Duration(previous, loc));
            CumDist[p] = CumDist[p - 1] + d.Distance(previous, loc);
            CumTime[p] = CumTime[p - 1] + d.Duration(previous, loc) + d.Service[loc];
            for (var k = 0; k < dims; k++) CumLoad[p * dims + k] = CumLoad[(p - 1) * dims + k] + d.Demand[loc * dims + k];
            previous = loc;
        }
        Distance = CumDist[Count + 1];
        for (var k = 0; k < dims; k++) Load[k] = CumLoad[(Count + 1) * dims + k];

        if (_between.Length < Count * Count) _between = new Segment[Math.Max(Count * Count, _between.Length * 2)];
        for (var i = 1; i <= Count; i++)
        {
            var row = (i - 1) * Count;
            var seg = d.VisitSegment(_nodes[i - 1]);
            _between[row + i - 1] = seg;
            for (var j = i + 1; j <= Count; j++)
            {
                seg = Segment.Merge(seg, d.VisitSegment(_nodes[j - 1]), d.Duration(_nodes[j - 2], _nodes[j - 1]));
                _between[row + j - 1] = seg;
            }
        }

        if (d.HasSoftWindows) TimeStops(type);

        Bwd[Count + 1] = type.EndSegment;
        var next = type.EndDepot;
        for (var p = Count; p >= 0; p--)
        {
            var loc = p >= 1 ? _nodes[p - 1] : type.StartDepot;
            var seg = p >= 1 ? d.VisitSegment(loc) : type.StartSegment;
            Bwd[p] = Segment.Merge(seg, Bwd[p + 1], d.Duration(loc, next));
            next = loc;
        }
    }

    private void TimeStops(in SearchData.TypeData type)
    {
        if (Schedule.Length < Count + 1) Schedule = new ScheduleState[Math.Max(Count + 1, Schedule.Length * 2)];
        var state = ScheduleState.AtDepot(type);
        Schedule[0] = state;
        for (var p = 1; p <= Count; p++)
            Schedule[p] = state = state.Then(_data, _nodes[p - 1]);
        (ScheduleDuration, LatenessCost) = state.Finish(_data, type);
    }

    public void Reprice(CostEvaluator costs) => Cost = costs.RouteCost(this);

    /// <summary>Departure window, duration, time warp and load of the whole route.</summary>
    public Segment Total => Fwd[Count + 1];
}
