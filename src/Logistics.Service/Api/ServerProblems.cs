using Logistics.Telemetry.Influx;

namespace Logistics.Service.Api;

/// <summary>Endpoint filters for the servers an answer depends on (InfluxDB for the QA endpoints).</summary>
public static class ServerProblems
{
    /// <summary>A server the answer depends on is down: 503 naming it, rather than a 500 that hides why.</summary>
    public static TBuilder WithServerProblems<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
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
