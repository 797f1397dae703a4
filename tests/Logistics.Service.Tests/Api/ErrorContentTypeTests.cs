using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Logistics.Data.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Logistics.Service.Tests.Api;

/// <summary>Every error answer is application/problem+json (docs/api/README.md), whoever wrote it: a handler,
/// routing, authentication, or the request size limits.</summary>
public sealed class ErrorContentTypeTests(ServiceHost host) : IClassFixture<ServiceHost>
{
    /// <summary>Guards handlers added later: an error declared with a typed result such as NotFound&lt;ProblemDetails&gt;
    /// is written as application/json, which is how the 404s of plans, alerts and excursions went wrong.</summary>
    [Fact]
    public void Every_declared_error_response_is_problem_json()
    {
        _ = host.Server;
        var wrong = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => e.Metadata.OfType<IProducesResponseTypeMetadata>()
                .Where(m => m.StatusCode >= 400 && m.ContentTypes.Any(c => c != "application/problem+json"))
                .Select(m => $"{e.RoutePattern.RawText} {m.StatusCode} {string.Join(", ", m.ContentTypes)}"))
            .ToList();
        Assert.Empty(wrong);
    }

    public static TheoryData<string, string, string?> Errors() => new()
    {
        { "GET", "/api/plans/p_0000000000000000", null },
        { "GET", "/api/plans/p_0000000000000000/result", null },
        { "GET", "/api/plans/p_0000000000000000/geojson", null },
        { "GET", "/api/plans/p_0000000000000000/manifests/van-01.csv", null },
        { "POST", "/api/plans/p_0000000000000000/cancel", null },
        { "POST", "/api/plans/p_0000000000000000/moves", """{"storeId":"S-1","toRouteId":"van-01"}""" },
        { "POST", "/api/plans/p_0000000000000000/reoptimize", "{}" },
        { "POST", "/api/plans/p_0000000000000000/publish", "{}" },
        { "GET", $"/api/alerts/{Guid.Empty}/audit", null },
        { "POST", $"/api/alerts/{Guid.Empty}/acknowledge", """{"comment":"checked"}""" },
        { "GET", $"/api/excursions/{Guid.Empty}", null },
        { "GET", $"/api/excursions/{Guid.Empty}/deliveries", null },
        { "GET", $"/api/excursions/{Guid.Empty}/report.csv", null },
        { "GET", $"/reports/excursions/{Guid.Empty}", null },
        { "GET", "/api/alerts/not-an-id/audit", null },
        { "GET", "/api/plans?date=23.11.2026", null },
        { "GET", "/telemetry/stats", null },
        { "GET", "/no-such-page", null },
        { "DELETE", "/api/stores", null },
        { "POST", "/api/plans", "not json" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public async Task Error_answers_are_problem_details(string method, string path, string? body)
    {
        var admin = await host.ClientAsync(Role.Admin);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null) request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        await AssertProblemAsync(await admin.SendAsync(request));
    }

    [Fact]
    public async Task Authentication_and_role_refusals_are_problem_details()
    {
        await AssertProblemAsync(await host.CreateClient().GetAsync("/api/plans"), HttpStatusCode.Unauthorized);
        var qa = await host.ClientAsync(Role.Qa);
        await AssertProblemAsync(await qa.PostAsJsonAsync("/api/plans", new { date = "2026-11-23" }), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_url_or_headers_past_the_limits_are_problem_details()
    {
        var admin = await host.ClientAsync(Role.Admin);
        await AssertProblemAsync(await admin.GetAsync("/api/plans?date=" + new string('9', 9000)), HttpStatusCode.RequestUriTooLong);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/plans");
        request.Headers.Add("X-Padding", new string('b', 33_000));
        await AssertProblemAsync(await admin.SendAsync(request), HttpStatusCode.RequestHeaderFieldsTooLarge);
    }

    internal static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode? status = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode >= 400, $"{response.RequestMessage?.RequestUri}: {response.StatusCode} {text}");
        if (status is { } expected) Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {text}");
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json",
            $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} {(int)response.StatusCode}: {response.Content.Headers.ContentType} {text}");
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal((int)response.StatusCode, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
    }
}
