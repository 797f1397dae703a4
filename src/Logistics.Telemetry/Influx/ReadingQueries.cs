using Logistics.Core;

namespace Logistics.Telemetry.Influx;

/// <summary>The queries the service runs on measurement <c>readings</c> (tags truck, sensor; fields
/// temperature_c, humidity_pct, seq). Values travel as bound parameters; the only things written
/// into the text are fixed names and a validated duration.</summary>
public static class ReadingQueries
{
    public const string Measurement = "readings";

    /// <summary>Most buckets one history query may produce.</summary>
    public const int MaxBuckets = 10_000;

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
            from field in new[] { "temperature_c", "humidity_pct" }
            from fn in new[] { "mean", "min", "max" }
            select $"{fn}({InfluxQl.QuoteIdentifier(field)}) AS {InfluxQl.QuoteIdentifier($"{field}_{fn}")}");
        return new InfluxQuery(
            $"SELECT {aggregates} FROM {InfluxQl.QuoteIdentifier(Measurement)} " +
            "WHERE \"truck\" = $truck AND \"sensor\" = $sensor AND time >= $from AND time < $to " +
            $"GROUP BY time({duration})",
            new Dictionary<string, object> { ["truck"] = truck, ["sensor"] = sensor, ["from"] = from, ["to"] = to });
    }

    /// <summary>The newest reading of each truck and sensor at or after <paramref name="since"/>
    /// (the bound keeps InfluxDB from scanning all history).</summary>
    public static InfluxQuery LatestPerTruck(DateTimeOffset since) => new(
        $"SELECT \"temperature_c\", \"humidity_pct\", \"seq\" FROM {InfluxQl.QuoteIdentifier(Measurement)} " +
        "WHERE time >= $since GROUP BY \"truck\", \"sensor\" ORDER BY time DESC LIMIT 1",
        new Dictionary<string, object> { ["since"] = since });

    /// <summary>The buckets of a <see cref="History"/> answer, oldest first.</summary>
    public static IReadOnlyList<ReadingBucket> ReadHistory(IReadOnlyList<InfluxSeries> series) =>
        series.SelectMany(s => s.Rows).Select(r => new ReadingBucket(
            r.Time ?? throw new FormatException("a history row has no time"),
            r.GetDouble("temperature_c_mean"), r.GetDouble("temperature_c_min"), r.GetDouble("temperature_c_max"),
            r.GetDouble("humidity_pct_mean"), r.GetDouble("humidity_pct_min"), r.GetDouble("humidity_pct_max"))).ToList();

    /// <summary>The readings of a <see cref="LatestPerTruck"/> answer, by truck and sensor.</summary>
    public static IReadOnlyList<LatestReading> ReadLatest(IReadOnlyList<InfluxSeries> series) =>
        series.Where(s => s.Rows.Count > 0).Select(s => new LatestReading(
                s.Tags.GetValueOrDefault("truck", ""), s.Tags.GetValueOrDefault("sensor", ""),
                s.Rows[0].Time ?? throw new FormatException("a latest-reading row has no time"),
                s.Rows[0].GetDouble("temperature_c"), s.Rows[0].GetDouble("humidity_pct"), s.Rows[0].GetInt64("seq")))
            .OrderBy(r => r.Truck, StringComparer.Ordinal).ThenBy(r => r.Sensor, StringComparer.Ordinal).ToList();

}

/// <summary>One bucket of a truck sensor's history; null where the bucket had no value.</summary>
public sealed record ReadingBucket(DateTimeOffset Start,
    double? TemperatureMeanC, double? TemperatureMinC, double? TemperatureMaxC,
    double? HumidityMeanPct, double? HumidityMinPct, double? HumidityMaxPct);

/// <summary>The newest stored reading of one truck's sensor.</summary>
public sealed record LatestReading(string Truck, string Sensor, DateTimeOffset Time, double? TemperatureC, double? HumidityPct, long? Seq);
