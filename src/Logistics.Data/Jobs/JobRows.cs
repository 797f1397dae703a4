using Logistics.Storage;

namespace Logistics.Data.Jobs;

/// <summary>The life of a job's row, the same for planning and forecast jobs: queued → running → succeeded, failed
/// or cancelled, in a table with the columns id, status, created_at, started_at, finished_at, progress, error, note
/// and one result column. Every change is conditional on the status it leaves, so a cancel racing a start cannot
/// both win. Thread-safe.</summary>
/// <param name="table">The store's own table name (a constant, never user input).</param>
/// <param name="resultColumn">The column a finished job's result goes to.</param>
internal sealed class JobRows(LogisticsDatabase database, string table, string resultColumn)
{
    /// <summary>Ids of the jobs waiting to run, oldest first.</summary>
    public async Task<IReadOnlyList<string>> QueuedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command($"SELECT id FROM {table} WHERE status = 'queued' ORDER BY created_at, id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new List<string>();
        while (await reader.ReadAsync(cancellationToken)) ids.Add(reader.GetString(0));
        return ids;
    }

    /// <returns>False when the job is no longer queued (it was cancelled).</returns>
    public async Task<bool> StartAsync(string id, DateTimeOffset at, CancellationToken cancellationToken) =>
        await ExecuteAsync($"UPDATE {table} SET status = 'running', started_at = @at WHERE id = @id AND status = 'queued'", cancellationToken,
            ("@id", id), ("@at", at.ToUnixTimeMilliseconds())) == 1;

    public Task SaveProgressAsync(string id, string progressJson, CancellationToken cancellationToken) =>
        ExecuteAsync($"UPDATE {table} SET progress = @progress WHERE id = @id", cancellationToken, ("@id", id), ("@progress", progressJson));

    /// <summary>Ends a running job; a null progress keeps the last one saved.</summary>
    public Task FinishAsync(string id, string status, string? resultJson, string? progressJson, string? error, string? note, DateTimeOffset at,
        CancellationToken cancellationToken) =>
        ExecuteAsync($"""
            UPDATE {table} SET status = @status, {resultColumn} = @result, progress = COALESCE(@progress, progress), error = @error, note = @note,
                finished_at = @at
            WHERE id = @id AND status = 'running'
            """, cancellationToken,
            ("@id", id), ("@status", status), ("@result", resultJson), ("@progress", progressJson), ("@error", error), ("@note", note),
            ("@at", at.ToUnixTimeMilliseconds()));

    /// <returns>False when the job had left the queue already.</returns>
    public async Task<bool> CancelQueuedAsync(string id, string note, DateTimeOffset at, CancellationToken cancellationToken) =>
        await ExecuteAsync($"UPDATE {table} SET status = 'cancelled', note = @note, finished_at = @at WHERE id = @id AND status = 'queued'",
            cancellationToken, ("@id", id), ("@note", note), ("@at", at.ToUnixTimeMilliseconds())) == 1;

    /// <summary>Marks every running job failed: at start, no job of this process can be running.</summary>
    /// <returns>How many there were.</returns>
    public Task<int> FailRunningAsync(string error, DateTimeOffset at, CancellationToken cancellationToken) =>
        ExecuteAsync($"UPDATE {table} SET status = 'failed', error = @error, finished_at = @at WHERE status = 'running'", cancellationToken,
            ("@error", error), ("@at", at.ToUnixTimeMilliseconds()));

    private async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(sql, null, cancellationToken, parameters);
    }
}
