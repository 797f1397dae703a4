using Logistics.Core;
using Logistics.Telemetry.Alerts;
using Logistics.Telemetry.Influx;
using Logistics.Telemetry.Readings;

namespace Logistics.Telemetry.Listener;

/// <summary>The InfluxDB points of a parsed journal record (<see cref="TelemetrySchema"/> says what they hold):
/// its readings and position, the sensor faults it carried, or one <c>rejected</c> point for a refused message,
/// written as lines into the writer's batch (a reading makes no object of its own).</summary>
public static class ReadingPoints
{
    /// <summary>Writes the record's lines into <paramref name="batch"/>; returns how many sensor readings they
    /// hold. A record whose points InfluxDB could not hold (a timestamp outside its range, say) becomes one
    /// <c>rejected</c> line with reason <c>unstorable</c> instead.</summary>
    public static (int Readings, bool Unstorable) Append(ParsedRecord parsed, LineProtocolBatch batch)
    {
        var start = batch.Count;
        try
        {
            return (AppendChecked(parsed, batch), false);
        }
        catch (ArgumentException e)
        {
            batch.Truncate(start);
            batch.Add(Rejected(parsed, TelemetrySchema.Reasons.Unstorable, TruckOf(parsed), "payload", null, e.Message));
            return (0, true);
        }
    }

    private static int AppendChecked(ParsedRecord parsed, LineProtocolBatch batch)
    {
        if (parsed.Rejection is { } rejection)
        {
            batch.Add(Rejected(parsed, rejection.Code, rejection.Truck, rejection.Field, rejection.Value, rejection.Message));
            return 0;
        }
        if (parsed.Telemetry?.Message is not { } message) return 0;
        var readings = TelemetrySchema.AppendMessage(batch, message);
        foreach (var f in parsed.Telemetry.Faults) batch.Add(TelemetrySchema.SensorFault(f));
        return readings;
    }

    /// <summary>The engine's notice of a sensor fault the parser found.</summary>
    public static SensorFaultNotice Notice(SensorFault f)
    {
        var field = TelemetrySchema.FieldName(f.Quantity);
        return new(f.Truck, f.Sensor, field, f.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"{field} {f.Value} is outside what the sensor can measure", f.DeviceTime);
    }

    private static InfluxPoint Rejected(ParsedRecord parsed, string reason, string? truck, string field, string? value, string message) =>
        TelemetrySchema.Rejected(reason, truck, parsed.Record.Topic, field, value, message, parsed.Record.Sequence, parsed.Record.ReceivedAt);

    private static string? TruckOf(ParsedRecord parsed) =>
        FleetTopics.TryParse(parsed.Record.Topic, out var topic) ? topic.Truck : null;
}
