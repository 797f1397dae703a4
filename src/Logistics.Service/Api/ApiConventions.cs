using Microsoft.AspNetCore.Authorization;

namespace Logistics.Service.Api;

/// <summary>What every endpoint shares: errors as ProblemDetails (RFC 9457) whatever went wrong, and the
/// OpenAPI document at /openapi/v1.json.</summary>
public static class ApiConventions
{
    public static IServiceCollection AddApiConventions(this IServiceCollection services)
    {
        // Routing refuses a body type an endpoint does not accept before any handler runs; say which one it was.
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            if (context.ProblemDetails.Status == StatusCodes.Status415UnsupportedMediaType && context.ProblemDetails.Detail is null)
                context.ProblemDetails.Detail = $"Content-Type '{context.HttpContext.Request.ContentType}' is not accepted here; /openapi/v1.json lists what each endpoint takes.";
        });
        services.AddExceptionHandler<ServerErrorHandler>();
        services.AddRequestSizeLimits();
        // One spelling of enums across the API, the same as the plan's JSON (PlanJson): camelCase strings,
        // also as dictionary keys (e.g. a plan's unassigned orders by reason).
        services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase)));
        services.AddOpenApi(options => options.AddDocumentTransformer<BearerKeyDocumentTransformer>());
        return services;
    }

    /// <summary>First in the pipeline, so that an exception anywhere after it, and any answer that is only a
    /// status code (a 404 or 405 from routing, a 401 or 403 without a body, a URL or headers too large), reach the
    /// client as ProblemDetails: with AddProblemDetails, UseStatusCodePages writes one.</summary>
    public static IApplicationBuilder UseApiErrors(this IApplicationBuilder app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestSizeLimits();
        return app;
    }

    /// <summary>GET /openapi/v1.json, anonymous: a client needs it before it has a key.</summary>
    public static IEndpointRouteBuilder MapApiDocs(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi().WithMetadata(new AllowAnonymousAttribute());
        return endpoints;
    }
}
