using System.Diagnostics.CodeAnalysis;

namespace Logistics.Core;

/// <summary>The MQTT topics of the device contract, <c>fleet/{truckId}/telemetry|status|alerts|plan</c>:
/// the one place that writes and parses them.</summary>
public static class FleetTopics
{
    private const string Prefix = "fleet/";

    /// <summary>Every truck's telemetry, for a subscription.</summary>
    public const string TelemetryFilter = Prefix + "+/" + TelemetryName;

    /// <summary>Every truck's status, for a subscription.</summary>
    public const string StatusFilter = Prefix + "+/" + StatusName;

    private const string TelemetryName = "telemetry";
    private const string StatusName = "status";
    private const string AlertsName = "alerts";
    private const string PlanName = "plan";

    public static string Telemetry(string truck) => Format(truck, FleetTopicKind.Telemetry);

    public static string Status(string truck) => Format(truck, FleetTopicKind.Status);

    public static string Alerts(string truck) => Format(truck, FleetTopicKind.Alerts);

    public static string Plan(string truck) => Format(truck, FleetTopicKind.Plan);

    /// <summary>The last level of a topic of <paramref name="kind"/>, e.g. <c>telemetry</c>.</summary>
    public static string Name(FleetTopicKind kind) => kind switch
    {
        FleetTopicKind.Telemetry => TelemetryName,
        FleetTopicKind.Status => StatusName,
        FleetTopicKind.Alerts => AlertsName,
        FleetTopicKind.Plan => PlanName,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a fleet topic kind"),
    };

    /// <summary><c>fleet/{truck}/{kind}</c>.</summary>
    public static string Format(string truck, FleetTopicKind kind) => $"{Prefix}{truck}/{Name(kind)}";

    /// <summary>Splits <paramref name="topic"/>; false for anything that is not exactly
    /// <c>fleet/{truckId}/{kind}</c> with a valid truck id and one of the four kinds.</summary>
    public static bool TryParse([NotNullWhen(true)] string? topic, out FleetTopic result)
    {
        result = default;
        if (topic is null || !topic.StartsWith(Prefix, StringComparison.Ordinal)) return false;
        var rest = topic.AsSpan(Prefix.Length);
        var slash = rest.IndexOf('/');
        if (slash < 0) return false;
        var truck = rest[..slash];
        var kindText = rest[(slash + 1)..];
        FleetTopicKind kind;
        if (kindText.SequenceEqual(TelemetryName)) kind = FleetTopicKind.Telemetry;
        else if (kindText.SequenceEqual(StatusName)) kind = FleetTopicKind.Status;
        else if (kindText.SequenceEqual(AlertsName)) kind = FleetTopicKind.Alerts;
        else if (kindText.SequenceEqual(PlanName)) kind = FleetTopicKind.Plan;
        else return false;
        if (!TruckId.IsValid(truck)) return false;
        result = new FleetTopic(truck.ToString(), kind);
        return true;
    }
}
