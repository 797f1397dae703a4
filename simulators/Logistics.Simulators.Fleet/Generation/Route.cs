using Logistics.Core;

namespace Logistics.Simulators.Fleet.Generation;

/// <summary>A truck's timed path: visits in time order, straight lines between them. Before the first
/// departure the truck waits at the first visit, after the last arrival it stays at the last one;
/// a repeating route starts over every <see cref="RepeatEvery"/>.</summary>
public sealed class Route
{
    public Route(string id, IReadOnlyList<RouteVisit> visits, TimeSpan? repeatEvery = null)
    {
        if (visits.Count == 0) throw new ArgumentException($"route {id} has no visits", nameof(visits));
        for (var i = 0; i < visits.Count; i++)
        {
            var v = visits[i];
            if (v.ServiceStart < v.Arrival || v.Departure < v.ServiceStart || (i > 0 && v.Arrival < visits[i - 1].Departure))
                throw new ArgumentException($"route {id}: visit {i} is out of time order", nameof(visits));
        }
        if (repeatEvery is { } p && p < visits[^1].Departure - visits[0].Departure)
            throw new ArgumentException($"route {id}: repeats before it ends", nameof(repeatEvery));
        Id = id;
        Visits = visits;
        RepeatEvery = repeatEvery;
    }

    public string Id { get; }
    public IReadOnlyList<RouteVisit> Visits { get; }
    public TimeSpan? RepeatEvery { get; }

    /// <summary>The stops where the door opens (service time above zero).</summary>
    public IEnumerable<RouteVisit> Stops => Visits.Where(v => v.Departure > v.ServiceStart);

    public RoutePosition At(DateTimeOffset time)
    {
        var first = Visits[0];
        if (RepeatEvery is { } period && time > first.Departure)
            time = first.Departure + TimeSpan.FromTicks((time - first.Departure).Ticks % period.Ticks);
        if (time <= first.Departure) return new(first.Location, time >= first.ServiceStart && time < first.Departure);
        for (var i = 1; i < Visits.Count; i++)
        {
            var previous = Visits[i - 1];
            var visit = Visits[i];
            if (time < visit.Arrival)
            {
                var fraction = (time - previous.Departure) / (visit.Arrival - previous.Departure);
                return new(Between(previous.Location, visit.Location, fraction), false);
            }
            if (time <= visit.Departure)
                return new(visit.Location, time >= visit.ServiceStart && time < visit.Departure);
        }
        return new(Visits[^1].Location, false);
    }

    private static Coordinates Between(Coordinates a, Coordinates b, double fraction) =>
        new(a.Latitude + (b.Latitude - a.Latitude) * fraction, a.Longitude + (b.Longitude - a.Longitude) * fraction);
}
