namespace Logistics.Telemetry.Readings;

/// <summary>A quantity a sensor measures.</summary>
public enum SensorQuantity
{
    /// <summary>Degrees Celsius (<c>temperature_c</c>).</summary>
    TemperatureC,
    /// <summary>Relative humidity in percent (<c>humidity_pct</c>).</summary>
    HumidityPct,
}
