using System.Runtime.CompilerServices;
using Logistics.Routing.Model;

namespace Logistics.Routing.Solver;

/// <summary>The problem in flat arrays indexed by location, plus the neighbour lists the search
/// uses; built once per solve and shared read-only by every search thread.</summary>
internal sealed class SearchData
{
    public SearchData(ProblemData data, SearchParameters parameters)
    {
        Problem = data;
        NumDepots = data.NumDepots;
        NumClients = data.NumClients;
        N = data.NumLocations;
        Dims = data.Dimensions;
        (_slot, _row) = NearbyOrder(data.Distance, N);
        var dist = new long[N * N];
        var dur = new long[N * N];
        for (var i = 0; i < N; i++)
            for (var j = 0; j < N; j++)
            {
                dist[_row[i] + _slot[j]] = data.Distance[i, j];
                dur[_row[i] + _slot[j]] = data.Duration[i, j];
            }
        (_dist, _dist32) = Narrow(dist);
        (_dur, _dur32) = Narrow(dur);
        MaxDistance = dist.Length == 0 ? 1 : Math.Max(1, dist.Max());
        MaxDuration = dur.Length == 0 ? 1 : Math.Max(1, dur.Max());

        Demand = new long[N * Dims];
        Service = new long[N];
        Early = new long[N];
        Late = new long[N];
        Prize = new Int128[N];
        ArrivalWeight = new long[N];
        SoftEnd = new long[N];
        LatenessWeight = new long[N];
        Required = new bool[N];
        X = new double[N];
        Y = new double[N];
        for (var d = 0; d < NumDepots; d++)
        {
            var depot = data.Depots[d];
            (X[d], Y[d], Early[d], Late[d], Required[d]) = (depot.X, depot.Y, depot.OpenTime, depot.CloseTime, true);
        }
        for (var c = 0; c < NumClients; c++)
        {
            var client = data.Clients[c];
            var loc = NumDepots + c;
            (X[loc], Y[loc]) = (client.X, client.Y);
            for (var k = 0; k < Dims; k++) Demand[loc * Dims + k] = client.Demand[k];
            (Service[loc], Early[loc], Late[loc]) = (client.ServiceDuration, client.WindowStart, client.WindowEnd);
            (Prize[loc], Required[loc], ArrivalWeight[loc]) = (client.Prize, client.Required, client.ArrivalWeight);
            (SoftEnd[loc], LatenessWeight[loc]) = (client.SoftWindowEnd, client.LatenessWeight);
        }

        GroupOf = new int[N];
        Array.Fill(GroupOf, -1);
        GroupMembers = new int[data.Groups.Count][];
        GroupRequired = new bool[data.Groups.Count];
        for (var g = 0; g < data.Groups.Count; g++)
        {
            GroupMembers[g] = data.Groups[g].Clients.Select(c => NumDepots + c).ToArray();
            GroupRequired[g] = data.Groups[g].Required;
            foreach (var loc in GroupMembers[g]) GroupOf[loc] = g;
        }

        Types = new TypeData[data.VehicleTypes.Count];
        for (var t = 0; t < Types.Length; t++)
        {
            var v = data.VehicleTypes[t];
            var start = data.Depots[v.StartDepot];
            var end = data.Depots[v.EndDepot];
            var departFrom = Math.Max(v.ShiftStart, start.OpenTime);
            var returnBy = Math.Min(v.ShiftEnd, end.CloseTime);
            Types[t] = new TypeData(v.Count, v.Capacity, v.StartDepot, v.EndDepot,
                new Segment(0, 0, departFrom, Math.Min(v.ShiftEnd, start.CloseTime), v.StartDepot, v.StartDepot),
                new Segment(0, 0, departFrom, returnBy, v.EndDepot, v.EndDepot),
                v.MaxDuration, v.FixedCost, v.UnitDistanceCost, v.UnitDurationCost);
        }

        Int128 prizes = 0;
        foreach (var prize in Prize) prizes += prize;
        RequiredMissedCost = prizes + (1L << 62);
        HasPriorityLevels = Enumerable.Range(NumDepots, NumClients).Where(IsOptional).Select(c => Prize[c]).Distinct().Skip(1).Any();
        HasSoftWindows = LatenessWeight.Any(w => w != 0);
        HasBindingTimes = BindingTimes() || HasSoftWindows;
        TypicalRouteStepCost = Types.Max(t => (double)t.UnitDistanceCost * MaxDistance + (double)t.UnitDurationCost * MaxDuration + t.FixedCost);
        MaxDemand = new double[Dims];
        for (var k = 0; k < Dims; k++)
        {
            long max = 1;
            for (var loc = NumDepots; loc < N; loc++) max = Math.Max(max, Demand[loc * Dims + k]);
            MaxDemand[k] = max;
        }
        _visitSegments = new Segment[N];
        for (var loc = 0; loc < N; loc++) _visitSegments[loc] = Segment.Visit(loc, Service[loc], Early[loc], Late[loc]);
        Neighbours = BuildNeighbours(parameters);
        FocusedSearch = NumClients >= parameters.FocusedLocalSearchMinClients;
        // Only a focused local search reads what the reverse lists flag; without one they stay empty.
        NearOf = FocusedSearch ? BuildNearOf() : Enumerable.Repeat(Array.Empty<int>(), N).ToArray();
        Adjacent = BuildAdjacency(parameters.RuinAdjacency);
    }

