using System.Diagnostics;
using System.Net;
using Logistics.Telemetry.Influx;

namespace Logistics.Telemetry.Tests.Influx;

/// <summary>Retry and error behaviour against a scripted HTTP handler (no server).</summary>
public class InfluxDbClientRetryTests
{
    private static readonly InfluxDbClientOptions Fast = new()
    {
        MaxAttempts = 3, FirstRetryDelay = TimeSpan.FromMilliseconds(1), MaxRetryDelay = TimeSpan.FromMilliseconds(5),
    };

    private static InfluxDbClient Client(ScriptedHandler handler, InfluxDbClientOptions? options = null) =>
        new(new HttpClient(handler), new InfluxDbConnection(new Uri("http://influx.test:8086"), "logistics", "u", "p"), options ?? Fast);

    private static readonly InfluxPoint[] Batch =
    [
        new InfluxPoint("readings").Tag("truck", "T-1").Tag("sensor", "front").Field("temperature_c", 4.5).AtUnixNanoseconds(1_795_421_730_123_456_789),
        new InfluxPoint("readings").Tag("truck", "T-1").Tag("sensor", "rear").Field("temperature_c", 5.0).AtUnixNanoseconds(1_795_421_731_000_000_000),
    ];

    [Fact]
    public async Task A_write_that_fails_twice_then_succeeds_is_sent_three_times_gzipped()
    {
        var handler = new ScriptedHandler(ScriptedHandler.Status(HttpStatusCode.ServiceUnavailable), ScriptedHandler.Fail(), ScriptedHandler.Status(HttpStatusCode.NoContent));
        await Client(handler).WriteAsync(Batch, CancellationToken.None);

        Assert.Equal(3, handler.Requests.Count);
        Assert.All(handler.Requests, r =>
        {
            Assert.Equal(HttpMethod.Post, r.Method);
            Assert.Equal("/write?db=logistics&precision=ns", r.Uri.PathAndQuery);
            Assert.Equal(new[] { "gzip" }, r.ContentEncoding);
            Assert.Equal(LineProtocolEncoder.Encode(Batch, InfluxPrecision.Nanoseconds), r.Body);
        });
    }

    [Fact]
    public async Task The_precision_parameter_and_the_timestamps_agree()
    {
        var handler = new ScriptedHandler(ScriptedHandler.Status(HttpStatusCode.NoContent));
        await Client(handler, Fast with { Precision = InfluxPrecision.Microseconds, RetentionPolicy = "cold chain" }).WriteAsync(Batch, CancellationToken.None);

        var sent = Assert.Single(handler.Requests);
        Assert.Equal("/write?db=logistics&precision=u&rp=cold%20chain", sent.Uri.PathAndQuery);
        Assert.EndsWith(" 1795421730123456\n", sent.Body.Split('\n')[0] + "\n");
    }

    [Fact]
    public async Task A_400_is_not_retried_and_carries_the_status_and_the_servers_reason()
    {
        var handler = new ScriptedHandler(ScriptedHandler.Status(HttpStatusCode.BadRequest, "{\"error\":\"partial write: field type conflict dropped=1\"}"));
        var e = await Assert.ThrowsAsync<InfluxDbRequestRejectedException>(() => Client(handler).WriteAsync(Batch, CancellationToken.None));

        Assert.Single(handler.Requests);
        Assert.Equal(HttpStatusCode.BadRequest, e.StatusCode);
        Assert.Equal("partial write: field type conflict dropped=1", e.ServerError);
    }

    [Fact]
    public async Task A_404_to_a_query_is_not_retried()
    {
        var handler = new ScriptedHandler(ScriptedHandler.Status(HttpStatusCode.NotFound, "{\"error\":\"database not found: \\\"x\\\"\"}"));
        var e = await Assert.ThrowsAsync<InfluxDbRequestRejectedException>(() => Client(handler).QueryAsync("SELECT 1", CancellationToken.None));
        Assert.Single(handler.Requests);
        Assert.Equal("database not found: \"x\"", e.ServerError);
    }

    [Fact]
    public async Task Server_errors_on_every_attempt_end_in_an_unavailable_exception()
    {
        var handler = new ScriptedHandler(ScriptedHandler.Status(HttpStatusCode.InternalServerError, "{\"error\":\"engine is closed\"}"));
        var e = await Assert.ThrowsAsync<InfluxDbUnavailableException>(() => Client(handler).WriteAsync(Batch, CancellationToken.None));

        Assert.Equal(3, handler.Requests.Count);
        Assert.Equal(3, e.Attempts);
        Assert.Equal(HttpStatusCode.InternalServerError, e.StatusCode);
        Assert.Contains("is unavailable", e.Message);
        Assert.Contains("engine is closed", e.Message);
    }

