using System.Diagnostics.CodeAnalysis;

namespace Logistics.Telemetry.Readings;

/// <summary>What <see cref="TelemetryParser.ParseStatus"/> made of a <c>fleet/{truck}/status</c>
/// message: the truck and its status, or why it was refused.</summary>
public sealed class StatusParseResult
{
    private StatusParseResult(string? truck, DeviceStatus? status, TelemetryRejection? rejection)
    {
        Truck = truck;
        Status = status;
        Rejection = rejection;
    }

    /// <summary>The topic's truck id; null only when the topic is invalid.</summary>
    public string? Truck { get; }

    public DeviceStatus? Status { get; }

    public TelemetryRejection? Rejection { get; }

    [MemberNotNullWhen(true, nameof(Status), nameof(Truck))]
    [MemberNotNullWhen(false, nameof(Rejection))]
    public bool IsAccepted => Status is not null;

    public static StatusParseResult Accepted(string truck, DeviceStatus status) => new(truck, status, null);

    public static StatusParseResult Rejected(TelemetryRejection rejection) => new(rejection.Truck, null, rejection);
}
