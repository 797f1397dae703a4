namespace Logistics.Telemetry.Alerts;

/// <summary>The parser's report that a sensor sent an impossible value (which it left out of the accepted message).</summary>
/// <param name="Truck">The truck id.</param>
/// <param name="Sensor">The sensor's name.</param>
/// <param name="Field">The payload field that was refused, e.g. <c>temperature_c</c>.</param>
/// <param name="Value">The refused value as sent, for people to read.</param>
/// <param name="Reason">Why it is impossible.</param>
/// <param name="DeviceTime">The message's device time.</param>
public sealed record SensorFaultNotice(
    string Truck,
    string Sensor,
    string Field,
    string? Value,
    string Reason,
    DateTimeOffset DeviceTime);
