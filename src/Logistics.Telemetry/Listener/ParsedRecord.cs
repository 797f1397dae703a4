using Logistics.Core;
using Logistics.Telemetry.Journal;
using Logistics.Telemetry.Readings;

namespace Logistics.Telemetry.Listener;

/// <summary>A journal record read back and validated: a truck's telemetry (accepted, possibly with
/// sensor faults), its status, or a rejection.</summary>
public sealed record ParsedRecord(JournalRecord Record, TelemetryParseResult? Telemetry, StatusParseResult? Status, TelemetryRejection? Rejection)
{
    /// <summary>Parses a record once for all consumers that read the same record object from the journal's memory
    /// (the alert processor and the InfluxDB writer, when both keep up): the first one pays.</summary>
    public static Func<JournalRecord, ParsedRecord> SharedParser(TelemetryParser parser)
    {
        Func<JournalRecord, ParsedRecord> parse = r => Parse(r, parser);
        return record => record.Derived(parse);
    }

    private static readonly string StatusSuffix = "/" + FleetTopics.Name(FleetTopicKind.Status);

    public static ParsedRecord Parse(JournalRecord record, TelemetryParser parser)
    {
        // The topic is split (a string for its truck) only when it may be a status; the telemetry parse splits it once.
        if (record.Topic.EndsWith(StatusSuffix, StringComparison.Ordinal)
            && FleetTopics.TryParse(record.Topic, out var topic) && topic.Kind == FleetTopicKind.Status)
        {
            var status = parser.ParseStatus(record.Topic, record.Payload);
            return new ParsedRecord(record, null, status, status.Rejection);
        }
        var telemetry = parser.ParseTelemetry(record.Topic, record.Payload, record.ReceivedAt);
        return new ParsedRecord(record, telemetry, null, telemetry.Rejection);
    }
}