    [Fact]
    public async Task Network_errors_on_every_attempt_end_in_an_unavailable_exception_naming_the_address()
    {
        var handler = new ScriptedHandler(ScriptedHandler.Fail("Connection refused (influx.test:8086)"));
        var e = await Assert.ThrowsAsync<InfluxDbUnavailableException>(() => Client(handler).QueryAsync("SHOW DATABASES", CancellationToken.None));

        Assert.Equal(3, handler.Requests.Count);
        Assert.Null(e.StatusCode);
        Assert.IsType<HttpRequestException>(e.InnerException);
        Assert.Contains("Cannot reach InfluxDB at http://influx.test:8086/", e.Message);
        Assert.Contains("after 3 attempts", e.Message);
    }

    [Fact]
    public async Task Cancellation_during_the_backoff_stops_at_once()
    {
        var handler = new ScriptedHandler(ScriptedHandler.Status(HttpStatusCode.ServiceUnavailable));
        var slow = Fast with { MaxAttempts = 10, FirstRetryDelay = TimeSpan.FromSeconds(30), MaxRetryDelay = TimeSpan.FromSeconds(30) };
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client(handler, slow).WriteAsync(Batch, cts.Token));

        Assert.Single(handler.Requests);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"cancelling took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_query_sends_values_as_bound_parameters_not_in_the_text()
    {
        var handler = new ScriptedHandler(ScriptedHandler.Status(HttpStatusCode.OK, "{\"results\":[{\"statement_id\":0}]}"));
        var query = TelemetrySchema.History("T-1", "\"; DROP DATABASE logistics", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddHours(1), TimeSpan.FromMinutes(1));
        await Client(handler).QueryAsync(query, CancellationToken.None);

        var form = System.Web.HttpUtility.ParseQueryString(Assert.Single(handler.Requests).Body);
        Assert.DoesNotContain("DROP", form["q"]);
        Assert.Equal("{\"truck\":\"T-1\",\"sensor\":\"\\u0022; DROP DATABASE logistics\",\"from\":\"1970-01-01T00:00:00Z\",\"to\":\"1970-01-01T01:00:00Z\"}", form["params"]);
        Assert.Equal("ns", form["epoch"]);
    }

    [Fact]
    public async Task Query_answers_become_typed_series()
    {
        const string answer = """
            {"results":[{"statement_id":0,"series":[
              {"name":"readings","tags":{"truck":"T-1","sensor":"front"},"columns":["time","temperature_c","humidity_pct","seq"],
               "values":[[1795421730123456789,4.5,null,1842]]},
              {"name":"readings","tags":{"truck":"T-2","sensor":"rear"},"columns":["time","temperature_c","humidity_pct","seq"],
               "values":[[1795421731000000000,5,60.25,7]]}]}]}
            """;
        var handler = new ScriptedHandler(ScriptedHandler.Status(HttpStatusCode.OK, answer));
        var series = await Client(handler).QueryAsync(TelemetrySchema.LatestPerTruck(DateTimeOffset.UnixEpoch), CancellationToken.None);

        Assert.Equal(2, series.Count);
        Assert.Equal(new[] { "time", "temperature_c", "humidity_pct", "seq" }, series[0].Columns);
        Assert.Equal("front", series[0].Tags["sensor"]);
        var latest = TelemetrySchema.ReadLatest(series);
        Assert.Equal(new LatestReading("T-1", "front", DateTimeOffset.FromUnixTimeMilliseconds(1_795_421_730_123).AddTicks(4567), 4.5, null, 1842), latest[0]);
        Assert.Equal(5.0, latest[1].TemperatureC); // a float field holding 5 arrives as "5"
    }

    [Fact]
    public async Task An_error_in_a_statement_is_a_rejection_with_the_servers_reason()
    {
        var handler = new ScriptedHandler(ScriptedHandler.Status(HttpStatusCode.OK, "{\"results\":[{\"statement_id\":0,\"error\":\"database not found: nope\"}]}"));
        var e = await Assert.ThrowsAsync<InfluxDbRequestRejectedException>(() => Client(handler).QueryAsync("SELECT 1", CancellationToken.None));
        Assert.Equal("InfluxDB refused the query: database not found: nope", e.Message);
    }

    [Fact]
    public async Task More_than_5000_points_in_one_batch_are_refused_before_sending()
    {
        var handler = new ScriptedHandler(ScriptedHandler.Status(HttpStatusCode.NoContent));
        var points = Enumerable.Range(0, 5001).Select(i => new InfluxPoint("m").Field("v", i).AtUnixNanoseconds(i)).ToList();
        var e = await Assert.ThrowsAsync<ArgumentException>(() => Client(handler).WriteAsync(points, CancellationToken.None));
        Assert.Contains("5001 points", e.Message);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public void Options_out_of_range_are_refused_naming_the_setting()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Client(new ScriptedHandler(), Fast with { MaxAttempts = 0 }));
        Assert.Contains("MaxAttempts is 0", e.Message);
    }

    [Theory]
    [InlineData("18240h0m0s", 760 * 24.0)]
    [InlineData("1h30m0s", 1.5)]
    [InlineData("0s", 0)]
    public void Go_durations_from_SHOW_RETENTION_POLICIES_are_read(string text, double hours) =>
        Assert.Equal(TimeSpan.FromHours(hours), InfluxDbClient.ParseGoDuration(text));
}