    public readonly record struct TypeData(int Count, long[] Capacity, int StartDepot, int EndDepot, Segment StartSegment,
        Segment EndSegment, long MaxDuration, long FixedCost, long UnitDistanceCost, long UnitDurationCost);

    public ProblemData Problem { get; }
    public int N { get; }
    public int NumDepots { get; }
    public int NumClients { get; }
    public int Dims { get; }
    /// <summary>Travel distance from one location to another.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Distance(int from, int to) => _dist32 is { } narrow ? narrow[_row[from] + _slot[to]] : _dist![_row[from] + _slot[to]];

    /// <summary>Travel time from one location to another.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Duration(int from, int to) => _dur32 is { } narrow ? narrow[_row[from] + _slot[to]] : _dur![_row[from] + _slot[to]];

    // The matrices, row-major, with locations renumbered so that nearby ones have nearby numbers
    // (_slot; _row = _slot · N): the search reads arcs between nearby locations almost only, and at
    // 1,000 clients those reads, scattered over 8 MB per matrix, were most of its time (cache misses).
    // Each matrix is kept in 32 bits when all its values fit (half the memory to read), else in 64.
    private readonly long[]? _dist;
    private readonly long[]? _dur;
    private readonly int[]? _dist32;
    private readonly int[]? _dur32;
    private readonly int[] _slot;
    private readonly int[] _row;

    private static (long[]? Wide, int[]? Narrow) Narrow(long[] values) =>
        values.All(v => v is >= int.MinValue and <= int.MaxValue) ? (null, Array.ConvertAll(values, v => (int)v)) : (values, null);

    /// <summary>A numbering of the locations in which nearby ones are close: the order of a greedy
    /// nearest-neighbour chain from location 0 (O(N²), like filling the matrices).</summary>
    private static (int[] Slot, int[] Row) NearbyOrder(Matrix distance, int n)
    {
        var slot = new int[n];
        var row = new int[n];
        if (n == 0) return (slot, row);
        var placed = new bool[n];
        var current = 0;
        for (var k = 0; k < n; k++)
        {
            (slot[current], row[current], placed[current]) = (k, k * n, true);
            var (next, nearest) = (-1, long.MaxValue);
            for (var j = 0; j < n; j++)
                if (!placed[j] && distance[current, j] < nearest) (next, nearest) = (j, distance[current, j]);
            current = next;
        }
        return (slot, row);
    }
    public long[] Demand { get; }
    public long[] Service { get; }
    public long[] Early { get; }
    public long[] Late { get; }
    public Int128[] Prize { get; }

    /// <summary>What a required client (or group) left out costs: more than every prize together
    /// and any route cost, so that the search always puts it back, yet finite so that costs compare.</summary>
    public Int128 RequiredMissedCost { get; }

