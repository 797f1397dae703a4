using System.Globalization;
using System.Text.Json;
using Logistics.Routing.Planning;
using Logistics.Data.Jobs;
using Logistics.Storage;
using System.Data.Common;

namespace Logistics.Data.Plans;

/// <summary>Planning jobs, their plans and inputs, and which truck got which route. Status changes are
/// conditional on the status they leave (e.g. only a queued job starts), so a cancel racing a start
/// cannot both win. Thread-safe.</summary>
/// <param name="instance">This instance, as it claims jobs; a new one of its own when null.</param>
public sealed class PlanStore(LogisticsDatabase database, JobInstance? instance = null) : IJobClaims
{
    private readonly JobRows _jobs = new(database, "plans", "plan", instance ?? JobInstance.CreateDefault());

    private const string Columns = "id, date, status, based_on, created_at, started_at, finished_at, options, progress, error, note, plan";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task CreateAsync(PlanRecord plan, PlanInputs? inputs, CancellationToken cancellationToken = default)
    {
        await ExecuteAsync("""
            INSERT INTO plans (id, date, status, based_on, created_at, options, inputs)
            VALUES (@id, @date, @status, @basedOn, @at, @options, @inputs)
            """, cancellationToken,
            ("@id", plan.Id), ("@date", Day(plan.Date)), ("@status", plan.Status), ("@basedOn", plan.BasedOn),
            ("@at", plan.CreatedAt.ToUnixTimeMilliseconds()), ("@options", JsonSerializer.Serialize(plan.Options, Json)), ("@inputs", inputs?.Serialize()));
    }

    public async Task<PlanRecord?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        (await QueryAsync($"SELECT {Columns} FROM plans WHERE id = @id", cancellationToken, ("@id", id))).FirstOrDefault();

    /// <summary>Newest first; every date when <paramref name="date"/> is null.</summary>
    public Task<IReadOnlyList<PlanRecord>> ListAsync(DateOnly? date, CancellationToken cancellationToken = default) =>
        date is { } d
            ? QueryAsync($"SELECT {Columns} FROM plans WHERE date = @date ORDER BY created_at DESC, id", cancellationToken, ("@date", Day(d)))
            : QueryAsync($"SELECT {Columns} FROM plans ORDER BY created_at DESC, id", cancellationToken);

