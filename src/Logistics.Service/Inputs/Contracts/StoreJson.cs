using Logistics.Core;

namespace Logistics.Service.Inputs.Contracts;

/// <summary>A store as the API reads and writes it. Every member is nullable so that a missing one is
/// reported by name instead of failing the whole body.</summary>
/// <param name="Windows">Receiving windows, each "HH:mm-HH:mm".</param>
public sealed record StoreJson(
    string? Id,
    string? Name,
    double? Lat,
    double? Lon,
    int? Tier,
    IReadOnlyList<string>? Windows,
    double? ServiceFixedMinutes,
    double? ServicePerCartonSeconds)
{
    public static StoreJson From(Store s) => new(s.Id, s.Name, s.Location.Latitude, s.Location.Longitude, s.Tier.Level,
        s.ReceivingWindows.Select(Clock.Window).ToArray(), s.ServiceFixed.TotalMinutes, s.ServicePerCarton.TotalSeconds);
}