    /// <summary>Whether optional clients differ in prize (priority levels), which orders reinsertion.</summary>
    public bool HasPriorityLevels { get; }

    /// <summary>Cost per time unit of service starting after the window opens (0 for most).</summary>
    public long[] ArrivalWeight { get; }
    public bool HasArrivalWeights => ArrivalWeight.Any(w => w != 0);

    /// <summary>Soft windows: service should start by <see cref="SoftEnd"/>, each time unit later
    /// costs <see cref="LatenessWeight"/>; <see cref="Late"/> stays the hard limit. When any client
    /// has one, routes are also timed by a forward pass (<see cref="SearchRoute"/>, <see cref="RouteBuilder"/>).</summary>
    public long[] SoftEnd { get; }
    public long[] LatenessWeight { get; }
    public bool HasSoftWindows { get; }

    /// <summary>Whether time can constrain a route other than by the one shift every vehicle shares: a client's
    /// window (hard or soft) narrower than the vehicles' working time, vehicle types with different shifts, or a
    /// route duration limit shorter than a shift. False on capacity-only problems (CVRPLIB), and on a day without
    /// windows whose one shift is taken to be long enough for any route.</summary>
    public bool HasBindingTimes { get; }

    private bool BindingTimes()
    {
        // A type's working time is its end segment's: from its earliest departure to the latest return.
        if (Types.Length == 0) return false;
        var (departFrom, returnBy) = (Types.Min(t => t.EndSegment.Earliest), Types.Max(t => t.EndSegment.Latest));
        if (Types.Any(t => t.EndSegment.Earliest != departFrom || t.EndSegment.Latest != returnBy
                           || t.MaxDuration < returnBy - departFrom)) return true;
        for (var loc = NumDepots; loc < N; loc++)
            if (Early[loc] > departFrom || Late[loc] < returnBy) return true;
        return false;
    }

    /// <summary>The <see cref="Model.DepartureRule"/> bound of a stop, in the search's arrays.</summary>
    public long DelayBound(int location, long start, long waitSoFar) =>
        Model.DepartureRule.Bound(start, waitSoFar, Late[location], SoftEnd[location], LatenessWeight[location]);
    public bool[] Required { get; }

    /// <summary>Group of each location (−1: none), the member locations of each group, and whether
    /// a group must be served.</summary>
    public int[] GroupOf { get; }
    public int[][] GroupMembers { get; }
    public bool[] GroupRequired { get; }
    public double[] X { get; }
    public double[] Y { get; }
    public TypeData[] Types { get; }
    public long MaxDistance { get; }
    public long MaxDuration { get; }

    /// <summary>The most one more arc (and opening a vehicle for it) can cost: the scale of the
    /// initial penalties.</summary>
    public double TypicalRouteStepCost { get; }
    /// <summary>Largest client demand in each capacity dimension (at least 1).</summary>
    public double[] MaxDemand { get; }

    /// <summary>Per client location: the clients most worth trying next to it (granular neighbourhood).</summary>
    public int[][] Neighbours { get; }

    /// <summary>Whether the local search after each ruin and recreate is focused (<see cref="LocalSearch.Run"/>): from
    /// <see cref="SearchParameters.FocusedLocalSearchMinClients"/> clients on.</summary>
    public bool FocusedSearch { get; }

    /// <summary>Per client location: the clients whose granular neighbours (<see cref="Neighbours"/>) include it or
    /// another member of its group, whose pairs with it a focused local search examines when it changes place; empty
    /// lists without <see cref="FocusedSearch"/>.</summary>
    public int[][] NearOf { get; }

    /// <summary>Per client location: the nearest clients by distance, for string removal.</summary>
    public int[][] Adjacent { get; }

    public bool IsClient(int location) => location >= NumDepots;

    /// <summary>Whether a plan may leave this client out (paying its prize).</summary>
    public bool IsOptional(int location) => !Required[location] && (GroupOf[location] < 0 || !GroupRequired[GroupOf[location]]);

    public ref readonly Segment VisitSegment(int location) => ref _visitSegments[location];

