using System.Globalization;

namespace Logistics.Telemetry.Alerts;

/// <summary>An allowed range of a quantity; either bound may be absent (frozen cargo has only a maximum).
/// A value on a bound is inside.</summary>
public readonly record struct Band(double? Min, double? Max)
{
    public bool Contains(double value) => (Min is null || value >= Min) && (Max is null || value <= Max);

    /// <summary>Inside with <paramref name="margin"/> to spare on each present bound: the hysteresis test for clearing.</summary>
    public bool ContainsWithMargin(double value, double margin) =>
        (Min is null || value >= Min + margin) && (Max is null || value <= Max - margin);

    /// <summary>How far outside the band the value is; 0 inside.</summary>
    public double DistanceOutside(double value) =>
        Math.Max(0, Math.Max(Min is { } min ? min - value : 0, Max is { } max ? value - max : 0));

    public override string ToString() => (Min, Max) switch
    {
        ({ } min, { } max) => string.Create(CultureInfo.InvariantCulture, $"{min}..{max}"),
        ({ } min, null) => string.Create(CultureInfo.InvariantCulture, $">= {min}"),
        (null, { } max) => string.Create(CultureInfo.InvariantCulture, $"<= {max}"),
        _ => "any",
    };
}
