namespace Logistics.Simulators.Fleet.Generation;

/// <summary>A reading as the device sends it: °C and % RH, either may be absent.</summary>
public sealed record SensorValue(string Sensor, double? TemperatureC, double? HumidityPct);
