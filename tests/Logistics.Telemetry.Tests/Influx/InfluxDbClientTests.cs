using System.Net;
using Logistics.Telemetry.Influx;

namespace Logistics.Telemetry.Tests.Influx;

/// <summary>Against the test profile's real InfluxDB (started by test.sh).</summary>
public class InfluxDbClientTests
{
    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token;

    private static InfluxDbClient Client(string? user, string? password, Uri? url = null) =>
        new(new HttpClient { Timeout = TimeSpan.FromSeconds(5) },
            new InfluxDbConnection(url ?? TestServers.InfluxUrl, TestServers.InfluxDatabase, user, password));

    [Fact]
    public async Task Ping_returns_the_server_version()
    {
        var version = await Client(TestServers.InfluxUser, TestServers.InfluxPassword).PingAsync(Timeout);
        Assert.StartsWith("1.", version);
    }

    [Fact]
    public async Task The_project_database_exists()
    {
        var databases = await Client(TestServers.InfluxUser, TestServers.InfluxPassword).ShowDatabasesAsync(Timeout);
        Assert.Contains("logistics", databases);
    }

    [Fact]
    public async Task A_wrong_password_is_an_error_that_says_so()
    {
        var e = await Assert.ThrowsAsync<InfluxDbRequestRejectedException>(() => Client(TestServers.InfluxUser, "wrong").ShowDatabasesAsync(Timeout));
        Assert.Equal(HttpStatusCode.Unauthorized, e.StatusCode);
        Assert.Contains("password", e.Message);
    }

    [Fact]
    public async Task An_invalid_statement_is_an_error_with_InfluxDBs_reason()
    {
        var e = await Assert.ThrowsAsync<InfluxDbRequestRejectedException>(() => Client(TestServers.InfluxUser, TestServers.InfluxPassword).QueryAsync("SELEC nothing", Timeout));
        Assert.Contains("error parsing query", e.Message);
    }

    [Fact]
    public async Task No_server_on_the_port_is_an_error_naming_the_address()
    {
        var url = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var e = await Assert.ThrowsAsync<InfluxDbUnavailableException>(() => Client("u", "p", url).PingAsync(Timeout));
        Assert.Null(e.StatusCode);
        Assert.Contains(url.ToString(), e.Message);
    }
}
