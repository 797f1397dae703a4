using System.Net;
using System.Text.Json;

namespace Logistics.EndToEnd.Tests.Service;

/// <summary>Answers that only the real server gives (the in-process test host has no Kestrel): a URL or headers
/// past the documented limits get ProblemDetails, not Kestrel's empty 414 or 431.</summary>
public sealed class KestrelLimitTests : IAsyncLifetime
{
    private ServiceProcess? _service;
    private ServiceProcess Service => _service!;

    public async Task InitializeAsync() => _service = await ServiceProcess.StartAsync(ServiceProcess.TestServerConfiguration());

    public async Task DisposeAsync()
    {
        if (_service is null) return;
        await _service.DisposeAsync();
        await Telemetry.ServiceProbe.CleanUpAsync(_service.Configuration);
    }

    [Theory]
    [InlineData("/api/plans?date=")]
    [InlineData("/health?x=")]
    [InlineData("/no-such-page?x=")]
    public async Task A_very_long_url_is_a_414_problem(string prefix)
    {
        using var http = new HttpClient { BaseAddress = Service.BaseUrl };
        var response = await http.GetAsync(prefix + new string('a', 20_000));
        await AssertProblemAsync(response, HttpStatusCode.RequestUriTooLong, "8,192");
    }

    [Fact]
    public async Task A_huge_header_is_a_431_problem()
    {
        using var http = new HttpClient { BaseAddress = Service.BaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/stores");
        request.Headers.Add("X-Padding", new string('b', 40_000));
        var response = await http.SendAsync(request);
        await AssertProblemAsync(response, HttpStatusCode.RequestHeaderFieldsTooLarge, "32,768");
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string limit)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.Contains(limit, problem.GetProperty("detail").GetString());
    }
}
