namespace Logistics.Routing.Solver;

/// <summary>Serves weighted stops (higher tiers, urgent orders) earlier where it costs little. The
/// main search prices routes by their vehicle costs in O(1) per move; the weighted arrival times
/// depend on the whole schedule, so they are traded off here, after the search, by moving single
/// stops within their route whenever route cost + Σ weight × (service start − window start) falls,
/// with every candidate timed exactly as <see cref="Model.RouteSchedule"/> times it.</summary>
internal sealed class ArrivalPolish(SearchData data, CostEvaluator costs)
{
    private const double Epsilon = 1e-6;
    private int[] _candidate = new int[16];

    public void Apply(SearchSolution s)
    {
        foreach (var route in s.Routes)
        {
            if (route.Count < 2) continue;
            var current = route.Clients.ToArray();
            var best = Evaluate(route.Type, current);
            if (best is null) continue;
            var bestCost = best.Value.Cost + best.Value.Arrival;
            var changed = false;
            bool improved;
            do
            {
                improved = false;
                for (var from = 0; from < current.Length; from++)
                    for (var to = 0; to < current.Length; to++)
                    {
                        if (to == from) continue;
                        var candidate = Moved(current, from, to);
                        if (Evaluate(route.Type, candidate) is not { } e || e.Cost + e.Arrival >= bestCost - Epsilon) continue;
                        candidate.CopyTo(current);
                        bestCost = e.Cost + e.Arrival;
                        improved = changed = true;
                    }
            } while (improved);
            if (!changed) continue;
            route.SetClients(current);
            s.Refresh(route, costs);
        }
    }

    /// <summary>The weighted arrival cost of the whole solution (0 when no stop is weighted).</summary>
    public long ArrivalCost(SearchSolution s)
    {
        long total = 0;
        foreach (var route in s.Routes)
            if (!route.IsEmpty && Evaluate(route.Type, route.Clients) is { } e) total += e.Arrival;
        return total;
    }

    private ReadOnlySpan<int> Moved(int[] sequence, int from, int to)
    {
        if (_candidate.Length < sequence.Length) _candidate = new int[sequence.Length * 2];
        var moving = sequence[from];
        var k = 0;
        for (var i = 0; i < sequence.Length; i++)
        {
            if (i == from) continue;
            if (k == to) _candidate[k++] = moving;
            _candidate[k++] = sequence[i];
        }
        if (k == to) _candidate[k++] = moving;
        return _candidate.AsSpan(0, sequence.Length);
    }

    /// <summary>Vehicle cost (with any lateness at soft windows) and weighted arrival cost of a route,
    /// timed like <see cref="Model.RouteSchedule"/>: an earliest pass finds how late the vehicle may
    /// leave (<see cref="Model.DepartureRule"/>), a replay from that departure gives the service
    /// starts the arrival weights apply to. Null when the route breaks a window, the shift or the
    /// maximum duration (capacity does not change within a route).</summary>
    private (long Cost, long Arrival)? Evaluate(int typeIndex, ReadOnlySpan<int> clients)
    {
        var type = data.Types[typeIndex];
        var state = ScheduleState.AtDepot(type);
        long distance = 0;
        var previous = type.StartDepot;
        foreach (var loc in clients)
        {
            state = state.Then(data, loc);
            distance += data.Distance(previous, loc);
            previous = loc;
        }
        distance += data.Distance(previous, type.EndDepot);
        if (state.Warp > 0 || state.Return(data, type) > type.EndSegment.Latest) return null;
        var (duration, lateness) = state.Finish(data, type);
        if (duration > type.MaxDuration) return null;

        long arrival = 0, t = state.Departure;
        previous = type.StartDepot;
        foreach (var loc in clients)
        {
            var start = Math.Max(t + data.Duration(previous, loc), data.Early[loc]);
            arrival += data.ArrivalWeight[loc] * (start - data.Early[loc]);
            t = start + data.Service[loc];
            previous = loc;
        }
        return (type.FixedCost + type.UnitDistanceCost * distance + type.UnitDurationCost * duration + lateness, arrival);
    }
}
