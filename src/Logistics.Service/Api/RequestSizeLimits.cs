using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Logistics.Service.Api;

/// <summary>The limits on a request's URL and headers, answered with ProblemDetails. Kestrel refuses what is past
/// its own limits before any middleware runs, with an empty body that cannot be changed; so Kestrel's limits are
/// set well above these, and this middleware refuses at the documented limits (Kestrel's defaults) with a body
/// that says which limit and by how much. Past Kestrel's raised limits the answer stays Kestrel's empty one.</summary>
public static class RequestSizeLimits
{
    /// <summary>The request target (path and query), as Kestrel's default request line limit.</summary>
    public const int MaxTargetBytes = 8 * 1024;

    /// <summary>All header names and values together, as Kestrel's default.</summary>
    public const int MaxHeaderBytes = 32 * 1024;

    /// <summary>Kestrel's own hard limits: a connection buffers up to these before the pipeline runs.</summary>
    public const int KestrelRequestLineBytes = 64 * 1024, KestrelHeaderBytes = 128 * 1024;

    public static IServiceCollection AddRequestSizeLimits(this IServiceCollection services) =>
        services.Configure<KestrelServerOptions>(kestrel =>
        {
            kestrel.Limits.MaxRequestLineSize = KestrelRequestLineBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = KestrelHeaderBytes;
        });

    public static IApplicationBuilder UseRequestSizeLimits(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } raw
                ? raw.Length
                : context.Request.Path.Value?.Length + context.Request.QueryString.Value?.Length ?? 0;
            if (target > MaxTargetBytes)
            {
                await RefuseAsync(context, StatusCodes.Status414UriTooLong, "The URL is too long", string.Create(CultureInfo.InvariantCulture,
                    $"The request's path and query are {target:N0} bytes; at most {MaxTargetBytes:N0}: send large inputs in a request body."));
                return;
            }
            var headers = context.Request.Headers.Sum(h => h.Key.Length + h.Value.Sum(v => v?.Length ?? 0) + 4);
            if (headers > MaxHeaderBytes)
            {
                await RefuseAsync(context, StatusCodes.Status431RequestHeaderFieldsTooLarge, "The request headers are too large",
                    string.Create(CultureInfo.InvariantCulture, $"The request's headers are {headers:N0} bytes together; at most {MaxHeaderBytes:N0}."));
                return;
            }
            await next(context);
        });

    private static async Task RefuseAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        // The connection is not worth keeping for a client that sends this much.
        context.Response.Headers.Connection = "close";
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}
