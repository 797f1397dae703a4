using Logistics.Telemetry.Alerts.Configuration;

namespace Logistics.Telemetry.Alerts.Engine;

/// <summary>How one quantity of one profile is judged, copied out of the options so later changes to the bound
/// options object cannot change a running engine.</summary>
internal sealed record QuantityRules(
    Band? Warning,
    Band? Critical,
    double Hysteresis,
    TimeSpan WarningDelay,
    TimeSpan CriticalDelay,
    TimeSpan ClearHold)
{
    /// <summary>The band whose crossing starts an excursion and inside which it clears: the warning band, or the
    /// critical band for a quantity watched only at the critical level.</summary>
    public Band? AlertBand => Warning ?? Critical;
}

internal sealed record CargoProfile(string Name, QuantityRules Temperature, QuantityRules Humidity)
{
    public QuantityRules For(Quantity q) => q == Quantity.Temperature ? Temperature : Humidity;

    public static CargoProfile From(string name, CargoProfileOptions o) => new(
        name,
        new(o.TemperatureWarning?.ToBand(), o.TemperatureCritical?.ToBand(), o.TemperatureHysteresis,
            o.WarningDelay, o.CriticalDelay, o.ClearHold),
        new(o.HumidityWarning?.ToBand(), o.HumidityCritical?.ToBand(), o.HumidityHysteresis,
            o.WarningDelay, o.CriticalDelay, o.ClearHold));
}
