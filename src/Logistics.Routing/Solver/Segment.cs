namespace Logistics.Routing.Solver;

/// <summary>Time data of a sequence of visits, concatenated in O(1) (Vidal et al. 2013, "A hybrid
/// genetic algorithm with adaptive diversity management for a large class of vehicle routing
/// problems with time-windows"): minimal duration, time warp (lateness "travelled back"), and
/// the window of start times at the first visit that achieve them.</summary>
internal readonly struct Segment(long duration, long timeWarp, long earliest, long latest, int first, int last)
{
    public readonly long Duration = duration;
    public readonly long TimeWarp = timeWarp;
    public readonly long Earliest = earliest;
    public readonly long Latest = latest;
    public readonly int First = first;
    public readonly int Last = last;

    public static Segment Visit(int location, long service, long windowStart, long windowEnd) =>
        new(service, 0, windowStart, windowEnd, location, location);

    public static Segment Merge(in Segment a, in Segment b, long travel)
    {
        var delta = a.Duration - a.TimeWarp + travel;
        var wait = Math.Max(b.Earliest - delta - a.Latest, 0);
        var warp = Math.Max(a.Earliest + delta - b.Latest, 0);
        return new Segment(
            a.Duration + b.Duration + travel + wait,
            a.TimeWarp + b.TimeWarp + warp,
            Math.Max(b.Earliest - delta, a.Earliest) - wait,
            Math.Min(b.Latest - delta, a.Latest) + warp,
            a.First,
            b.Last);
    }
}
