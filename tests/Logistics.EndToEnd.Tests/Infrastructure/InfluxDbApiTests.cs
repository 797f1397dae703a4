using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Logistics.EndToEnd.Tests.Infrastructure;

/// <summary>The test profile's InfluxDB as scripts/infra.sh sets it up: auth on, database
/// "logistics" with a default retention policy of at least two years, the v1 HTTP API.</summary>
public class InfluxDbApiTests
{
    private static HttpClient Http(bool authenticated)
    {
        var http = new HttpClient { BaseAddress = TestServers.InfluxUrl, Timeout = TimeSpan.FromSeconds(10) };
        if (authenticated)
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{TestServers.InfluxUser}:{TestServers.InfluxPassword}")));
        return http;
    }

    private static async Task<JsonElement> Query(HttpClient http, string q)
    {
        var response = await http.PostAsync("/query", new FormUrlEncodedContent([new("db", "logistics"), new("q", q)]));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"query failed: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("results")[0];
    }

    [Fact]
    public async Task A_point_written_over_write_is_read_back_over_query()
    {
        using var http = Http(authenticated: true);
        var truck = $"T-E2E-{Guid.NewGuid():N}"[..16];
        var time = DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds();
        var line = $"readings,truck={truck},sensor=front temperature_c=21.4,humidity_pct=58.2,seq=1842i {time}";

        var write = await http.PostAsync("/write?db=logistics&precision=s", new StringContent(line));
        Assert.Equal(HttpStatusCode.NoContent, write.StatusCode);

        var result = await Query(http, $"SELECT temperature_c, humidity_pct, seq FROM readings WHERE truck = '{truck}'");
        var row = result.GetProperty("series")[0].GetProperty("values")[0];
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(time).UtcDateTime, row[0].GetDateTime().ToUniversalTime());
        Assert.Equal(21.4, row[1].GetDouble());
        Assert.Equal(58.2, row[2].GetDouble());
        Assert.Equal(1842, row[3].GetInt64());
    }

    [Fact]
    public async Task An_unauthenticated_query_is_refused()
    {
        using var http = Http(authenticated: false);
        var response = await http.PostAsync("/query", new FormUrlEncodedContent([new("q", "SHOW DATABASES")]));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task An_unauthenticated_write_is_refused()
    {
        using var http = Http(authenticated: false);
        var response = await http.PostAsync("/write?db=logistics", new StringContent("readings,truck=X,sensor=a temperature_c=1"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_default_retention_policy_keeps_readings_at_least_two_years()
    {
        using var http = Http(authenticated: true);
        var result = await Query(http, "SHOW RETENTION POLICIES ON logistics");
        var policies = result.GetProperty("series")[0].GetProperty("values").EnumerateArray()
            .Select(v => (Name: v[0].GetString(), Duration: v[1].GetString()!, IsDefault: v[4].GetBoolean())).ToList();

        var (name, duration, _) = Assert.Single(policies, p => p.IsDefault);
        Assert.Equal("cold_chain", name);
        var hours = int.Parse(duration[..duration.IndexOf('h')]);
        Assert.True(hours >= 2 * 365 * 24, $"default retention policy keeps {duration}, less than two years");
    }
}
