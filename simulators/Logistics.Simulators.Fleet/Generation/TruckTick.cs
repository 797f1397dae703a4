namespace Logistics.Simulators.Fleet.Generation;

/// <summary>One scheduled moment of a device: the message it sends then, or null while it is silent.</summary>
public sealed record TruckTick(DateTimeOffset SimulatedTime, GeneratedMessage? Message);