    /// <summary>Each location's own segment, built once: move evaluation reads it for every visit it appends.</summary>
    private readonly Segment[] _visitSegments;

    private int[][] BuildNeighbours(SearchParameters p)
    {
        var result = new int[N][];
        var k = Math.Min(p.GranularSize, NumClients - 1);
        var proximity = new double[N];
        var order = new int[NumClients];
        for (var i = NumDepots; i < N; i++)
        {
            var count = 0;
            for (var j = NumDepots; j < N; j++)
            {
                // Alternatives of one group are never visited together: not neighbours.
                if (j == i || GroupOf[i] >= 0 && GroupOf[j] == GroupOf[i]) continue;
                // Cost of serving j right after i: distance, plus waiting and time warp that the
                // windows would force, each weighted (Vidal et al. 2013, section 4.2).
                var travel = Duration(i, j);
                var wait = Math.Max(Early[j] - travel - Service[i] - Late[i], 0);
                var warp = Math.Max(Early[i] + Service[i] + travel - Late[j], 0);
                proximity[j] = Distance(i, j) + p.ProximityWaitWeight * wait + p.ProximityTimeWarpWeight * warp;
                order[count++] = j;
            }
            result[i] = Nearest(order.AsSpan(0, count), proximity, k);
        }
        for (var d = 0; d < NumDepots; d++) result[d] = [];
        return result;
    }

    private int[][] BuildNearOf()
    {
        var lists = new List<int>[N];
        for (var loc = 0; loc < N; loc++) lists[loc] = [];
        for (var u = NumDepots; u < N; u++)
            foreach (var n in Neighbours[u])
            {
                // The local search pairs U with the visited member of N's group: any member's change counts.
                if (GroupOf[n] < 0) lists[n].Add(u);
                else
                    foreach (var m in GroupMembers[GroupOf[n]])
                        if (!lists[m].Contains(u)) lists[m].Add(u);
            }
        return lists.Select(l => l.ToArray()).ToArray();
    }

    private int[][] BuildAdjacency(int size)
    {
        var result = new int[N][];
        var k = Math.Min(size, NumClients - 1);
        var order = new int[NumClients];
        var distance = new double[N];
        for (var i = NumDepots; i < N; i++)
        {
            var count = 0;
            for (var j = NumDepots; j < N; j++)
                if (j != i)
                {
                    order[count++] = j;
                    distance[j] = Distance(i, j);
                }
            result[i] = Nearest(order.AsSpan(0, count), distance, k);
        }
        for (var d = 0; d < NumDepots; d++) result[d] = [];
        return result;
    }

    /// <summary>The <paramref name="k"/> candidates of least key, ties to the lower index, in that order: exactly the
    /// first k of a full sort, found with a bounded max-heap (O(n log k), not O(n log n) per location: the full sorts
    /// took most of a 3,000-store day's first second).</summary>
    internal static int[] Nearest(ReadOnlySpan<int> candidates, double[] key, int k)
    {
        k = Math.Min(k, candidates.Length);
        if (k <= 0) return [];
        var heap = new int[k];
        var size = 0;
        foreach (var c in candidates)
        {
            if (size < k)
            {
                // Sift up: the heap's root is the greatest of the k kept.
                var i = size++;
                while (i > 0 && Before(heap[(i - 1) / 2], c, key))
                {
                    heap[i] = heap[(i - 1) / 2];
                    i = (i - 1) / 2;
                }
                heap[i] = c;
            }
            else if (Before(c, heap[0], key))
            {
                var i = 0;
                while (true)
                {
                    var child = 2 * i + 1;
                    if (child >= k) break;
                    if (child + 1 < k && Before(heap[child], heap[child + 1], key)) child++;
                    if (!Before(c, heap[child], key)) break;
                    heap[i] = heap[child];
                    i = child;
                }
                heap[i] = c;
            }
        }
        Array.Sort(heap, (a, b) => Before(a, b, key) ? -1 : Before(b, a, key) ? 1 : 0);
        return heap;

        static bool Before(int a, int b, double[] key) => key[a] < key[b] || key[a] == key[b] && a < b;
    }
}
