using Logistics.Telemetry.Influx;

namespace Logistics.Telemetry.Excursions;

/// <summary>The raw readings and positions an excursion is measured from. Values travel as bound parameters; the
/// statement text holds only fixed names.</summary>
public static class ExcursionQueries
{
    /// <summary>Every reading of one truck's sensor in [from, to], oldest first.</summary>
    public static InfluxQuery Readings(string truck, string sensor, DateTimeOffset from, DateTimeOffset to) => new(
        "SELECT \"temperature_c\", \"humidity_pct\" FROM \"readings\" " +
        "WHERE \"truck\" = $truck AND \"sensor\" = $sensor AND time >= $from AND time <= $to",
        new Dictionary<string, object> { ["truck"] = truck, ["sensor"] = sensor, ["from"] = from, ["to"] = to });

    /// <summary>Every position (lat, lon, door_open) of one truck in [from, to], oldest first.</summary>
    public static InfluxQuery Positions(string truck, DateTimeOffset from, DateTimeOffset to) => new(
        "SELECT \"lat\", \"lon\", \"door_open\" FROM \"positions\" WHERE \"truck\" = $truck AND time >= $from AND time <= $to",
        new Dictionary<string, object> { ["truck"] = truck, ["from"] = from, ["to"] = to });

    /// <summary>The newest position of each truck at or after <paramref name="since"/>.</summary>
    public static InfluxQuery LatestPositions(DateTimeOffset since) => new(
        "SELECT \"lat\", \"lon\", \"door_open\" FROM \"positions\" WHERE time >= $since GROUP BY \"truck\" ORDER BY time DESC LIMIT 1",
        new Dictionary<string, object> { ["since"] = since });

    /// <summary>The sensors one truck reported in [from, to) (one series per sensor).</summary>
    public static InfluxQuery Sensors(string truck, DateTimeOffset from, DateTimeOffset to) => new(
        "SELECT count(\"temperature_c\") AS \"temperatures\", count(\"humidity_pct\") AS \"humidities\" FROM \"readings\" " +
        "WHERE \"truck\" = $truck AND time >= $from AND time < $to GROUP BY \"sensor\"",
        new Dictionary<string, object> { ["truck"] = truck, ["from"] = from, ["to"] = to });

    public static IReadOnlyList<SensorSample> ReadSamples(IReadOnlyList<InfluxSeries> series) =>
        series.SelectMany(s => s.Rows)
            .Select(r => new SensorSample(r.Time ?? throw new FormatException("a reading row has no time"),
                r.GetDouble("temperature_c"), r.GetDouble("humidity_pct")))
            .OrderBy(s => s.Time).ToList();

    public static IReadOnlyList<PositionFix> ReadPositions(IReadOnlyList<InfluxSeries> series) =>
        series.SelectMany(s => s.Rows)
            .Select(r => new PositionFix(r.Time ?? throw new FormatException("a position row has no time"),
                r.GetDouble("lat"), r.GetDouble("lon"), r.GetBoolean("door_open")))
            .OrderBy(p => p.Time).ToList();
}
