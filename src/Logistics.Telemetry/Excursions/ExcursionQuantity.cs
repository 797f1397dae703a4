namespace Logistics.Telemetry.Excursions;

/// <summary>What an excursion is about: °C or % RH.</summary>
public enum ExcursionQuantity
{
    Temperature,
    Humidity,
}
