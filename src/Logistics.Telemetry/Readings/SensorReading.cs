namespace Logistics.Telemetry.Readings;

/// <summary>What one sensor measured; a sensor may report only one of the two quantities. A value: a message's
/// readings are one array, not an object per reading.</summary>
/// <param name="Sensor">The sensor's name on its truck (e.g. front, rear).</param>
/// <param name="TemperatureC">Degrees Celsius.</param>
/// <param name="HumidityPct">Relative humidity in percent.</param>
public readonly record struct SensorReading(string Sensor, double? TemperatureC, double? HumidityPct);
