using Logistics.Core;
using Logistics.Routing.Planning;
using Logistics.Routing.TravelTimes;
using Logistics.Telemetry.Excursions;

namespace Logistics.Service.Excursions;

/// <summary>Which deliveries of a route were on board during an excursion. Cartons are on board from the depot
/// departure until the truck leaves their store; the stop times come from the truck's positions where it reported
/// them, else from the plan.</summary>
public static class DeliveryExposureCalculator
{
    /// <summary>How close to the store a position counts as "at the store": GPS error plus a car park.</summary>
    public const double StopRadiusMetres = 150;

    /// <summary>Every stop of <paramref name="route"/>, in sequence, with its exposure to [<paramref name="excursionStart"/>,
    /// <paramref name="excursionEnd"/>).</summary>
    /// <param name="toInstant">The instant of a plan's local clock time on its date (the site's time zone).</param>
    /// <param name="positions">The truck's positions over the route's day, any order.</param>
    public static IReadOnlyList<DeliveryExposure> Compute(PlannedRoute route, Func<TimeOnly, DateTimeOffset> toInstant,
        IEnumerable<PositionFix> positions, DateTimeOffset excursionStart, DateTimeOffset excursionEnd)
    {
        var fixes = positions.Where(p => p.Latitude is not null && p.Longitude is not null).OrderBy(p => p.Time).ToList();
        var departure = toInstant(route.Departure);
        var cursor = departure;
        var result = new List<DeliveryExposure>(route.Stops.Count);
        foreach (var stop in route.Stops.OrderBy(s => s.Sequence))
        {
            var planned = (Arrival: toInstant(stop.Arrival), Departure: toInstant(stop.Departure));
            var (source, arrival, leaving) = Visit(fixes, stop.Location, cursor);
            var until = leaving ?? planned.Departure;
            // The next stop is looked for after this one, so two stores in one street are told apart by order.
            if (source != StopTimeSource.Planned) cursor = until;
            var exposure = Overlap(departure, until, excursionStart, excursionEnd);
            result.Add(new DeliveryExposure(stop.Sequence, stop.StoreId, stop.StoreName, stop.Tier, stop.OrderIds, stop.Cartons,
                planned.Arrival, arrival, source, departure, until, Math.Round(exposure.TotalMinutes, 1)));
        }
        return result;
    }

    /// <summary>The first stay at the store after <paramref name="after"/>: the door-open positions of the first
    /// stretch in range where the door opened, else the first stretch in range.</summary>
    private static (StopTimeSource Source, DateTimeOffset? Arrival, DateTimeOffset? Leaving) Visit(
        List<PositionFix> fixes, Coordinates store, DateTimeOffset after)
    {
        var stretches = new List<List<PositionFix>>();
        List<PositionFix>? current = null;
        foreach (var p in fixes.Where(p => p.Time >= after))
        {
            if (GreatCircle.Metres(store, new Coordinates(p.Latitude!.Value, p.Longitude!.Value)) <= StopRadiusMetres)
                (current ??= AddTo(stretches)).Add(p);
            else
                current = null;
        }
        foreach (var stretch in stretches)
        {
            var open = stretch.Where(p => p.DoorOpen == true).ToList();
            if (open.Count > 0) return (StopTimeSource.Door, open[0].Time, open[^1].Time);
        }
        return stretches.Count > 0
            ? (StopTimeSource.Position, stretches[0][0].Time, stretches[0][^1].Time)
            : (StopTimeSource.Planned, null, null);
    }

    private static List<PositionFix> AddTo(List<List<PositionFix>> stretches)
    {
        var stretch = new List<PositionFix>();
        stretches.Add(stretch);
        return stretch;
    }

    private static TimeSpan Overlap(DateTimeOffset aFrom, DateTimeOffset aTo, DateTimeOffset bFrom, DateTimeOffset bTo)
    {
        var from = aFrom > bFrom ? aFrom : bFrom;
        var to = aTo < bTo ? aTo : bTo;
        return to > from ? to - from : TimeSpan.Zero;
    }
}
