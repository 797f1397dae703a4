namespace Logistics.Telemetry.Alerts.Engine;

internal enum Quantity
{
    Temperature,
    Humidity,
}

internal static class QuantityExtensions
{
    public static AlertKind ExcursionKind(this Quantity q) =>
        q == Quantity.Temperature ? AlertKind.TemperatureExcursion : AlertKind.HumidityExcursion;

    public static AlertKind TrendKind(this Quantity q) =>
        q == Quantity.Temperature ? AlertKind.TemperatureTrend : AlertKind.HumidityTrend;

    public static string Unit(this Quantity q) => q == Quantity.Temperature ? "°C" : "% RH";

    public static string Name(this Quantity q) => q == Quantity.Temperature ? "temperature" : "humidity";

    /// <summary>The quantity an alert kind watches, for the kinds that watch one.</summary>
    public static Quantity? QuantityOf(this AlertKind kind) => kind switch
    {
        AlertKind.TemperatureExcursion or AlertKind.TemperatureTrend => Quantity.Temperature,
        AlertKind.HumidityExcursion or AlertKind.HumidityTrend => Quantity.Humidity,
        _ => null,
    };
}
