namespace Logistics.Routing.Model;

/// <summary>When a vehicle arrives at, waits at, serves and leaves each stop of a route.</summary>
/// <param name="Client">Client index (0-based among clients).</param>
/// <param name="Lateness">How far service starts after the window's end; 0 on a feasible route.</param>
/// <param name="LoadAfter">Load still on board after this stop, per dimension.</param>
public sealed record StopTimes(int Client, long Arrival, long Wait, long ServiceStart, long Departure, long Lateness, long[] LoadAfter);

/// <summary>The timed route: departure from the start depot, every stop, return to the end depot,
/// and what it costs. The vehicle leaves as late as <see cref="DepartureRule"/> allows, so that
/// waiting (and route duration) is as small as the windows allow.</summary>
/// <param name="Cost">Fixed + distance + duration cost of the vehicle.</param>
/// <param name="ArrivalCost">Σ arrival weight × (service start − window start) over the stops: the
/// price of serving weighted stops late in their window, not money spent.</param>
/// <param name="LatenessCost">Σ lateness weight × (service start − soft window end) over the stops
/// served after their soft window: what being late where that is allowed costs.</param>
public sealed record RouteSchedule(
    int VehicleType,
    long Departure,
    IReadOnlyList<StopTimes> Stops,
    long Return,
    long Distance,
    long Duration,
    long[] InitialLoad,
    long[] ExcessLoad,
    long Lateness,
    long Cost,
    long ArrivalCost,
    long LatenessCost)
{
    /// <summary>True when no window, shift, duration or capacity limit is broken.</summary>
    public bool IsFeasible => Lateness == 0 && ExcessLoad.All(e => e == 0);

    public static RouteSchedule Compute(ProblemData data, SolutionRoute route)
    {
        var type = data.VehicleTypes[route.VehicleType];
        var startDepot = data.Depots[type.StartDepot];
        var endDepot = data.Depots[type.EndDepot];
        var dims = data.Dimensions;

        var load = new long[dims];
        foreach (var c in route.Clients)
            for (var d = 0; d < dims; d++) load[d] += data.Clients[c].Demand[d];
        var initialLoad = (long[])load.Clone();
        var excess = new long[dims];
        for (var d = 0; d < dims; d++) excess[d] = Math.Max(0, load[d] - type.Capacity[d]);

        // Forward pass from the earliest departure; then find how much later the vehicle can leave.
        var earliest = Math.Max(type.ShiftStart, startDepot.OpenTime);
        var times = new (long Arrival, long Start)[route.Clients.Count];
        long t = earliest, distance = 0, waitSoFar = 0;
        var delay = long.MaxValue;
        var previous = type.StartDepot;
        for (var i = 0; i < route.Clients.Count; i++)
        {
            var client = data.Clients[route.Clients[i]];
            var location = data.LocationOf(route.Clients[i]);
            var arrival = t + data.Duration[previous, location];
            distance += data.Distance[previous, location];
            var start = Math.Max(arrival, client.WindowStart);
            waitSoFar += start - arrival;
            delay = Math.Min(delay, DepartureRule.Bound(start, waitSoFar, client.WindowEnd, client.SoftWindowEnd, client.LatenessWeight));
            times[i] = (arrival, start);
            t = start + client.ServiceDuration;
            previous = location;
        }
        distance += data.Distance[previous, type.EndDepot];
        delay = Math.Max(0, Math.Min(delay, waitSoFar));

        // Replay with the later departure so that every time reported is the one the driver sees.
        var departure = earliest + delay;
        var stops = new List<StopTimes>(route.Clients.Count);
        long lateness = 0, arrivalCost = 0, latenessCost = 0;
        t = departure;
        previous = type.StartDepot;
        for (var i = 0; i < route.Clients.Count; i++)
        {
            var client = data.Clients[route.Clients[i]];
            var location = data.LocationOf(route.Clients[i]);
            var arrival = t + data.Duration[previous, location];
            var start = Math.Max(arrival, client.WindowStart);
            var late = Math.Max(0, start - client.WindowEnd);
            lateness += late;
            arrivalCost += client.ArrivalWeight * (start - client.WindowStart);
            if (client.LatenessWeight > 0) latenessCost += client.LatenessWeight * Math.Max(0, start - client.SoftWindowEnd);
            for (var d = 0; d < dims; d++) load[d] -= client.Demand[d];
            t = start + client.ServiceDuration;
            stops.Add(new StopTimes(route.Clients[i], arrival, start - arrival, start, t, late, (long[])load.Clone()));
            previous = location;
        }
        var returnTime = t + data.Duration[previous, type.EndDepot];
        var latestReturn = Math.Min(type.ShiftEnd, endDepot.CloseTime);
        lateness += Math.Max(0, returnTime - latestReturn);
        var duration = returnTime - departure;
        lateness += Math.Max(0, duration - type.MaxDuration);

        var cost = route.Clients.Count == 0 ? 0
            : type.FixedCost + type.UnitDistanceCost * distance + type.UnitDurationCost * duration;
        return new RouteSchedule(route.VehicleType, departure, stops, returnTime, distance, duration, initialLoad, excess, lateness, cost,
            arrivalCost, latenessCost);
    }
}
