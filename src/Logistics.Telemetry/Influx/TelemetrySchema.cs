using Logistics.Core;
using Logistics.Telemetry.Alerts;
using Logistics.Telemetry.Excursions;
using Logistics.Telemetry.Readings;

namespace Logistics.Telemetry.Influx;

/// <summary>The InfluxDB schema of architecture.md, in one place: every measurement, tag and field name,
/// the points written and the queries (and the reading of their answers) over them.
/// <list type="bullet">
/// <item><c>readings</c>: tags sensor, truck; fields seq, temperature_c, humidity_pct; time = the device's ts,
/// so a redelivered message overwrites its own points.</item>
/// <item><c>positions</c>: tag truck; fields lat, lon, door_open; time = the device's ts.</item>
/// <item><c>rejected</c>: tags reason, truck; fields topic, field, value, message, journal_seq; time = receive
/// time, made unique per journal record. A sensor fault adds tags sensor and quantity, the float field
/// reported and the device's time; a line InfluxDB refused keeps the line and InfluxDB's reason.</item>
/// <item><c>alerts</c>: tags truck, kind, severity, event; fields alert_id, detail, started_at, sensor, peak, value.</item>
/// </list>
/// Query values travel as bound parameters; the only things written into a query's text are these
/// fixed names and a validated duration.</summary>
public static class TelemetrySchema
{
    /// <summary>The measurements.</summary>
    public static class Measurements
    {
        public const string Readings = "readings", Positions = "positions", Rejected = "rejected", Alerts = "alerts";
    }

    /// <summary>The tag keys.</summary>
    public static class Tags
    {
        public const string Truck = "truck", Sensor = "sensor", Reason = "reason", Quantity = "quantity",
            Kind = "kind", Severity = "severity", Event = "event";
    }

    /// <summary>The field keys.</summary>
    public static class Fields
    {
        public const string TemperatureC = "temperature_c", HumidityPct = "humidity_pct", Seq = "seq",
            Lat = "lat", Lon = "lon", DoorOpen = "door_open",
            Topic = "topic", Field = "field", Value = "value", Message = "message", JournalSeq = "journal_seq",
            Reported = "reported", Line = "line",
            AlertId = "alert_id", Detail = "detail", StartedAt = "started_at", Sensor = "sensor", Peak = "peak";
    }

    /// <summary>The <c>rejected</c> reasons written by the listener itself (the parser's codes are the others).</summary>
    public static class Reasons
    {
        /// <summary>A valid message whose points InfluxDB could not hold (a timestamp outside its range, say).</summary>
        public const string Unstorable = "unstorable";

        /// <summary>A line InfluxDB refused when written.</summary>
        public const string InfluxRefused = "influx_refused";

        /// <summary>A physically impossible sensor value.</summary>
        public const string SensorFault = "sensor_fault";
    }

    /// <summary>The <c>truck</c> tag of a rejection whose truck is missing or not a truck id.</summary>
    public const string UnknownTruck = "unknown";

    /// <summary>Most buckets one history query may produce.</summary>
    public const int MaxBuckets = 10_000;

    /// <summary>The field of a quantity (also its name in the device payload).</summary>
    public static string FieldName(SensorQuantity quantity) => quantity == SensorQuantity.TemperatureC ? Fields.TemperatureC : Fields.HumidityPct;

    // ---- points ----

    /// <summary>Writes a message's <c>readings</c> (one line per sensor with a quantity) and its <c>positions</c> line
    /// (when it has a location or door) into <paramref name="batch"/>, straight from the parsed message; returns how many
    /// readings. Throws <see cref="ArgumentException"/> for what InfluxDB cannot hold (a time outside its range, a sensor
    /// name line protocol cannot carry), leaving lines of the message already written for the caller to take back.</summary>
    public static int AppendMessage(LineProtocolBatch batch, TelemetryMessage message)
    {
        var readings = 0;
        // By index: a foreach over the interface would box an enumerator per message.
        var all = message.Readings;
        for (var i = 0; i < all.Count; i++)
        {
            var r = all[i];
            if (r.TemperatureC is null && r.HumidityPct is null) continue;
            batch.Measurement(Measurements.Readings).Tag(Tags.Sensor, r.Sensor).Tag(Tags.Truck, message.Truck).Field(Fields.Seq, message.Seq);
            if (r.TemperatureC is { } t) batch.Field(Fields.TemperatureC, t);
            if (r.HumidityPct is { } h) batch.Field(Fields.HumidityPct, h);
            batch.End(message.DeviceTime, message.Truck);
            readings++;
        }
        if (message.Location is not null || message.DoorOpen is not null)
        {
            batch.Measurement(Measurements.Positions).Tag(Tags.Truck, message.Truck);
            if (message.Location is { } l) batch.Field(Fields.Lat, l.Latitude).Field(Fields.Lon, l.Longitude);
            if (message.DoorOpen is { } door) batch.Field(Fields.DoorOpen, door);
            batch.End(message.DeviceTime, message.Truck);
        }
        return readings;
    }

