using Logistics.Service.Api;
using Logistics.Service.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Logistics.Service.Excursions;

public static class ExcursionsApi
{
    public static IEndpointRouteBuilder MapExcursionsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/excursions").WithTags("Excursions").RequireAuthorization(Policies.Quality).WithServerProblems()
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/", ListAsync).WithName("ListExcursions")
            .WithSummary("Temperature and humidity excursions (one per alert) with start, end, peak, duration, MKT and band.");
        group.MapGet("/{id}", GetAsync).WithName("GetExcursion").WithSummary("One excursion and the readings it is made of.");
        group.MapGet("/{id}/deliveries", DeliveriesAsync).WithName("GetAffectedDeliveries")
            .WithSummary("The deliveries whose cartons were on board during the excursion, with minutes of exposure.");
        group.MapGet("/{id}/report.csv", CsvAsync).WithName("GetExcursionReportCsv")
            .WithSummary("The excursion and its affected deliveries as CSV, one row per delivery.");
        return endpoints;
    }

    /// <summary>GET /reports/excursions/{id}: the printable page (same key and role as the API).</summary>
    public static IEndpointRouteBuilder MapExcursionReports(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/reports/excursions/{id}", HtmlAsync).RequireAuthorization(Policies.Quality).WithServerProblems()
            .ProducesProblem(StatusCodes.Status404NotFound).WithTags("Excursions").WithName("GetExcursionReportPage").WithSummary("The excursion report as a printable HTML page.");
        return endpoints;
    }

    private static async Task<Results<Ok<IReadOnlyList<ExcursionSummary>>, ValidationProblem>> ListAsync(string? truck, string? sensor,
        string? from, string? to, ExcursionService excursions, CancellationToken ct)
    {
        var errors = new QueryErrors();
        var truckId = errors.Truck("truck", truck);
        var sensorName = errors.Sensor("sensor", sensor);
        var start = errors.Instant("from", from);
        var end = errors.Instant("to", to);
        errors.Range(start, end);
        if (errors.Any) return errors.ToProblem();
        return TypedResults.Ok(await excursions.ListAsync(truckId, sensorName, start, end, ct));
    }

    private static async Task<Results<Ok<ExcursionDetail>, ValidationProblem, ProblemHttpResult>> GetAsync(string id,
        ExcursionService excursions, CancellationToken ct)
    {
        var errors = new QueryErrors();
        if (errors.Id("id", id) is not { } excursionId) return errors.ToProblem();
        if (await excursions.FindAsync(excursionId, ct) is not var (summary, period)) return NotFound(excursionId);
        return TypedResults.Ok(new ExcursionDetail(summary,
            (period?.Readings ?? []).Select(r => new ExcursionDetail.Reading(r.Time, r.TemperatureC, r.HumidityPct)).ToList()));
    }

    private static async Task<Results<Ok<AffectedDeliveries>, ValidationProblem, ProblemHttpResult>> DeliveriesAsync(string id,
        ExcursionService excursions, CancellationToken ct)
    {
        var errors = new QueryErrors();
        if (errors.Id("id", id) is not { } excursionId) return errors.ToProblem();
        return await excursions.DeliveriesAsync(excursionId, ct) is { } found ? TypedResults.Ok(found) : NotFound(excursionId);
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> CsvAsync(string id,
        ExcursionService excursions, CancellationToken ct)
    {
        var errors = new QueryErrors();
        if (errors.Id("id", id) is not { } excursionId) return errors.ToProblem();
        if (await excursions.DeliveriesAsync(excursionId, ct) is not { } found) return NotFound(excursionId);
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(ExcursionReport.Csv(found)), "text/csv; charset=utf-8",
            $"excursion-{excursionId}.csv");
    }

    private static async Task<Results<ContentHttpResult, ValidationProblem, ProblemHttpResult>> HtmlAsync(string id,
        ExcursionService excursions, Microsoft.Extensions.Options.IOptions<Configuration.SiteOptions> site, CancellationToken ct)
    {
        var errors = new QueryErrors();
        if (errors.Id("id", id) is not { } excursionId) return errors.ToProblem();
        if (await excursions.DeliveriesAsync(excursionId, ct) is not { } found) return NotFound(excursionId);
        return TypedResults.Content(ExcursionReport.Html(found, site.Value.Zone), "text/html; charset=utf-8");
    }

    private static ProblemHttpResult NotFound(Guid id) => TypedResults.Problem(new ProblemDetails
    {
        Title = "No such excursion",
        Detail = $"There is no temperature or humidity excursion with id {id} (an excursion's id is its alert's id).",
        Status = StatusCodes.Status404NotFound,
    });
}
