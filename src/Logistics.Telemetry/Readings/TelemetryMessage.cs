using Logistics.Core;

namespace Logistics.Telemetry.Readings;

/// <summary>One accepted message from an in-cab device on <c>fleet/{truck}/telemetry</c>, after
/// validation (architecture.md, "MQTT (in-cab devices)"). Units as the contract states them.</summary>
/// <param name="Truck">The truck id; equals the topic's truck id.</param>
/// <param name="Seq">The device's sequence number, increasing per device.</param>
/// <param name="DeviceTime">The device's clock when it took the readings (UTC).</param>
/// <param name="Readings">One entry per sensor with at least one plausible quantity; empty only when
/// every quantity in the message was a sensor fault (see <see cref="TelemetryParseResult.Faults"/>).</param>
/// <param name="DoorOpen">The cargo door, when the device reports it.</param>
/// <param name="Location">Where the truck was, when the device reports it.</param>
public sealed record TelemetryMessage(
    string Truck,
    long Seq,
    DateTimeOffset DeviceTime,
    IReadOnlyList<SensorReading> Readings,
    bool? DoorOpen,
    Coordinates? Location);
