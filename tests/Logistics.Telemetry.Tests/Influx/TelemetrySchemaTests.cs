using Logistics.Telemetry.Influx;

namespace Logistics.Telemetry.Tests.Influx;

public class TelemetrySchemaTests
{
    private static readonly DateTimeOffset From = new(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_history_query_binds_every_value_and_writes_only_the_bucket_into_the_text()
    {
        var q = TelemetrySchema.History("T-017", "' OR 1=1 --", From, From.AddHours(6), TimeSpan.FromMinutes(5));
        Assert.DoesNotContain("OR 1=1", q.Text);
        Assert.DoesNotContain("T-017", q.Text);
        Assert.Contains("GROUP BY time(5m)", q.Text);
        Assert.Contains("mean(\"temperature_c\") AS \"temperature_c_mean\"", q.Text);
        Assert.Contains("max(\"humidity_pct\") AS \"humidity_pct_max\"", q.Text);
        Assert.Equal("' OR 1=1 --", q.Parameters["sensor"]);
        Assert.Equal("T-017", q.Parameters["truck"]);
        Assert.Equal(From, q.Parameters["from"]);
    }

    [Fact]
    public void A_truck_id_outside_the_contract_is_refused_naming_it()
    {
        var e = Assert.Throws<ArgumentException>(() => TelemetrySchema.History("T 1'", "front", From, From.AddHours(1), TimeSpan.FromMinutes(1)));
        Assert.Contains("truck 'T 1''", e.Message);
    }

    [Fact]
    public void An_empty_or_reversed_range_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => TelemetrySchema.History("T-1", "front", From, From, TimeSpan.FromMinutes(1)));
        Assert.Contains("from 2026-11-22T00:00:00Z is not before to 2026-11-22T00:00:00Z", e.Message);
    }

    [Fact]
    public void Too_many_buckets_are_refused_naming_the_bucket()
    {
        var e = Assert.Throws<ArgumentException>(() => TelemetrySchema.History("T-1", "front", From, From.AddDays(30), TimeSpan.FromSeconds(1)));
        Assert.Contains("bucket 1s", e.Message);
    }

    [Fact]
    public void The_latest_reading_query_groups_by_truck_and_sensor_and_bounds_the_time()
    {
        var q = TelemetrySchema.LatestPerTruck(From);
        Assert.Contains("GROUP BY \"truck\", \"sensor\" ORDER BY time DESC LIMIT 1", q.Text);
        Assert.Equal(From, q.Parameters["since"]);
    }

    [Fact]
    public void The_replay_query_reads_every_reading_since_by_truck_and_sensor()
    {
        var q = TelemetrySchema.RecentReadings(From);
        Assert.Equal("SELECT \"temperature_c\", \"humidity_pct\", \"seq\" FROM \"readings\" WHERE time > $since GROUP BY \"truck\", \"sensor\"", q.Text);
        Assert.Equal(From, q.Parameters["since"]);
    }

    [Fact]
    public void A_rejection_of_a_truck_outside_the_contract_is_tagged_unknown_and_unique_per_record()
    {
        var a = TelemetrySchema.Rejected("invalid_json", "T 1", "fleet/T 1/telemetry", "payload", "{", "not JSON", 41, From);
        var b = TelemetrySchema.Rejected("invalid_json", "T-1", "fleet/T-1/telemetry", "payload", "{", "not JSON", 42, From);
        Assert.Equal(("unknown", "T-1"), (a.Tags["truck"], b.Tags["truck"]));
        Assert.NotEqual(a.UnixNanoseconds, b.UnixNanoseconds);
        Assert.Equal("rejected,reason=invalid_json,truck=T-1 topic=\"fleet/T-1/telemetry\",field=\"payload\",message=\"not JSON\",journal_seq=42i,value=\"{\" " +
            $"{b.UnixNanoseconds}", LineProtocolEncoder.Encode(b, InfluxPrecision.Nanoseconds));
    }

    [Fact]
    public void A_parameter_that_is_not_a_finite_value_is_refused_naming_it()
    {
        var e = Assert.Throws<ArgumentException>(() => new InfluxQuery("SELECT * FROM m WHERE v > $min", new Dictionary<string, object> { ["min"] = float.NaN }));
        Assert.Contains("Query parameter 'min' is NaN", e.Message);
        var bad = Assert.Throws<ArgumentException>(() => new InfluxQuery("SELECT 1", new Dictionary<string, object> { ["1x"] = 1 }));
        Assert.Contains("'1x'", bad.Message);
    }
}
