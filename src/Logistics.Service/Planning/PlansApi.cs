using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Logistics.Core;
using Logistics.Data.Jobs;
using Logistics.Data.Plans;
using Logistics.Routing.Engines;
using Logistics.Routing.Planning;
using Logistics.Routing.Planning.Editing;
using Logistics.Service.Api;
using Logistics.Service.Excursions;
using Logistics.Service.Planning.Contracts;
using Logistics.Service.Planning.Publishing;
using Logistics.Service.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Logistics.Service.Planning;

/// <summary>Planning jobs, their plans, edits and publication to the trucks (docs/api/plans.md).</summary>
public static class PlansApi
{
    public const int DefaultTimeLimitSeconds = 30, MaxTimeLimitSeconds = 600;

    /// <summary>The job queue and its worker, the plan store, publishing, and <see cref="IPublishedRoutes"/>.
    /// Jobs plan the day inputs saved by the inputs API (<see cref="DayProblems"/>).</summary>
    public static IServiceCollection AddPlanning(this IServiceCollection services)
    {
        services.AddOptions<PlanningOptions>().BindConfiguration(PlanningOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PlanStore>();
        services.AddSingleton<DayProblems>();
        services.AddSingleton<PlanJobQueue>();
        services.AddSingleton<PlanEditGate>();
        services.AddSingleton<PlanPublisher>();
        services.AddSingleton<IPublishedRoutes, PublishedRoutes>();
        services.AddHostedService<PlanWorker>();
        return services;
    }

    public static IEndpointRouteBuilder MapPlansApi(this IEndpointRouteBuilder endpoints)
    {
        var plans = endpoints.MapGroup("/api/plans").WithTags("Plans").RequireAuthorization(Policies.Staff)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        plans.MapPost("/", CreateAsync).RequireAuthorization(Policies.Dispatch).Accepts<CreatePlanRequest>("application/json")
            .WithName("CreatePlan").WithSummary("Queue a planning job for a day");
        plans.MapGet("/", ListAsync).WithName("ListPlans").WithSummary("Planning jobs, newest first, optionally of one day");
        plans.MapGet("/{id}", GetAsync).WithName("GetPlan").WithSummary("A planning job: status, progress, totals");
        plans.MapGet("/{id}/history", HistoryAsync).WithName("GetPlanHistory")
            .WithSummary("Which instance claimed the job, released it or took it over, and when");
        plans.MapGet("/{id}/result", ResultAsync).WithName("GetPlanResult").WithSummary("The plan: routes, stops, unassigned orders, trucks once published");
        plans.MapGet("/{id}/geojson", GeoJsonAsync).WithName("GetPlanGeoJson").WithSummary("The plan as GeoJSON for a map");
        plans.MapGet("/{id}/manifests/{routeId}.csv", ManifestAsync).WithName("GetRouteManifest").WithSummary("A route's driver manifest as CSV");
        plans.MapPost("/{id}/cancel", CancelAsync).RequireAuthorization(Policies.Dispatch)
            .WithName("CancelPlan").WithSummary("Cancel a queued or running job (a running one keeps its best plan so far)");
        plans.MapPost("/{id}/moves", MoveAsync).RequireAuthorization(Policies.Dispatch).Accepts<MoveRequest>("application/json")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithName("MoveStore").WithSummary("Move a store's deliveries to another route; 422 says why it cannot go there");
        plans.MapPost("/{id}/reoptimize", ReoptimizeAsync).RequireAuthorization(Policies.Dispatch).Accepts<ReoptimizeRequest>("application/json")
            .WithName("ReoptimizePlan").WithSummary("Queue a job that keeps the locked routes and plans the rest again");
        plans.MapPost("/{id}/publish", PublishAsync).RequireAuthorization(Policies.Dispatch).Accepts<PublishRequest>("application/json")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithName("PublishPlan").WithSummary("Send each route to its truck (retained on fleet/{truck}/plan) and record it");
        return endpoints;
    }

    private static async Task<Results<Accepted<PlanView>, ValidationProblem>> CreateAsync(HttpRequest request, PlanStore store, PlanJobQueue queue,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync(request, cancellationToken);
        var date = body.Date("date");
        var limit = TimeLimit(body);
        var seed = body.Int("seed");
        var soft = body.Bool("softWindows") ?? false;
        var engine = Engine(body, RoutingEngines.Default);
        if (body.Any || date is null) return body.ToProblem();

        var record = new PlanRecord(NewId(), date.Value, PlanStatus.Queued, null, clock.GetUtcNow(), null, null,
            new PlanJobOptions(limit, seed, soft, [], engine), null, null, null, null);
        await store.CreateAsync(record, null, cancellationToken);
        queue.Enqueue(record.Id);
        return TypedResults.Accepted($"/api/plans/{record.Id}", PlanView.From(record, null, null));
    }

    private static async Task<Results<Ok<IReadOnlyList<PlanView>>, ValidationProblem>> ListAsync(string? date, PlanStore store, PlanJobQueue queue,
        CancellationToken cancellationToken)
    {
        DateOnly? day = null;
        if (date is not null)
        {
            if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var parsed))
                return FieldErrors.One("date", $"'{date}' is not a date; use yyyy-MM-dd from {DateLimits.DayRange}, e.g. 2026-11-23");
            if (Api.DateLimits.DayProblem(parsed) is { } problem)
                return FieldErrors.One("date", problem);
            day = parsed;
        }
        var views = new List<PlanView>();
        foreach (var record in await store.ListAsync(day, cancellationToken)) views.Add(await ViewAsync(record, store, queue, cancellationToken));
        return TypedResults.Ok<IReadOnlyList<PlanView>>(views);
    }

    private static async Task<Results<Ok<IReadOnlyList<JobEvent>>, ProblemHttpResult>> HistoryAsync(string id, PlanStore store,
        CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken) is null ? NotFound(id) : TypedResults.Ok(await store.HistoryAsync(id, cancellationToken));

    private static async Task<Results<Ok<PlanView>, ProblemHttpResult>> GetAsync(string id, PlanStore store, PlanJobQueue queue,
        CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken) is { } record
            ? TypedResults.Ok(await ViewAsync(record, store, queue, cancellationToken))
            : NotFound(id);

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> ResultAsync(string id, PlanStore store,
        CancellationToken cancellationToken)
    {
        if (await store.GetAsync(id, cancellationToken) is not { } record) return NotFound(id);
        if (record.Plan is not { } plan) return NoResult(record);
        return TypedResults.Text(await ResultJsonAsync(record, plan, store, cancellationToken), "application/json; charset=utf-8", Encoding.UTF8);
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> GeoJsonAsync(string id, PlanStore store,
        CancellationToken cancellationToken)
    {
        if (await store.GetAsync(id, cancellationToken) is not { } record) return NotFound(id);
        if (record.Plan is not { } plan) return NoResult(record);
        return TypedResults.Text(PlanGeoJson.Serialize(plan), "application/geo+json; charset=utf-8", Encoding.UTF8);
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> ManifestAsync(string id, string routeId,
        PlanStore store, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(id, cancellationToken) is not { } record) return NotFound(id);
        if (record.Plan is not { } plan) return NoResult(record);
        if (plan.Routes.FirstOrDefault(r => r.RouteId == routeId) is not { } route)
            return TypedResults.Problem(Problem(StatusCodes.Status404NotFound, "No such route",
                $"plan {id} has no route '{routeId}'; its routes are {string.Join(", ", plan.Routes.Select(r => r.RouteId))}"));
        using var writer = new StringWriter();
        ManifestCsv.Write(route, writer);
        return TypedResults.Text(writer.ToString(), "text/csv; charset=utf-8", Encoding.UTF8);
    }

    private static async Task<Results<Accepted<PlanView>, ProblemHttpResult>> CancelAsync(string id, PlanStore store,
        PlanJobQueue queue, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(id, cancellationToken) is not { } record) return NotFound(id);
        var cancelled = record.Status == PlanStatus.Queued
                        && await store.CancelQueuedAsync(id, "cancelled before it started", clock.GetUtcNow(), cancellationToken);
        // A queued job may have started between the read and the update: then it is cancelled as a running one, here or
        // (through the database) by the instance running it.
        if (!cancelled && !queue.CancelRunning(id) && !await store.RequestCancelAsync(id, cancellationToken))
            return TypedResults.Problem(Problem(StatusCodes.Status409Conflict, "The job has ended",
                $"plan {id} is {record.Status}; only a queued or running job can be cancelled"));
        var now = await store.GetAsync(id, cancellationToken) ?? record;
        return TypedResults.Accepted($"/api/plans/{id}", await ViewAsync(now, store, queue, cancellationToken));
    }

    private static async Task<Results<ContentHttpResult, ValidationProblem, ProblemHttpResult>>
        MoveAsync(string id, HttpRequest request, PlanStore store, PlanEditGate gate, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync(request, cancellationToken);
        var storeId = Required(body, "storeId", "the id of the store to move, e.g. \"S-0042\"");
        var toRouteId = Required(body, "toRouteId", "the id of the route to move it to, e.g. \"van-02\"");
        if (body.Any || storeId is null || toRouteId is null) return body.ToProblem();

        return await gate.RunAsync<Results<ContentHttpResult, ValidationProblem, ProblemHttpResult>>(async () =>
        {
            if (await store.GetAsync(id, cancellationToken) is not { } record) return NotFound(id);
            if (record.Plan is not { } plan) return NoResult(record);
            if (await store.GetInputsAsync(id, cancellationToken) is not { } inputs) return NoResult(record);
            MoveResult result;
            try { result = PlanEditor.Move(ProblemMapper.Map(DayProblems.FromPlanInputs(inputs)), plan, storeId, toRouteId); }
            catch (PlanEditException e)
            {
                return FieldErrors.One(e.Field, e.Message);
            }
            if (result.Refusal is { } refusal)
            {
                var problem = Problem(StatusCodes.Status422UnprocessableEntity, "The store cannot go on that route", refusal.Message);
                problem.Extensions["reason"] = JsonNamingPolicy.CamelCase.ConvertName(refusal.Reason.ToString());
                problem.Extensions["storeId"] = storeId;
                problem.Extensions["toRouteId"] = toRouteId;
                return TypedResults.Problem(problem);
            }
            await store.ReplacePlanAsync(id, result.Plan!, cancellationToken);
            return TypedResults.Text(await ResultJsonAsync(record, result.Plan!, store, cancellationToken), "application/json; charset=utf-8", Encoding.UTF8);
        }, cancellationToken);
    }

    private static async Task<Results<Accepted<PlanView>, ValidationProblem, ProblemHttpResult>> ReoptimizeAsync(string id,
        HttpRequest request, PlanStore store, PlanJobQueue queue, TimeProvider clock, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync(request, cancellationToken);
        var locked = body.Strings("lockedRouteIds") ?? [];
        var limit = TimeLimit(body);
        if (await store.GetAsync(id, cancellationToken) is not { } baseRecord) return NotFound(id);
        if (baseRecord.Plan is not { } plan) return NoResult(baseRecord);
        var engine = Engine(body, baseRecord.Options.Engine);
        var unknown = locked.Where(r => plan.Routes.All(route => route.RouteId != r)).ToList();
        if (unknown.Count > 0)
            body.Add("lockedRouteIds", $"'{string.Join("', '", unknown)}' {(unknown.Count == 1 ? "is not a route" : "are not routes")} of plan {id}; its routes are {string.Join(", ", plan.Routes.Select(r => r.RouteId))}");
        if (body.Any) return body.ToProblem();
        if (await store.GetInputsAsync(id, cancellationToken) is not { } inputs) return NoResult(baseRecord);

        var record = new PlanRecord(NewId(), baseRecord.Date, PlanStatus.Queued, id, clock.GetUtcNow(), null, null,
            new PlanJobOptions(limit, baseRecord.Options.Seed, baseRecord.Options.SoftWindows, locked.Distinct().ToArray(), engine), null, null, null, null);
        // The new job plans on the base plan's own inputs, not on whatever the day's inputs are now.
        await store.CreateAsync(record, inputs, cancellationToken);
        queue.Enqueue(record.Id);
        return TypedResults.Accepted($"/api/plans/{record.Id}", PlanView.From(record, null, null));
    }

    private static async Task<Results<Ok<PublishResponse>, ValidationProblem, ProblemHttpResult>> PublishAsync(
        string id, HttpRequest request, PlanStore store, PlanPublisher publisher, PlanEditGate gate, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync(request, cancellationToken);
        var chosen = body.StringMap("trucks") ?? new Dictionary<string, string>();
        if (body.Any) return body.ToProblem();

        return await gate.RunAsync<Results<Ok<PublishResponse>, ValidationProblem, ProblemHttpResult>>(async () =>
        {
            if (await store.GetAsync(id, cancellationToken) is not { } record) return NotFound(id);
            if (record.Plan is not { } plan) return NoResult(record);
            if (plan.Routes.Count == 0)
                return TypedResults.Problem(Problem(StatusCodes.Status409Conflict, "Nothing to publish", $"plan {id} has no routes"));
            foreach (var (routeId, truck) in chosen)
            {
                if (plan.Routes.All(r => r.RouteId != routeId))
                    body.Add($"trucks.{routeId}", $"'{routeId}' is not a route of plan {id}; its routes are {string.Join(", ", plan.Routes.Select(r => r.RouteId))}");
                if (!TruckId.IsValid(truck))
                    body.Add($"trucks.{routeId}", $"'{truck}' is not a truck id; use letters, digits, '-' or '_' (at most 64), e.g. \"T-001\"");
            }
            var assignment = plan.Routes.Select((r, i) => (Route: r, TruckId: chosen.GetValueOrDefault(r.RouteId) ?? PlanPublisher.DefaultTruck(i + 1))).ToList();
            foreach (var twice in assignment.GroupBy(a => a.TruckId).Where(g => g.Count() > 1))
                body.Add("trucks", $"'{twice.Key}' would get {string.Join(" and ", twice.Select(a => a.Route.RouteId))}; a truck drives one route");
            if (body.Any) return body.ToProblem();
            try { await publisher.PublishAsync(record, plan, assignment, cancellationToken); }
            catch (PublishFailedException e)
            {
                return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "The plan could not be published");
            }
            return TypedResults.Ok(new PublishResponse(assignment.ToDictionary(a => a.Route.RouteId, a => a.TruckId, StringComparer.Ordinal)));
        }, cancellationToken);
    }

    private static async Task<PlanView> ViewAsync(PlanRecord record, PlanStore store, PlanJobQueue queue, CancellationToken cancellationToken)
    {
        var published = await store.LatestPublicationAsync(record.Id, cancellationToken);
        return PlanView.From(record, queue.ProgressOf(record.Id), published.Count > 0 ? published[0].PublishedAt : null);
    }

    /// <summary>The plan in PlanJson's format, plus the id of its job and, once published, route → truck.</summary>
    private static async Task<string> ResultJsonAsync(PlanRecord record, Plan plan, PlanStore store, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.SerializeToNode(plan, PlanJson.Options)!.AsObject();
        json.Insert(0, "planId", record.Id);
        var published = await store.LatestPublicationAsync(record.Id, cancellationToken);
        if (published.Count > 0)
        {
            var trucks = new JsonObject();
            foreach (var p in published) trucks[p.RouteId] = p.TruckId;
            json["trucks"] = trucks;
        }
        return json.ToJsonString(PlanJson.Options);
    }

    private static int TimeLimit(RequestBody body)
    {
        var limit = body.Int("timeLimitSeconds") ?? DefaultTimeLimitSeconds;
        if (limit is < 1 or > MaxTimeLimitSeconds)
            body.Add("timeLimitSeconds", $"'{limit}' is out of range; give 1 to {MaxTimeLimitSeconds} seconds (default {DefaultTimeLimitSeconds})");
        return limit;
    }

    /// <summary>The "engine" field: one of <see cref="RoutingEngines.Names"/>, or <paramref name="fallback"/> when absent.</summary>
    private static string Engine(RequestBody body, string fallback)
    {
        var text = body.String("engine");
        if (text is null) return fallback;
        if (RoutingEngines.TryParse(text, out var engine, out var error)) return engine;
        body.Add("engine", error);
        return fallback;
    }

    private static string? Required(RequestBody body, string field, string what)
    {
        var value = body.String(field);
        if (string.IsNullOrWhiteSpace(value) && !body.Errors.ContainsKey(field)) body.Add(field, $"is required: {what}");
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem(Problem(StatusCodes.Status404NotFound, "No such plan", $"there is no plan '{id}'; GET /api/plans lists them"));

    private static ProblemHttpResult NoResult(PlanRecord record) =>
        TypedResults.Problem(Problem(StatusCodes.Status409Conflict, "The plan has no result",
            record.Status is PlanStatus.Queued or PlanStatus.Running
                ? $"plan {record.Id} is {record.Status}; wait until it has succeeded (GET /api/plans/{record.Id})"
                : $"plan {record.Id} {record.Status} without a plan{(record.Error is null ? "" : $": {record.Error}")}"));

    private static ProblemDetails Problem(int status, string title, string detail) => new() { Status = status, Title = title, Detail = detail };

    /// <summary>Short, URL-safe and unguessable enough that ids cannot be walked.</summary>
    private static string NewId() => "p_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}
