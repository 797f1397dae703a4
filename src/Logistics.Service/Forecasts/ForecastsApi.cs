using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Logistics.Core;
using Logistics.Data.Forecasts;
using Logistics.Data.Jobs;
using Logistics.Data.Inputs;
using Logistics.Data.Plans;
using Logistics.Forecasting;
using Logistics.Forecasting.Output;
using Logistics.Service.Api;
using Logistics.Service.Forecasts.Contracts;
using Logistics.Service.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Logistics.Service.Forecasts;

/// <summary>Forecast jobs on the saved order history, their results, and what a dispatcher does with them: trucks
/// needed, stores to stock up, and a forecast period turned into a day's orders to plan (docs/api/forecasts.md).</summary>
public static class ForecastsApi
{
    public const int DefaultUtilisationPercent = 85, DefaultThresholdPercent = 20, MaxThresholdPercent = 1000;
    public const string LevelForecast = "forecast", LevelUpper80 = "upper80";

    public static IServiceCollection AddForecasting(this IServiceCollection services)
    {
        services.AddOptions<ForecastingOptions>().BindConfiguration(ForecastingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ForecastStore>();
        services.AddSingleton<ForecastJobQueue>();
        services.AddHostedService<ForecastWorker>();
        return services;
    }

    public static IEndpointRouteBuilder MapForecastsApi(this IEndpointRouteBuilder endpoints)
    {
        var forecasts = endpoints.MapGroup("/api/forecasts").WithTags("Forecasts").RequireAuthorization(Policies.Staff)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        forecasts.MapPost("/", CreateAsync).RequireAuthorization(Policies.Dispatch).Accepts<ForecastJobOptions>("application/json")
            .WithName("CreateForecast").WithSummary("Queue a forecast of the saved order history");
        forecasts.MapGet("/", ListAsync).WithName("ListForecasts").WithSummary("Forecast jobs, newest first");
        forecasts.MapGet("/{id}", GetAsync).WithName("GetForecast").WithSummary("A forecast job: status, progress, result summary with the backtest per method");
        forecasts.MapGet("/{id}/history", HistoryAsync).WithName("GetForecastHistory")
            .WithSummary("Which instance claimed the job, released it or took it over, and when");
        forecasts.MapGet("/{id}/depot", DepotAsync).WithName("GetForecastDepot").WithSummary("The depot total: history and forecast with 80/95% intervals");
        forecasts.MapGet("/{id}/series/{series}", SeriesAsync).WithName("GetForecastSeries").WithSummary("One store's history and forecast with 80/95% intervals");
        forecasts.MapGet("/{id}/forecast.csv", CsvAsync).WithName("GetForecastCsv")
            .WithSummary("series,date,forecast,lower80,upper80,lower95,upper95,method as logistics forecast writes it");
        forecasts.MapGet("/{id}/backtest.csv", BacktestCsvAsync).WithName("GetForecastBacktestCsv").WithSummary("The backtest per series and method");
        forecasts.MapGet("/{id}/trucks", TrucksAsync).WithName("GetForecastTrucks")
            .WithSummary("Trucks a delivery day needs in each future period (forecast and upper 80%) over the saved fleet at a utilisation (percent, default 85); deliveryDays a week from the history unless given");
        forecasts.MapGet("/{id}/stock-up", StockUpAsync).WithName("GetForecastStockUp")
            .WithSummary("Stores whose next month is forecast at least 'threshold' percent (default 20) above this one, largest increase first");
        forecasts.MapPost("/{id}/orders", OrdersAsync).RequireAuthorization(Policies.Dispatch).Accepts<object>("application/json")
            .WithName("CreateOrdersFromForecast").WithSummary("What-if: one forecast period as a date's orders (one per saved store, rounded cartons), saved like PUT /api/orders");
        forecasts.MapPost("/{id}/cancel", CancelAsync).RequireAuthorization(Policies.Dispatch)
            .WithName("CancelForecast").WithSummary("Cancel a queued or running forecast");
        forecasts.MapDelete("/{id}", CancelAsync).RequireAuthorization(Policies.Dispatch)
            .WithName("DeleteForecast").WithSummary("The same as POST /{id}/cancel: a queued or running forecast stops; its record stays");
        return endpoints;
    }

    private static async Task<Results<Accepted<ForecastView>, ValidationProblem, ProblemHttpResult>> CreateAsync(HttpRequest request, ForecastStore store,
        HistoryStore history, ForecastJobQueue queue, TimeProvider clock, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync(request, cancellationToken);
        var options = ForecastRequest.Read(body);
        if (options is null) return body.ToProblem("The forecast was not started");
        if ((await history.SummaryAsync(cancellationToken)).Rows == 0)
            return TypedResults.Problem(Problem(StatusCodes.Status409Conflict, "No order history", "there is nothing to forecast from: upload it with PUT /api/history first"));
        var record = new ForecastRecord(NewId(), PlanStatus.Queued, clock.GetUtcNow(), null, null, options, null, null, null, null);
        await store.CreateAsync(record, cancellationToken);
        queue.Enqueue(record.Id);
        return TypedResults.Accepted($"/api/forecasts/{record.Id}", ForecastView.From(record, null));
    }

    private static async Task<Ok<IReadOnlyList<ForecastView>>> ListAsync(ForecastStore store, ForecastJobQueue queue, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<ForecastView>>((await store.ListAsync(cancellationToken)).Select(r => ForecastView.From(r, queue.ProgressOf(r.Id))).ToArray());

    private static async Task<Results<Ok<ForecastView>, ProblemHttpResult>> GetAsync(string id, ForecastStore store, ForecastJobQueue queue,
        CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken) is { } record ? TypedResults.Ok(ForecastView.From(record, queue.ProgressOf(id))) : NotFound(id);

    private static async Task<Results<Ok<SeriesView>, ProblemHttpResult>> DepotAsync(string id, ForecastStore store, CancellationToken cancellationToken)
    {
        var record = await store.GetAsync(id, cancellationToken);
        if (record?.Result is not { } result) return Refusal(id, record);
        return TypedResults.Ok(SeriesView.From(id, result.Period, result.DepotTotal));
    }

    private static async Task<Results<Ok<SeriesView>, ProblemHttpResult>> SeriesAsync(string id, string series, ForecastStore store,
        CancellationToken cancellationToken)
    {
        var record = await store.GetAsync(id, cancellationToken);
        if (record?.Result is not { } result) return Refusal(id, record);
        if (result.Series.FirstOrDefault(s => s.Series == series) is not { } found)
            return TypedResults.Problem(Problem(StatusCodes.Status404NotFound, "No such series",
                $"forecast {id} has no series '{series}'; it has {result.Series.Count} (GET /api/history lists the history's series)"));
        return TypedResults.Ok(SeriesView.From(id, result.Period, found));
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> CsvAsync(string id, ForecastStore store, CancellationToken cancellationToken)
    {
        var record = await store.GetAsync(id, cancellationToken);
        if (record?.Result is not { } result) return Refusal(id, record);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        ForecastCsv.Write(result, writer);
        return TypedResults.Text(writer.ToString(), "text/csv; charset=utf-8", Encoding.UTF8);
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> BacktestCsvAsync(string id, ForecastStore store, CancellationToken cancellationToken)
    {
        var record = await store.GetAsync(id, cancellationToken);
        if (record?.Result is not { } result) return Refusal(id, record);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        BacktestCsv.Write(result, writer);
        return TypedResults.Text(writer.ToString(), "text/csv; charset=utf-8", Encoding.UTF8);
    }

    private static async Task<Results<Ok<TrucksNeeded>, ValidationProblem, ProblemHttpResult>> TrucksAsync(string id, string? utilisation,
        string? deliveryDays, ForecastStore store, DayInputStore inputs, HistoryStore history, CancellationToken cancellationToken)
    {
        var query = new QueryErrors();
        var percent = query.Integer("utilisation", utilisation, DefaultUtilisationPercent, 1, 100);
        var perWeek = query.Integer("deliveryDays", deliveryDays, 0, 1, 7);
        if (query.Any) return query.ToProblem();
        var record = await store.GetAsync(id, cancellationToken);
        if (record?.Result is not { } result) return Refusal(id, record);
        var fleet = await inputs.GetFleetAsync(cancellationToken);
        if (fleet.VehicleTypes.Count == 0)
            return TypedResults.Problem(Problem(StatusCodes.Status409Conflict, "No fleet", "trucks are counted against the saved fleet: upload it with PUT /api/fleet first"));
        double days = perWeek;
        if (perWeek == 0)
        {
            // The depot's own rhythm: the days of the history's last four weeks that had deliveries.
            var last = (await history.SummaryAsync(cancellationToken)).Last ?? result.DepotTotal.Points[0].Date.AddDays(-1);
            var dates = await history.DatesBetweenAsync(last.AddDays(1 - FleetNeeds.LookBackDays), last, cancellationToken);
            days = Math.Clamp(Math.Round(dates * 7.0 / FleetNeeds.LookBackDays, 1), 1, 7);
        }
        var share = percent / 100.0;
        return TypedResults.Ok(new TrucksNeeded(id, result.Period.Name(), share, days, fleet.VehicleTypes.Sum(v => v.Count),
            fleet.VehicleTypes.Sum(v => v.Count * v.CapacityCartons), FleetNeeds.Compute(result.DepotTotal, result.Period, fleet, share, days)));
    }

    private static async Task<Results<Ok<StockUpList>, ValidationProblem, ProblemHttpResult>> StockUpAsync(string id, string? threshold,
        ForecastStore store, CancellationToken cancellationToken)
    {
        var query = new QueryErrors();
        var percent = query.Integer("threshold", threshold, DefaultThresholdPercent, 1, MaxThresholdPercent);
        if (query.Any) return query.ToProblem();
        var record = await store.GetAsync(id, cancellationToken);
        if (record?.Result is not { } result) return Refusal(id, record);
        if (StockUp.Compute(result, percent) is not { } list)
            return TypedResults.Problem(Problem(StatusCodes.Status409Conflict, "The forecast ends within its first month",
                $"forecast {id} covers {result.Horizon} {result.Period.Name()}(s) from {DateLimits.Day(result.DepotTotal.Points[0].Date)}: start one with a longer horizon to compare next month with this one"));
        return TypedResults.Ok(new StockUpList(id, list.ThisMonth.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            list.NextMonth.ToString("yyyy-MM", CultureInfo.InvariantCulture), percent, list.Stores));
    }

    private static async Task<Results<Ok<WhatIfOrders>, ValidationProblem, ProblemHttpResult>> OrdersAsync(string id, HttpRequest request,
        ForecastStore store, DayInputStore inputs, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync(request, cancellationToken);
        var periodText = body.String("period");
        var date = body.String("date") is null ? null : body.Date("date");
        var level = body.String("level") ?? LevelForecast;
        if (level is not (LevelForecast or LevelUpper80)) body.Add("level", $"'{level}' is not a level; use {LevelForecast} (the point forecast, the default) or {LevelUpper80}");
        var record = await store.GetAsync(id, cancellationToken);
        if (record?.Result is not { } result) return Refusal(id, record);
        var periods = result.DepotTotal.Points.Select(p => p.Date).ToArray();
        var listed = string.Join(", ", periods.Select(DateLimits.Day));
        DateOnly? period = null;
        if (periodText is null) { if (!body.Errors.ContainsKey("period")) body.Add("period", $"is required: the first day of a forecast period, one of {listed}"); }
        else if (!DateOnly.TryParseExact(periodText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var p) || !periods.Contains(p))
            body.Add("period", $"'{periodText}' is not a period of forecast {id}; use one of {listed}");
        else period = p;
        var day = date ?? period;
        if (day is { } d && DateLimits.DayProblem(d) is { } dayProblem && !body.Errors.ContainsKey("date")) body.Add(date is null ? "period" : "date", dayProblem);
        if (body.Any || period is null || day is null) return body.ToProblem("No orders were made");

        var stores = (await inputs.GetStoresAsync(cancellationToken)).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        if (stores.Count == 0)
            return TypedResults.Problem(Problem(StatusCodes.Status409Conflict, "No stores", "orders must name saved stores: upload them with PUT /api/stores first"));
        var orders = new List<Order>();
        var skipped = new List<string>();
        foreach (var s in result.Series)
        {
            if (s.Points.FirstOrDefault(x => x.Date == period) is not { } point) continue;
            var cartons = (int)Math.Round(level == LevelUpper80 ? point.Upper80 : point.Forecast, MidpointRounding.AwayFromZero);
            if (cartons <= 0) continue;
            if (!stores.Contains(s.Series)) { skipped.Add(s.Series); continue; }
            orders.Add(new Order($"F-{s.Series}", s.Series, cartons));
        }
        await inputs.ReplaceOrdersAsync(day.Value, orders, cancellationToken);
        var dayText = DateLimits.Day(day.Value);
        return TypedResults.Ok(new WhatIfOrders(id, period.Value, day.Value, level, orders.Count, orders.Sum(o => o.Cartons), skipped,
            $"POST /api/plans {{\"date\":\"{dayText}\"}}", $"dispatch.html?date={dayText}"));
    }

    private static async Task<Results<Accepted<ForecastView>, ProblemHttpResult>> CancelAsync(string id, ForecastStore store, ForecastJobQueue queue,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(id, cancellationToken) is not { } record) return NotFound(id);
        var cancelled = record.Status == PlanStatus.Queued
                        && await store.CancelQueuedAsync(id, "cancelled before it started", clock.GetUtcNow(), cancellationToken);
        // A queued job may have started between the read and the update: then it is cancelled as a running one, here or
        // (through the database) by the instance running it.
        if (!cancelled && !queue.CancelRunning(id) && !await store.RequestCancelAsync(id, cancellationToken))
            return TypedResults.Problem(Problem(StatusCodes.Status409Conflict, "The forecast has ended",
                $"forecast {id} is {record.Status}; only a queued or running forecast can be cancelled"));
        var now = await store.GetAsync(id, cancellationToken) ?? record;
        return TypedResults.Accepted($"/api/forecasts/{id}", ForecastView.From(now, queue.ProgressOf(id)));
    }

    /// <summary>Why a job has no result to show: it does not exist (404) or has not succeeded (409).</summary>
    private static ProblemHttpResult Refusal(string id, ForecastRecord? record)
    {
        if (record is null) return NotFound(id);
        return TypedResults.Problem(Problem(StatusCodes.Status409Conflict, "The forecast has no result",
            record.Status is PlanStatus.Queued or PlanStatus.Running
                ? $"forecast {id} is {record.Status}; wait until it has succeeded (GET /api/forecasts/{id})"
                : $"forecast {id} {record.Status} without a result{(record.Error is null ? "" : $": {record.Error}")}"));
    }

    private static async Task<Results<Ok<IReadOnlyList<JobEvent>>, ProblemHttpResult>> HistoryAsync(string id, ForecastStore store,
        CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken) is null ? NotFound(id) : TypedResults.Ok(await store.HistoryAsync(id, cancellationToken));

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem(Problem(StatusCodes.Status404NotFound, "No such forecast", $"there is no forecast '{id}'; GET /api/forecasts lists them"));

    private static ProblemDetails Problem(int status, string title, string detail) => new() { Status = status, Title = title, Detail = detail };

    /// <summary>Short, URL-safe and unguessable enough that ids cannot be walked.</summary>
    private static string NewId() => "f_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}
