using Logistics.Data;
using Logistics.Data.Jobs;
using Logistics.Data.Partitions;
using Logistics.Telemetry.Listener;
using Logistics.Telemetry.Listener.Partitions;

namespace Logistics.Service.Storage;

/// <summary>The listener's partition leases in the service's PostgreSQL database (<see cref="PartitionLeaseStore"/>),
/// held under this instance's id (<c>Database:InstanceId</c>) for <c>Listener:PartitionLeaseSeconds</c>. Registered on
/// PostgreSQL only: on a SQLite file the one instance runs every partition without leases.</summary>
public sealed class PartitionLeases(LogisticsDatabase database, JobInstance instance, ListenerOptions options) : IPartitionLeases
{
    private readonly PartitionLeaseStore _store = new(database, options.Partitions,
        instance with { Lease = TimeSpan.FromSeconds(options.PartitionLeaseSeconds) });


    public string Instance => _store.Instance.Id;

    public TimeSpan Lease => _store.Instance.Lease;

    public Task EnsurePartitionsAsync(DateTimeOffset now, CancellationToken cancellationToken) => _store.EnsurePartitionsAsync(now, cancellationToken);

    public Task<int> HeartbeatAsync(DateTimeOffset now, CancellationToken cancellationToken) => _store.HeartbeatAsync(now, cancellationToken);

    public Task LeaveAsync(CancellationToken cancellationToken) => _store.LeaveAsync(cancellationToken);

    public async Task<PartitionClaim?> ClaimAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        await _store.ClaimAsync(now, cancellationToken) is { } claim ? new PartitionClaim(claim.Partition, claim.TakenOverFrom) : null;

    public Task<bool> RenewAsync(int partition, DateTimeOffset now, CancellationToken cancellationToken) => _store.RenewAsync(partition, now, cancellationToken);

    public Task ReleaseAsync(int partition, DateTimeOffset now, CancellationToken cancellationToken) => _store.ReleaseAsync(partition, now, cancellationToken);
}
