using System.Globalization;
using System.Text.Json;
using Logistics.Data.Inputs;
using Logistics.Routing.Planning;
using Logistics.Service.Api;
using Logistics.Service.Inputs.Contracts;
using Logistics.Service.Security;
using Logistics.Scenarios;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

using Logistics.Service.Planning;
using Logistics.Core.Csv;

namespace Logistics.Service.Inputs;

/// <summary>The day inputs: the store list, the fleet, each date's orders, and a generated demo day
/// (docs/api/inputs.md). Dispatchers and admins change them; every role may read them.</summary>
public static class InputsApi
{
    public const int MaxDemoStores = 5000, MaxDemoTrucks = 500;
    private const string Body = "request body", Query = "query string";

    public static IServiceCollection AddDayInputs(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DayInputStore>();
        services.AddSingleton<InputCounters>();
        return services;
    }

    public static IEndpointRouteBuilder MapInputsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").WithTags("Inputs");
        api.MapGet("/stores", GetStoresAsync).RequireAuthorization(Policies.Staff)
            .WithName("GetStores").WithSummary("The saved store list, in imported order.");
        api.MapPut("/stores", PutStoresAsync).RequireAuthorization(Policies.Dispatch)
            .WithName("PutStores").WithSummary("Replaces the store list (stores.csv, a multipart 'file', or a JSON array).")
            .Accepts<StoreJson[]>("application/json", "text/csv", "multipart/form-data")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        api.MapGet("/fleet", GetFleetAsync).RequireAuthorization(Policies.Staff)
            .WithName("GetFleet").WithSummary("The saved depots and vehicle types.");
        api.MapPut("/fleet", PutFleetAsync).RequireAuthorization(Policies.Dispatch)
            .WithName("PutFleet").WithSummary("Replaces the fleet (fleet.csv, a multipart 'file', or a JSON object).")
            .Accepts<FleetJson>("application/json", "text/csv", "multipart/form-data")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        api.MapGet("/orders", GetOrdersAsync).RequireAuthorization(Policies.Staff)
            .WithName("GetOrders").WithSummary("The saved orders of one delivery date.");
        api.MapPut("/orders", PutOrdersAsync).RequireAuthorization(Policies.Dispatch)
            .WithName("PutOrders").WithSummary("Replaces one date's orders (orders.csv, a multipart 'file', or a JSON array); every order must name a saved store.")
            .Accepts<OrderJson[]>("application/json", "text/csv", "multipart/form-data")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        api.MapPost("/demo-day", PostDemoDayAsync).RequireAuthorization(Policies.Dispatch)
            .WithName("CreateDemoDay").WithSummary("Generates a Nanning day (stores, fleet, that date's orders) and saves it in place of the inputs.")
            .Accepts<DemoDayRequest>("application/json");
        api.MapGet("/inputs/stats", (InputCounters counters) => TypedResults.Ok(counters.Snapshot())).RequireAuthorization(Policies.Staff)
            .WithName("GetInputStats").WithSummary("Imports accepted and refused since the service started, and the latest refusal.");
        return endpoints;
    }

    private static async Task<Ok<StoreJson[]>> GetStoresAsync(DayInputStore inputs, CancellationToken cancellationToken) =>
        TypedResults.Ok((await inputs.GetStoresAsync(cancellationToken)).Select(StoreJson.From).ToArray());

    private static async Task<Ok<FleetJson>> GetFleetAsync(DayInputStore inputs, CancellationToken cancellationToken) =>
        TypedResults.Ok(FleetJson.From(await inputs.GetFleetAsync(cancellationToken)));

    private static async Task<Results<Ok<OrderJson[]>, ValidationProblem>> GetOrdersAsync(string? date, DayInputStore inputs, CancellationToken cancellationToken)
    {
        if (ParseDate(date, Query) is { } error) return InputProblems.From([error], "The orders could not be read", "nothing was changed");
        var day = DateOnly.ParseExact(date!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return TypedResults.Ok((await inputs.GetOrdersAsync(day, cancellationToken)).Select(OrderJson.From).ToArray());
    }

    private static Task<Results<Ok<ImportResult>, ValidationProblem, ProblemHttpResult>> PutStoresAsync(
        HttpRequest request, DayInputStore inputs, InputCounters counters, IOptions<JsonOptions> json, ILoggerFactory logs, CancellationToken cancellationToken) =>
        ImportAsync(request, InputCounters.Stores, "stores.csv", counters, logs, cancellationToken,
            (body, errors) =>
            {
                var stores = body.IsJson
                    ? Deserialize<List<StoreJson?>>(body, json.Value.SerializerOptions, errors) is { } items ? JsonInputReader.Stores(items, errors) : null
                    : Csv(errors, () => StoresCsv.Read(body.OpenText(), body.Name));
                if (stores is { Count: 0 } && errors.Count == 0)
                    errors.Add(new InputError(body.Name, 0, "stores", "", "the list has no store: a planning day needs at least one"));
                return stores;
            },
            stores => inputs.ReplaceStoresAsync(stores, cancellationToken));

    private static Task<Results<Ok<ImportResult>, ValidationProblem, ProblemHttpResult>> PutFleetAsync(
        HttpRequest request, DayInputStore inputs, InputCounters counters, IOptions<JsonOptions> json, ILoggerFactory logs, CancellationToken cancellationToken) =>
        ImportAsync(request, InputCounters.Fleet, "fleet.csv", counters, logs, cancellationToken,
            (body, errors) => body.IsJson
                ? JsonInputReader.Fleet(Deserialize<FleetJson>(body, json.Value.SerializerOptions, errors), errors)
                : Csv(errors, () => FleetCsv.Read(body.OpenText(), body.Name)),
            fleet => inputs.ReplaceFleetAsync(fleet, cancellationToken));

    private static async Task<Results<Ok<ImportResult>, ValidationProblem, ProblemHttpResult>> PutOrdersAsync(
        string? date, HttpRequest request, DayInputStore inputs, InputCounters counters, IOptions<JsonOptions> json, ILoggerFactory logs,
        CancellationToken cancellationToken)
    {
        if (ParseDate(date, Query) is { } error)
        {
            counters.Refused(InputCounters.Orders, error);
            return InputProblems.From([error], "The orders were not imported", "the saved orders are unchanged");
        }
        var day = DateOnly.ParseExact(date!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var storeIds = (await inputs.GetStoresAsync(cancellationToken)).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        return await ImportAsync(request, InputCounters.Orders, "orders.csv", counters, logs, cancellationToken,
            (body, errors) => body.IsJson
                ? Deserialize<List<OrderJson?>>(body, json.Value.SerializerOptions, errors) is { } items ? JsonInputReader.Orders(items, storeIds, errors) : null
                : Csv(errors, () => OrdersCsv.Read(body.OpenText(), body.Name, storeIds)),
            orders => inputs.ReplaceOrdersAsync(day, orders, cancellationToken));
    }

    private static async Task<Results<Ok<DemoDayResult>, ValidationProblem, ProblemHttpResult>> PostDemoDayAsync(
        HttpRequest request, DayInputStore inputs, InputCounters counters, IOptions<JsonOptions> json, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        var (body, refusal) = await UploadedBody.ReadAsync(request, Body, cancellationToken);
        if (refusal is not null) return refusal;
        var errors = new List<InputError>();
        var demo = Deserialize<DemoDayRequest>(body!, json.Value.SerializerOptions, errors);
        if (demo is not null)
        {
            if (ParseDate(demo.Date, Body) is { } dateError) errors.Add(dateError);
            if (demo.Stores is < 1 or > MaxDemoStores)
                errors.Add(new InputError(Body, 0, "stores", Text(demo.Stores.Value), $"the demo network has 1 to {MaxDemoStores} stores"));
            if (demo.Trucks is < 1 or > MaxDemoTrucks)
                errors.Add(new InputError(Body, 0, "trucks", Text(demo.Trucks.Value), $"give 1 to {MaxDemoTrucks} trucks, or leave it out to size the fleet for the day"));
        }
        else if (errors.Count == 0)
        {
            errors.Add(new InputError(Body, 0, "body", "null", "send a JSON object, e.g. {\"date\":\"2026-11-23\"}"));
        }
        if (errors.Count > 0)
        {
            Refuse(counters, logs, InputCounters.DemoDay, errors);
            return InputProblems.From(errors, "The demo day was not created", "the saved inputs are unchanged");
        }
        var date = DateOnly.ParseExact(demo!.Date!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var day = OrdersSimulator.Generate(demo.Stores ?? 200, demo.Seed ?? 1, demo.Trucks);
        await inputs.ReplaceDayAsync(day.Stores, new Fleet([day.Depot], day.Fleet), date, day.Orders, cancellationToken);
        counters.Imported(InputCounters.DemoDay);
        return TypedResults.Ok(new DemoDayResult(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), day.Stores.Count, day.Orders.Count,
            day.Orders.Sum(o => o.Cartons), day.Fleet.Sum(v => v.Count)));
    }

    /// <summary>Reads the body, parses it, and saves it only when it has no error at all (the history API imports the same way).</summary>
    internal static async Task<Results<Ok<ImportResult>, ValidationProblem, ProblemHttpResult>> ImportAsync<T>(
        HttpRequest request, string list, string csvName, InputCounters counters, ILoggerFactory logs, CancellationToken cancellationToken,
        Func<UploadedBody, List<InputError>, T?> parse, Func<T, Task<int>> save) where T : class
    {
        var (body, refusal) = await UploadedBody.ReadAsync(request, csvName, cancellationToken);
        if (refusal is not null) return refusal;
        var errors = new List<InputError>();
        var value = parse(body!, errors);
        if (errors.Count > 0 || value is null)
        {
            if (errors.Count == 0) errors.Add(new InputError(body!.Name, 0, list, "", "nothing could be read"));
            Refuse(counters, logs, list, errors);
            return InputProblems.From(errors, $"The {list} {(IsOne(list) ? "was" : "were")} not imported",
                $"nothing was saved and the previous {list} {(IsOne(list) ? "is" : "are")} unchanged");
        }
        var imported = await save(value);
        counters.Imported(list);
        return TypedResults.Ok(new ImportResult(imported));
    }

    private static bool IsOne(string list) => list is InputCounters.Fleet or InputCounters.History;

    internal static void Refuse(InputCounters counters, ILoggerFactory logs, string list, IReadOnlyList<InputError> errors)
    {
        counters.Refused(list, errors[0]);
        logs.CreateLogger(typeof(InputsApi)).LogWarning("Import of {List} refused with {Count} errors; first: field {Field}, value '{Value}': {Problem} ({File} row {Row})",
            list, errors.Count, errors[0].Field, errors[0].Value, errors[0].Problem, errors[0].File, errors[0].Row);
    }

    internal static T? Csv<T>(List<InputError> errors, Func<T> read) where T : class
    {
        try { return read(); }
        catch (InputValidationException e)
        {
            errors.AddRange(e.Errors);
            return null;
        }
    }

    /// <summary>A body that is not JSON, or a member of the wrong type, becomes an error on the member its path names.</summary>
    internal static T? Deserialize<T>(UploadedBody body, JsonSerializerOptions options, List<InputError> errors) where T : class
    {
        try { return JsonSerializer.Deserialize<T>(body.Content, options); }
        catch (JsonException e)
        {
            var path = string.IsNullOrEmpty(e.Path) ? "$" : e.Path;
            var member = path.Split('.')[^1];
            var field = path == "$" || member.StartsWith('$') ? "body" : member.Split('[')[0];
            var where = e.LineNumber is { } line ? $" (line {line + 1}, byte {e.BytePositionInLine + 1})" : "";
            errors.Add(new InputError(path, 0, field, "", $"not readable{where}: malformed JSON, or a value of the wrong type (a number, text, true/false or list)"));
            return null;
        }
    }

    /// <param name="where">Where the date was given: "query string" or "request body".</param>
    private static InputError? ParseDate(string? text, string where)
    {
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return new InputError(where, 0, "date", text ?? "",
                text is null ? "the delivery date is required: write yyyy-MM-dd, e.g. 2026-11-23" : $"not a date: write yyyy-MM-dd from {DateLimits.DayRange}, e.g. 2026-11-23");
        return DateLimits.DayProblem(day) is null
            ? null
            : new InputError(where, 0, "date", text!, $"not a delivery day this service plans: give a date from {DateLimits.DayRange}");
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
