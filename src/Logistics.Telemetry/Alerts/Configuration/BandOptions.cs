namespace Logistics.Telemetry.Alerts.Configuration;

/// <summary>A band in configuration: °C for temperature, % RH for humidity; either bound may be left out.</summary>
public sealed record BandOptions
{
    public double? Min { get; set; }
    public double? Max { get; set; }

    public Band ToBand() => new(Min, Max);
}
