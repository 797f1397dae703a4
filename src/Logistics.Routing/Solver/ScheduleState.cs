namespace Logistics.Routing.Solver;

/// <summary>The earliest schedule of a route up to some stop, for soft windows: when the vehicle
/// leaves that stop, the lateness cost and waiting so far, and the tightest bound on how much later
/// it could have left the depot (<see cref="Model.DepartureRule"/>). Mirrors the forward pass of
/// <see cref="Model.RouteSchedule"/>; a start past a hard window's end is counted at the end, as time
/// warp does, so that infeasible routes stay comparable, and the excess is summed in Warp.</summary>
internal readonly record struct ScheduleState(long Leave, long Lateness, long WaitSoFar, long DelayBound, int Last, long EarliestDeparture, long Warp)
{
    public static ScheduleState AtDepot(in SearchData.TypeData type) =>
        new(type.StartSegment.Earliest, 0, 0, long.MaxValue, type.StartDepot, type.StartSegment.Earliest, 0);

    public ScheduleState Then(SearchData d, int location)
    {
        var arrival = Leave + d.Duration(Last, location);
        var start = Math.Max(arrival, d.Early[location]);
        var wait = WaitSoFar + (start - arrival);
        var bound = Math.Min(DelayBound, d.DelayBound(location, start, wait));
        var lateness = Lateness + d.LatenessWeight[location] * Math.Max(0, start - d.SoftEnd[location]);
        return new ScheduleState(Math.Min(start, d.Late[location]) + d.Service[location], lateness, wait, bound, location, EarliestDeparture,
            Warp + Math.Max(0, start - d.Late[location]));
    }

    /// <summary>The route's duration when the vehicle leaves as late as the rule allows, and its lateness cost.</summary>
    public (long Duration, long Lateness) Finish(SearchData d, in SearchData.TypeData type) => (Return(d, type) - Departure, Lateness);

    /// <summary>When the vehicle is back at the end depot.</summary>
    public long Return(SearchData d, in SearchData.TypeData type) => Leave + d.Duration(Last, type.EndDepot);

    /// <summary>When the vehicle leaves the depot under <see cref="Model.DepartureRule"/>.</summary>
    public long Departure => EarliestDeparture + Math.Max(0, Math.Min(DelayBound, WaitSoFar));
}