    public async Task<PlanInputs?> GetInputsAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT inputs FROM plans WHERE id = @id", null, ("@id", id));
        return await command.ExecuteScalarAsync(cancellationToken) is string json ? PlanInputs.Deserialize(json) : null;
    }

    public Task SaveInputsAsync(string id, PlanInputs inputs, CancellationToken cancellationToken = default) =>
        ExecuteAsync("UPDATE plans SET inputs = @inputs WHERE id = @id", cancellationToken, ("@id", id), ("@inputs", inputs.Serialize()));

    public JobInstance Instance => _jobs.Instance;

    /// <summary>This instance's claim on the oldest waiting job, or on one whose instance's lease expired (<see cref="JobRows.ClaimAsync"/>).</summary>
    /// <returns>Null when none is waiting.</returns>
    public Task<JobClaim?> ClaimAsync(DateTimeOffset now, CancellationToken cancellationToken = default) => _jobs.ClaimAsync(now, cancellationToken);

    /// <summary>Extends this instance's lease on a running job; says whether it still owns it and whether a user asked it to stop.</summary>
    public Task<JobRenewal> RenewAsync(string id, DateTimeOffset now, CancellationToken cancellationToken = default) => _jobs.RenewAsync(id, now, cancellationToken);

    /// <summary>Gives a running job up (this instance is stopping): another instance takes it over at once.</summary>
    public Task<bool> ReleaseAsync(string id, DateTimeOffset now, CancellationToken cancellationToken = default) => _jobs.ReleaseAsync(id, now, cancellationToken);

    /// <summary>Asks whichever instance runs the job to cancel it.</summary>
    /// <returns>False when the job is not running.</returns>
    public Task<bool> RequestCancelAsync(string id, CancellationToken cancellationToken = default) => _jobs.RequestCancelAsync(id, cancellationToken);

    /// <summary>The job's claims and takeovers, oldest first.</summary>
    public Task<IReadOnlyList<JobEvent>> HistoryAsync(string id, CancellationToken cancellationToken = default) => _jobs.HistoryAsync(id, cancellationToken);

    public Task SaveProgressAsync(string id, PlanProgress progress, CancellationToken cancellationToken = default) =>
        _jobs.SaveProgressAsync(id, JsonSerializer.Serialize(progress, Json), cancellationToken);

    /// <summary>Ends a running job of this instance.</summary>
    /// <returns>False when it was not running here any more (taken over by another instance, or ended).</returns>
    public Task<bool> FinishAsync(string id, string status, Plan? plan, PlanProgress? progress, string? error, string? note, DateTimeOffset at,
        CancellationToken cancellationToken = default) =>
        _jobs.FinishAsync(id, status, plan is null ? null : PlanJson.Serialize(plan), progress is null ? null : JsonSerializer.Serialize(progress, Json),
            error, note, at, cancellationToken);

    /// <returns>False when the job had left the queue already.</returns>
    public Task<bool> CancelQueuedAsync(string id, string note, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        _jobs.CancelQueuedAsync(id, note, at, cancellationToken);

    /// <summary>Replaces the plan of a finished job (an edit by the dispatcher).</summary>
    public Task ReplacePlanAsync(string id, Plan plan, CancellationToken cancellationToken = default) =>
        ExecuteAsync("UPDATE plans SET plan = @plan WHERE id = @id", cancellationToken, ("@id", id), ("@plan", PlanJson.Serialize(plan)));

    /// <summary>Records that each route went to its truck, all at <paramref name="at"/>.</summary>
    public async Task RecordPublicationAsync(string planId, IReadOnlyList<(PlannedRoute Route, string TruckId)> sent, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var (route, truckId) in sent)
        {
            await connection.ExecuteAsync(
                "INSERT INTO plan_publications (plan_id, route_id, truck_id, published_at, route) VALUES (@plan, @route, @truck, @at, @json)",
                transaction, cancellationToken, ("@plan", planId), ("@route", route.RouteId), ("@truck", truckId), ("@at", at.ToUnixTimeMilliseconds()),
                ("@json", JsonSerializer.Serialize(route, PlanJson.Options)));
        }
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The plan's latest publication (every route sent at that time); empty when never published.</summary>
    public Task<IReadOnlyList<PlanPublication>> LatestPublicationAsync(string planId, CancellationToken cancellationToken = default) =>
        PublicationsAsync("""
            SELECT p.plan_id, plans.date, p.route_id, p.truck_id, p.published_at, p.route FROM plan_publications p JOIN plans ON plans.id = p.plan_id
            WHERE p.plan_id = @key AND p.published_at = (SELECT MAX(published_at) FROM plan_publications WHERE plan_id = @key)
            ORDER BY p.route_id
            """, planId, cancellationToken);

    /// <summary>Every route ever published to <paramref name="truckId"/>, oldest first.</summary>
    public Task<IReadOnlyList<PlanPublication>> PublicationsOfTruckAsync(string truckId, CancellationToken cancellationToken = default) =>
        PublicationsAsync("""
            SELECT p.plan_id, plans.date, p.route_id, p.truck_id, p.published_at, p.route FROM plan_publications p JOIN plans ON plans.id = p.plan_id
            WHERE p.truck_id = @key ORDER BY p.published_at, p.plan_id
            """, truckId, cancellationToken);

    private async Task<IReadOnlyList<PlanPublication>> PublicationsAsync(string sql, string key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(sql, null, ("@key", key));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<PlanPublication>();
        while (await reader.ReadAsync(cancellationToken))
            list.Add(new PlanPublication(reader.GetString(0), ParseDay(reader.GetString(1)), reader.GetString(2), reader.GetString(3),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)), JsonSerializer.Deserialize<PlannedRoute>(reader.GetString(5), PlanJson.Options)!));
        return list;
    }

    private async Task<IReadOnlyList<PlanRecord>> QueryAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(sql, null, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<PlanRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new PlanRecord(
                reader.GetString(0), ParseDay(reader.GetString(1)), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                Instant(reader, 4)!.Value, Instant(reader, 5), Instant(reader, 6),
                JsonSerializer.Deserialize<PlanJobOptions>(reader.GetString(7), Json)!,
                reader.IsDBNull(8) ? null : JsonSerializer.Deserialize<PlanProgress>(reader.GetString(8), Json),
                reader.IsDBNull(9) ? null : reader.GetString(9), reader.IsDBNull(10) ? null : reader.GetString(10),
                reader.IsDBNull(11) ? null : PlanJson.Deserialize(reader.GetString(11))));
        }
        return list;
    }

    private async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(sql, null, cancellationToken, parameters);
    }

    private static DateTimeOffset? Instant(DbDataReader reader, int column) =>
        reader.IsDBNull(column) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(column));

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly ParseDay(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
