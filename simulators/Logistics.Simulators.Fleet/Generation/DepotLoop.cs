using Logistics.Core;

namespace Logistics.Simulators.Fleet.Generation;

/// <summary>The route of a truck without a plan: a seeded round of a few stores around the depot,
/// driven again and again.</summary>
public static class DepotLoop
{
    /// <summary>Nanning's distribution centre (22.82 N, 108.37 E).</summary>
    public static readonly Coordinates Nanning = new(22.82, 108.37);

    /// <summary>City driving, door to door; straight-line distance is stretched by <see cref="Detour"/>.</summary>
    public const double SpeedKmh = 25;
    public const double Detour = 1.3;
    public static readonly TimeSpan ReloadAtDepot = TimeSpan.FromMinutes(20);

    public static Route Create(string id, Random random, Coordinates depot, DateTimeOffset start)
    {
        var stops = random.Next(4, 8);
        var visits = new List<RouteVisit> { new(depot, start, start, start) };
        var here = depot;
        var clock = start;
        for (var i = 0; i < stops; i++)
        {
            var bearing = random.NextDouble() * 2 * Math.PI;
            var km = 2 + random.NextDouble() * 8;
            var place = Offset(depot, km * Math.Cos(bearing), km * Math.Sin(bearing));
            clock += Drive(here, place);
            var service = TimeSpan.FromMinutes(random.Next(6, 16));
            visits.Add(new(place, clock, clock, clock + service));
            clock += service;
            here = place;
        }
        clock += Drive(here, depot);
        visits.Add(new(depot, clock, clock, clock));
        return new Route(id, visits, clock - start + ReloadAtDepot);
    }

    public static double DistanceKm(Coordinates a, Coordinates b)
    {
        var northKm = (b.Latitude - a.Latitude) * 111.32;
        var eastKm = (b.Longitude - a.Longitude) * 111.32 * Math.Cos(a.Latitude * Math.PI / 180);
        return Math.Sqrt(northKm * northKm + eastKm * eastKm);
    }

    private static TimeSpan Drive(Coordinates from, Coordinates to) =>
        TimeSpan.FromSeconds(Math.Round(DistanceKm(from, to) * Detour / SpeedKmh * 3600));

    private static Coordinates Offset(Coordinates origin, double northKm, double eastKm) =>
        new(origin.Latitude + northKm / 111.32, origin.Longitude + eastKm / (111.32 * Math.Cos(origin.Latitude * Math.PI / 180)));
}
