using Logistics.Telemetry.Alerts;
using Logistics.Telemetry.Alerts.Configuration;

namespace Logistics.Telemetry.Excursions;

/// <summary>The bands of one quantity of a truck's cargo profile. <see cref="Excursion"/> is the band whose
/// crossing makes an excursion: the warning band, or the critical band where the profile has no warning band
/// (as the alert engine does).</summary>
public sealed record ExcursionBands(string Profile, Band? Warning, Band? Critical)
{
    public Band? Excursion => Warning ?? Critical;

    /// <summary>The bands that apply to <paramref name="truck"/>: its profile from <c>Alerts:Trucks</c>, or the default.</summary>
    public static ExcursionBands For(AlertOptions options, string truck, ExcursionQuantity quantity)
    {
        var name = options.ProfileNameOf(truck);
        var profile = options.Profiles[name];
        return quantity == ExcursionQuantity.Temperature
            ? new(name, profile.TemperatureWarning?.ToBand(), profile.TemperatureCritical?.ToBand())
            : new(name, profile.HumidityWarning?.ToBand(), profile.HumidityCritical?.ToBand());
    }
}
