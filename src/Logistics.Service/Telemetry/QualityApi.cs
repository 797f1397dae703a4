using Logistics.Service.Excursions;

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
}
