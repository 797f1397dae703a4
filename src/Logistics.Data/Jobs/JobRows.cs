using System.Data.Common;
using System.Globalization;
using Logistics.Storage;

namespace Logistics.Data.Jobs;

/// <summary>The life of a job's row, the same for planning and forecast jobs: queued → running → succeeded, failed
/// or cancelled, in a table with the columns id, status, created_at, started_at, finished_at, progress, error, note,
/// one result column and the claim's owner, lease_until, attempts and cancel_requested (<see cref="JobSchema"/>).
/// Every change is conditional on the status it leaves, so a cancel racing a start cannot both win; a running job's
/// changes are conditional on its owner too, so an instance whose job was taken over cannot write over the new
/// owner's. Any number of instances may claim from one database: each job is claimed by one (PostgreSQL: <c>FOR
/// UPDATE SKIP LOCKED</c>; SQLite: one writer at a time). Thread-safe.</summary>
/// <param name="table">The store's own table name (a constant, never user input).</param>
/// <param name="resultColumn">The column a finished job's result goes to.</param>
/// <param name="maxAttempts">Takeovers after which a job is failed instead (<see cref="JobInstance.MaxAttempts"/>); null:
/// never (a row that is not a job but a lease held for ever, such as a listener partition's).</param>
/// <param name="idPrefix">Claims only rows whose id starts with it (null: any row of the table).</param>
internal sealed class JobRows(LogisticsDatabase database, string table, string resultColumn, JobInstance instance,
    int? maxAttempts = JobInstance.MaxAttempts, string? idPrefix = null)
{
    public JobInstance Instance => instance;

    /// <summary>Takes the oldest job that is waiting, or running under a lease that expired before <paramref name="now"/>
    /// (its instance stopped renewing it: it died or lost the database), for this instance until now + the lease. A job
    /// taken over <c>maxAttempts</c> times already is failed instead, and the next one looked at.</summary>
    /// <returns>Null when no job is waiting.</returns>
    public async Task<JobClaim?> ClaimAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        while (true)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            string id, status;
            string? previous;
            long? leaseUntil;
            int attempts;
            await using (var select = connection.Command($"""
                SELECT id, status, owner, lease_until, attempts FROM {table}
                WHERE (status = 'queued' OR (status = 'running' AND (lease_until IS NULL OR lease_until < @now))){(idPrefix is null ? "" : " AND id LIKE @prefix")}
                ORDER BY created_at, id LIMIT 1{database.Dialect.SkipLocked}
                """, transaction, idPrefix is null ? [("@now", Millis(now))] : [("@now", Millis(now)), ("@prefix", idPrefix + "%")]))
            await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
            {
                if (!await reader.ReadAsync(cancellationToken)) return null;
                (id, status) = (reader.GetString(0), reader.GetString(1));
                previous = reader.IsDBNull(2) ? null : reader.GetString(2);
                leaseUntil = reader.IsDBNull(3) ? null : reader.GetInt64(3);
                attempts = Convert.ToInt32(reader.GetValue(4), CultureInfo.InvariantCulture);
            }
            var takeover = status == "running";
            var was = previous ?? "an instance of an earlier release";
            var expired = leaseUntil is { } l
                ? string.Create(CultureInfo.InvariantCulture, $"its lease expired at {Time(l):yyyy-MM-dd HH:mm:ss}Z")
                : "it held no lease";
            if (takeover && attempts >= maxAttempts)
            {
                var error = $"stopped {attempts} times with the instance running it (last {was}, {expired}); not started again";
                await connection.ExecuteAsync($"""
                    UPDATE {table} SET status = 'failed', error = @error, finished_at = @now, owner = NULL, lease_until = NULL WHERE id = @id
                    """, transaction, cancellationToken, ("@id", id), ("@error", error), ("@now", Millis(now)));
                await HistoryAsync(connection, transaction, id, now, $"failed: {error}", cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                continue;
            }
            await connection.ExecuteAsync($"""
                UPDATE {table} SET status = 'running', owner = @owner, lease_until = @lease, attempts = attempts + 1, started_at = @now,
                    progress = NULL, cancel_requested = 0
                WHERE id = @id
                """, transaction, cancellationToken,
                ("@id", id), ("@owner", instance.Id), ("@lease", Millis(now + instance.Lease)), ("@now", Millis(now)));
            await HistoryAsync(connection, transaction, id, now,
                takeover ? $"taken over from {was} ({expired}); started again (attempt {attempts + 1})" : "claimed and started", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new JobClaim(id, takeover ? was : null, attempts + 1);
        }
    }

    /// <summary>Extends this instance's lease on a running job to <paramref name="now"/> + the lease, and reads
    /// whether a user asked for it to stop.</summary>
    public async Task<JobRenewal> RenewAsync(string id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            $"UPDATE {table} SET lease_until = @lease WHERE id = @id AND status = 'running' AND owner = @owner RETURNING cancel_requested", null,
            ("@id", id), ("@owner", instance.Id), ("@lease", Millis(now + instance.Lease)));
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? new JobRenewal(false, false) : new JobRenewal(true, Convert.ToInt64(value, CultureInfo.InvariantCulture) != 0);
    }

    /// <summary>Gives a running job up (this instance is stopping), so another takes it over at once instead of after the lease.</summary>
    /// <returns>False when this instance did not own it any more.</returns>
    public async Task<bool> ReleaseAsync(string id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var released = await connection.ExecuteAsync(
            $"UPDATE {table} SET lease_until = @now WHERE id = @id AND status = 'running' AND owner = @owner", transaction, cancellationToken,
            ("@id", id), ("@owner", instance.Id), ("@now", Millis(now))) == 1;
        if (released) await HistoryAsync(connection, transaction, id, now, "released: the instance is stopping", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return released;
    }

    /// <summary>Asks the instance running the job to cancel it (it sees the request when it next renews its lease).</summary>
    /// <returns>False when the job is not running.</returns>
    public async Task<bool> RequestCancelAsync(string id, CancellationToken cancellationToken) =>
        await ExecuteAsync($"UPDATE {table} SET cancel_requested = 1 WHERE id = @id AND status = 'running'", cancellationToken, ("@id", id)) == 1;

    public Task SaveProgressAsync(string id, string progressJson, CancellationToken cancellationToken) =>
        ExecuteAsync($"UPDATE {table} SET progress = @progress WHERE id = @id AND {Owned}", cancellationToken,
            ("@id", id), ("@progress", progressJson), ("@owner", instance.Id));

    /// <summary>Ends a running job of this instance; a null progress keeps the last one saved.</summary>
    /// <returns>False when the job was not running here (taken over by another instance, or ended already).</returns>
    public async Task<bool> FinishAsync(string id, string status, string? resultJson, string? progressJson, string? error, string? note,
        DateTimeOffset at, CancellationToken cancellationToken) =>
        await ExecuteAsync($"""
            UPDATE {table} SET status = @status, {resultColumn} = @result, progress = COALESCE(@progress, progress), error = @error, note = @note,
                finished_at = @at, lease_until = NULL
            WHERE id = @id AND status = 'running' AND {Owned}
            """, cancellationToken,
            ("@id", id), ("@status", status), ("@result", resultJson), ("@progress", progressJson), ("@error", error), ("@note", note),
            ("@at", at.ToUnixTimeMilliseconds()), ("@owner", instance.Id)) == 1;

    /// <returns>False when the job had left the queue already.</returns>
    public async Task<bool> CancelQueuedAsync(string id, string note, DateTimeOffset at, CancellationToken cancellationToken) =>
        await ExecuteAsync($"UPDATE {table} SET status = 'cancelled', note = @note, finished_at = @at WHERE id = @id AND status = 'queued'",
            cancellationToken, ("@id", id), ("@note", note), ("@at", at.ToUnixTimeMilliseconds())) == 1;

    /// <summary>The job's claims, takeovers and releases, oldest first.</summary>
    public async Task<IReadOnlyList<JobEvent>> HistoryAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT at, instance, event FROM job_history WHERE job_table = @table AND job_id = @id ORDER BY seq",
            null, ("@table", table), ("@id", id));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var events = new List<JobEvent>();
        while (await reader.ReadAsync(cancellationToken)) events.Add(new JobEvent(Time(reader.GetInt64(0)), reader.GetString(1), reader.GetString(2)));
        return events;
    }

    /// <summary>The owner's condition on a running job's writes (@owner bound to this instance). A running job without
    /// an owner was started by a release before claims; any instance takes it over, and until then it may end it.</summary>
    private const string Owned = "(owner IS NULL OR owner = @owner)";

    private Task HistoryAsync(DbConnection connection, DbTransaction transaction, string id, DateTimeOffset at, string what, CancellationToken cancellationToken) =>
        connection.ExecuteAsync("INSERT INTO job_history (job_table, job_id, at, instance, event) VALUES (@table, @id, @at, @instance, @event)",
            transaction, cancellationToken, ("@table", table), ("@id", id), ("@at", Millis(at)), ("@instance", instance.Id), ("@event", what));

    private async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(sql, null, cancellationToken, parameters);
    }

    private static long Millis(DateTimeOffset t) => t.ToUnixTimeMilliseconds();

    private static DateTimeOffset Time(long millis) => DateTimeOffset.FromUnixTimeMilliseconds(millis);
}