    /// <summary>A sensor fault: the impossible number goes in its own float field, as <c>value</c> holds the
    /// text of other rejections.</summary>
    public static InfluxPoint SensorFault(SensorFault f) =>
        new InfluxPoint(Measurements.Rejected).Tag(Tags.Reason, Reasons.SensorFault).Tag(Tags.Truck, f.Truck).Tag(Tags.Sensor, f.Sensor)
            .Tag(Tags.Quantity, FieldName(f.Quantity)).Field(Fields.Reported, f.Value).Field(Fields.Seq, f.Seq).At(f.DeviceTime);

    /// <summary>A message refused (or not storable), at its receive time made unique per journal record, so a
    /// record written twice after a restart is still one point.</summary>
    public static InfluxPoint Rejected(string reason, string? truck, string? topic, string field, string? value, string message,
        long journalSequence, DateTimeOffset receivedAt)
    {
        var p = new InfluxPoint(Measurements.Rejected).Tag(Tags.Reason, reason).Tag(Tags.Truck, TruckId.IsValid(truck) ? truck! : UnknownTruck)
            .Field(Fields.Topic, LogSafe.Text(topic) ?? "").Field(Fields.Field, LogSafe.Text(field) ?? "")
            .Field(Fields.Message, LogSafe.Text(message, 500) ?? "").Field(Fields.JournalSeq, journalSequence);
        if (value is not null) p.Field(Fields.Value, LogSafe.Text(value) ?? "");
        // Unique per record even when two arrive in the same 100 ns tick.
        return p.AtUnixNanoseconds((receivedAt.UtcTicks - DateTimeOffset.UnixEpoch.Ticks) * 100 + journalSequence % 100);
    }

    /// <summary>A line InfluxDB refused, kept with its reason at the refused line's time (and truck).</summary>
    public static InfluxPoint RefusedLine(string? truck, long? unixNanoseconds, string line, string reason)
    {
        var p = new InfluxPoint(Measurements.Rejected).Tag(Tags.Reason, Reasons.InfluxRefused)
            .Field(Fields.Line, LogSafe.Text(line, 1000) ?? "").Field(Fields.Message, LogSafe.Text(reason, 500) ?? "");
        if (truck is not null) p.Tag(Tags.Truck, truck);
        return unixNanoseconds is { } ns ? p.AtUnixNanoseconds(ns) : p;
    }

    /// <summary>One alert event.</summary>
    public static InfluxPoint Alert(AlertEvent e)
    {
        var p = new InfluxPoint(Measurements.Alerts).Tag(Tags.Truck, e.Truck).Tag(Tags.Kind, e.Kind.ToString()).Tag(Tags.Severity, e.Severity.ToString())
            .Tag(Tags.Event, e.Type.ToString()).Field(Fields.AlertId, e.AlertId.ToString()).Field(Fields.Detail, e.Detail)
            .Field(Fields.StartedAt, e.StartedAt.ToString("O"));
        if (e.Sensor is { } s) p.Field(Fields.Sensor, s);
        if (e.PeakValue is { } peak) p.Field(Fields.Peak, peak);
        if (e.TriggerValue is { } v) p.Field(Fields.Value, v);
        return p.At(e.At);
    }

    // ---- queries over readings ----

    /// <summary>Mean, min and max of temperature and humidity of one truck's sensor in [from, to),
    /// per bucket (buckets are aligned to the Unix epoch, as InfluxDB does; empty ones come back
    /// with nulls, so a silent device shows as a gap).</summary>
    public static InfluxQuery History(string truck, string sensor, DateTimeOffset from, DateTimeOffset to, TimeSpan bucket)
    {
        TruckId.Check(truck, nameof(truck));
        if (string.IsNullOrEmpty(sensor))
            throw new ArgumentException("sensor is empty.", nameof(sensor));
        if (from >= to)
            throw new ArgumentException($"from {InfluxQl.Rfc3339(from)} is not before to {InfluxQl.Rfc3339(to)}.", nameof(from));
        var duration = InfluxQl.Duration(bucket);
        if ((to - from).Ticks / bucket.Ticks > MaxBuckets)
            throw new ArgumentException($"bucket {duration} over {to - from} gives more than {MaxBuckets} buckets; choose a larger bucket.", nameof(bucket));
        var aggregates = string.Join(", ",
            from field in new[] { Fields.TemperatureC, Fields.HumidityPct }
            from fn in new[] { "mean", "min", "max" }
            select $"{fn}({Q(field)}) AS {Q(Aggregate(field, fn))}");
        return new InfluxQuery(
            $"SELECT {aggregates} FROM {Q(Measurements.Readings)} " +
            $"WHERE {Q(Tags.Truck)} = $truck AND {Q(Tags.Sensor)} = $sensor AND time >= $from AND time < $to " +
            $"GROUP BY time({duration})",
            new Dictionary<string, object> { ["truck"] = truck, ["sensor"] = sensor, ["from"] = from, ["to"] = to });
    }

