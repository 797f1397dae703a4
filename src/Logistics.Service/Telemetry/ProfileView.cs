using Logistics.Telemetry.Alerts;
using Logistics.Telemetry.Alerts.Configuration;
using Logistics.Telemetry.Excursions;

namespace Logistics.Service.Telemetry;

/// <summary>A cargo profile's bands as the API shows them (°C and % RH; a band the profile leaves out is null).</summary>
public sealed record ProfileView(string Name, ProfileView.Bands Temperature, ProfileView.Bands Humidity)
{
    public sealed record Bands(BandView? Warning, BandView? Critical);

    public sealed record BandView(double? Min, double? Max)
    {
        public static BandView? From(Band? band) => band is { } b ? new(b.Min, b.Max) : null;
    }

    /// <summary>The profile of <paramref name="truck"/> (from Alerts:Trucks, or the default profile).</summary>
    public static ProfileView For(AlertOptions options, string truck)
    {
        var t = ExcursionBands.For(options, truck, ExcursionQuantity.Temperature);
        var h = ExcursionBands.For(options, truck, ExcursionQuantity.Humidity);
        return new(t.Profile, new(BandView.From(t.Warning), BandView.From(t.Critical)), new(BandView.From(h.Warning), BandView.From(h.Critical)));
    }
}
