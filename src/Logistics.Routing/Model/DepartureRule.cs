namespace Logistics.Routing.Model;

/// <summary>How late a vehicle leaves: as late as it can without returning later, breaking a window,
/// or making a soft-window stop later than its soft end (or later at all, if it is late already).
/// A stop bounds the delay of the departure by the waiting before and at it, plus the room it has
/// left: up to its window's end for an ordinary stop, up to its soft end for a soft-window stop.
/// So waiting is cut as far as possible, and lateness stays that of the earliest schedule, which
/// the solver prices. Shared by <see cref="RouteSchedule"/> and the solver so that both time a
/// route the same way.</summary>
public static class DepartureRule
{
    /// <param name="start">Service start on the earliest schedule.</param>
    /// <param name="waitSoFar">Waiting on the earliest schedule before and at this stop.</param>
    public static long Bound(long start, long waitSoFar, long windowEnd, long softWindowEnd, long latenessWeight) =>
        latenessWeight > 0 ? Math.Max(softWindowEnd - start, 0) + waitSoFar : windowEnd - start + waitSoFar;
}
