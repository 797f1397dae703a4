namespace Logistics.Telemetry.Readings;

/// <summary>A physically impossible value from a sensor (−999 from a broken probe, say). The value
/// is left out of the accepted message and reported here instead, so that the alert engine can raise
/// a sensor-fault alert and the rejected store can count it, while the rest of the message is kept.</summary>
/// <param name="Truck">The truck id.</param>
/// <param name="Sensor">The sensor's name on that truck.</param>
/// <param name="Quantity">Which of its quantities was impossible.</param>
/// <param name="Value">The value as the device sent it.</param>
public sealed record SensorFault(string Truck, string Sensor, SensorQuantity Quantity, double Value)
{
    /// <summary>The device's sequence number of the message that carried the fault.</summary>
    public long Seq { get; init; }

    /// <summary>The device's clock when it took the reading (UTC).</summary>
    public DateTimeOffset DeviceTime { get; init; }
}
