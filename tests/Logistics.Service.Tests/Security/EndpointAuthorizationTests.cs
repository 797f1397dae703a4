using System.Net;
using Logistics.Data.Security;
using Logistics.Service.Tests.Inputs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Logistics.Service.Tests.Security;

public sealed class EndpointAuthorizationTests(ServiceHost host) : IClassFixture<ServiceHost>
{
    /// <summary>Guards every endpoint added later, by any area: one left open would serve data without a key.</summary>
    [Fact]
    public void Every_endpoint_under_api_requires_authorization()
    {
        _ = host.Server;
        var endpoints = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => (e.RoutePattern.RawText ?? "").TrimStart('/').StartsWith("api/", StringComparison.OrdinalIgnoreCase))
            .ToList();
        Assert.Contains(endpoints, e => e.RoutePattern.RawText == "/api/stores");
        Assert.Contains(endpoints, e => e.RoutePattern.RawText == "/api/demo-day");
        var open = endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null
                        || !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => !string.IsNullOrEmpty(a.Policy) || !string.IsNullOrEmpty(a.Roles)))
            .Select(e => $"{e.DisplayName} ({e.RoutePattern.RawText})");
        Assert.Empty(open);
    }

    [Fact]
    public async Task Without_a_key_or_with_an_unknown_one_the_api_answers_401()
    {
        var anonymous = host.CreateClient();
        var response = await anonymous.GetAsync("/api/stores");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);

        var forged = host.CreateClient();
        forged.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "lk_000000000000_nothing");
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.PutAsync("/api/stores", InputSamples.Csv(InputSamples.Stores))).StatusCode);
    }

    [Fact]
    public async Task Qa_may_read_the_inputs_but_not_change_them()
    {
        var qa = await host.ClientAsync(Role.Qa);
        Assert.Equal(HttpStatusCode.OK, (await qa.GetAsync("/api/stores")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await qa.GetAsync("/api/fleet")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await qa.GetAsync("/api/orders?date=2026-11-23")).StatusCode);

        var put = await qa.PutAsync("/api/stores", InputSamples.Csv(InputSamples.Stores));
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        Assert.Contains("'qa'", await put.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await qa.PutAsync("/api/fleet", InputSamples.Csv(InputSamples.Fleet))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await qa.PutAsync("/api/orders?date=2026-11-23", InputSamples.Csv(InputSamples.Orders))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await qa.PostAsync("/api/demo-day", InputSamples.Json(new { date = "2026-11-23" }))).StatusCode);
    }
}
