using Google.OrTools.ConstraintSolver;
using Logistics.Routing.Model;

namespace Logistics.Routing.Engines.OrTools;

/// <summary>Our <see cref="ProblemData"/> as an OR-Tools routing model, everything a plan honours:
/// one OR-Tools vehicle per vehicle of each type (capacity per load dimension, fixed cost, cost per
/// distance unit on the arcs, cost per time unit on the route's span, shift start/end and maximum
/// duration), the time dimension's cumul at a visit being its service start (hard window; a soft window
/// priced above its soft end by <see cref="SetCumulVarSoftUpperBound"/>; an arrival weight priced above
/// the window's start), optional visits as disjunctions with their penalty, a store's windows as one
/// disjunction of alternatives. OR-Tools node k is our location <see cref="LocationOfNode"/>[k]: the depots
/// vehicles use, then every client; a depot no vehicle uses would otherwise be a visit.</summary>
internal sealed class OrToolsModel
{
    public const string TimeDimension = "time";

    /// <summary>Limits at or above this are "none" (our models use long.MaxValue / 4 for no limit).</summary>
    private const long Unbounded = long.MaxValue / 8;

    private readonly ProblemData _data;
    private readonly int[] _locationOfNode;
    private readonly int _firstClientNode;
    // The delegates must live as long as the model: OR-Tools keeps only a native pointer to them.
    private readonly List<Delegate> _callbacks = [];

    public OrToolsModel(ProblemData data, OrToolsPenalties penalties)
    {
        _data = data;
        VehicleTypeOf = data.VehicleTypes.SelectMany((t, i) => Enumerable.Repeat(i, t.Count)).ToArray();
        var depots = data.VehicleTypes.Where(t => t.Count > 0).SelectMany(t => new[] { t.StartDepot, t.EndDepot }).Distinct().Order().ToArray();
        _firstClientNode = depots.Length;
        _locationOfNode = depots.Concat(Enumerable.Range(0, data.NumClients).Select(data.LocationOf)).ToArray();
        var nodeOfDepot = depots.Select((d, k) => (d, k)).ToDictionary(p => p.d, p => p.k);
        var vehicles = VehicleTypeOf.Length;
        Manager = new RoutingIndexManager(_locationOfNode.Length, vehicles,
            VehicleTypeOf.Select(t => nodeOfDepot[data.VehicleTypes[t].StartDepot]).ToArray(),
            VehicleTypeOf.Select(t => nodeOfDepot[data.VehicleTypes[t].EndDepot]).ToArray());
        Routing = new RoutingModel(Manager);
        Horizon = ComputeHorizon(data);

        AddArcCosts();
        AddTime();
        AddCapacities();
        for (var v = 0; v < vehicles; v++) Routing.SetFixedCostOfVehicle(data.VehicleTypes[VehicleTypeOf[v]].FixedCost, v);
        AddVisits(penalties);
    }

    public RoutingIndexManager Manager { get; }
    public RoutingModel Routing { get; }

    /// <summary>Our vehicle type of each OR-Tools vehicle.</summary>
    public int[] VehicleTypeOf { get; }

    /// <summary>The latest time anything can happen; limits we leave open are this.</summary>
    public long Horizon { get; }

    public IReadOnlyList<int> LocationOfNode => _locationOfNode;

    /// <summary>The client at an OR-Tools index, or −1 for a depot.</summary>
    public int ClientAt(long index)
    {
        var node = Manager.IndexToNode(index);
        return node < _firstClientNode ? -1 : node - _firstClientNode;
    }

    public long IndexOfClient(int client) => Manager.NodeToIndex(_firstClientNode + client);

    private int Location(long index) => _locationOfNode[Manager.IndexToNode(index)];

    private long Clip(long value) => value >= Unbounded ? Horizon : Math.Min(value, Horizon);

    /// <summary>Past every finite limit by more than any route can take: every arc's longest travel and every service once.</summary>
    private static long ComputeHorizon(ProblemData data)
    {
        var finite = data.Depots.SelectMany(d => new[] { d.OpenTime, d.CloseTime })
            .Concat(data.VehicleTypes.SelectMany(t => new[] { t.ShiftStart, t.ShiftEnd }))
            .Concat(data.Clients.SelectMany(c => new[] { c.WindowStart, c.WindowEnd }))
            .Where(v => v < Unbounded).DefaultIfEmpty(0).Max();
        long travel = 0;
        for (var i = 0; i < data.NumLocations; i++)
        {
            long longest = 0;
            foreach (var d in data.Duration.Row(i)) longest = Math.Max(longest, d);
            travel += longest + (i >= data.NumDepots ? data.Clients[i - data.NumDepots].ServiceDuration : 0);
        }
        return finite + travel;
    }

    private int Register(LongLongToLong callback)
    {
        _callbacks.Add(callback);
        return Routing.RegisterTransitCallback(callback);
    }

    private int Register(LongToLong callback)
    {
        _callbacks.Add(callback);
        return Routing.RegisterUnaryTransitCallback(callback);
    }

    /// <summary>Distance cost on the arcs, one evaluator per distinct cost per distance unit.</summary>
    private void AddArcCosts()
    {
        var evaluators = new Dictionary<long, int>();
        for (var v = 0; v < VehicleTypeOf.Length; v++)
        {
            var perUnit = _data.VehicleTypes[VehicleTypeOf[v]].UnitDistanceCost;
            if (!evaluators.TryGetValue(perUnit, out var evaluator))
                evaluators[perUnit] = evaluator = Register((from, to) => perUnit * _data.Distance[Location(from), Location(to)]);
            Routing.SetArcCostEvaluatorOfVehicle(evaluator, v);
        }
    }

