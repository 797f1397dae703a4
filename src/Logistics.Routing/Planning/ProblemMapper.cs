using Logistics.Core;
using Logistics.Routing.Model;
using Logistics.Routing.TravelTimes;
using CoreDepot = Logistics.Core.Depot;
using CoreVehicleType = Logistics.Routing.Model.VehicleType;

namespace Logistics.Routing.Planning;

/// <summary>Turns a dispatcher's day into the solver's integer model: metres, seconds from midnight,
/// cartons (and grams when weights are known), cost in <see cref="CostUnits"/>.</summary>
public static class ProblemMapper
{
    public const long GramsPerKg = 1000;

    public static MappedProblem Map(DispatchProblem problem)
    {
        if (problem.Depots.Count == 0) throw new ArgumentException("the day has no depot", nameof(problem));
        if (problem.Fleet.Count == 0) throw new ArgumentException("the day has no vehicle type", nameof(problem));
        var depotIndex = problem.Depots.Select((d, i) => (d.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        foreach (var v in problem.Fleet)
            foreach (var id in new[] { v.StartDepotId, v.EndDepotId })
                if (!depotIndex.ContainsKey(id))
                    throw new ArgumentException($"vehicle type '{v.Id}' refers to unknown depot '{id}'", nameof(problem));

        // Weight becomes a dimension only when both sides speak it; an order without weight then counts 0 kg.
        var usesWeight = problem.Fleet.Any(v => v.CapacityKg is not null) && problem.Orders.Any(o => o.WeightKg is not null);
        var stops = BuildStops(problem, usesWeight);

        // One client per stop and receiving window; the windows of a stop are alternatives.
        var stopOfClient = stops.SelectMany((s, i) => s.Windows.Select(_ => i)).ToArray();
        var origin = problem.Depots[0].Location;
        var locations = problem.Depots.Select(d => new TravelLocation(d.Id, d.Location))
            .Concat(stopOfClient.Select(i => new TravelLocation(stops[i].Store.Id, stops[i].Store.Location))).ToList();
        var travel = problem.TravelTimes.Compute(locations);

        var depots = problem.Depots.Select(d =>
        {
            var (x, y) = Project(d.Location, origin);
            return new Model.Depot(d.Id, x, y, Seconds(d.OpeningHours.Start), Seconds(d.OpeningHours.End));
        }).ToList();
        var totalGrams = stops.Sum(s => Grams(s.WeightKg));
        var types = problem.Fleet.Select(v => new CoreVehicleType(
            v.Id,
            v.Count,
            usesWeight ? [v.CapacityCartons, v.CapacityKg is { } kg ? (long)Math.Floor(kg * GramsPerKg) : Math.Max(1, totalGrams)] : [v.CapacityCartons],
            depotIndex[v.StartDepotId],
            depotIndex[v.EndDepotId],
            Seconds(v.Shift.Start),
            Seconds(v.Shift.End),
            (long)v.EffectiveMaxRouteDuration.TotalSeconds,
            CostUnits.FromYuan(v.FixedCost),
            CostUnits.PerMetre(v.CostPerKm),
            CostUnits.PerSecond(v.CostPerHour))).ToList();

        var counts = new int[PriorityLevel.Count];
        foreach (var s in stops) counts[s.Priority]++;
        var prizes = PrizeScheme.Compute(counts, RouteCostBound(types, stops.Count, depots.Count, travel.DistanceMetres));

        var visits = new Dictionary<string, int>(StringComparer.Ordinal);
        var clients = new List<Client>();
        var groups = new List<ClientGroup>();
        foreach (var s in stops)
        {
            var visit = visits[s.Store.Id] = visits.GetValueOrDefault(s.Store.Id) + 1;
            var id = visit == 1 ? s.Store.Id : $"{s.Store.Id}#{visit}";
            var (x, y) = Project(s.Store.Location, origin);
            var service = (long)Math.Round(s.ServiceTime.TotalSeconds);
            if (s.Windows.Count > 1) groups.Add(new ClientGroup(Enumerable.Range(clients.Count, s.Windows.Count).ToArray()));
            foreach (var window in s.Windows)
            {
                var start = Seconds(window.Start);
                // The window is when goods are received: unloading must end by its close.
                var latestStart = Math.Max(start, Seconds(window.End) - service);
                // A soft window keeps its close as the due time and allows lateness up to the policy's limit.
                var soft = problem.Options.SoftWindows;
                clients.Add(new Client(s.Windows.Count == 1 ? id : $"{id}@{window.Start:HHmm}", x, y,
                    usesWeight ? [s.Cartons, Grams(s.WeightKg)] : [s.Cartons],
                    service, start, soft is null ? latestStart : latestStart + (long)soft.MaxLateness.TotalSeconds,
                    Required: false, Prize: prizes.PrizeOf(s.Priority),
                    ArrivalWeight: CostUnits.PerSecond(problem.Options.ArrivalWeightPerHour(s.Store.Tier.Level, s.Urgent)),
                    SoftWindowEnd: soft is null ? long.MaxValue / 4 : latestStart,
                    LatenessWeight: soft is null ? 0 : CostUnits.PerSecond(soft.LatenessCostPerHour)));
            }
        }

        var data = new ProblemData(depots, clients, types, travel.DistanceMetres, travel.DurationSeconds, groups);
        return new MappedProblem(problem, data, stops, stopOfClient, prizes, usesWeight);
    }

    /// <summary>An upper bound on the route cost of any plan that respects the vehicles' limits: every
    /// vehicle used (never more than there are stops), each driving its longest allowed duration, and
    /// every arc (one out of each stop, one out of each depot per route) the longest in the matrix.</summary>
    internal static long RouteCostBound(IReadOnlyList<CoreVehicleType> types, int stops, int depots, Matrix distance)
    {
        long longestArc = 0;
        for (var i = 0; i < distance.Size; i++)
            foreach (var d in distance.Row(i)) longestArc = Math.Max(longestArc, d);
        System.Numerics.BigInteger bound = 0, vehicles = 0;
        long perMetre = 0;
        foreach (var t in types)
        {
            var used = Math.Min(t.Count, stops);
            vehicles += used;
            bound += (System.Numerics.BigInteger)used * (t.FixedCost + (System.Numerics.BigInteger)t.MaxDuration * t.UnitDurationCost);
            perMetre = Math.Max(perMetre, t.UnitDistanceCost);
        }
        bound += (stops + vehicles) * longestArc * perMetre;
        return bound > PrizeScheme.MaxRouteCostBound
            ? throw new InvalidOperationException($"the fleet's possible route cost ({bound} units of 1e-5 yuan) is beyond what the planner can weigh; check the cost columns of the fleet")
            : (long)bound;
    }

    private static List<DeliveryStop> BuildStops(DispatchProblem problem, bool usesWeight)
    {
        var maxCartons = problem.Fleet.Max(v => v.CapacityCartons);
        var maxKg = usesWeight ? problem.Fleet.Max(v => v.CapacityKg ?? double.PositiveInfinity) : double.PositiveInfinity;
        var stores = problem.Stores.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var stops = new List<DeliveryStop>();
        foreach (var group in problem.Orders.GroupBy(o => o.StoreId, StringComparer.Ordinal))
        {
            if (!stores.TryGetValue(group.Key, out var store))
                throw new ArgumentException($"order '{group.First().Id}' is for unknown store '{group.Key}'", nameof(problem));
            var chunk = new List<Order>();
            foreach (var order in group)
            {
                if (chunk.Count > 0 && (chunk.Sum(o => o.Cartons) + order.Cartons > maxCartons
                                        || chunk.Sum(o => o.WeightKg ?? 0) + (order.WeightKg ?? 0) > maxKg))
                {
                    stops.Add(Stop(store, chunk));
                    chunk = [];
                }
                chunk.Add(order);
            }
            stops.Add(Stop(store, chunk));
        }
        return stops;
    }

    private static DeliveryStop Stop(Store store, List<Order> orders)
    {
        var cartons = orders.Sum(o => o.Cartons);
        var weight = orders.Any(o => o.WeightKg is not null) ? orders.Sum(o => o.WeightKg ?? 0) : (double?)null;
        var urgent = orders.Any(o => o.Urgent);
        return new DeliveryStop(store, orders.ToArray(), cartons, weight, urgent, PriorityLevel.Of(store.Tier, urgent), store.ReceivingWindows,
            store.ServiceTime(cartons));
    }

    internal static long Seconds(TimeOnly time) => time.Ticks / TimeSpan.TicksPerSecond;

    private static long Grams(double? kg) => kg is { } k ? (long)Math.Ceiling(k * GramsPerKg) : 0;

    /// <summary>Local equirectangular projection in metres around <paramref name="origin"/>: exact enough
    /// over a city for the solver's geometric neighbourhoods, which is all X/Y are used for.</summary>
    internal static (double X, double Y) Project(Coordinates point, Coordinates origin)
    {
        const double radians = Math.PI / 180;
        var x = (point.Longitude - origin.Longitude) * radians * Math.Cos(origin.Latitude * radians) * GreatCircle.EarthRadiusMetres;
        var y = (point.Latitude - origin.Latitude) * radians * GreatCircle.EarthRadiusMetres;
        return (x, y);
    }
}
