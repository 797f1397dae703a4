using Logistics.Core.Csv;
using Logistics.Data.Forecasts;
using Logistics.Forecasting.History;
using Logistics.Service.Api;
using Logistics.Service.History.Contracts;
using Logistics.Service.Inputs;
using Logistics.Service.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Logistics.Service.History;

/// <summary>The order history forecasts are made from (docs/api/forecasts.md): uploaded as the inputs are (CSV
/// <c>series,date,quantity</c> or <c>store_id,date,cartons</c>, a multipart 'file', or JSON), refused whole with
/// every error named, counted in /api/inputs/stats under "history". Dispatchers and admins change it; every role reads it.</summary>
public static class HistoryApi
{
    public const string Append = "append", Replace = "replace";

    public static IServiceCollection AddOrderHistory(this IServiceCollection services)
    {
        services.AddSingleton<HistoryStore>();
        return services;
    }

    public static IEndpointRouteBuilder MapHistoryApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/history").WithTags("Forecasts");
        api.MapGet("/", GetAsync).RequireAuthorization(Policies.Staff)
            .WithName("GetHistory").WithSummary("Without 'series': how many series, rows and cartons the history holds and its dates; with it: that series' rows.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPut("/", PutAsync).RequireAuthorization(Policies.Dispatch)
            .WithName("PutHistory").WithSummary("Replaces the whole order history (history.csv, a multipart 'file', or a JSON array).")
            .Accepts<HistoryPointJson[]>("application/json", "text/csv", "multipart/form-data")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        api.MapPost("/", PostAsync).RequireAuthorization(Policies.Dispatch)
            .WithName("AddHistory").WithSummary("Adds rows to the history (mode=append, the default: a date a series has takes the new quantity) or replaces the series the upload names (mode=replace).")
            .Accepts<HistoryPointJson[]>("application/json", "text/csv", "multipart/form-data")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return endpoints;
    }

    private static async Task<Results<Ok<HistorySummaryJson>, Ok<HistorySeriesJson>, ProblemHttpResult>> GetAsync(string? series, HistoryStore history,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(series)) return TypedResults.Ok(await SummaryAsync(history, cancellationToken));
        var rows = await history.GetSeriesAsync(series, cancellationToken);
        if (rows.Count == 0)
            return TypedResults.Problem(title: "No such series", statusCode: StatusCodes.Status404NotFound,
                detail: $"the saved history has no series '{series}'; GET /api/history lists the series it has");
        return TypedResults.Ok(new HistorySeriesJson(series, rows.Sum(r => r.Quantity), rows.Select(r => new HistoryRowJson(r.Date, r.Quantity)).ToArray()));
    }

    private static Task<Results<Ok<HistoryImportResult>, ValidationProblem, ProblemHttpResult>> PutAsync(HttpRequest request, HistoryStore history,
        InputCounters counters, IOptions<JsonOptions> json, ILoggerFactory logs, CancellationToken cancellationToken) =>
        ImportAsync(request, "replaceAll", history.ReplaceAllAsync, history, counters, json, logs, cancellationToken);

    private static async Task<Results<Ok<HistoryImportResult>, ValidationProblem, ProblemHttpResult>> PostAsync(string? mode, HttpRequest request,
        HistoryStore history, InputCounters counters, IOptions<JsonOptions> json, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        var chosen = string.IsNullOrEmpty(mode) ? Append : mode.Trim().ToLowerInvariant();
        if (chosen is not (Append or Replace))
        {
            var error = new InputError("query string", 0, "mode", mode!, $"not a mode: use {Append} (add rows, the default) or {Replace} (replace the series the upload names)");
            counters.Refused(InputCounters.History, error);
            return InputProblems.From([error], "The history was not imported", "the saved history is unchanged");
        }
        return await ImportAsync(request, chosen, chosen == Append ? history.AppendAsync : history.ReplaceSeriesAsync, history, counters, json, logs,
            cancellationToken);
    }

    private static async Task<Results<Ok<HistoryImportResult>, ValidationProblem, ProblemHttpResult>> ImportAsync(HttpRequest request, string mode,
        Func<IReadOnlyList<HistoryPoint>, CancellationToken, Task<int>> save, HistoryStore history, InputCounters counters, IOptions<JsonOptions> json,
        ILoggerFactory logs, CancellationToken cancellationToken)
    {
        var series = 0;
        var answer = await InputsApi.ImportAsync<IReadOnlyList<HistoryPoint>>(request, InputCounters.History, "history.csv", counters, logs, cancellationToken,
            (body, errors) => body.IsJson
                ? InputsApi.Deserialize<List<HistoryPointJson?>>(body, json.Value.SerializerOptions, errors) is { } items ? HistoryJsonReader.Read(items, errors) : null
                : InputsApi.Csv(errors, () => HistoryCsv.Read(body.OpenText(), body.Name).Points),
            points =>
            {
                series = points.Select(p => p.Series).Distinct(StringComparer.Ordinal).Count();
                return save(points, cancellationToken);
            });
        return answer.Result switch
        {
            Ok<Inputs.Contracts.ImportResult> ok => TypedResults.Ok(new HistoryImportResult(ok.Value!.Imported, series, mode, await SummaryAsync(history, cancellationToken))),
            ValidationProblem problem => problem,
            ProblemHttpResult problem => problem,
            _ => throw new InvalidOperationException("unexpected import answer"),
        };
    }

    private static async Task<HistorySummaryJson> SummaryAsync(HistoryStore history, CancellationToken cancellationToken)
    {
        var summary = await history.SummaryAsync(cancellationToken);
        var ids = await history.SeriesIdsAsync(cancellationToken);
        return new HistorySummaryJson(summary.Series, summary.Rows, summary.First, summary.Last, Math.Round(summary.Total, 2), ids);
    }
}
