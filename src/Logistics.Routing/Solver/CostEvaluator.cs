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

    public double RouteCost(int type, int clients, long distance, in Segment total, ReadOnlySpan<long> load)
    {
        if (clients == 0) return 0;
        var t = data.Types[type];
        double cost = t.FixedCost + t.UnitDistanceCost * distance + t.UnitDurationCost * total.Duration;
        var warp = TimeWarp(type, total);
        if (warp > 0) cost += TimeWarpPenalty * warp;
        var capacity = data.Types[type].Capacity;
        for (var k = 0; k < load.Length; k++)
            if (load[k] > capacity[k]) cost += LoadPenalty * (load[k] - capacity[k]) / data.MaxDemand[k];
        return cost;
    }

    /// <summary>The objective only, for a feasible route.</summary>
    public long ObjectiveCost(int type, int clients, long distance, in Segment total)
    {
        if (clients == 0) return 0;
        var t = data.Types[type];
        return t.FixedCost + t.UnitDistanceCost * distance + t.UnitDurationCost * total.Duration;
    }

    public long TimeWarp(int type, in Segment total) =>
        total.TimeWarp + Math.Max(0, total.Duration - data.Types[type].MaxDuration);

    public long ExcessLoad(int type, ReadOnlySpan<long> load)
    {
        var capacity = data.Types[type].Capacity;
        long excess = 0;
        for (var k = 0; k < load.Length; k++)
            if (load[k] > capacity[k]) excess += load[k] - capacity[k];
        return excess;
    }
}
