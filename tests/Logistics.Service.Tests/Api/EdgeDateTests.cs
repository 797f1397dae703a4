using System.Net;
using System.Text.Json;
using Logistics.Data.Security;

namespace Logistics.Service.Tests.Api;

/// <summary>Dates at and past the edge of what the service and InfluxDB hold, on every endpoint that takes one:
/// a 400 naming the parameter, its value and the valid range, never a 500 (arithmetic on the date) or a 503
/// (InfluxDB refusing the time literal).</summary>
public sealed class EdgeDateTests(ServiceHost host) : IClassFixture<ServiceHost>
{
    private const string InstantRange = "1677-09-22T00:00:00Z to 2262-04-10T00:00:00Z", DayRange = "2000-01-01 to 2099-12-31";

    public static TheoryData<string, string, string?, string, string, string> Refused() => new()
    {
        { "GET", "/api/telemetry/trucks/T-001/history?to=0001-01-01T00:00:00Z", null, "to", "0001-01-01T00:00:00Z", InstantRange },
        { "GET", "/api/telemetry/trucks/T-001/history?from=1500-01-01T00:00:00Z&to=1500-01-02T00:00:00Z", null, "from", "1500-01-01T00:00:00Z", InstantRange },
        { "GET", "/api/telemetry/trucks/T-001/history?to=9999-12-31T23:59:59Z", null, "to", "9999-12-31T23:59:59Z", InstantRange },
        { "GET", "/api/telemetry/trucks/T-001/history?from=2262-04-11T00:00:00Z", null, "from", "2262-04-11T00:00:00Z", InstantRange },
        { "GET", "/api/alerts?from=0001-01-01T00:00:00Z", null, "from", "0001-01-01T00:00:00Z", InstantRange },
        { "GET", "/api/alerts?to=9999-12-31T23:59:59Z", null, "to", "9999-12-31T23:59:59Z", InstantRange },
        { "GET", "/api/excursions?from=1500-01-01T00:00:00Z", null, "from", "1500-01-01T00:00:00Z", InstantRange },
        { "GET", "/api/excursions?to=9999-12-31T23:59:59Z", null, "to", "9999-12-31T23:59:59Z", InstantRange },
        { "GET", "/api/plans?date=0001-01-01", null, "date", "0001-01-01", DayRange },
        { "POST", "/api/plans", """{"date":"9999-12-31"}""", "date", "9999-12-31", DayRange },
        { "GET", "/api/orders?date=1999-12-31", null, "date", "1999-12-31", DayRange },
        { "PUT", "/api/orders?date=2100-01-01", "[]", "date", "2100-01-01", DayRange },
        { "POST", "/api/demo-day", """{"date":"0001-01-01"}""", "date", "0001-01-01", DayRange },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Out_of_range_dates_are_a_400_naming_parameter_value_and_range(string method, string path, string? body, string field,
        string value, string range)
    {
        var admin = await host.ClientAsync(Role.Admin);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null) request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        var response = await admin.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var messages = JsonDocument.Parse(text).RootElement.GetProperty("errors").GetProperty(field).EnumerateArray().Select(m => m.GetString()!).ToList();
        Assert.Contains(messages, m => m.Contains($"'{value}'", StringComparison.Ordinal) && m.Contains(range, StringComparison.Ordinal));
    }

    /// <summary>The first and last instants accepted reach InfluxDB and come back empty, not as an error; a
    /// <c>to</c> less than a day after the first instant does not push the default <c>from</c> out of range.</summary>
    [Theory]
    [InlineData("to=1677-09-22T12:00:00Z")]
    [InlineData("from=1677-09-22T00:00:00Z&to=1677-09-23T00:00:00Z")]
    [InlineData("from=2262-04-09T00:00:00Z&to=2262-04-10T00:00:00Z")]
    public async Task History_at_the_edges_of_the_range_is_empty(string query)
    {
        var qa = await host.ClientAsync(Role.Qa);
        var response = await qa.GetAsync($"/api/telemetry/trucks/T-001/history?{query}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {text}");
        Assert.Empty(JsonDocument.Parse(text).RootElement.GetProperty("series").EnumerateArray());
    }

    [Theory]
    [InlineData("/api/alerts?from=1677-09-22T00:00:00Z&to=2262-04-10T00:00:00Z")]
    [InlineData("/api/excursions?from=1677-09-22T00:00:00Z&to=2262-04-10T00:00:00Z")]
    [InlineData("/api/plans?date=2000-01-01")]
    [InlineData("/api/orders?date=2099-12-31")]
    public async Task Lists_at_the_edges_of_the_range_answer(string path)
    {
        var admin = await host.ClientAsync(Role.Admin);
        var response = await admin.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
