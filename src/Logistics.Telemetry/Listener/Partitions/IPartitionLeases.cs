namespace Logistics.Telemetry.Listener.Partitions;

/// <summary>Leases on the listener's partitions in a database shared by the instances (the service's PostgreSQL
/// database): a partition is held by one instance at a time, renewed about every third of <see cref="Lease"/>; an
/// instance that stops renewing (it died) loses it once the lease has expired, and another claims it. Thread-safe.</summary>
public interface IPartitionLeases
{
    /// <summary>This instance's name in the partitions' history.</summary>
    string Instance { get; }

    TimeSpan Lease { get; }

    /// <summary>Makes the partitions known to the database (idempotent).</summary>
    Task EnsurePartitionsAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Says this instance is alive for another lease; returns how many instances are alive (this one included).</summary>
    Task<int> HeartbeatAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>This instance stops listening: the others stop counting it.</summary>
    Task LeaveAsync(CancellationToken cancellationToken);

    /// <summary>Claims a partition nobody holds; null when none is free.</summary>
    Task<PartitionClaim?> ClaimAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <returns>False when another instance holds the partition now.</returns>
    Task<bool> RenewAsync(int partition, DateTimeOffset now, CancellationToken cancellationToken);

    Task ReleaseAsync(int partition, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <param name="TakenOverFrom">The instance that held it before and stopped renewing or released it; null the first time.</param>
public sealed record PartitionClaim(int Partition, string? TakenOverFrom);
