using System.Diagnostics.CodeAnalysis;

namespace Logistics.Telemetry.Readings;

/// <summary>A device-to-service topic taken apart: <c>fleet/{truckId}/telemetry|status</c>.</summary>
public readonly record struct FleetTopic(string Truck, FleetTopicKind Kind)
{
    /// <summary>The longest truck id the contract allows.</summary>
    public const int MaxTruckIdLength = 64;

    /// <summary>Splits <paramref name="topic"/>; false for anything that is not exactly
    /// <c>fleet/{truckId}/telemetry</c> or <c>fleet/{truckId}/status</c> with a valid truck id.</summary>
    public static bool TryParse([NotNullWhen(true)] string? topic, out FleetTopic result)
    {
        result = default;
        if (topic is null || !topic.StartsWith("fleet/", StringComparison.Ordinal)) return false;
        var rest = topic.AsSpan("fleet/".Length);
        var slash = rest.IndexOf('/');
        if (slash < 0) return false;
        var truck = rest[..slash];
        var kindText = rest[(slash + 1)..];
        FleetTopicKind kind;
        if (kindText.SequenceEqual("telemetry")) kind = FleetTopicKind.Telemetry;
        else if (kindText.SequenceEqual("status")) kind = FleetTopicKind.Status;
        else return false;
        if (!IsValidTruckId(truck)) return false;
        result = new FleetTopic(truck.ToString(), kind);
        return true;
    }

    /// <summary>Whether <paramref name="id"/> matches <c>[A-Za-z0-9_-]{1,64}</c>.</summary>
    public static bool IsValidTruckId(ReadOnlySpan<char> id)
    {
        if (id.Length is 0 or > MaxTruckIdLength) return false;
        foreach (var c in id)
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-')) return false;
        return true;
    }
}
