namespace Logistics.Telemetry.Alerts.Configuration;

/// <summary>The conditions a kind of cargo tolerates (section <c>Alerts:Profiles:{name}</c>). A band left out is not
/// monitored; a profile without a warning band for a quantity raises only critical alerts for it.</summary>
public sealed record CargoProfileOptions
{
    public BandOptions? TemperatureWarning { get; set; }
    public BandOptions? TemperatureCritical { get; set; }
    public BandOptions? HumidityWarning { get; set; }
    public BandOptions? HumidityCritical { get; set; }

    /// <summary>How long a sensor must stay outside the warning band before a warning opens.</summary>
    public TimeSpan WarningDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a sensor must stay outside the critical band before the alert is (or becomes) critical.</summary>
    public TimeSpan CriticalDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>°C a temperature must be back inside the band, past its edge, to count towards clearing.</summary>
    public double TemperatureHysteresis { get; set; } = 0.5;

    /// <summary>% RH a humidity must be back inside the band, past its edge, to count towards clearing.</summary>
    public double HumidityHysteresis { get; set; } = 2;

    /// <summary>How long readings must stay back inside (with the margin) before an alert clears.</summary>
    public TimeSpan ClearHold { get; set; } = TimeSpan.FromMinutes(2);

    public static CargoProfileOptions Tobacco() => new()
    {
        TemperatureWarning = new() { Min = 15, Max = 25 },
        TemperatureCritical = new() { Min = 10, Max = 30 },
        HumidityWarning = new() { Min = 50, Max = 65 },
        HumidityCritical = new() { Min = 45, Max = 70 },
    };

    public static CargoProfileOptions Chilled() => new()
    {
        TemperatureWarning = new() { Min = 2, Max = 8 },
        TemperatureCritical = new() { Min = 0, Max = 10 },
    };

    public static CargoProfileOptions Frozen() => new()
    {
        TemperatureWarning = new() { Max = -18 },
        TemperatureCritical = new() { Max = -15 },
    };

    internal IEnumerable<string> Validate(string name)
    {
        foreach (var (quantity, warning, critical) in new[]
                 {
                     ("Temperature", TemperatureWarning, TemperatureCritical),
                     ("Humidity", HumidityWarning, HumidityCritical),
                 })
        {
            foreach (var (level, band) in new[] { ("Warning", warning), ("Critical", critical) })
            {
                if (band is null) continue;
                var key = $"Alerts:Profiles:{name}:{quantity}{level}";
                if (band.Min is null && band.Max is null)
                    yield return $"{key} has neither Min nor Max; leave the band out instead";
                if (band.Min is { } min && !double.IsFinite(min) || band.Max is { } max && !double.IsFinite(max))
                    yield return $"{key} bounds must be finite numbers";
                if (band.Min > band.Max)
                    yield return $"{key}: Min ({band.Min}) is greater than Max ({band.Max})";
            }
            if (warning is not null && critical is not null && !Encloses(critical, warning))
                yield return $"Alerts:Profiles:{name}: the {quantity.ToLowerInvariant()} critical band must enclose the warning band " +
                             $"(warning {warning.ToBand()}, critical {critical.ToBand()})";
        }
        foreach (var (key, value) in new[]
                 {
                     (nameof(WarningDelay), WarningDelay), (nameof(CriticalDelay), CriticalDelay), (nameof(ClearHold), ClearHold),
                 })
        {
            if (value < TimeSpan.Zero) yield return $"Alerts:Profiles:{name}:{key} must not be negative, got {value}";
        }
        if (!(TemperatureHysteresis >= 0)) yield return $"Alerts:Profiles:{name}:TemperatureHysteresis must not be negative, got {TemperatureHysteresis}";
        if (!(HumidityHysteresis >= 0)) yield return $"Alerts:Profiles:{name}:HumidityHysteresis must not be negative, got {HumidityHysteresis}";
    }

    // A missing critical bound on a side where the warning band has one would make that side warning-only, which is
    // allowed; a critical bound inside the warning band would make "critical" readings that are not even warnings.
    private static bool Encloses(BandOptions outer, BandOptions inner) =>
        (outer.Min is null || inner.Min is not null && outer.Min <= inner.Min) &&
        (outer.Max is null || inner.Max is not null && outer.Max >= inner.Max);
}
