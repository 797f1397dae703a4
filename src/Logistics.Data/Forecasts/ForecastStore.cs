using System.Text.Json;
using System.Text.Json.Serialization;
using Logistics.Data.Jobs;
using Logistics.Forecasting;
using System.Data.Common;

namespace Logistics.Data.Forecasts;

/// <summary>Forecast jobs and their results (the result as JSON). Status changes are conditional on the status
/// they leave, as in <see cref="Plans.PlanStore"/>, so a cancel racing a start cannot both win. Thread-safe.</summary>
/// <param name="instance">This instance, as it claims jobs; a new one of its own when null.</param>
public sealed class ForecastStore(LogisticsDatabase database, JobInstance? instance = null) : IJobClaims
{
    private readonly JobRows _jobs = new(database, "forecasts", "result", instance ?? JobInstance.CreateDefault());

    private const string Columns = "id, status, created_at, started_at, finished_at, options, progress, error, note, result";

    /// <summary>A backtest score is NaN where a method covered no series: kept as such, not refused.</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public Task CreateAsync(ForecastRecord job, CancellationToken cancellationToken = default) =>
        ExecuteAsync("INSERT INTO forecasts (id, status, created_at, options) VALUES (@id, @status, @at, @options)", cancellationToken,
            ("@id", job.Id), ("@status", job.Status), ("@at", job.CreatedAt.ToUnixTimeMilliseconds()), ("@options", JsonSerializer.Serialize(job.Options, Json)));

    public async Task<ForecastRecord?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        (await QueryAsync($"SELECT {Columns} FROM forecasts WHERE id = @id", cancellationToken, ("@id", id))).FirstOrDefault();

    /// <summary>Newest first, without their results (a list need not parse every result).</summary>
    public Task<IReadOnlyList<ForecastRecord>> ListAsync(CancellationToken cancellationToken = default) =>
        QueryAsync("SELECT id, status, created_at, started_at, finished_at, options, progress, error, note, NULL FROM forecasts ORDER BY created_at DESC, id",
            cancellationToken);

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

    public Task SaveProgressAsync(string id, ForecastJobProgress progress, CancellationToken cancellationToken = default) =>
        _jobs.SaveProgressAsync(id, JsonSerializer.Serialize(progress, Json), cancellationToken);

    /// <summary>Ends a running job of this instance.</summary>
    /// <returns>False when it was not running here any more (taken over by another instance, or ended).</returns>
    public Task<bool> FinishAsync(string id, string status, ForecastResult? result, ForecastJobProgress? progress, string? error, string? note,
        DateTimeOffset at, CancellationToken cancellationToken = default) =>
        _jobs.FinishAsync(id, status, result is null ? null : JsonSerializer.Serialize(result, Json),
            progress is null ? null : JsonSerializer.Serialize(progress, Json), error, note, at, cancellationToken);

    /// <returns>False when the job had left the queue already.</returns>
    public Task<bool> CancelQueuedAsync(string id, string note, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        _jobs.CancelQueuedAsync(id, note, at, cancellationToken);

    private async Task<IReadOnlyList<ForecastRecord>> QueryAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(sql, null, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<ForecastRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new ForecastRecord(reader.GetString(0), reader.GetString(1), Instant(reader, 2)!.Value, Instant(reader, 3), Instant(reader, 4),
                JsonSerializer.Deserialize<ForecastJobOptions>(reader.GetString(5), Json)!,
                reader.IsDBNull(6) ? null : JsonSerializer.Deserialize<ForecastJobProgress>(reader.GetString(6), Json),
                reader.IsDBNull(7) ? null : reader.GetString(7), reader.IsDBNull(8) ? null : reader.GetString(8),
                reader.IsDBNull(9) ? null : JsonSerializer.Deserialize<ForecastResult>(reader.GetString(9), Json)));
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
}
