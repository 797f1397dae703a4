using System.Globalization;
using Logistics.Data.Jobs;
using Logistics.Storage;

namespace Logistics.Data.Partitions;

/// <summary>The leases on the telemetry listener's partitions in the shared database. A partition is a row claimed,
/// renewed and released through <see cref="JobRows"/>, the planning jobs' lease code, as a job that never ends and is
/// never failed for being taken over; its history says who claimed, released and took it over. Beside it each instance
/// says until when it is alive, so that every instance can work out its share of the partitions. Thread-safe.</summary>
/// <param name="count">How many partitions the fleet is split into: rows are named <c>{count}:{index}</c>, so instances
/// configured with another count never claim these.</param>
public sealed class PartitionLeaseStore(LogisticsDatabase database, int count, JobInstance instance)
{
    private readonly JobRows _rows = new(database, "listener_partitions", "result", instance, maxAttempts: null, idPrefix: Prefix(count));

    public JobInstance Instance => instance;

    public int Count => count;

    /// <summary>Makes the partitions' rows (waiting to be claimed) unless they exist.</summary>
    public async Task EnsurePartitionsAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        for (var i = 0; i < count; i++)
            await connection.ExecuteAsync("""
                INSERT INTO listener_partitions (id, status, created_at) VALUES (@id, 'queued', @at) ON CONFLICT (id) DO NOTHING
                """, null, cancellationToken, ("@id", Id(i)), ("@at", now.ToUnixTimeMilliseconds()));
    }

    /// <summary>Says this instance is alive until now + the lease, and counts the instances alive now (this one included).</summary>
    public async Task<int> HeartbeatAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("""
            INSERT INTO listener_instances (instance, seen_until) VALUES (@instance, @until)
            ON CONFLICT (instance) DO UPDATE SET seen_until = excluded.seen_until
            """, null, cancellationToken, ("@instance", instance.Id), ("@until", (now + instance.Lease).ToUnixTimeMilliseconds()));
        // Long-dead instances' rows go, so the table does not grow with every restart.
        await connection.ExecuteAsync("DELETE FROM listener_instances WHERE seen_until < @old", null, cancellationToken,
            ("@old", (now - TimeSpan.FromDays(1)).ToUnixTimeMilliseconds()));
        var alive = await connection.ScalarAsync("SELECT COUNT(*) FROM listener_instances WHERE seen_until >= @now", null, cancellationToken,
            ("@now", now.ToUnixTimeMilliseconds()));
        return Math.Max(1, Convert.ToInt32(alive, CultureInfo.InvariantCulture));
    }

    /// <summary>This instance stops: the others stop counting it at once.</summary>
    public async Task LeaveAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("DELETE FROM listener_instances WHERE instance = @instance", null, cancellationToken, ("@instance", instance.Id));
    }

    /// <summary>Claims a partition nobody holds (waiting, released, or its owner's lease expired).</summary>
    /// <returns>The partition and the instance it was taken over from (null for one never claimed); null when none is free.</returns>
    public async Task<(int Partition, string? TakenOverFrom)?> ClaimAsync(DateTimeOffset now, CancellationToken cancellationToken = default) =>
        await _rows.ClaimAsync(now, cancellationToken) is { } claim ? (Index(claim.Id), claim.TakenOverFrom) : null;

    /// <returns>False when this instance does not hold the partition any more (its lease expired and another took it).</returns>
    public async Task<bool> RenewAsync(int partition, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        (await _rows.RenewAsync(Id(partition), now, cancellationToken)).Owned;

    /// <summary>Gives the partition up, for another instance to take at once.</summary>
    public Task<bool> ReleaseAsync(int partition, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        _rows.ReleaseAsync(Id(partition), now, cancellationToken);

    /// <summary>The partition's claims, releases and takeovers, oldest first.</summary>
    public Task<IReadOnlyList<JobEvent>> HistoryAsync(int partition, CancellationToken cancellationToken = default) =>
        _rows.HistoryAsync(Id(partition), cancellationToken);

    /// <summary>Who holds each partition now (null: nobody, or a lease that expired).</summary>
    public async Task<IReadOnlyList<string?>> OwnersAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var owners = new string?[count];
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            "SELECT id, owner FROM listener_partitions WHERE id LIKE @prefix AND status = 'running' AND lease_until >= @now", null,
            ("@prefix", Prefix(count) + "%"), ("@now", now.ToUnixTimeMilliseconds()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            if (!reader.IsDBNull(1)) owners[Index(reader.GetString(0))] = reader.GetString(1);
        return owners;
    }

    private string Id(int partition) => string.Create(CultureInfo.InvariantCulture, $"{Prefix(count)}{partition}");

    private static string Prefix(int count) => string.Create(CultureInfo.InvariantCulture, $"{count}:");

    private static int Index(string id) => int.Parse(id.AsSpan(id.IndexOf(':') + 1), CultureInfo.InvariantCulture);
}
