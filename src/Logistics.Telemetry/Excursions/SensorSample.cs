namespace Logistics.Telemetry.Excursions;

/// <summary>One stored reading of one truck sensor; either quantity may be missing.</summary>
public sealed record SensorSample(DateTimeOffset Time, double? TemperatureC, double? HumidityPct)
{
    public double? Value(ExcursionQuantity quantity) => quantity == ExcursionQuantity.Temperature ? TemperatureC : HumidityPct;
}