    /// <summary>The buckets of a <see cref="History"/> answer, oldest first.</summary>
    public static IReadOnlyList<ReadingBucket> ReadHistory(IReadOnlyList<InfluxSeries> series) =>
        series.SelectMany(s => s.Rows).Select(r => new ReadingBucket(
            r.Time ?? throw new FormatException("a history row has no time"),
            r.GetDouble(Aggregate(Fields.TemperatureC, "mean")), r.GetDouble(Aggregate(Fields.TemperatureC, "min")), r.GetDouble(Aggregate(Fields.TemperatureC, "max")),
            r.GetDouble(Aggregate(Fields.HumidityPct, "mean")), r.GetDouble(Aggregate(Fields.HumidityPct, "min")), r.GetDouble(Aggregate(Fields.HumidityPct, "max")))).ToList();

    /// <summary>The newest reading of each truck and sensor at or after <paramref name="since"/>
    /// (the bound keeps InfluxDB from scanning all history).</summary>
    public static InfluxQuery LatestPerTruck(DateTimeOffset since) => new(
        $"SELECT {Q(Fields.TemperatureC)}, {Q(Fields.HumidityPct)}, {Q(Fields.Seq)} FROM {Q(Measurements.Readings)} " +
        $"WHERE time >= $since GROUP BY {Q(Tags.Truck)}, {Q(Tags.Sensor)} ORDER BY time DESC LIMIT 1",
        new Dictionary<string, object> { ["since"] = since });

    /// <summary>The readings of a <see cref="LatestPerTruck"/> answer, by truck and sensor.</summary>
    public static IReadOnlyList<LatestReading> ReadLatest(IReadOnlyList<InfluxSeries> series) =>
        series.Where(s => s.Rows.Count > 0).Select(s => new LatestReading(
                s.Tags.GetValueOrDefault(Tags.Truck, ""), s.Tags.GetValueOrDefault(Tags.Sensor, ""),
                s.Rows[0].Time ?? throw new FormatException("a latest-reading row has no time"),
                s.Rows[0].GetDouble(Fields.TemperatureC), s.Rows[0].GetDouble(Fields.HumidityPct), s.Rows[0].GetInt64(Fields.Seq)))
            .OrderBy(r => r.Truck, StringComparer.Ordinal).ThenBy(r => r.Sensor, StringComparer.Ordinal).ToList();

    /// <summary>Every reading after <paramref name="since"/>, by truck and sensor: what the alert engine replays at start.</summary>
    public static InfluxQuery RecentReadings(DateTimeOffset since) => new(
        $"SELECT {Q(Fields.TemperatureC)}, {Q(Fields.HumidityPct)}, {Q(Fields.Seq)} FROM {Q(Measurements.Readings)} " +
        $"WHERE time > $since GROUP BY {Q(Tags.Truck)}, {Q(Tags.Sensor)}",
        new Dictionary<string, object> { ["since"] = since });

    /// <summary>The messages of a <see cref="RecentReadings"/> answer (the readings of one device time and seq
    /// together, as the device sent them; without door or location), oldest first.</summary>
    public static IReadOnlyList<TelemetryMessage> ReadRecent(IReadOnlyList<InfluxSeries> series) =>
        series
            .SelectMany(s => s.Rows.Select(r => (Truck: s.Tags[Tags.Truck], Time: r.Time ?? throw new FormatException("a reading row has no time"),
                Seq: r.GetInt64(Fields.Seq) ?? 0,
                Reading: new SensorReading(s.Tags[Tags.Sensor], r.GetDouble(Fields.TemperatureC), r.GetDouble(Fields.HumidityPct)))))
            .GroupBy(x => (x.Truck, x.Time, x.Seq))
            .Select(g => new TelemetryMessage(g.Key.Truck, g.Key.Seq, g.Key.Time, g.Select(x => x.Reading).ToList(), null, null))
            .OrderBy(m => m.DeviceTime).ThenBy(m => m.Seq)
            .ToList();

