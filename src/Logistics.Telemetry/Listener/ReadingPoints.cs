using Logistics.Core;
using Logistics.Telemetry.Alerts;
using Logistics.Telemetry.Influx;
using Logistics.Telemetry.Readings;

namespace Logistics.Telemetry.Listener;

/// <summary>The InfluxDB points of a parsed journal record, in the schema of architecture.md:
/// <c>readings</c> (tags truck, sensor; time = the device's ts, so a redelivered message overwrites
/// its own points), <c>positions</c>, and <c>rejected</c> (tags reason, truck; fields topic, field,
/// value, message, journal_seq; time = receive time, made unique per journal record, so a record
/// written twice after a restart is still one point). A sensor fault is a <c>rejected</c> point with
/// reason sensor_fault, tags sensor and quantity, the float field <c>reported</c> and the device's time.</summary>
public static class ReadingPoints
{
    public const string Readings = "readings", Positions = "positions", Rejected = "rejected", Alerts = "alerts";

    /// <summary>Reason of a valid message whose points InfluxDB could not hold.</summary>
    public const string Unstorable = "unstorable";

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
            points.Add(RejectedPoint(parsed, Unstorable, TruckOf(parsed), "payload", null, e.Message));
            return (0, true);
        }
    }

    private static int AppendChecked(ParsedRecord parsed, List<InfluxPoint> points)
    {
        if (parsed.Rejection is { } rejection)
        {
            points.Add(RejectedPoint(parsed, rejection.Code, rejection.Truck, rejection.Field, rejection.Value, rejection.Message));
            return 0;
        }
        if (parsed.Telemetry?.Message is not { } message) return 0;
        var readings = 0;
        foreach (var r in message.Readings)
        {
            if (r.TemperatureC is null && r.HumidityPct is null) continue;
            var p = new InfluxPoint(Readings).Tag("truck", message.Truck).Tag("sensor", r.Sensor).Field("seq", message.Seq);
            if (r.TemperatureC is { } t) p.Field("temperature_c", t);
            if (r.HumidityPct is { } h) p.Field("humidity_pct", h);
            points.Add(p.At(message.DeviceTime));
            readings++;
        }
        if (message.Location is not null || message.DoorOpen is not null)
        {
            var p = new InfluxPoint(Positions).Tag("truck", message.Truck);
            if (message.Location is { } l) p.Field("lat", l.Latitude).Field("lon", l.Longitude);
            if (message.DoorOpen is { } door) p.Field("door_open", door);
            points.Add(p.At(message.DeviceTime));
        }
        foreach (var f in parsed.Telemetry.Faults)
        {
            // The impossible number goes in its own float field: "value" holds the text of other rejections.
            points.Add(new InfluxPoint(Rejected).Tag("reason", "sensor_fault").Tag("truck", f.Truck).Tag("sensor", f.Sensor)
                .Tag("quantity", FieldName(f.Quantity)).Field("reported", f.Value).Field("seq", f.Seq).At(f.DeviceTime));
        }
        return readings;
    }

    /// <summary>The payload field of a quantity.</summary>
    public static string FieldName(SensorQuantity quantity) => quantity == SensorQuantity.TemperatureC ? "temperature_c" : "humidity_pct";

    /// <summary>The engine's notice of a sensor fault the parser found.</summary>
    public static SensorFaultNotice Notice(SensorFault f) =>
        new(f.Truck, f.Sensor, FieldName(f.Quantity), f.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"{FieldName(f.Quantity)} {f.Value} is outside what the sensor can measure", f.DeviceTime);

    public static InfluxPoint AlertPoint(AlertEvent e)
    {
        var p = new InfluxPoint(Alerts).Tag("truck", e.Truck).Tag("kind", e.Kind.ToString()).Tag("severity", e.Severity.ToString())
            .Tag("event", e.Type.ToString()).Field("alert_id", e.AlertId.ToString()).Field("detail", e.Detail)
            .Field("started_at", e.StartedAt.ToString("O"));
        if (e.Sensor is { } s) p.Field("sensor", s);
        if (e.PeakValue is { } peak) p.Field("peak", peak);
        if (e.TriggerValue is { } v) p.Field("value", v);
        return p.At(e.At);
    }

    private static InfluxPoint RejectedPoint(ParsedRecord parsed, string reason, string? truck, string field, string? value, string message)
    {
        var record = parsed.Record;
        var p = new InfluxPoint(Rejected).Tag("reason", reason).Tag("truck", truck is not null && TruckId.IsValid(truck) ? truck : "unknown")
            .Field("topic", LogSafe.Text(record.Topic) ?? "").Field("field", LogSafe.Text(field) ?? "")
            .Field("message", LogSafe.Text(message, 500) ?? "").Field("journal_seq", record.Sequence);
        if (value is not null) p.Field("value", LogSafe.Text(value) ?? "");
        // Unique per record even when two arrive in the same 100 ns tick.
        return p.AtUnixNanoseconds((record.ReceivedAt.UtcTicks - DateTimeOffset.UnixEpoch.Ticks) * 100 + record.Sequence % 100);
    }

    private static string? TruckOf(ParsedRecord parsed) =>
        FleetTopics.TryParse(parsed.Record.Topic, out var topic) ? topic.Truck : null;
}
