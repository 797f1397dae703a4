namespace Logistics.Telemetry.Influx;

/// <summary>The newest stored reading of one truck's sensor.</summary>
public sealed record LatestReading(string Truck, string Sensor, DateTimeOffset Time, double? TemperatureC, double? HumidityPct, long? Seq);