    /// <summary>Every reading of one truck's sensor in [from, to], oldest first.</summary>
    public static InfluxQuery SensorReadings(string truck, string sensor, DateTimeOffset from, DateTimeOffset to) => new(
        $"SELECT {Q(Fields.TemperatureC)}, {Q(Fields.HumidityPct)} FROM {Q(Measurements.Readings)} " +
        $"WHERE {Q(Tags.Truck)} = $truck AND {Q(Tags.Sensor)} = $sensor AND time >= $from AND time <= $to",
        new Dictionary<string, object> { ["truck"] = truck, ["sensor"] = sensor, ["from"] = from, ["to"] = to });

    /// <summary>The samples of a <see cref="SensorReadings"/> answer, oldest first.</summary>
    public static IReadOnlyList<SensorSample> ReadSamples(IReadOnlyList<InfluxSeries> series) =>
        series.SelectMany(s => s.Rows)
            .Select(r => new SensorSample(r.Time ?? throw new FormatException("a reading row has no time"),
                r.GetDouble(Fields.TemperatureC), r.GetDouble(Fields.HumidityPct)))
            .OrderBy(s => s.Time).ToList();

    /// <summary>The sensors one truck reported in [from, to) (one series per sensor, tagged with it).</summary>
    public static InfluxQuery Sensors(string truck, DateTimeOffset from, DateTimeOffset to) => new(
        $"SELECT count({Q(Fields.TemperatureC)}) AS \"temperatures\", count({Q(Fields.HumidityPct)}) AS \"humidities\" FROM {Q(Measurements.Readings)} " +
        $"WHERE {Q(Tags.Truck)} = $truck AND time >= $from AND time < $to GROUP BY {Q(Tags.Sensor)}",
        new Dictionary<string, object> { ["truck"] = truck, ["from"] = from, ["to"] = to });

    // ---- queries over positions ----

    /// <summary>Every position (lat, lon, door_open) of one truck in [from, to], oldest first.</summary>
    public static InfluxQuery Positions(string truck, DateTimeOffset from, DateTimeOffset to) => new(
        $"SELECT {PositionFields} FROM {Q(Measurements.Positions)} WHERE {Q(Tags.Truck)} = $truck AND time >= $from AND time <= $to",
        new Dictionary<string, object> { ["truck"] = truck, ["from"] = from, ["to"] = to });

    /// <summary>The newest position of each truck at or after <paramref name="since"/> (one series per truck).</summary>
    public static InfluxQuery LatestPositions(DateTimeOffset since) => new(
        $"SELECT {PositionFields} FROM {Q(Measurements.Positions)} WHERE time >= $since GROUP BY {Q(Tags.Truck)} ORDER BY time DESC LIMIT 1",
        new Dictionary<string, object> { ["since"] = since });

    /// <summary>The positions of a <see cref="Positions"/> answer, oldest first.</summary>
    public static IReadOnlyList<PositionFix> ReadPositions(IReadOnlyList<InfluxSeries> series) =>
        series.SelectMany(s => s.Rows)
            .Select(r => new PositionFix(r.Time ?? throw new FormatException("a position row has no time"),
                r.GetDouble(Fields.Lat), r.GetDouble(Fields.Lon), r.GetBoolean(Fields.DoorOpen)))
            .OrderBy(p => p.Time).ToList();

    /// <summary>The newest position per truck of a <see cref="LatestPositions"/> answer.</summary>
    public static IReadOnlyDictionary<string, PositionFix> ReadLatestPositions(IReadOnlyList<InfluxSeries> series) =>
        series.Where(s => s.Rows.Count > 0 && s.Tags.ContainsKey(Tags.Truck))
            .ToDictionary(s => s.Tags[Tags.Truck], s => ReadPositions([s])[0], StringComparer.Ordinal);

    /// <summary>The sensor of each series of a <see cref="Sensors"/> answer.</summary>
    public static IReadOnlyList<string> ReadSensors(IReadOnlyList<InfluxSeries> series) =>
        series.Select(s => s.Tags.GetValueOrDefault(Tags.Sensor)).OfType<string>().ToList();

    private static readonly string PositionFields = $"{Q(Fields.Lat)}, {Q(Fields.Lon)}, {Q(Fields.DoorOpen)}";

    private static string Aggregate(string field, string function) => $"{field}_{function}";

    private static string Q(string identifier) => InfluxQl.QuoteIdentifier(identifier);
}
