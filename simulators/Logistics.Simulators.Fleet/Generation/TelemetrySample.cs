using Logistics.Core;

namespace Logistics.Simulators.Fleet.Generation;

/// <summary>What a device reports at one moment (architecture.md, <c>fleet/{truck}/telemetry</c>).</summary>
/// <param name="DeviceTime">The device's clock: simulated time plus any clock skew.</param>
public sealed record TelemetrySample(string Truck, long Seq, DateTimeOffset DeviceTime, IReadOnlyList<SensorValue> Readings,
    bool DoorOpen, Coordinates Location);
