namespace Logistics.Routing.Solver;

/// <summary>Costs of routes: the objective (fixed, distance, duration) plus penalties on excess
/// load and time warp (late service, late return, overlong routes), whose weights adapt during the
/// search so that it can cross infeasible space.</summary>
internal sealed class CostEvaluator(SearchData data)
{
    /// <summary>Cost of an excess load as large as the largest demand, in every capacity dimension
    /// alike (cartons and grams are measured against their own largest demand). Starts at what the
    /// longest arc and a vehicle's fixed cost are worth (Vidal 2022 uses distance / demand), so
    /// that the start is sensible whatever the cost units are.</summary>
    public double LoadPenalty { get; set; } = Math.Max(1e-3, data.TypicalRouteStepCost);

    /// <summary>Cost per unit of time warp, started the same way per unit of the longest travel time.</summary>
    public double TimeWarpPenalty { get; set; } = Math.Max(1e-3, data.TypicalRouteStepCost / data.MaxDuration);

    /// <summary>Penalised cost of a route as it stands.</summary>
    public double RouteCost(SearchRoute r) => data.HasSoftWindows
        ? RouteCost(r.Type, r.Count, r.Distance, r.Total, r.Load, r.ScheduleDuration, r.LatenessCost)
        : RouteCost(r.Type, r.Count, r.Distance, r.Total, r.Load);

    /// <param name="scheduleDuration">With soft windows, the duration under the departure rule
    /// (longer than the segment's minimal one when the rule keeps the vehicle from leaving later).</param>
    /// <param name="lateness">With soft windows, the lateness cost.</param>
    public double RouteCost(int type, int clients, long distance, in Segment total, ReadOnlySpan<long> load,
        long? scheduleDuration = null, long lateness = 0)
    {
        if (clients == 0) return 0;
        ref readonly var t = ref data.Types[type];
        var duration = scheduleDuration ?? total.Duration;
        double cost = t.FixedCost + t.UnitDistanceCost * distance + t.UnitDurationCost * duration + lateness;
        var warp = total.TimeWarp + Math.Max(0, duration - t.MaxDuration);
        if (warp > 0) cost += TimeWarpPenalty * warp;
        var capacity = data.Types[type].Capacity;
        for (var k = 0; k < load.Length; k++)
            if (load[k] > capacity[k]) cost += LoadPenalty * (load[k] - capacity[k]) / data.MaxDemand[k];
        return cost;
    }

    /// <summary>The objective only, for a feasible route.</summary>
    public long ObjectiveCost(SearchRoute r)
    {
        if (r.IsEmpty) return 0;
        ref readonly var t = ref data.Types[r.Type];
        return t.FixedCost + t.UnitDistanceCost * r.Distance + t.UnitDurationCost * Duration(r) + (data.HasSoftWindows ? r.LatenessCost : 0);
    }

    /// <summary>Time warp of a route: late at a hard window or the shift's end, or too long.</summary>
    public long TimeWarp(SearchRoute r) => r.Total.TimeWarp + Math.Max(0, Duration(r) - data.Types[r.Type].MaxDuration);

    private long Duration(SearchRoute r) => data.HasSoftWindows ? r.ScheduleDuration : r.Total.Duration;

    public long ExcessLoad(int type, ReadOnlySpan<long> load)
    {
        var capacity = data.Types[type].Capacity;
        long excess = 0;
        for (var k = 0; k < load.Length; k++)
            if (load[k] > capacity[k]) excess += load[k] - capacity[k];
        return excess;
    }
}
