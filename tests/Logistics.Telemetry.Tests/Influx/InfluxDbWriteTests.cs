using System.Net;
using Logistics.Core;
using Logistics.Telemetry.Excursions;
using Logistics.Telemetry.Influx;
using Logistics.Telemetry.Readings;

namespace Logistics.Telemetry.Tests.Influx;

/// <summary>Writes and queries against the test profile's real InfluxDB, in a database of this class's own.</summary>
public class InfluxDbWriteTests(InfluxTestDatabase db) : IClassFixture<InfluxTestDatabase>
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);
    private static CancellationToken Timeout => InfluxTestDatabase.Timeout;

    private static InfluxPoint Reading(string truck, string sensor, DateTimeOffset time, double temperature, double humidity, long seq) =>
        new InfluxPoint("readings").Tag("truck", truck).Tag("sensor", sensor)
            .Field("temperature_c", temperature).Field("humidity_pct", humidity).Field("seq", seq).At(time);

    private async Task<long> CountAsync(string measurement, string truck)
    {
        var series = await db.Client().QueryAsync(new InfluxQuery(
            $"SELECT count(*) FROM {InfluxQl.QuoteIdentifier(measurement)} WHERE \"truck\" = $truck",
            new Dictionary<string, object> { ["truck"] = truck }), Timeout);
        return series.SelectMany(s => s.Rows).Select(r => r.Values.Skip(1).OfType<long>().Max()).FirstOrDefault();
    }

    [Fact]
    public async Task The_replay_query_reads_back_the_points_of_the_schema_as_messages()
    {
        var client = db.Client();
        var at = DateTimeOffset.UtcNow.AddMinutes(-2);
        at = new DateTimeOffset(at.Ticks - at.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        var message = new TelemetryMessage("T-REPLAY", 7, at,
            [new("front", 4.5, 61), new("rear", 5.5, null)], DoorOpen: true, Location: new Coordinates(22.8, 108.3));
        var lines = new LineProtocolBatch();
        Assert.Equal(2, TelemetrySchema.AppendMessage(lines, message));

        await client.WriteAsync(lines, Timeout);

        var replayed = TelemetrySchema.ReadRecent(await client.QueryAsync(TelemetrySchema.RecentReadings(at.AddSeconds(-1)), Timeout))
            .Where(m => m.Truck == "T-REPLAY").ToList();
        var one = Assert.Single(replayed);
        Assert.Equal((7L, at), (one.Seq, one.DeviceTime));
        Assert.Equal(message.Readings.OrderBy(r => r.Sensor), one.Readings.OrderBy(r => r.Sensor));
        var position = Assert.Single(TelemetrySchema.ReadPositions(await client.QueryAsync(TelemetrySchema.Positions("T-REPLAY", at, at), Timeout)));
        Assert.Equal(new PositionFix(at, 22.8, 108.3, true), position);
    }

    [Fact]
    public async Task A_batch_of_5000_points_is_written_gzipped_and_read_back_downsampled()
    {
        var client = db.Client(options: new InfluxDbClientOptions { Precision = InfluxPrecision.Milliseconds });
        // One reading every 2 s for 10,000 s: temperature 2.0 + (i mod 10) / 10, humidity 50 + i mod 3.
        var points = Enumerable.Range(0, InfluxDbClientOptions.MaxBatchSize)
            .Select(i => Reading("T-BATCH", "front", Start.AddSeconds(2 * i), 2.0 + i % 10 / 10.0, 50 + i % 3, i)).ToList();

        await client.WriteAsync(points, Timeout);

        Assert.Equal(5000, await CountAsync("readings", "T-BATCH"));
        var buckets = TelemetrySchema.ReadHistory(await client.QueryAsync(
            TelemetrySchema.History("T-BATCH", "front", Start, Start.AddSeconds(10_000), TimeSpan.FromMinutes(10)), Timeout));
        Assert.Equal(17, buckets.Count); // 08:00 … 10:40, the last one partial
        Assert.Equal(Start, buckets[0].Start);
        Assert.Equal(2.0, buckets[0].TemperatureMinC);
        Assert.Equal(2.9, buckets[0].TemperatureMaxC!.Value, 9);
        Assert.Equal(2.45, buckets[0].TemperatureMeanC!.Value, 9); // 300 readings, 30 of each tenth
        Assert.Equal(51.0, buckets[0].HumidityMeanPct!.Value, 9);
        Assert.Equal(52.0, buckets[0].HumidityMaxPct);

        var latest = TelemetrySchema.ReadLatest(await client.QueryAsync(TelemetrySchema.LatestPerTruck(Start), Timeout));
        var newest = Assert.Single(latest, r => r.Truck == "T-BATCH");
        Assert.Equal(new LatestReading("T-BATCH", "front", Start.AddSeconds(9998), 2.9, 51, 4999), newest with { TemperatureC = Math.Round(newest.TemperatureC!.Value, 9) });
    }

    [Fact]
    public async Task Writing_the_same_points_again_overwrites_them()
    {
        var client = db.Client();
        var points = Enumerable.Range(0, 10).Select(i => Reading("T-TWICE", "rear", Start.AddSeconds(i), 4, 60, i)).ToList();
        await client.WriteAsync(points, Timeout);
        await client.WriteAsync(points, Timeout);
        Assert.Equal(10, await CountAsync("readings", "T-TWICE"));
    }

    [Fact]
    public async Task A_field_type_conflict_is_isolated_to_the_refused_lines_and_the_good_ones_are_stored()
    {
        var client = db.Client();
        await client.WriteAsync([new InfluxPoint("conflict").Tag("truck", "T-C").Field("value", 1.5).At(Start)], Timeout);
        var wrong = new HashSet<int> { 3, 1999, 2000, 4998 };
        var points = Enumerable.Range(0, 5000).Select(i => new InfluxPoint("conflict").Tag("truck", "T-C")
            .Field("value", wrong.Contains(i) ? InfluxFieldValue.String("oops") : InfluxFieldValue.Float(i)).At(Start.AddSeconds(i + 1))).ToList();

        var result = await client.WriteIsolatingRefusedAsync(points, Timeout);

        Assert.Equal(wrong.Order(), result.Refused.Select(r => r.Index));
        Assert.All(result.Refused, r => Assert.Equal(LineProtocolEncoder.Encode(points[r.Index], InfluxPrecision.Nanoseconds), r.Line));
        Assert.All(result.Refused, r => Assert.Contains("field type conflict", r.Reason));
        Assert.Equal(4996, result.Stored);
        Assert.Equal(1 + 4996, await CountAsync("conflict", "T-C"));
    }

    [Fact]
    public async Task A_conflict_inside_one_batch_on_a_new_measurement_is_isolated_too()
    {
        // When the batch opens a new shard, InfluxDB 1.6 refuses it whole ("field type conflict",
        // nothing stored); in a shard that exists it stores the good lines. No other test writes in 2040.
        var client = db.Client();
        var points = Enumerable.Range(0, 8).Select(i => new InfluxPoint("conflict_fresh").Tag("truck", "T-F")
            .Field("value", i == 5 ? InfluxFieldValue.Boolean(true) : InfluxFieldValue.Integer(i)).At(Start.AddYears(14).AddSeconds(i))).ToList();

        var rejected = await Assert.ThrowsAsync<InfluxDbRequestRejectedException>(() => client.WriteAsync(points, Timeout));
        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        Assert.Equal("field type conflict", rejected.ServerError);
        Assert.Equal(0, await CountAsync("conflict_fresh", "T-F"));

        var result = await client.WriteIsolatingRefusedAsync(points, Timeout);
        Assert.Equal(5, Assert.Single(result.Refused).Index);
        Assert.Equal(7, await CountAsync("conflict_fresh", "T-F"));
    }

    public static TheoryData<string> Hostile => new()
    {
        "it's", "say \"hi\"", @"back\slash", @"C:\new\table", "' OR 1=1 --", "\"; DROP DATABASE logistics; --",
        "'; DROP MEASUREMENT readings; SELECT '", "a,b=c d", "$truck", "front' OR sensor =~ /.*/ --", "日本語 \U0001F69A",
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task Hostile_strings_as_tag_values_and_parameters_round_trip_and_change_nothing(string hostile)
    {
        var client = db.Client();
        var truck = $"T-H{Guid.NewGuid():N}"[..12];
        await client.WriteAsync([
            Reading(truck, hostile, Start, 3.5, 40, 1),
            Reading(truck, "front", Start, 9.9, 90, 2),
            new InfluxPoint("notes").Tag("truck", truck).Tag("sensor", hostile).Field("text", hostile + "\nsecond line").At(Start),
        ], Timeout);

        // as a bound parameter
        var history = TelemetrySchema.ReadHistory(await client.QueryAsync(TelemetrySchema.History(truck, hostile, Start, Start.AddMinutes(1), TimeSpan.FromMinutes(1)), Timeout));
        Assert.Equal(3.5, Assert.Single(history).TemperatureMeanC);
        // as a quoted literal in the text
        var byLiteral = await client.QueryAsync(
            $"SELECT \"text\", \"sensor\" FROM \"notes\" WHERE \"truck\" = {InfluxQl.QuoteString(truck)} AND \"sensor\" = {InfluxQl.QuoteString(hostile)}", Timeout);
        var row = Assert.Single(Assert.Single(byLiteral).Rows);
        Assert.Equal(hostile, row.GetString("sensor"));
        Assert.Equal(hostile + "\nsecond line", row.GetString("text"));
        // the database and its other series are untouched
        Assert.Contains(db.Name, await client.ShowDatabasesAsync(Timeout));
        Assert.Equal(2, await CountAsync("readings", truck));
    }

    [Fact]
    public async Task A_newline_cannot_be_a_tag_value_but_as_a_parameter_it_only_matches_nothing()
    {
        var e = Assert.Throws<ArgumentException>(() => Reading("T-NL", "front\nDROP DATABASE logistics", Start, 1, 1, 1));
        Assert.Contains("of tag 'sensor'", e.Message);

        var client = db.Client();
        await client.WriteAsync([Reading("T-NL", "front", Start, 1, 1, 1)], Timeout);
        var none = await client.QueryAsync(TelemetrySchema.History("T-NL", "front\nDROP DATABASE " + db.Name, Start, Start.AddMinutes(1), TimeSpan.FromMinutes(1)), Timeout);
        Assert.Empty(none);
        var literal = await client.QueryAsync($"SELECT * FROM \"readings\" WHERE \"sensor\" = {InfluxQl.QuoteString("front\nDROP DATABASE " + db.Name)}", Timeout);
        Assert.Empty(literal);
        Assert.Contains(db.Name, await client.ShowDatabasesAsync(Timeout));
        Assert.Equal(1, await CountAsync("readings", "T-NL"));
    }

    [Fact]
    public async Task Quoted_identifiers_with_quotes_and_backslashes_name_exactly_that_measurement()
    {
        var client = db.Client();
        const string name = "odd \"name\", with C:\\dir and ' in it";
        await client.WriteAsync([new InfluxPoint(name).Tag("truck", "T-Q").Field("v", 7).At(Start)], Timeout);
        var series = Assert.Single(await client.QueryAsync($"SELECT \"v\" FROM {InfluxQl.QuoteIdentifier(name)}", Timeout));
        Assert.Equal(name, series.Name);
        Assert.Equal(7, series.Rows[0].GetInt64("v"));
    }

    [Fact]
    public async Task InfluxDB_1_6_binds_parameters_for_values_but_not_for_durations()
    {
        var client = db.Client();
        await client.WriteAsync([Reading("T-P", "front", Start, 6, 66, 1)], Timeout);
        var found = await client.QueryAsync(new InfluxQuery("SELECT \"seq\" FROM \"readings\" WHERE \"truck\" = $t AND time >= $from AND \"temperature_c\" > $min",
            new Dictionary<string, object> { ["t"] = "T-P", ["from"] = Start, ["min"] = 5.5 }), Timeout);
        Assert.Equal(1, Assert.Single(Assert.Single(found).Rows).GetInt64("seq"));

        var e = await Assert.ThrowsAsync<InfluxDbRequestRejectedException>(() => client.QueryAsync(new InfluxQuery(
            "SELECT mean(\"temperature_c\") FROM \"readings\" WHERE time >= $from AND time < $to GROUP BY time($bucket)",
            new Dictionary<string, object> { ["from"] = Start, ["to"] = Start.AddHours(1), ["bucket"] = "5m" }), Timeout));
        Assert.Contains("duration", e.ServerError);
    }
}