    /// <summary>The time dimension: transit = service at the origin + travel; slack = waiting. Its cumul at a
    /// visit is the service start; the span (return − departure) is the route's duration.</summary>
    private void AddTime()
    {
        var transit = Register((from, to) =>
        {
            var origin = Location(from);
            var service = origin >= _data.NumDepots ? _data.Clients[origin - _data.NumDepots].ServiceDuration : 0;
            return service + _data.Duration[origin, Location(to)];
        });
        Routing.AddDimension(transit, Horizon, Horizon, false, TimeDimension);
        var time = Routing.GetMutableDimension(TimeDimension);
        for (var v = 0; v < VehicleTypeOf.Length; v++)
        {
            var type = _data.VehicleTypes[VehicleTypeOf[v]];
            var earliest = Clip(Math.Max(type.ShiftStart, _data.Depots[type.StartDepot].OpenTime));
            var latest = Clip(Math.Min(type.ShiftEnd, _data.Depots[type.EndDepot].CloseTime));
            if (latest < earliest) latest = earliest; // a shift that cannot be driven: the vehicle stays empty
            time.CumulVar(Routing.Start(v)).SetRange(earliest, latest);
            time.CumulVar(Routing.End(v)).SetRange(earliest, latest);
            if (type.MaxDuration < Unbounded) time.SetSpanUpperBoundForVehicle(Math.Max(0, type.MaxDuration), v);
            if (type.UnitDurationCost > 0) time.SetSpanCostCoefficientForVehicle(type.UnitDurationCost, v);
        }
        for (var c = 0; c < _data.NumClients; c++)
        {
            var client = _data.Clients[c];
            var index = IndexOfClient(c);
            time.CumulVar(index).SetRange(Clip(client.WindowStart), Clip(client.WindowEnd));
            // One soft bound per visit: the lateness cost where the window is soft, else the arrival weight.
            if (client.LatenessWeight > 0) time.SetCumulVarSoftUpperBound(index, Clip(client.SoftWindowEnd), client.LatenessWeight);
            else if (client.ArrivalWeight > 0) time.SetCumulVarSoftUpperBound(index, Clip(client.WindowStart), client.ArrivalWeight);
        }
    }

    private void AddCapacities()
    {
        for (var d = 0; d < _data.Dimensions; d++)
        {
            var dimension = d;
            var demand = Register(index => ClientAt(index) is var c and >= 0 ? _data.Clients[c].Demand[dimension] : 0);
            Routing.AddDimensionWithVehicleCapacity(demand, 0,
                VehicleTypeOf.Select(t => _data.VehicleTypes[t].Capacity[dimension]).ToArray(), true, $"load{dimension}");
        }
    }

    /// <summary>Required clients outside groups are plain visits (OR-Tools must make them); everything else is a disjunction.</summary>
    private void AddVisits(OrToolsPenalties penalties)
    {
        var inGroup = new bool[_data.NumClients];
        foreach (var group in _data.Groups)
        {
            var indices = group.Clients.Select(IndexOfClient).ToArray();
            foreach (var c in group.Clients) inGroup[c] = true;
            if (group.Required) Routing.AddDisjunction(indices);
            else Routing.AddDisjunction(indices, penalties.Of(_data.Clients[group.Clients[0]].Prize), 1);
        }
        for (var c = 0; c < _data.NumClients; c++)
            if (!inGroup[c] && !_data.Clients[c].Required)
                Routing.AddDisjunction([IndexOfClient(c)], penalties.Of(_data.Clients[c].Prize));
    }

    /// <summary>The routes of an assignment (or of the search's current solution, inside a solution callback, when null).</summary>
    public Solution ToSolution(Assignment? assignment)
    {
        var routes = new List<SolutionRoute>();
        var served = new bool[_data.NumClients];
        for (var v = 0; v < VehicleTypeOf.Length; v++)
        {
            var clients = new List<int>();
            var index = Next(assignment, Routing.Start(v));
            while (!Routing.IsEnd(index))
            {
                var c = ClientAt(index);
                clients.Add(c);
                served[c] = true;
                index = Next(assignment, index);
            }
            if (clients.Count > 0) routes.Add(new SolutionRoute(VehicleTypeOf[v], clients));
        }
        var groupServed = new Dictionary<int, bool>();
        var groupOf = new int[_data.NumClients];
        Array.Fill(groupOf, -1);
        for (var g = 0; g < _data.Groups.Count; g++)
        {
            foreach (var c in _data.Groups[g].Clients) groupOf[c] = g;
            groupServed[g] = _data.Groups[g].Clients.Any(c => served[c]);
        }
        // As our engine reports it: a member of a served group is an alternative not taken, not a client left out.
        var unassigned = Enumerable.Range(0, _data.NumClients).Where(c => !served[c] && (groupOf[c] < 0 || !groupServed[groupOf[c]])).ToArray();
        return new Solution(routes, unassigned);
    }

    private long Next(Assignment? assignment, long index) =>
        assignment is null ? Routing.NextVar(index).Value() : assignment.Value(Routing.NextVar(index));
}
