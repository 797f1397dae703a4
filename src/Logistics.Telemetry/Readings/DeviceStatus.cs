namespace Logistics.Telemetry.Readings;

/// <summary>What a device says on <c>fleet/{truckId}/status</c> (its will message is <c>offline</c>).</summary>
public enum DeviceStatus
{
    Online,
    Offline,
}
