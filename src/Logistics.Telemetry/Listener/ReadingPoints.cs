using Logistics.Core;
using Logistics.Telemetry.Alerts;
using Logistics.Telemetry.Influx;
using Logistics.Telemetry.Readings;

namespace Logistics.Telemetry.Listener;

/// <summary>The InfluxDB points of a parsed journal record (<see cref="TelemetrySchema"/> says what they hold):
/// its readings and position, the sensor faults it carried, or one <c>rejected</c> point for a refused message.</summary>
public static class ReadingPoints
{
    /// <summary>Appends the record's points to <paramref name="points"/>; returns how many sensor
    /// readings they hold. A record whose points InfluxDB could not hold (a timestamp outside its
    /// range, say) becomes one <c>rejected</c> point with reason <c>unstorable</c>.</summary>
    public static (int Readings, bool Unstorable) Append(ParsedRecord parsed, List<InfluxPoint> points)
    {
        var start = points.Count;
        try
        {
            return (AppendChecked(parsed, points), false);
        }
        catch (ArgumentException e)
        {
            points.RemoveRange(start, points.Count - start);
            points.Add(Rejected(parsed, TelemetrySchema.Reasons.Unstorable, TruckOf(parsed), "payload", null, e.Message));
            return (0, true);
        }
    }

    private static int AppendChecked(ParsedRecord parsed, List<InfluxPoint> points)
    {
        if (parsed.Rejection is { } rejection)
        {
            points.Add(Rejected(parsed, rejection.Code, rejection.Truck, rejection.Field, rejection.Value, rejection.Message));
            return 0;
        }
        if (parsed.Telemetry?.Message is not { } message) return 0;
        var readings = 0;
        foreach (var r in message.Readings)
        {
            if (TelemetrySchema.Reading(message, r) is not { } p) continue;
            points.Add(p);
            readings++;
        }
        if (TelemetrySchema.Position(message) is { } position) points.Add(position);
        foreach (var f in parsed.Telemetry.Faults) points.Add(TelemetrySchema.SensorFault(f));
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
