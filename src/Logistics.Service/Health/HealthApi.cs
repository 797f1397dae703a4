using System.Text.Encodings.Web;
using System.Text.Json;
using Logistics.Data.Security;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Logistics.Service.Health;

public static class HealthApi
{
    public static IServiceCollection AddServerHealthChecks(this IServiceCollection services)
    {
        services.AddOptions<HealthOptions>().BindConfiguration(HealthOptions.Section);
        services.AddHealthChecks()
            .AddCheck<MosquittoHealthCheck>("mosquitto", timeout: TimeSpan.FromSeconds(5))
            .AddCheck<InfluxDbHealthCheck>("influxdb", timeout: TimeSpan.FromSeconds(5))
            .AddCheck<ListenerHealthCheck>("listener", timeout: TimeSpan.FromSeconds(5));
        return services;
    }

    /// <summary>GET /health, anonymous: 200 when every server is reachable, 503 otherwise. Anyone gets the overall
    /// status (Healthy, Degraded, Unhealthy); with an admin key (or <see cref="HealthOptions.DetailsForAnonymous"/>)
    /// the body also says, per server, what was checked and what went wrong, which names addresses and accounts.</summary>
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteAsync });
        return endpoints;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        // Whatever the answer, a proxy must not hand one caller's details to another.
        context.Response.Headers.CacheControl = "no-store";
        var details = context.User.IsInRole(Role.Admin)
                      || context.RequestServices.GetRequiredService<IOptions<HealthOptions>>().Value.DetailsForAnonymous;
        if (!details)
            return JsonSerializer.SerializeAsync(context.Response.Body, new { status = report.Status.ToString() }, JsonOptions, context.RequestAborted);
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description ?? e.Value.Exception?.Message,
                durationMs = Math.Round(e.Value.Duration.TotalMilliseconds, 1),
            }),
        };
        return JsonSerializer.SerializeAsync(context.Response.Body, body, JsonOptions, context.RequestAborted);
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
