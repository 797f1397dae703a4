using System.Net;
using System.Text.Json;
using Logistics.Data.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Logistics.Service.Tests.Api;

public sealed class ProblemDetailsTests(ProblemDetailsTests.FailingHost host) : IClassFixture<ProblemDetailsTests.FailingHost>
{
    public const string FailingPath = "/test-only/fail";
    private const string Secret = "connection string Data Source=/secret/path";

    [Fact]
    public async Task An_unknown_path_is_a_404_problem()
    {
        var response = await host.CreateClient().GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(404, (await ProblemAsync(response)).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task A_method_the_route_does_not_have_is_a_405_problem()
    {
        var client = await host.ClientAsync(Role.Admin);
        var response = await client.DeleteAsync("/api/stores");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(405, (await ProblemAsync(response)).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task An_unhandled_exception_is_a_500_problem_without_message_or_stack_trace()
    {
        var response = await host.CreateClient().GetAsync(FailingPath);
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("secret", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(nameof(FailingHost), body);
        Assert.DoesNotContain("InvalidOperationException", body);
        var problem = await ProblemAsync(response);
        Assert.Equal(500, problem.GetProperty("status").GetInt32());
        Assert.Contains("trace id", problem.GetProperty("detail").GetString());
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>The service with one extra path, after all of its own, that throws: what any bug in a handler does.</summary>
    public sealed class FailingHost : ServiceHost
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddTransient<IStartupFilter, FailingPathFilter>());
        }

        private sealed class FailingPathFilter : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                next(app);
                app.Use((HttpContext context, RequestDelegate rest) =>
                    context.Request.Path == FailingPath ? throw new InvalidOperationException(Secret) : rest(context));
            };
        }
    }
}
