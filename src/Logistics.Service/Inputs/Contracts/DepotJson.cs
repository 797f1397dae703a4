using Logistics.Core;

namespace Logistics.Service.Inputs.Contracts;

/// <summary>A depot; <see cref="Open"/> and <see cref="Close"/> are "HH:mm", default 00:00–23:59.</summary>
public sealed record DepotJson(string? Id, string? Name, double? Lat, double? Lon, string? Open, string? Close)
{
    public static DepotJson From(Depot d) => new(d.Id, d.Name, d.Location.Latitude, d.Location.Longitude,
        Clock.Format(d.OpeningHours.Start), Clock.Format(d.OpeningHours.End));
}
