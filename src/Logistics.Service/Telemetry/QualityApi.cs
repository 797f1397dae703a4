using Logistics.Service.Excursions;
using Logistics.Telemetry.Influx;

namespace Logistics.Service.Telemetry;

/// <summary>The QA area: telemetry history, alerts, excursions, affected deliveries and their reports.</summary>
public static class QualityApi
{
    public static IServiceCollection AddQualityApi(this IServiceCollection services)
    {
        services.AddScoped<ExcursionService>();
        return services;
    }

    public static IEndpointRouteBuilder MapQualityApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapTelemetryApi();
        endpoints.MapAlertsApi();
        endpoints.MapExcursionsApi();
        endpoints.MapExcursionReports();
        return endpoints;
    }

    /// <summary>A server the answer depends on is down: 503 naming it, rather than a 500 that hides why.</summary>
    internal static TBuilder WithServerProblems<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            try
            {
                return await next(context);
            }
            catch (InfluxDbException e)
            {
                return TypedResults.Problem(title: "InfluxDB is not available", detail: e.Message, statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        });
}
