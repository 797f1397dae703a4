using Logistics.Core;
using Logistics.Telemetry.Journal;
using Logistics.Telemetry.Readings;

namespace Logistics.Telemetry.Listener;

/// <summary>A journal record read back and validated: a truck's telemetry (accepted, possibly with
/// sensor faults), its status, or a rejection.</summary>
public sealed record ParsedRecord(JournalRecord Record, TelemetryParseResult? Telemetry, StatusParseResult? Status, TelemetryRejection? Rejection)
{
    public static ParsedRecord Parse(JournalRecord record, TelemetryParser parser)
    {
        if (FleetTopics.TryParse(record.Topic, out var topic) && topic.Kind == FleetTopicKind.Status)
        {
            var status = parser.ParseStatus(record.Topic, record.Payload);
            return new ParsedRecord(record, null, status, status.Rejection);
        }
        var telemetry = parser.ParseTelemetry(record.Topic, record.Payload, record.ReceivedAt);
        return new ParsedRecord(record, telemetry, null, telemetry.Rejection);
    }
}
